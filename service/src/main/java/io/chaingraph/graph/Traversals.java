package io.chaingraph.graph;

import java.util.List;

import io.chaingraph.common.NotFoundException;
import io.chaingraph.config.Limits;
import io.chaingraph.graph.TraversalRepository.Traversal;

import org.springframework.stereotype.Service;

/**
 * The traversals with their rules, for GraphQL ({@code upstream}, {@code downstream}, {@code network}) and
 * the downloads alike: depth and limit checked against their caps ({@link Limits}, an
 * IllegalArgumentException naming the argument), an unknown id a {@link NotFoundException}, a directed
 * walk from anything but a segment or an enterprise an IllegalArgumentException.
 */
@Service
public class Traversals {

	private final TraversalRepository traversals;

	private final Limits limits;

	Traversals(TraversalRepository traversals, Limits limits) {
		this.traversals = traversals;
		this.limits = limits;
	}

	public Subgraph upstream(String id, int depth, int limit) {
		return upstream(id, depth, limit, false);
	}

	/** @param hints read the drawing hints with the nodes ({@link GraphNode#hints()}) */
	public Subgraph upstream(String id, int depth, int limit, boolean hints) {
		return directed("upstream", id, this.traversals
			.upstream(id, this.limits.depth(depth), this.limits.limit(limit), hints)
			.orElse(null));
	}

	public Subgraph downstream(String id, int depth, int limit) {
		return downstream(id, depth, limit, false);
	}

	public Subgraph downstream(String id, int depth, int limit, boolean hints) {
		return directed("downstream", id, this.traversals
			.downstream(id, this.limits.depth(depth), this.limits.limit(limit), hints)
			.orElse(null));
	}

	/** {@code relationshipTypes} and {@code labels}: null for every type. */
	public Subgraph network(String id, int depth, int limit, List<String> relationshipTypes, List<String> labels) {
		return network(id, depth, limit, relationshipTypes, labels, false);
	}

	public Subgraph network(String id, int depth, int limit, List<String> relationshipTypes, List<String> labels,
			boolean hints) {
		Traversal traversal = this.traversals
			.network(id, this.limits.depth(depth), this.limits.limit(limit), relationshipTypes, labels, hints)
			.orElseThrow(() -> unknown(id));
		return traversal.subgraph();
	}

	private static Subgraph directed(String direction, String id, Traversal traversal) {
		if (traversal == null) {
			throw unknown(id);
		}
		if (!"ChainNode".equals(traversal.startType()) && !"Enterprise".equals(traversal.startType())) {
			throw new IllegalArgumentException(direction + " follows FEEDS between chain segments and SUPPLIES between "
					+ "enterprises; '" + id + "' is a " + traversal.startType() + " (use network for its neighbourhood)");
		}
		return traversal.subgraph();
	}

	private static NotFoundException unknown(String id) {
		return new NotFoundException("No entity with id '" + id + "'");
	}

}
