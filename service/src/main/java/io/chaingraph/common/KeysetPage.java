package io.chaingraph.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * A keyset page request over items ordered by (name, id). The cursor is an opaque base64url form
 * of the last item's name and id; the next page starts strictly after it.
 *
 * @param first page size requested
 * @param afterName name of the last item of the previous page, null for the first page
 * @param afterId id of the last item of the previous page
 * @param withTotal whether the client selected totalCount
 */
public record KeysetPage(int first, String afterName, String afterId, boolean withTotal) {

	/**
	 * @param first the page size, already checked against its cap ({@code Limits.first})
	 * @param after a cursor this API issued, or null/empty for the first page
	 * @throws IllegalArgumentException when {@code after} is not such a cursor
	 */
	public static KeysetPage of(int first, String after, boolean withTotal) {
		if (first < 0) {
			throw new IllegalArgumentException("first must not be negative, was " + first);
		}
		if (after == null || after.isEmpty()) {
			return new KeysetPage(first, null, null, withTotal);
		}
		String decoded;
		try {
			decoded = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("after is not a cursor returned by this API: " + after);
		}
		int separator = decoded.indexOf('\u0000');
		if (separator < 0) {
			throw new IllegalArgumentException("after is not a cursor returned by this API: " + after);
		}
		return new KeysetPage(first, decoded.substring(0, separator), decoded.substring(separator + 1), withTotal);
	}

	public static String cursor(String name, String id) {
		return Base64.getUrlEncoder().withoutPadding()
			.encodeToString((name + '\u0000' + id).getBytes(StandardCharsets.UTF_8));
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
