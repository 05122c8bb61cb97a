package io.chaingraph.config;

import io.chaingraph.support.ChainFixture;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.GraphQlTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;

import static org.assertj.core.api.Assertions.assertThat;

/** Every limit refusal names the limit and its setting, and refused queries never reach the database. */
class QueryLimitsTest extends GraphQlTest {

	@Autowired
	Graph graph;

	@BeforeEach
	void build() {
		ChainFixture.build(new Fixtures(this.graph));
	}

	private void refusedBeforeTheDatabase(String document, String expectedMessagePart) {
		long before = this.graph.statementCount();
		tester().document(document).execute().errors().expect(e -> e.getMessage().contains(expectedMessagePart));
		assertThat(this.graph.statementCount()).as("statements sent").isEqualTo(before);
	}

	@Test
	void nestingDepth() {
		String nested = "{ park(id: \"P\") " + "{ parent ".repeat(15) + "{ id }" + " }".repeat(15) + " }";
		refusedBeforeTheDatabase(nested, "exceeds the limit 15 (chaingraph.graphql.max-nesting)");
	}

	@Test
	void costCountsSizeArguments() {
		refusedBeforeTheDatabase("""
				{ parks(first: 1000) { enterprises(first: 1000) { edges { node { suppliers { enterprise { name } } } } } } }""",
				"(chaingraph.graphql.max-cost)");
		refusedBeforeTheDatabase("{ upstream(id: \"D\", depth: 10, limit: 5000) { nodes { id name } } }",
				"(chaingraph.graphql.max-cost)");
		// the contract's defaults stay well inside
		tester().document("{ network(id: \"P\") { nodes { id type name depth } edges { id type source target } truncated } }")
			.execute().errors().verify();
		tester().document("{ upstream(id: \"D\", depth: 10) { nodes { id name } edges { id } truncated } }")
			.execute().errors().verify();
	}

