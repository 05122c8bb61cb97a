package io.chaingraph.enterprise;

import java.util.ArrayList;
import java.util.List;

import io.chaingraph.common.KeysetPage;
import io.chaingraph.common.PageInfo;

/** A page of enterprises (Relay connection). {@code totalCount} is null unless it was selected. */
public record EnterpriseConnection(List<EnterpriseEdge> edges, PageInfo pageInfo, Integer totalCount) {

	/** Builds a page from up to {@code first + 1} fetched edges (the extra one only signals a next page). */
	public static EnterpriseConnection of(KeysetPage page, List<EnterpriseEdge> fetched, Integer totalCount) {
		boolean hasNext = fetched.size() > page.first();
		List<EnterpriseEdge> edges = new ArrayList<>(hasNext ? fetched.subList(0, page.first()) : fetched);
		String start = edges.isEmpty() ? null : edges.get(0).cursor();
		String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new EnterpriseConnection(List.copyOf(edges),
				new PageInfo(hasNext, page.afterId() != null, start, end), totalCount);
	}

}
