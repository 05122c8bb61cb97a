package io.chaingraph.graph;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.chaingraph.common.Props;
import io.chaingraph.config.Graph;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Component;

/**
 * The details of a drawn subgraph's nodes ({@code stage}, {@code chainId}, {@code parkIds}, {@code tags},
 * {@code lane})
 * and edges ({@code product}, {@code since}, {@code weight}, {@code confidence}, {@code source}): one
 * statement for all the nodes of an answer, one for all its edges. GraphQL reads them through data
 * loaders ({@link SubgraphDetailsController}), the downloads directly.
 */
@Component
public class SubgraphDetails {

	/** The facts of one node; empty lists rather than null. */
	public record NodeFacts(String stage, String chainId, List<String> parkIds, List<String> tags, Integer lane) {

		public static final NodeFacts NONE = new NodeFacts(null, null, List.of(), List.of(), null);

	}

	/** The properties of one edge's relationship ({@code source}: where it came from, its provenance). */
	public record EdgeFacts(String product, Integer since, Double weight, Double confidence, String source) {

		public static final EdgeFacts NONE = new EdgeFacts(null, null, null, null, null);

	}

	static final String NODE_FACTS = """
			UNWIND $ids AS id
			MATCH (n:Entity {id: id})
			RETURN id, n.stage AS stage,
			       CASE WHEN n:Chain THEN n.id ELSE [(n)-[:IN_CHAIN]->(c:Chain) | c.id][0] END AS chainId,
			       CASE WHEN n:Park THEN [(n)-[:PART_OF]->(p:Park) | p.id]
			            ELSE [(n)-[:LOCATED_IN]->(p:Park) | p.id] END AS parkIds,
			       coalesce(n.tags, []) AS tags,
			       CASE WHEN n:ChainNode THEN [n.stage]
			            WHEN n:Enterprise THEN [(n)-[:OPERATES_IN]->(s:ChainNode) | s.stage]
			            WHEN n:Platform THEN [(n)-[:SERVES]->(s:ChainNode) | s.stage]
			            ELSE [] END AS stages""";

	static final String EDGE_FACTS = """
			UNWIND $edges AS e
			MATCH (a:Entity {id: e.source})-[r]->(b:Entity {id: e.target})
			WHERE type(r) = e.type
			RETURN e.id AS id, r.product AS product, r.since AS since, r.weight AS weight, r.confidence AS confidence, r.source AS source""";

	private final Graph graph;

	SubgraphDetails(Graph graph) {
		this.graph = graph;
	}

	/** By node id; ids the graph does not hold are absent. */
	public Map<String, NodeFacts> nodeFacts(Collection<String> ids) {
		Map<String, NodeFacts> facts = new HashMap<>();
		if (ids.isEmpty()) {
			return facts;
		}
		this.graph.list(NODE_FACTS, Map.of("ids", List.copyOf(ids)), r -> facts.put(r.get("id").asString(),
				new NodeFacts(Props.str(r, "stage"), Props.str(r, "chainId"), r.get("parkIds").asList(Value::asString),
						r.get("tags").asList(Value::asString), lane(r.get("stages").asList(v -> v.asString(null))))));
		return facts;
	}

	/**
	 * The drawing lane of a node from the stages it has or works in: 0 upstream, 1 midstream, 2 downstream,
	 * the most upstream one when there are several; null without a stage (parks, chains).
	 */
	static Integer lane(List<String> stages) {
		return stages.stream()
			.filter(java.util.Objects::nonNull)
			.map(s -> switch (s) {
				case "UPSTREAM" -> 0;
				case "MIDSTREAM" -> 1;
				case "DOWNSTREAM" -> 2;
				default -> null;
			})
			.filter(java.util.Objects::nonNull)
			.min(Integer::compare)
			.orElse(null);
	}

	/** By edge; edges whose relationship is gone are absent. */
	public Map<GraphEdge, EdgeFacts> edgeFacts(Collection<GraphEdge> edges) {
		Map<GraphEdge, EdgeFacts> facts = new HashMap<>();
		if (edges.isEmpty()) {
			return facts;
		}
		Map<String, GraphEdge> byId = new HashMap<>();
		edges.forEach(e -> byId.put(e.id(), e));
		List<Map<String, String>> rows = byId.values()
			.stream()
			.map(e -> Map.of("id", e.id(), "type", e.type(), "source", e.source(), "target", e.target()))
			.toList();
		this.graph.list(EDGE_FACTS, Map.of("edges", rows), r -> facts.put(byId.get(r.get("id").asString()),
				new EdgeFacts(Props.str(r, "product"), Props.integer(r, "since"), Props.dbl(r, "weight"),
						Props.dbl(r, "confidence"), Props.str(r, "source"))));
		return facts;
	}

}
