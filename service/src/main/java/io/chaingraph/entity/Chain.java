package io.chaingraph.entity;

import java.util.List;

import io.chaingraph.common.Props;
import org.neo4j.driver.types.MapAccessor;

/** An industry chain node (flat). */
public record Chain(String id, String name, List<String> aliases, String description, String source, int version) {

	public static Chain from(MapAccessor node) {
		return new Chain(Props.str(node, "id"), Props.str(node, "name"), Props.strings(node, "aliases"),
				Props.str(node, "description"), Props.str(node, "source"), Props.version(node));
	}

}
