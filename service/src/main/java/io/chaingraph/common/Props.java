package io.chaingraph.common;

import java.util.List;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;

/**
 * Null-tolerant reads of node and relationship properties. Entities are read with these, not with the
 * driver's object mapping ({@code Value.as}): an absent property takes a default (no aliases, version 0).
 */
public final class Props {

	private Props() {
	}

	public static String str(MapAccessor map, String key) {
		Value value = map.get(key);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	public static List<String> strings(MapAccessor map, String key) {
		Value value = map.get(key);
		return (value == null || value.isNull()) ? List.of() : value.asList(Value::asString);
	}

	public static Integer integer(MapAccessor map, String key) {
		Value value = map.get(key);
		return (value == null || value.isNull()) ? null : value.asInt();
	}

	/** The optimistic-concurrency version of an entity; 0 for one written before versions existed. */
	public static int version(MapAccessor map) {
		Integer version = integer(map, "version");
		return (version != null) ? version : 0;
	}

	public static Double dbl(MapAccessor map, String key) {
		Value value = map.get(key);
		return (value == null || value.isNull()) ? null : value.asDouble();
	}

}
