package io.chaingraph.entity;

import java.util.List;

import io.chaingraph.common.Props;
import org.neo4j.driver.types.MapAccessor;

/** An innovation platform node (flat). */
public record Platform(String id, String name, List<String> aliases, String kind, String level, String description,
		String source, int version) {

	public static Platform from(MapAccessor node) {
		return new Platform(Props.str(node, "id"), Props.str(node, "name"), Props.strings(node, "aliases"),
				Props.str(node, "kind"), Props.str(node, "level"), Props.str(node, "description"),
				Props.str(node, "source"), Props.version(node));
	}

}
