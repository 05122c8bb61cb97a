package io.chaingraph.importing.validate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.chaingraph.config.Graph;

/** The validator's view of the graph: two read statements whatever the dataset's size. */
final class GraphLookups implements DatasetValidator.GraphView {

	private final Graph graph;

	GraphLookups(Graph graph) {
		this.graph = graph;
	}

	@Override
	public Map<String, DatasetValidator.Existing> existing(Set<String> ids) {
		Map<String, DatasetValidator.Existing> existing = new HashMap<>();
		this.graph.list("""
				UNWIND $ids AS id
				MATCH (n:Entity {id: id})
				RETURN id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name, n.aliases AS aliases""",
				Map.of("ids", List.copyOf(ids)), r -> existing.put(r.get("id").asString(),
						new DatasetValidator.Existing(r.get("label").asString(), r.get("name").asString(""),
								r.get("aliases").isNull() ? List.of() : r.get("aliases").asList(v -> v.asString()))));
		return existing;
	}

	@Override
	public Map<String, List<String>> ancestors(Set<String> ids) {
		Map<String, List<String>> ancestors = new HashMap<>();
		this.graph.list("""
				UNWIND $ids AS id
				MATCH (n:Entity {id: id})
				OPTIONAL MATCH path = (n)-[:PART_OF*1..50]->(a)
				WITH id, a, length(path) AS d ORDER BY id, d
				RETURN id, [x IN collect(a.id) WHERE x IS NOT NULL] AS ancestors""",
				Map.of("ids", List.copyOf(ids)),
				r -> ancestors.put(r.get("id").asString(), r.get("ancestors").asList(v -> v.asString())));
		return ancestors;
	}

}
