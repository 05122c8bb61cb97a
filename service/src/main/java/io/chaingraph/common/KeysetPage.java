package io.chaingraph.common;

import java.util.HashMap;
import java.util.Map;

/**
 * A keyset page request over items ordered by (name, id): the page starts strictly after the item the
 * {@code after} cursor stands for (see {@link Cursors}).
 *
 * @param list the name of the list, which its cursors carry
 * @param first page size requested
 * @param afterName name of the last item of the previous page, null for the first page
 * @param afterId id of the last item of the previous page
 * @param withTotal whether the client selected totalCount
 */
public record KeysetPage(String list, int first, String afterName, String afterId, boolean withTotal) {

	/**
	 * @param first the page size, already checked against its cap ({@code Limits.first})
	 * @param after the decoded {@code after} cursor of this list, or null for the first page
	 */
	public static KeysetPage of(String list, int first, Cursors.Position after, boolean withTotal) {
		if (first < 0) {
			throw new IllegalArgumentException("first must not be negative, was " + first);
		}
		if (after == null) {
			return new KeysetPage(list, first, null, null, withTotal);
		}
		return new KeysetPage(list, first, after.string("name"), after.string("id"), withTotal);
	}

	/** The cursor of an item of this list. */
	public String cursor(Cursors cursors, String name, String id) {
		return cursors.cursor(this.list, "name", name, "id", id);
	}

	/** Query parameters: {@code afterName}, {@code afterId} and {@code limit} (one more than asked, to see a next page). */
	public Map<String, Object> parameters() {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("afterName", this.afterName);
		parameters.put("afterId", this.afterId);
		parameters.put("limit", this.first + 1);
		return parameters;
	}

}
