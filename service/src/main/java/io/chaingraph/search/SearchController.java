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
 * Search over the keys, names and aliases of every entity (indexes {@code entity_keys} and
 * {@code entity_names}). The text is normalised like the stored names (pinyin noise stripped,
 * simplified script, half-width; {@link SearchText}), so 基因藥谷, 基因药谷 and 基因藥(yào)谷 ask the same
 * question. An exact normalised name, alias, id, listing or credit code ranks first, then codes the
 * text is a prefix of (at least 6 characters), then names holding every character pair of the text
 * (those containing it first), and only when nothing does, names sharing some of them.
 */
@Controller
class SearchController {

	/** The statement, see {@code cypher/queries/search.cypher}. */
	static final String SEARCH = NamedQueries.load("search.cypher");

	/** How many hits {@link #SEARCH} finds in all, see {@code cypher/queries/search-count.cypher}. */
	static final String COUNT = NamedQueries.load("search-count.cypher");

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
	 * The statement's parameters: the text's ({@link SearchText#parameters}), the types, the page and its position.
	 * @param after the position to continue after, null for the first page
	 */
	static Map<String, Object> parameters(String text, int first, Cursors.Position after, List<String> types) {
		Map<String, Object> parameters = new HashMap<>(SearchText.parameters(text));
		parameters.put("types", (types == null || types.isEmpty()) ? null : types);
		parameters.put("first", first);
		parameters.put("afterScore", (after != null) ? after.number("score") : null);
		parameters.put("afterId", (after != null) ? after.string("id") : null);
		return parameters;
	}

}
