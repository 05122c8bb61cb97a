package io.chaingraph.graph;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * What the benchmark ({@code bench}) needs from this package: the exact Cypher the traversals run
 * (to time it through the bare driver) and the traversals as the service layer answers them
 * (argument checks, the statement, the mapping to a {@link Subgraph}), without GraphQL.
 */
@Component
public class TraversalBenchAccess {

	private final TraversalController traversals;

	TraversalBenchAccess(TraversalController traversals) {
		this.traversals = traversals;
	}

	/** The statement {@code upstream} runs at this depth; parameters {@code id}, {@code limit}. */
	public static String upstreamCypher(int depth) {
		return TraversalRepository.statement("upstream", depth);
	}

	/** The statement {@code downstream} runs at this depth; parameters {@code id}, {@code limit}. */
	public static String downstreamCypher(int depth) {
		return TraversalRepository.statement("downstream", depth);
	}

	/** The statement {@code network} runs at this depth; parameters {@code id}, {@code limit}, {@code types}, {@code labels}. */
	public static String networkCypher(int depth) {
		return TraversalRepository.statement("network", depth);
	}

	public Subgraph upstream(String id, int depth, int limit) {
		return this.traversals.upstream(id, depth, limit);
	}

	public Subgraph downstream(String id, int depth, int limit) {
		return this.traversals.downstream(id, depth, limit);
	}

	public Subgraph network(String id, int depth, int limit) {
		return this.traversals.network(id, depth, limit, (List<String>) null, (List<String>) null);
	}

}
