package io.chaingraph.graph;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import graphql.GraphQLContext;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import graphql.schema.idl.RuntimeWiring;
import io.chaingraph.graph.SubgraphDetails.NodeFacts;
import org.dataloader.DataLoader;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * The drawing hints {@code GraphNode.lane} and {@code GraphNode.order}. A traversal asked for them reads them in its
 * own statement ({@link GraphNode#hints()}): then each is a property read. A subgraph no traversal drew (a
 * candidate's evidence) has none: its lanes come from the node-details statement through the
 * {@code graphNodeFacts} data loader ({@link SubgraphDetailsController}), its orders once per answer from them.
 * <p>
 * Light data fetchers rather than annotated controller methods: an answer holds up to a thousand nodes, and a
 * handler method invoked per node and field (an environment built, arguments resolved, the request's
 * instrumentation around it, a future returned) cost more than reading the hints did.
 */
@Component
class DrawingHints implements RuntimeWiringConfigurer {

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("Subgraph", type -> type.dataFetcher("nodes", nodes()));
		wiring.type("GraphNode", type -> type.dataFetcher("lane", lane()).dataFetcher("order", order()));
	}

	/**
	 * The nodes of a subgraph; when {@code order} is selected and the traversal read no hints, each node is
	 * remembered (by identity, in the request's context) with the answer it belongs to: its {@code order} ranks
	 * it among the nodes of its lane in that answer.
	 */
	private static DataFetcher<List<GraphNode>> nodes() {
		return env -> {
			Subgraph subgraph = env.getSource();
			if (!env.getSelectionSet().contains("order") || subgraph.nodes().stream().allMatch(n -> n.hints() != null)) {
				return subgraph.nodes();
			}
			GraphQLContext context = env.getGraphQlContext();
			Map<GraphNode, Lanes> answers = context.computeIfAbsent(Lanes.class, k -> new IdentityHashMap<>());
			Lanes lanes = new Lanes(subgraph);
			synchronized (answers) {
				subgraph.nodes().forEach(n -> answers.put(n, lanes));
			}
			return subgraph.nodes();
		};
	}

	private static DataFetcher<Object> lane() {
		return new Hint() {
			@Override
			public Object get(GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> env) {
				GraphNode node = (GraphNode) source;
				if (node.hints() != null) {
					return node.hints().lane();
				}
				DataLoader<String, NodeFacts> facts = env.get().getDataLoader("graphNodeFacts");
				return facts.load(node.id()).thenApply(f -> (f != null) ? f.lane() : null);
			}
		};
	}

	private static DataFetcher<Object> order() {
		return new Hint() {
			@Override
			public Object get(GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> env) {
				GraphNode node = (GraphNode) source;
				if (node.hints() != null) {
					return node.hints().order();
				}
				Map<GraphNode, Lanes> answers = env.get().getGraphQlContext().get(Lanes.class);
				if (answers == null) {
					return null;
				}
				Lanes lanes;
				synchronized (answers) {
					lanes = answers.get(node);
				}
				if (lanes == null) {
					return null;
				}
				DataLoader<String, NodeFacts> facts = env.get().getDataLoader("graphNodeFacts");
				return lanes.orders(facts).thenApply(orders -> orders.get(node.id()));
			}
		};
	}

	/**
	 * A hint's fetcher: a light one (graphql-java makes no environment for it unless it asks, and the request's
	 * instrumentation leaves it alone, as it does property reads); it reads the node, or queues a load.
	 */
	private abstract static class Hint implements LightDataFetcher<Object> {

		@Override
		public Object get(DataFetchingEnvironment env) throws Exception {
			return get(env.getFieldDefinition(), env.getSource(), () -> env);
		}

	}

	/** The orders of one answer's nodes, computed on first use from the lanes of all its nodes (one statement). */
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

}
