package io.chaingraph.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.chaingraph.common.Props;
import io.chaingraph.config.Graph;
import org.dataloader.DataLoader;
import org.neo4j.driver.Value;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * The details of a drawn subgraph's nodes ({@code stage}, {@code chainId}, {@code parkIds}, {@code tags})
 * and edges ({@code product}, {@code since}, {@code weight}, {@code confidence}, {@code provenance}), read only when a
 * client selects them: one statement for every node (or edge) of an answer, through a data loader, so
 * the traversal statements stay as they are and asking for one detail or all costs the same.
 */
@Controller
class SubgraphDetailsController {

	/** The facts of one node; empty lists rather than null. */
	record NodeFacts(String stage, String chainId, List<String> parkIds, List<String> tags) {

		static final NodeFacts NONE = new NodeFacts(null, null, List.of(), List.of());

	}

	/** The properties of one edge's relationship. */
	record EdgeFacts(String product, Integer since, Double weight, Double confidence, String source) {

		static final EdgeFacts NONE = new EdgeFacts(null, null, null, null, null);

	}

	static final String NODE_FACTS = """
			UNWIND $ids AS id
			MATCH (n:Entity {id: id})
			RETURN id, n.stage AS stage,
			       CASE WHEN n:Chain THEN n.id ELSE [(n)-[:IN_CHAIN]->(c:Chain) | c.id][0] END AS chainId,
			       CASE WHEN n:Park THEN [(n)-[:PART_OF]->(p:Park) | p.id]
			            ELSE [(n)-[:LOCATED_IN]->(p:Park) | p.id] END AS parkIds,
			       coalesce(n.tags, []) AS tags""";

	static final String EDGE_FACTS = """
			UNWIND $edges AS e
			MATCH (a:Entity {id: e.source})-[r]->(b:Entity {id: e.target})
			WHERE type(r) = e.type
			RETURN e.id AS id, r.product AS product, r.since AS since, r.weight AS weight, r.confidence AS confidence, r.source AS source""";

	private final Graph graph;

	SubgraphDetailsController(Graph graph, BatchLoaderRegistry registry) {
		this.graph = graph;
		registry.<String, NodeFacts>forName("graphNodeFacts")
			.registerMappedBatchLoader((ids, env) -> Mono.fromSupplier(() -> nodeFacts(ids)));
		registry.<GraphEdge, EdgeFacts>forName("graphEdgeFacts")
			.registerMappedBatchLoader((edges, env) -> Mono.fromSupplier(() -> edgeFacts(edges)));
	}

	Map<String, NodeFacts> nodeFacts(Set<String> ids) {
		Map<String, NodeFacts> facts = new HashMap<>();
		this.graph.list(NODE_FACTS, Map.of("ids", List.copyOf(ids)), r -> facts.put(r.get("id").asString(),
				new NodeFacts(Props.str(r, "stage"), Props.str(r, "chainId"), r.get("parkIds").asList(Value::asString),
						r.get("tags").asList(Value::asString))));
		return facts;
	}

	Map<GraphEdge, EdgeFacts> edgeFacts(Set<GraphEdge> edges) {
		Map<String, GraphEdge> byId = new HashMap<>();
		edges.forEach(e -> byId.put(e.id(), e));
		List<Map<String, String>> rows = edges.stream()
			.map(e -> Map.of("id", e.id(), "type", e.type(), "source", e.source(), "target", e.target()))
			.toList();
		Map<GraphEdge, EdgeFacts> facts = new HashMap<>();
		this.graph.list(EDGE_FACTS, Map.of("edges", rows), r -> facts.put(byId.get(r.get("id").asString()),
				new EdgeFacts(Props.str(r, "product"), Props.integer(r, "since"), Props.dbl(r, "weight"), Props.dbl(r, "confidence"),
						Props.str(r, "source"))));
		return facts;
	}

	@SchemaMapping(typeName = "GraphNode", field = "stage")
	CompletableFuture<String> stage(GraphNode node, DataLoader<String, NodeFacts> graphNodeFacts) {
		return node(node, graphNodeFacts, NodeFacts::stage);
	}

	@SchemaMapping(typeName = "GraphNode", field = "chainId")
	CompletableFuture<String> chainId(GraphNode node, DataLoader<String, NodeFacts> graphNodeFacts) {
		return node(node, graphNodeFacts, NodeFacts::chainId);
	}

	@SchemaMapping(typeName = "GraphNode", field = "parkIds")
	CompletableFuture<List<String>> parkIds(GraphNode node, DataLoader<String, NodeFacts> graphNodeFacts) {
		return node(node, graphNodeFacts, NodeFacts::parkIds);
	}

	@SchemaMapping(typeName = "GraphNode", field = "tags")
	CompletableFuture<List<String>> tags(GraphNode node, DataLoader<String, NodeFacts> graphNodeFacts) {
		return node(node, graphNodeFacts, NodeFacts::tags);
	}

	@SchemaMapping(typeName = "GraphEdge", field = "product")
	CompletableFuture<String> product(GraphEdge edge, DataLoader<GraphEdge, EdgeFacts> graphEdgeFacts) {
		return edge(edge, graphEdgeFacts, EdgeFacts::product);
	}

	@SchemaMapping(typeName = "GraphEdge", field = "since")
	CompletableFuture<Integer> since(GraphEdge edge, DataLoader<GraphEdge, EdgeFacts> graphEdgeFacts) {
		return edge(edge, graphEdgeFacts, EdgeFacts::since);
	}

	@SchemaMapping(typeName = "GraphEdge", field = "weight")
	CompletableFuture<Double> weight(GraphEdge edge, DataLoader<GraphEdge, EdgeFacts> graphEdgeFacts) {
		return edge(edge, graphEdgeFacts, EdgeFacts::weight);
	}

	@SchemaMapping(typeName = "GraphEdge", field = "confidence")
	CompletableFuture<Double> confidence(GraphEdge edge, DataLoader<GraphEdge, EdgeFacts> graphEdgeFacts) {
		return edge(edge, graphEdgeFacts, EdgeFacts::confidence);
	}

	/** The relationship's {@code source} property: named so because {@code source} is the edge's start node. */
	@SchemaMapping(typeName = "GraphEdge", field = "provenance")
	CompletableFuture<String> provenance(GraphEdge edge, DataLoader<GraphEdge, EdgeFacts> graphEdgeFacts) {
		return edge(edge, graphEdgeFacts, EdgeFacts::source);
	}

	private static <T> CompletableFuture<T> node(GraphNode node, DataLoader<String, NodeFacts> loader,
			Function<NodeFacts, T> field) {
		return loader.load(node.id()).thenApply(f -> field.apply((f != null) ? f : NodeFacts.NONE));
	}

	private static <T> CompletableFuture<T> edge(GraphEdge edge, DataLoader<GraphEdge, EdgeFacts> loader,
			Function<EdgeFacts, T> field) {
		return loader.load(edge).thenApply(f -> field.apply((f != null) ? f : EdgeFacts.NONE));
	}

}
