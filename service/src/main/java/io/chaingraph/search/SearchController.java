package io.chaingraph.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingFieldSelectionSet;
import io.chaingraph.common.Connection;
import io.chaingraph.common.Cursors;
import io.chaingraph.config.Graph;
import io.chaingraph.config.Limits;
import io.chaingraph.config.NamedQueries;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/**
 * Full-text search over the names, aliases and normalised names of every entity (index
 * {@code entity_names}, CJK analyzer). The text is normalised like the stored names (pinyin noise
 * stripped, simplified script, half-width; {@link SearchText}), so 基因藥谷, 基因药谷 and 基因藥(yào)谷
 * ask the same question. An exact normalised name or alias ranks first (+10), then names containing the text (+5), then
 * the rest by Lucene's score.
 */
@Controller
class SearchController {

	/** The statement, see {@code cypher/queries/search.cypher}. */
	static final String SEARCH = NamedQueries.load("search.cypher");

	/** How many hits {@link #SEARCH} finds in all (at most {@code $hits}, the index's bound). */
	static final String COUNT = """
			CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $hits}) YIELD node
			WHERE $types IS NULL OR any(l IN labels(node) WHERE l IN $types)
			RETURN count(node) AS total""";

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
	Connection<SearchHit> search(@Argument String text, @Argument int first, ScrollSubrange range,
			@Argument List<String> types, DataFetchingFieldSelectionSet selection) {
		this.limits.first(first);
		Cursors.Position after = this.cursors.after(LIST, range);
		// one row more than the page: it shows whether a next page exists
		Map<String, Object> parameters = parameters(text, first + 1, after, types);
		// by hand, not the driver's object mapping: the cursor is made here, the statement does not return it
		List<SearchHit> rows = this.graph.list(SEARCH, parameters, r -> {
			double score = r.get("score").asDouble();
			String id = r.get("id").asString();
			return new SearchHit(id, r.get("type").asString(), r.get("name").asString(), score,
					this.cursors.cursor(LIST, "score", score, "id", id));
		});
		Integer total = selection.contains("totalCount")
				? this.graph.one(COUNT, parameters, r -> r.get("total").asInt()).orElse(0) : null;
		return Connection.of(rows, first, SearchHit::cursor, after != null, total);
	}

	/**
	 * The statement's parameters: the text normalised like stored names and escaped for Lucene.
	 * @param after the position to continue after, null for the first page
	 */
	static Map<String, Object> parameters(String text, int first, Cursors.Position after, List<String> types) {
		String norm = SearchText.normalize(text);
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("query", SearchText.luceneQuery(norm));
		parameters.put("norm", norm);
		parameters.put("hits", SearchText.MAX_HITS);
		parameters.put("types", (types == null || types.isEmpty()) ? null : types);
		parameters.put("first", first);
		parameters.put("afterScore", (after != null) ? after.number("score") : null);
		parameters.put("afterId", (after != null) ? after.string("id") : null);
		return parameters;
	}

}
