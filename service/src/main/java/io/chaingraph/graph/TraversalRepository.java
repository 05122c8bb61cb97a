package io.chaingraph.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chaingraph.config.Graph;
import io.chaingraph.config.Limits;
import io.chaingraph.config.NamedQueries;

import org.springframework.stereotype.Repository;

/**
 * Bounded traversals, one named statement each ({@code cypher/queries/upstream.cypher},
 * {@code downstream.cypher}, {@code network.cypher}). Neo4j needs path-length bounds as literals, so
 * the statements are prepared once per depth (1..{@link #MAX_DEPTH}) when the class loads
 * ({@link NamedQueries#perDepth}); the depth a client asks for only selects one of them after it has
 * been validated. Every other value is a parameter.
 */
@Repository
class TraversalRepository {

	/** Upper bound of the configurable depth cap. */
	static final int MAX_DEPTH = Limits.DEPTH_CEILING;

	/** Per depth (1..{@link #MAX_DEPTH}), see {@code cypher/queries/upstream.cypher}. */
	private static final String[] UPSTREAM = NamedQueries.perDepth("upstream.cypher");

	/** Per depth, see {@code cypher/queries/downstream.cypher}. */
	private static final String[] DOWNSTREAM = NamedQueries.perDepth("downstream.cypher");

	/** Per depth, see {@code cypher/queries/network.cypher}. */
	private static final String[] NETWORKS = NamedQueries.perDepth("network.cypher");

	/** What a traversal found, and the label of its start (empty when the id is unknown). */
	record Traversal(String startType, Subgraph subgraph) {
	}

	private final Graph graph;

	TraversalRepository(Graph graph) {
		this.graph = graph;
	}

	/** @param hints read every node's stages too, for the drawing hints ({@link GraphNode.Hints}) */
	Optional<Traversal> upstream(String id, int depth, int limit, boolean hints) {
		return run(UPSTREAM[depth], Map.of("id", id, "limit", limit, "hints", hints));
	}

	Optional<Traversal> downstream(String id, int depth, int limit, boolean hints) {
		return run(DOWNSTREAM[depth], Map.of("id", id, "limit", limit, "hints", hints));
	}

	Optional<Traversal> network(String id, int depth, int limit, List<String> types, List<String> labels,
			boolean hints) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", id);
		parameters.put("limit", limit);
		parameters.put("hints", hints);
		parameters.put("types", types);
		parameters.put("labels", labels);
		return run(NETWORKS[depth], parameters);
	}

	private Optional<Traversal> run(String cypher, Map<String, ?> parameters) {
		return this.graph.one(cypher, parameters,
				r -> new Traversal(r.get("startType").asString(null), Subgraph.from(r)));
	}

}
