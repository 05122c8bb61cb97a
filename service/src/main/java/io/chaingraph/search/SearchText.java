package io.chaingraph.search;

import java.util.regex.Pattern;

import io.chaingraph.dataset.NameNormalizer;

/**
 * How a search text becomes the parameters {@code $norm} and {@code $query} of
 * {@code cypher/queries/search.cypher}: normalised like the stored names, then escaped for Lucene's
 * query syntax. The rule is shared by everything that runs that statement.
 */
public final class SearchText {

	/** How many index hits are ranked before paging (the deepest page reachable): {@code $hits}. */
	public static final int MAX_HITS = 1000;

	/** The longest normalised text searched for. */
	public static final int MAX_LENGTH = 200;

	private static final Pattern LUCENE_SPECIAL = Pattern.compile("([+\\-&|!(){}\\[\\]^\"~*?:\\\\/])");

	private static final Pattern TRAILING_WORD = Pattern.compile("[a-z0-9]+$");

	private SearchText() {
	}

	/**
	 * The text normalised like the stored names ({@link NameNormalizer}): {@code $norm}.
	 * @throws IllegalArgumentException if nothing is left, or more than {@link #MAX_LENGTH} characters
	 */
	public static String normalize(String text) {
		String norm = NameNormalizer.normalize(text);
		if (norm.isEmpty()) {
			throw new IllegalArgumentException("text must not be blank");
		}
		if (norm.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("text must be at most " + MAX_LENGTH + " characters");
		}
		return norm;
	}

	/**
	 * The Lucene query of a normalised text: its special characters escaped, and a trailing {@code *}
	 * when it ends in a Latin letter or digit (a prefix then matches longer words): {@code $query}.
	 */
	public static String luceneQuery(String norm) {
		String query = LUCENE_SPECIAL.matcher(norm).replaceAll("\\\\$1");
		return TRAILING_WORD.matcher(norm).find() ? query + "*" : query;
	}

}
