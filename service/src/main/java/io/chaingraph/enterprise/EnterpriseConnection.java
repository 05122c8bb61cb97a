package io.chaingraph.enterprise;

import java.util.List;

import io.chaingraph.common.Cursors;
import io.chaingraph.common.KeysetPage;
import io.chaingraph.common.PageInfo;

/**
 * A page of enterprises (Relay connection). {@code totalCount} is null unless it was selected. Built here
 * rather than by Spring for GraphQL's connection adapters: its edges carry the link's weight and
 * confidence and the connection its total, which the library's generic edge and connection do not hold.
 */
public record EnterpriseConnection(List<EnterpriseEdge> edges, PageInfo pageInfo, Integer totalCount) {

	/** Builds a page from up to {@code first + 1} fetched edges (the extra one only signals a next page). */
	public static EnterpriseConnection of(KeysetPage page, List<EnterpriseEdge> fetched, Integer totalCount,
			Cursors cursors) {
		boolean hasNext = fetched.size() > page.first();
		List<EnterpriseEdge> edges = fetched.subList(0, hasNext ? page.first() : fetched.size())
			.stream()
			.map(e -> new EnterpriseEdge(page.cursor(cursors, e.node().name(), e.node().id()), e.node(), e.weight(),
					e.confidence()))
			.toList();
		String start = edges.isEmpty() ? null : edges.get(0).cursor();
		String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new EnterpriseConnection(edges, new PageInfo(hasNext, page.afterId() != null, start, end), totalCount);
	}


	/**
	 * A page from up to {@code first + 1} fetched edges that carry their cursors (the extra one only signals
	 * a next page).
	 */
	static EnterpriseConnection ofEdges(List<EnterpriseEdge> fetched, int first, boolean afterGiven, Integer totalCount) {
		boolean hasNext = fetched.size() > first;
		List<EnterpriseEdge> edges = List.copyOf(fetched.subList(0, hasNext ? first : fetched.size()));
		String start = edges.isEmpty() ? null : edges.get(0).cursor();
		String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new EnterpriseConnection(edges, new PageInfo(hasNext, afterGiven, start, end), totalCount);
	}

}
