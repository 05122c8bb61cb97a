package io.chaingraph.graph;

import java.util.List;
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
 * The drawing hints {@code lane} and {@code order} are wired apart ({@link DrawingHints}).
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
