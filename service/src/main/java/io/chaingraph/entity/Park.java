package io.chaingraph.entity;

import java.util.List;

import io.chaingraph.common.Props;
import org.neo4j.driver.types.MapAccessor;

/** A park node (flat: relationships are resolved by batch loaders, never mapped as fields). */
public record Park(String id, String name, List<String> aliases, String kind, String region, String description,
		String source, int version) {

	public static Park from(MapAccessor node) {
		return new Park(Props.str(node, "id"), Props.str(node, "name"), Props.strings(node, "aliases"),
				Props.str(node, "kind"), Props.str(node, "region"), Props.str(node, "description"),
				Props.str(node, "source"), Props.version(node));
	}

}
