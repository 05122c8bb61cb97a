package io.chaingraph.common;

import java.util.List;
import java.util.function.Function;

/**
 * A Relay connection of one list ({@code XConnection { edges { cursor node } pageInfo totalCount }}):
 * the page's edges, its page information and, when the client selected it, the total count.
 *
 * @param totalCount null when not selected (it costs a second statement)
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, Integer totalCount) {

	/** One item of the page and the cursor that continues the list after it. */
	public record Edge<T>(String cursor, T node) {
	}

	/**
	 * The page of {@code rows}, which holds up to {@code first + 1} items in list order: one more than
	 * the page shows that a next page exists and is not returned.
	 * @param cursor the cursor of an item
	 * @param afterGiven whether the page continues after a cursor (then there is a previous page)
	 */
	public static <T> Connection<T> of(List<T> rows, int first, Function<T, String> cursor, boolean afterGiven,
			Integer totalCount) {
		List<Edge<T>> edges = rows.stream().limit(first).map(row -> new Edge<>(cursor.apply(row), row)).toList();
		PageInfo pageInfo = new PageInfo(rows.size() > first, afterGiven, edges.isEmpty() ? null : edges.get(0).cursor(),
				edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
		return new Connection<>(edges, pageInfo, totalCount);
	}

}
