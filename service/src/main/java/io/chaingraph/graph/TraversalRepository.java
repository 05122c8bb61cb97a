package io.chaingraph.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chaingraph.config.Graph;
import io.chaingraph.config.Limits;

import org.springframework.stereotype.Repository;

/**
 * Bounded traversals, one Cypher statement each. Neo4j needs path-length bounds as literals, so the
 * statements are prepared once per depth (1..{@link #MAX_DEPTH}) when the class loads; the depth a
 * client asks for only selects one of them after it has been validated. Every other value is a
 * parameter.
 */
@Repository
class TraversalRepository {

	/** Upper bound of the configurable depth cap. */
	static final int MAX_DEPTH = Limits.DEPTH_CEILING;

	/** Shortest depth per node by breadth-first search (ANY SHORTEST), nearest first, limit + 1 to see truncation. */
	private static final String DIRECTED = """
			MATCH (s:Entity {id: $id})
			CALL {
			  WITH s
			  CALL {
			    WITH s
			    MATCH p = ANY SHORTEST (s:ChainNode)%1$s{1,%2$d}(n:ChainNode)
			    WHERE n <> s
			    RETURN n, length(p) AS depth
			    UNION
			    WITH s
			    MATCH p = ANY SHORTEST (s:Enterprise)%3$s{1,%2$d}(n:Enterprise)
			    WHERE n <> s
			    RETURN n, length(p) AS depth
			  }
			  WITH n, depth ORDER BY depth, n.id LIMIT $limit + 1
			  RETURN collect({n: n, depth: depth}) AS found
			}
			WITH s, found[0..$limit] AS kept, size(found) > $limit AS truncated
			WITH s, kept, truncated, [s] + [k IN kept | k.n] AS members
			CALL {
			  WITH members
			  UNWIND members AS a
			  MATCH (a)-[r:FEEDS|SUPPLIES]->(b)
			  WHERE b IN members
			  RETURN collect({type: type(r), source: a.id, target: b.id}) AS edges
			}
			RETURN [l IN labels(s) WHERE l <> 'Entity'][0] AS startType,
			       [k IN kept | {id: k.n.id, name: k.n.name, labels: labels(k.n), depth: k.depth}] AS nodes,
			       edges, truncated""";

	private static final String NETWORK = """
			MATCH (s:Entity {id: $id})
			CALL {
			  WITH s
			  MATCH p = ANY SHORTEST (s)(()-[r]-(x:Entity)
			      WHERE ($types IS NULL OR type(r) IN $types)
			        AND ($labels IS NULL OR any(l IN labels(x) WHERE l IN $labels))){1,%1$d}(n)
			  WHERE n <> s
			  WITH n, length(p) AS depth ORDER BY depth, n.id LIMIT $limit + 1
			  RETURN collect({n: n, depth: depth}) AS found
			}
			WITH s, found[0..$limit] AS kept, size(found) > $limit AS truncated
			WITH s, kept, truncated, [s] + [k IN kept | k.n] AS members
			CALL {
			  WITH members
			  UNWIND members AS a
			  MATCH (a)-[r]->(b)
			  WHERE b IN members AND ($types IS NULL OR type(r) IN $types)
			  RETURN collect({type: type(r), source: a.id, target: b.id}) AS edges
			}
			RETURN [l IN labels(s) WHERE l <> 'Entity'][0] AS startType,
			       [{id: s.id, name: s.name, labels: labels(s), depth: 0}]
			         + [k IN kept | {id: k.n.id, name: k.n.name, labels: labels(k.n), depth: k.depth}] AS nodes,
			       edges, truncated""";

	private static final String[] UPSTREAM = new String[MAX_DEPTH + 1];

	private static final String[] DOWNSTREAM = new String[MAX_DEPTH + 1];

	private static final String[] NETWORKS = new String[MAX_DEPTH + 1];

	static {
		for (int depth = 1; depth <= MAX_DEPTH; depth++) {
			UPSTREAM[depth] = DIRECTED.formatted("<-[:FEEDS]-", depth, "<-[:SUPPLIES]-");
			DOWNSTREAM[depth] = DIRECTED.formatted("-[:FEEDS]->", depth, "-[:SUPPLIES]->");
			NETWORKS[depth] = NETWORK.formatted(depth);
		}
	}

	/** What a traversal found, and the label of its start (empty when the id is unknown). */
	record Traversal(String startType, Subgraph subgraph) {
	}

	/** The prepared statement of a traversal ({@code upstream}, {@code downstream}, {@code network}) at a depth. */
	static String statement(String traversal, int depth) {
		String[] statements = switch (traversal) {
			case "upstream" -> UPSTREAM;
			case "downstream" -> DOWNSTREAM;
			case "network" -> NETWORKS;
			default -> throw new IllegalArgumentException("no traversal " + traversal);
		};
		if (depth < 1 || depth > MAX_DEPTH) {
			throw new IllegalArgumentException("depth must be between 1 and " + MAX_DEPTH + ", was " + depth);
		}
		return statements[depth];
	}

	private final Graph graph;

	TraversalRepository(Graph graph) {
		this.graph = graph;
	}

	Optional<Traversal> upstream(String id, int depth, int limit) {
		return run(UPSTREAM[depth], Map.of("id", id, "limit", limit));
	}

	Optional<Traversal> downstream(String id, int depth, int limit) {
		return run(DOWNSTREAM[depth], Map.of("id", id, "limit", limit));
	}

	Optional<Traversal> network(String id, int depth, int limit, List<String> types, List<String> labels) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", id);
		parameters.put("limit", limit);
		parameters.put("types", types);
		parameters.put("labels", labels);
		return run(NETWORKS[depth], parameters);
	}

	private Optional<Traversal> run(String cypher, Map<String, ?> parameters) {
		return this.graph.one(cypher, parameters,
				r -> new Traversal(r.get("startType").asString(null), Subgraph.from(r)));
	}

}