	@Test
	void sizeArgumentsAboveTheirCaps() {
		tester().document("{ upstream(id: \"D\", limit: 5001) { truncated } }").execute().errors()
			.expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST
					&& e.getMessage().equals("limit must be between 1 and 5000, was 5001 (the cap is chaingraph.query.max-nodes)"));
		tester().document("{ search(text: \"x\", first: 1001) { edges { node { id } } } }").execute().errors()
			.expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage().contains("chaingraph.query.max-first"));
		tester().document("{ gapCandidates(parkId: \"P\", nodeId: \"E\", first: 1001) { edges { node { score } } } }").execute().errors()
			.expect(e -> e.getMessage().contains("chaingraph.query.max-first"));
		tester().document("{ enterprises(first: 1001) { totalCount } }").execute().errors()
			.expect(e -> e.getMessage().contains("chaingraph.query.max-first"));
	}

	@Test
	void refusalsNameTheLimitAndItsSettingAndSendNoStatement() {
		String[][] refused = {
				{ "{ downstream(id: \"A\", depth: 11) { truncated } }",
						"depth must be between 1 and 10, was 11 (the cap is chaingraph.query.max-depth)" },
				{ "{ network(id: \"A\", depth: 0) { truncated } }",
						"depth must be between 1 and 10, was 0 (the cap is chaingraph.query.max-depth)" },
				{ "{ network(id: \"A\", limit: 5001) { truncated } }",
						"limit must be between 1 and 5000, was 5001 (the cap is chaingraph.query.max-nodes)" },
				{ "{ search(text: \"e\", first: 1001) { edges { node { id } } } }",
						"first must be between 0 and 1000, was 1001 (the cap is chaingraph.query.max-first)" },
				{ "{ enterprises(parkId: \"P\", first: 1001) { totalCount } }",
						"first must be between 0 and 1000, was 1001 (the cap is chaingraph.query.max-first)" },
				{ "{ parks(first: 1001) { id } }",
						"first must be between 0 and 1000, was 1001 (the cap is chaingraph.query.max-first)" },
				{ "{ gapCandidates(parkId: \"P\", nodeId: \"E\", first: -1) { edges { node { score } } } }",
						"first must be between 0 and 1000, was -1 (the cap is chaingraph.query.max-first)" } };
		for (String[] query : refused) {
			long before = this.graph.statementCount();
			tester().document(query[0]).execute().errors()
				.expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage().equals(query[1]))
				.verify();
			assertThat(this.graph.statementCount()).as(query[0]).isEqualTo(before);
		}
		// page sizes of nested lists are checked the same way (after the parent was read)
		tester().document("{ chainNode(id: \"B\") { enterprises(first: 1001) { totalCount } } }").execute().errors()
			.expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage()
				.equals("first must be between 0 and 1000, was 1001 (the cap is chaingraph.query.max-first)"));
		tester().document("{ park(id: \"P\") { enterprises(first: 1001) { totalCount } } }").execute().errors()
			.expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage().contains("chaingraph.query.max-first"));
	}

	@Test
	void refusedQueriesAreClassifiedAndDoNotExecute() {
		String nested = "{ park(id: \"P\") " + "{ parent ".repeat(15) + "{ id }" + " }".repeat(15) + " }";
		var errors = tester().document(nested).execute().returnResponse().getErrors();
		assertThat(errors).singleElement().satisfies(e -> {
			assertThat(e.getErrorType().toString()).isEqualTo("QUERY_TOO_COMPLEX");
			assertThat(e.getMessage()).startsWith("Query nesting depth ")
				.endsWith(" exceeds the limit 15 (chaingraph.graphql.max-nesting)");
		});
		// cost = limit × (depth + cost of the selection), nodes { id name } = 1 × (1 + 2): 4000 × (10 + 3) > 20,000
		errors = tester().document("{ downstream(id: \"A\", depth: 10, limit: 4000) { nodes { id name } } }").execute()
			.returnResponse().getErrors();
		assertThat(errors).singleElement().satisfies(e -> {
			assertThat(e.getErrorType().toString()).isEqualTo("QUERY_TOO_COMPLEX");
			assertThat(e.getMessage()).startsWith("Query cost 52000 exceeds the limit 20000 (chaingraph.graphql.max-cost)");
		});
		// depth counts: the same query at depth 1 costs 4000 × (1 + 3) = 16,000 and runs
		tester().document("{ downstream(id: \"A\", depth: 1, limit: 4000) { nodes { id name } } }").execute()
			.errors().verify();
	}

	@Test
	void theSameDocumentIsMeasuredForEachValueOfItsSizeAndSkipVariables() {
		// measures are kept per document and variable values: a verdict must not carry over to other values
		String sized = "query Q($id: ID!, $depth: Int, $limit: Int) { downstream(id: $id, depth: $depth, limit: $limit) { nodes { id name } } }";
		String[][] runs = { { "1", "4000", null }, { "10", "4000", "Query cost 52000 exceeds the limit 20000" },
				{ "1", "4000", null }, { "10", "10", null }, { "10", "4000", "Query cost 52000 exceeds the limit 20000" } };
		for (String[] run : runs) {
			for (String id : new String[] { "A", "B" }) {
				var response = tester().document(sized)
					.variable("id", id)
					.variable("depth", Integer.parseInt(run[0]))
					.variable("limit", Integer.parseInt(run[1]))
					.execute()
					.returnResponse();
				if (run[2] == null) {
					assertThat(response.getErrors()).as("depth %s limit %s", run[0], run[1]).isEmpty();
				}
				else {
					assertThat(response.getErrors()).singleElement()
						.satisfies(e -> assertThat(e.getMessage()).startsWith(run[2]));
				}
			}
		}
		// @skip takes a variable: the expensive field only counts when it is not skipped
		String skippable = "query S($skip: Boolean!) { upstream(id: \"D\", depth: 10, limit: 5000) @skip(if: $skip) { nodes { id } } }";
		tester().document(skippable).variable("skip", true).execute().errors().verify();
		tester().document(skippable).variable("skip", false).execute().errors()
			.expect(e -> e.getMessage().contains("(chaingraph.graphql.max-cost)"))
			.verify();
		tester().document(skippable).variable("skip", true).execute().errors().verify();
	}

	@Test
	void errorsCarryAClassificationAndNoStackTrace() {
		var errors = tester().document("{ upstream(id: \"nope\") { truncated } }").execute().returnResponse().getErrors();
		assertThat(errors).singleElement().satisfies(e -> {
			assertThat(e.getErrorType()).isEqualTo(ErrorType.NOT_FOUND);
			assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("at io.");
		});
	}

}
