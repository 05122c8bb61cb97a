package io.chaingraph.graph;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code upstream}, {@code downstream}, {@code network}: see {@link Traversals}. */
@Controller
class TraversalController {

	private final Traversals traversals;

	TraversalController(Traversals traversals) {
		this.traversals = traversals;
	}

	@QueryMapping
	Subgraph upstream(@Argument String id, @Argument int depth, @Argument int limit) {
		return this.traversals.upstream(id, depth, limit);
	}

	@QueryMapping
	Subgraph downstream(@Argument String id, @Argument int depth, @Argument int limit) {
		return this.traversals.downstream(id, depth, limit);
	}

	@QueryMapping
	Subgraph network(@Argument String id, @Argument int depth, @Argument int limit,
			@Argument List<String> relationshipTypes, @Argument List<String> labels) {
		return this.traversals.network(id, depth, limit, relationshipTypes, labels);
	}

}
