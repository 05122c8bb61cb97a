package io.chaingraph.entity;

import java.util.List;

import io.chaingraph.common.Props;
import org.neo4j.driver.types.MapAccessor;

/** A chain segment (flat; its chain, parent and neighbours are resolved by batch loaders). */
public record ChainNode(String id, String name, List<String> aliases, Stage stage, String description,
		String source, int version) {

	public static ChainNode from(MapAccessor node) {
		String stage = Props.str(node, "stage");
		return new ChainNode(Props.str(node, "id"), Props.str(node, "name"), Props.strings(node, "aliases"),
				(stage != null) ? Stage.valueOf(stage) : null, Props.str(node, "description"),
				Props.str(node, "source"), Props.version(node));
	}

}
