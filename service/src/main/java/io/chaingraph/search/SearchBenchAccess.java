package io.chaingraph.search;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * What the benchmark ({@code bench}) needs from this package: the exact search statement with the
 * parameters the service sends (normalised, escaped text), and the search itself without GraphQL.
 */
@Component
public class SearchBenchAccess {

	private final SearchController search;

	SearchBenchAccess(SearchController search) {
		this.search = search;
	}

	public static String cypher() {
		return SearchController.SEARCH;
	}

	public static Map<String, Object> parameters(String text, int first) {
		return SearchController.parameters(text, first, null, null);
	}

	public List<SearchHit> search(String text, int first) {
		return this.search.search(text, first, null, null);
	}

}
