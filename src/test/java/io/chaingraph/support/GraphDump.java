package io.chaingraph.support;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.chaingraph.config.Graph;

/**
 * A canonical text form of every entity and relationship (ids, labels, properties), leaving out
 * bookkeeping that differs between runs (importRun) and the ImportRun/SchemaMigration nodes.
 * Two graphs with the same dump hold the same facts.
 */
public final class GraphDump {

	private GraphDump() {
	}

	public static String of(Graph graph) {
		StringBuilder out = new StringBuilder();
		for (String line : graph.list("""
				MATCH (n:Entity)
				RETURN n.id AS id, [l IN labels(n) | l] AS labels, properties(n) AS props ORDER BY id""", Map.of(),
				r -> r.get("id").asString() + " " + sorted(r.get("labels").asList(v -> v.asString())) + " "
						+ canonical(r.get("props").asMap()))) {
			out.append(line).append('\n');
		}
		for (String line : graph.list("""
				MATCH (a:Entity)-[r]->(b:Entity)
				RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props ORDER BY a, type, b""", Map.of(),
				r -> r.get("a").asString() + " -" + r.get("type").asString() + "-> " + r.get("b").asString() + " "
						+ canonical(r.get("props").asMap()))) {
			out.append(line).append('\n');
		}
		return out.toString();
	}

	private static List<String> sorted(List<String> labels) {
		return labels.stream().sorted().toList();
	}

	private static String canonical(Map<String, Object> props) {
		Map<String, Object> copy = new TreeMap<>(props);
		copy.remove("importRun");
		return copy.toString();
	}

}
