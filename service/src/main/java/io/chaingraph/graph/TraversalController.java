package io.chaingraph.graph;

import java.util.List;

import graphql.schema.DataFetchingFieldSelectionSet;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code upstream}, {@code downstream}, {@code network}: see {@link Traversals}. When a client selects a drawing
 * hint ({@code lane}, {@code order}), the traversal reads the nodes' stages in the same statement.
 */
@Controller
class TraversalController {

	private final Traversals traversals;

	TraversalController(Traversals traversals) {
		this.traversals = traversals;
	}

	@QueryMapping
	Subgraph upstream(@Argument String id, @Argument int depth, @Argument int limit,
			DataFetchingFieldSelectionSet selection) {
		return this.traversals.upstream(id, depth, limit, hints(selection));
	}

	@QueryMapping
	Subgraph downstream(@Argument String id, @Argument int depth, @Argument int limit,
			DataFetchingFieldSelectionSet selection) {
		return this.traversals.downstream(id, depth, limit, hints(selection));
	}

	@QueryMapping
	Subgraph network(@Argument String id, @Argument int depth, @Argument int limit,
			@Argument List<String> relationshipTypes, @Argument List<String> labels,
			DataFetchingFieldSelectionSet selection) {
		return this.traversals.network(id, depth, limit, relationshipTypes, labels, hints(selection));
	}

	/** Whether the answer's nodes are asked for a drawing hint. */
	private static boolean hints(DataFetchingFieldSelectionSet selection) {
		return selection.contains("nodes/lane") || selection.contains("nodes/order");
	}

}
