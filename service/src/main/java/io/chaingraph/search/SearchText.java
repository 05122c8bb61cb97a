package io.chaingraph.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.chaingraph.dataset.NameNormalizer;

/**
 * How a search text becomes the parameters of {@code cypher/queries/search.cypher} (and
 * {@code search-count.cypher}): normalised like the stored names ({@code $norm}), then written as three
 * Lucene queries: {@code $keys} on the exact keys, {@code $allPairs} and {@code $anyPair} on the names.
 * The rule is shared by everything that runs those statements.
 * <p>
 * The text's parts are its whitespace-separated runs. In {@code $allPairs} each part is required as a
 * phrase (every character pair of its Chinese, every word of its Latin letters and digits, adjacent
 * and in order), so a text that names an entity matches that entity and few others, and the index
 * stops at the rarest pair instead of scoring every name that shares a common one (有限, 公司);
 * {@code $anyPair} asks for any pair or word of the text. A last part of Latin letters and digits alone
 * is a prefix in both ({@code mrn} finds mRNA); inside a part that mixes scripts it is a whole word,
 * so TCL科技 and names ending in B are searched as typed.
 */
public final class SearchText {

	/** How many hits each index query gives before ranking and paging (the deepest page reachable): {@code $hits}. */
	public static final int MAX_HITS = 1000;

	/** The longest normalised text searched for. */
	public static final int MAX_LENGTH = 200;

	/** The shortest code prefix (listing or credit code) that finds its enterprise. */
	public static final int MIN_CODE_PREFIX = 6;

	private static final Pattern LUCENE_SPECIAL = Pattern.compile("([+\\-&|!(){}\\[\\]^\"~*?:\\\\/])");

	private static final Pattern WORD = Pattern.compile("[a-z0-9]+");

	private static final Pattern CODE_PREFIX = Pattern.compile("[a-z0-9]{" + MIN_CODE_PREFIX + ",}");

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
	 * The parameters every search statement takes from the text ({@code $norm}, {@code $keys},
	 * {@code $allPairs}, {@code $anyPair}, {@code $hits}); the caller adds types, page and position.
	 * @throws IllegalArgumentException as {@link #normalize}
	 */
	public static Map<String, Object> parameters(String text) {
		String norm = normalize(text);
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("norm", norm);
		parameters.put("keys", keysQuery(norm));
		parameters.put("allPairs", namesQuery(norm, true));
		parameters.put("anyPair", namesQuery(norm, false));
		parameters.put("hits", MAX_HITS);
		return parameters;
	}

	/**
	 * The Lucene query on the exact keys (keyword analyzer: a key is one term): the normalised text as
	 * a whole key, and as a prefix of keys when it is a code of at least {@link #MIN_CODE_PREFIX} letters
	 * and digits.
	 */
	static String keysQuery(String norm) {
		String whole = quoted(norm);
		return CODE_PREFIX.matcher(norm).matches() ? whole + " OR " + norm + "*" : whole;
	}

	/**
	 * The Lucene query on the names: every part required ({@code all}) or any part. Parts are phrases,
	 * but a last part of Latin letters and digits alone is a prefix.
	 */
	static String namesQuery(String norm, boolean all) {
		String[] parts = norm.split(" ");
		List<String> clauses = new ArrayList<>();
		for (int i = 0; i < parts.length; i++) {
			String part = parts[i];
			if (part.isEmpty()) {
				continue;
			}
			boolean last = i == parts.length - 1;
			String clause;
			if (last && WORD.matcher(part).matches()) {
				clause = part + "*";
			}
			else if (all) {
				clause = quoted(part);
			}
			else {
				clause = LUCENE_SPECIAL.matcher(part).replaceAll("\\\\$1");
			}
			clauses.add(all ? "+" + clause : clause);
		}
		return String.join(" ", clauses);
	}

	/** A phrase: the text in double quotes, its quotes and backslashes escaped. */
	private static String quoted(String text) {
		return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}

}
