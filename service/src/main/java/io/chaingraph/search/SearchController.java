package io.chaingraph.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.chaingraph.common.Cursors;
import io.chaingraph.config.Graph;
import io.chaingraph.config.Limits;
import io.chaingraph.importing.NameNormalizer;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/**
 * Full-text search over the names, aliases and normalised names of every entity (index
 * {@code entity_names}, CJK analyzer). The text is normalised like the stored names (pinyin noise
 * stripped, simplified script, half-width), so 基因藥谷, 基因药谷 and 基因藥(yào)谷 ask the same
 * question. An exact normalised name or alias ranks first (+10), then names containing the text (+5), then
 * the rest by Lucene's score.
 */
@Controller
class SearchController {

	/** How many index hits are ranked before paging (the deepest page reachable). */
	static final int MAX_HITS = 1000;

	private static final Pattern LUCENE_SPECIAL = Pattern.compile("([+\\-&|!(){}\\[\\]^\"~*?:\\\\/])");

	private static final Pattern TRAILING_WORD = Pattern.compile("[a-z0-9]+$");

	static final String SEARCH = """
			CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $hits}) YIELD node, score
			WHERE $types IS NULL OR any(l IN labels(node) WHERE l IN $types)
			WITH node, round(score + CASE WHEN (' / ' + node.normText + ' / ') CONTAINS (' / ' + $norm + ' / ') THEN 10.0
			                              WHEN node.normText CONTAINS $norm THEN 5.0 ELSE 0.0 END, 6) AS score
			WHERE $afterScore IS NULL OR score < $afterScore OR (score = $afterScore AND node.id > $afterId)
			RETURN node.id AS id, [l IN labels(node) WHERE l <> 'Entity'][0] AS type, node.name AS name, score
			ORDER BY score DESC, id
			LIMIT $first""";

	private final Graph graph;

	/** The name of the list in its cursors. */
	static final String LIST = "search";

	private final Limits limits;

	private final Cursors cursors;

	SearchController(Graph graph, Limits limits, Cursors cursors) {
		this.graph = graph;
		this.limits = limits;
		this.cursors = cursors;
	}

	/**
	 * {@code after} arrives decoded in {@code range} (null when called without GraphQL); {@code first} is
	 * read as an argument too, because the range drops a negative count, which is a client error here.
	 */
	@QueryMapping
	List<SearchHit> search(@Argument String text, @Argument int first, ScrollSubrange range,
			@Argument List<String> types) {
		this.limits.first(first);
		// by hand, not the driver's object mapping: the cursor is made here, the statement does not return it
		return this.graph.list(SEARCH, parameters(text, first, this.cursors.after(LIST, range), types), r -> {
			double score = r.get("score").asDouble();
			String id = r.get("id").asString();
			return new SearchHit(id, r.get("type").asString(), r.get("name").asString(), score,
					this.cursors.cursor(LIST, "score", score, "id", id));
		});
	}

	/**
	 * The statement's parameters: the text normalised like stored names and escaped for Lucene.
	 * @param after the position to continue after, null for the first page
	 */
	static Map<String, Object> parameters(String text, int first, Cursors.Position after, List<String> types) {
		String norm = NameNormalizer.normalize(text);
		if (norm.isEmpty()) {
			throw new IllegalArgumentException("text must not be blank");
		}
		if (norm.length() > 200) {
			throw new IllegalArgumentException("text must be at most 200 characters");
		}
		String query = LUCENE_SPECIAL.matcher(norm).replaceAll("\\\\$1");
		if (TRAILING_WORD.matcher(norm).find()) {
			query = query + "*"; // a Latin or numeric prefix matches longer words
		}
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("query", query);
		parameters.put("norm", norm);
		parameters.put("hits", MAX_HITS);
		parameters.put("types", (types == null || types.isEmpty()) ? null : types);
		parameters.put("first", first);
		parameters.put("afterScore", (after != null) ? after.number("score") : null);
		parameters.put("afterId", (after != null) ? after.string("id") : null);
		return parameters;
	}

}
