package io.chaingraph.support;

import java.util.Map;

import io.chaingraph.config.Graph;

/** Builds small graphs for tests with plain Cypher (values as parameters), as the importer would store them. */
public final class Fixtures {

	private final Graph graph;

	public Fixtures(Graph graph) {
		this.graph = graph;
	}

	/** Removes every entity and import run; the schema and its migration records stay. */
	public Fixtures wipe() {
		this.graph.write("MATCH (n) WHERE NOT n:SchemaMigration DETACH DELETE n", Map.of());
		return this;
	}

	public Fixtures cypher(String cypher, Map<String, ?> parameters) {
		this.graph.write(cypher, parameters);
		return this;
	}

	public Fixtures cypher(String cypher) {
		return cypher(cypher, Map.of());
	}

}
