package io.chaingraph.graph;

import java.util.List;

import io.chaingraph.common.NotFoundException;
import io.chaingraph.config.Limits;
import io.chaingraph.graph.TraversalRepository.Traversal;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class TraversalController {

	private final TraversalRepository traversals;

	private final Limits limits;

	TraversalController(TraversalRepository traversals, Limits limits) {
		this.traversals = traversals;
		this.limits = limits;
	}

	@QueryMapping
	Subgraph upstream(@Argument String id, @Argument int depth, @Argument int limit) {
		return directed("upstream", id,
				this.traversals.upstream(id, this.limits.depth(depth), this.limits.limit(limit)).orElse(null));
	}

	@QueryMapping
	Subgraph downstream(@Argument String id, @Argument int depth, @Argument int limit) {
		return directed("downstream", id,
				this.traversals.downstream(id, this.limits.depth(depth), this.limits.limit(limit)).orElse(null));
	}

	@QueryMapping
	Subgraph network(@Argument String id, @Argument int depth, @Argument int limit,
			@Argument List<String> relationshipTypes, @Argument List<String> labels) {
		Traversal traversal = this.traversals
			.network(id, this.limits.depth(depth), this.limits.limit(limit), relationshipTypes, labels)
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
