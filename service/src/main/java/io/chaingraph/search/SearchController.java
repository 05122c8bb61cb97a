package io.chaingraph.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.chaingraph.config.Graph;
import io.chaingraph.config.Limits;
import io.chaingraph.config.NamedQueries;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
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

	private final Graph graph;

	private final Limits limits;

	SearchController(Graph graph, Limits limits) {
		this.graph = graph;
		this.limits = limits;
	}

	@QueryMapping
	List<SearchHit> search(@Argument String text, @Argument int first, @Argument String after,
			@Argument List<String> types) {
		this.limits.first(first);
		return this.graph.list(SEARCH, parameters(text, first, after, types), r -> {
			double score = r.get("score").asDouble();
			String id = r.get("id").asString();
			return new SearchHit(id, r.get("type").asString(), r.get("name").asString(), score, encode(score, id));
		});
	}

	/** The statement's parameters: the text normalised like stored names and escaped for Lucene. */
	static Map<String, Object> parameters(String text, int first, String after, List<String> types) {
		String norm = SearchText.normalize(text);
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("query", SearchText.luceneQuery(norm));
		parameters.put("norm", norm);
		parameters.put("hits", SearchText.MAX_HITS);
		parameters.put("types", (types == null || types.isEmpty()) ? null : types);
		parameters.put("first", first);
		Object[] position = decode(after);
		parameters.put("afterScore", position[0]);
		parameters.put("afterId", position[1]);
		return parameters;
	}

	private static String encode(double score, String id) {
		return Base64.getUrlEncoder().withoutPadding()
			.encodeToString((score + "\u0000" + id).getBytes(StandardCharsets.UTF_8));
	}

	private static Object[] decode(String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return new Object[] { null, null };
		}
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\u0000", 2);
			return new Object[] { Double.parseDouble(parts[0]), parts[1] };
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("after is not a cursor returned by search: " + cursor);
		}
	}

}
