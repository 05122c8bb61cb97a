package io.chaingraph.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.chaingraph.graph.SubgraphDetails.EdgeFacts;
import io.chaingraph.graph.SubgraphDetails.NodeFacts;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * The details of a drawn subgraph's nodes ({@code stage}, {@code chainId}, {@code parkIds}, {@code tags})
 * and edges ({@code product}, {@code since}, {@code weight}, {@code confidence}, {@code provenance}), read only when a
 * client selects them: one statement for every node (or edge) of an answer ({@link SubgraphDetails}), through a
 * data loader, so the traversal statements stay as they are and asking for one detail or all costs the same.
 */
@Controller
class SubgraphDetailsController {

	SubgraphDetailsController(SubgraphDetails details, BatchLoaderRegistry registry) {
		registry.<String, NodeFacts>forName("graphNodeFacts")
			.registerMappedBatchLoader((ids, env) -> Mono.fromSupplier(() -> details.nodeFacts(ids)));
		registry.<GraphEdge, EdgeFacts>forName("graphEdgeFacts")
			.registerMappedBatchLoader((edges, env) -> Mono.fromSupplier(() -> details.edgeFacts(edges)));
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

	/** Read with the traversal when it was asked for ({@link GraphNode#hints()}), else with the other details. */
	@SchemaMapping(typeName = "GraphNode", field = "lane")
	CompletableFuture<Integer> lane(GraphNode node, DataLoader<String, NodeFacts> graphNodeFacts) {
		if (node.hints() != null) {
			return CompletableFuture.completedFuture(node.hints().lane());
		}
		return node(node, graphNodeFacts, NodeFacts::lane);
	}

	/**
	 * The nodes of a subgraph, each remembered (by identity, in the request's context) with the answer it
	 * belongs to when {@code order} is selected: a node's {@code order} ranks it among the nodes of its lane
	 * in that answer.
	 */
	@SchemaMapping(typeName = "Subgraph", field = "nodes")
	List<GraphNode> nodes(Subgraph subgraph, graphql.GraphQLContext context,
			graphql.schema.DataFetchingFieldSelectionSet selection) {
		if (!selection.contains("order") || subgraph.nodes().stream().allMatch(n -> n.hints() != null)) {
			return subgraph.nodes();
		}
		Map<GraphNode, Lanes> answers = context.computeIfAbsent(Lanes.class, k -> new java.util.IdentityHashMap<>());
		Lanes lanes = new Lanes(subgraph);
		synchronized (answers) {
			subgraph.nodes().forEach(n -> answers.put(n, lanes));
		}
		return subgraph.nodes();
	}

	/**
	 * A node's place in its lane (0 first): by depth from the start, then name, then id, among the answer's
	 * nodes of the same lane (nodes without a lane form one lane of their own). Computed once per answer
	 * from the lanes of all its nodes (one statement, shared with the other node details).
	 */
	@SchemaMapping(typeName = "GraphNode", field = "order")
	CompletableFuture<Integer> order(GraphNode node, graphql.GraphQLContext context,
			DataLoader<String, NodeFacts> graphNodeFacts) {
		if (node.hints() != null) {
			return CompletableFuture.completedFuture(node.hints().order());
		}
		Map<GraphNode, Lanes> answers = context.get(Lanes.class);
		Lanes lanes;
		if (answers == null) {
			return CompletableFuture.completedFuture(null);
		}
		synchronized (answers) {
			lanes = answers.get(node);
		}
		if (lanes == null) {
			return CompletableFuture.completedFuture(null);
		}
		return lanes.orders(graphNodeFacts).thenApply(orders -> orders.get(node.id()));
	}

	/** The orders of one answer's nodes, computed on first use. */
	static final class Lanes {

		private final Subgraph subgraph;

		private CompletableFuture<Map<String, Integer>> orders;

		Lanes(Subgraph subgraph) {
			this.subgraph = subgraph;
		}

		synchronized CompletableFuture<Map<String, Integer>> orders(DataLoader<String, NodeFacts> loader) {
			if (this.orders == null) {
				List<String> ids = this.subgraph.nodes().stream().map(GraphNode::id).toList();
				this.orders = loader.loadMany(ids).thenApply(facts -> {
					Map<String, Integer> lanes = new HashMap<>();
					for (int i = 0; i < ids.size(); i++) {
						NodeFacts f = facts.get(i);
						lanes.put(ids.get(i), (f != null) ? f.lane() : null);
					}
					return Subgraph.orders(this.subgraph.nodes(), n -> lanes.get(n.id()));
				});
			}
			return this.orders;
		}

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
