package io.chaingraph.config;

import java.util.HashMap;
import java.util.Map;

import io.chaingraph.support.ChainFixture;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.GraphQlTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An explicit null for an argument with a declared default (the contract in docs/design.md keeps them nullable:
 * {@code first: Int = 20}, {@code depth: Int = 1}) answers exactly as if the argument were left out,
 * whether written as a literal or sent as a null variable.
 */
class NullArgumentDefaultsTest extends GraphQlTest {

	@Autowired
	Graph graph;

	@BeforeEach
	void build() {
		ChainFixture.build(new Fixtures(this.graph));
	}

	private Object data(String document, Map<String, Object> variables) {
		var spec = tester().document(document);
		for (Map.Entry<String, Object> variable : variables.entrySet()) {
			spec = spec.variable(variable.getKey(), variable.getValue());
		}
		var response = spec.execute();
		response.errors().verify();
		return response.path("").entity(Object.class).get();
	}

	@Test
	void literalNullTakesTheDefault() {
		String[][] pairs = {
				{ "{ upstream(id: \"D\", depth: null, limit: null) { nodes { id depth } truncated } }",
						"{ upstream(id: \"D\") { nodes { id depth } truncated } }" },
				{ "{ network(id: \"B\", depth: null) { nodes { id } } }", "{ network(id: \"B\") { nodes { id } } }" },
				{ "{ search(text: \"e\", first: null) { edges { node { id type } } } }", "{ search(text: \"e\") { edges { node { id type } } } }" },
				{ "{ chainGaps(parkId: \"P\", chainId: \"C\", weakBelow: null) { coverage gaps { kind localCount node { id } } } }",
						"{ chainGaps(parkId: \"P\", chainId: \"C\") { coverage gaps { kind localCount node { id } } } }" },
				{ "{ gapCandidates(parkId: \"P\", nodeId: \"E\", first: null) { edges { node { enterprise { id } score } } } }",
						"{ gapCandidates(parkId: \"P\", nodeId: \"E\") { edges { node { enterprise { id } score } } } }" },
				{ "{ park(id: \"P\") { enterprises(first: null, includeSubParks: null) { totalCount } } }",
						"{ park(id: \"P\") { enterprises { totalCount } } }" },
				{ "{ parks(first: null) { id } }", "{ parks { id } }" } };
		for (String[] pair : pairs) {
			assertThat(data(pair[0], Map.of())).as(pair[0]).isEqualTo(data(pair[1], Map.of()));
		}
		// and the defaults are the ones declared: depth 1 from D reaches B and E only
		assertThat(data("{ upstream(id: \"D\", depth: null) { nodes { id } } }", Map.of()).toString())
			.contains("B").contains("E").doesNotContain("id=A");
		// sub-parks included by default: e2 and e5 sit in PS
		assertThat(data("{ park(id: \"P\") { enterprises(includeSubParks: null) { totalCount } } }", Map.of()).toString())
			.contains("totalCount=7");
	}

	@Test
	void aNullVariableTakesTheDefault() {
		Map<String, Object> nulls = new HashMap<>();
		nulls.put("depth", null);
		nulls.put("limit", null);
		Object withNulls = data("query($depth: Int, $limit: Int) { downstream(id: \"A\", depth: $depth, limit: $limit) { nodes { id depth } } }",
				nulls);
		assertThat(withNulls).isEqualTo(data("{ downstream(id: \"A\") { nodes { id depth } } }", Map.of()));
		assertThat(withNulls.toString()).contains("id=B").contains("id=E").doesNotContain("id=D");
	}

}
