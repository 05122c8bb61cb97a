package io.chaingraph.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a download holds, whatever its format: the graph's own attributes (what was asked, whether the answer
 * was cut), the node and edge columns in order, and one map per node (keyed by column, {@code id} always)
 * and per edge ({@code id}, {@code source}, {@code target} always). A null value is absent from a row.
 */
record ExportGraph(Map<String, Object> attributes, List<Column> nodeColumns, List<Column> edgeColumns,
		List<Map<String, Object>> nodes, List<Map<String, Object>> edges) {

	/** The value types the formats know; a list is a list of strings. */
	enum Type {

		STRING, INT, DOUBLE, BOOLEAN, LIST

	}

	record Column(String name, Type type) {

		static Column of(String name, Type type) {
			return new Column(name, type);
		}

	}

	/** The type of a graph attribute from its value. */
	static Type typeOf(Object value) {
		if (value instanceof Integer || value instanceof Long) {
			return Type.INT;
		}
		if (value instanceof Double || value instanceof Float) {
			return Type.DOUBLE;
		}
		if (value instanceof Boolean) {
			return Type.BOOLEAN;
		}
		if (value instanceof List<?>) {
			return Type.LIST;
		}
		return Type.STRING;
	}

	/** A row without its null values. */
	static Map<String, Object> row(Object... keysAndValues) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			if (keysAndValues[i + 1] != null) {
				row.put((String) keysAndValues[i], keysAndValues[i + 1]);
			}
		}
		return row;
	}

	/** Whether a value is written in a format without lists: not null, not an empty list. */
	static boolean present(Object value) {
		return value != null && !(value instanceof List<?> list && list.isEmpty());
	}

	/** A value as text in a format without lists: list items joined by {@code ;}. */
	static String text(Object value) {
		if (value instanceof List<?> list) {
			return String.join(";", list.stream().map(String::valueOf).toList());
		}
		return String.valueOf(value);
	}

}
