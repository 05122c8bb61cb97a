package io.chaingraph.graphql;

import java.util.List;

import io.chaingraph.support.ChainFixture;
import io.chaingraph.support.ChainFixtureTest;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.execution.ErrorType;

/**
 * Errors named for what is wrong, on {@link ChainFixture}: a range rule before the cost estimate, an
 * over-large number without graphql-java's internals, an unknown id in a filter, a park given twice;
 * and tag filters in any letter case.
 */
class ErrorRulesTest extends ChainFixtureTest {


	@Test
	void aRangeRuleIsNamedBeforeTheCostEstimate() {
		// depth 100 would also cost far above the limit: the depth rule is what the client is told
		tester().document("{ network(id: \"P\", depth: 100) { truncated } }").execute()
			.errors().expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST
					&& e.getMessage().equals("depth must be between 1 and 10, was 100 (the cap is chaingraph.query.max-depth)"))
			.verify()
			.path("network").pathDoesNotExist();
		tester().document("{ search(text: \"x\", first: 100000) { totalCount } }").execute()
			.errors().expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST
					&& e.getMessage().startsWith("first must be between 0 and 1000, was 100000"));
	}

	@Test
	void aNumberOutsideIntGetsAPlainMessage() {
		tester().document("{ network(id: \"P\", limit: 99999999999) { truncated } }").execute()
			.errors().expect(e -> e.getMessage()
				.equals("argument 'limit': 99999999999 is not an Int (a whole number from -2147483648 to 2147483647)")
					&& !e.getMessage().contains("IntValue"))
			.verify();
		tester().document("{ network(id: \"P\", limit: 1.5) { truncated } }").execute()
			.errors().expect(e -> e.getMessage()
				.equals("argument 'limit': 1.5 is not an Int (a whole number from -2147483648 to 2147483647)"));
	}

	@Test
	void anUnknownIdInAFilterIsNotFound() {
		tester().document("{ enterprises(parkId: \"nope\") { totalCount } }").execute()
			.errors().expect(e -> e.getErrorType() == ErrorType.NOT_FOUND && e.getMessage().equals("No park with id 'nope'"));
		tester().document("{ enterprises(nodeId: \"P\") { totalCount } }").execute()
			.errors().expect(e -> e.getErrorType() == ErrorType.NOT_FOUND
					&& e.getMessage().equals("No chain segment with id 'P'"));
		// a real park and segment with nothing in common: an empty page, no error
		tester().document("{ enterprises(parkId: \"Q\", nodeId: \"A\") { totalCount edges { node { id } } } }").execute()
			.path("enterprises.totalCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void aParkGivenTwiceIsRefused() {
		tester().document("{ compareParks(parkIds: [\"P\", \"Q\", \"P\"], chainId: \"C\") { coverage } }").execute()
			.errors().expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST
					&& e.getMessage().equals("compareParks lists park 'P' twice; give each park once"));
	}

	@Test
	void tagsMatchInAnyCaseAndAllMustHold() {
		tester().document("{ enterprises(tag: \"leading\") { edges { node { id } } } }").execute()
			.path("enterprises.edges[*].node.id").entityList(String.class).containsExactly("q1");
		tester().document("{ enterprises(tags: [\"Leading\", \"LISTED\"]) { totalCount } }").execute()
			.path("enterprises.totalCount").entity(Integer.class).isEqualTo(1);
		tester().document("{ enterprises(tags: [\"leading\", \"unicorn\"]) { totalCount } }").execute()
			.path("enterprises.totalCount").entity(Integer.class).isEqualTo(0);
		tester().document("{ enterprises(parkId: \"Q\", tags: []) { edges { node { id } } } }").execute()
			.path("enterprises.edges[*].node.id").entityList(String.class)
			.satisfies(ids -> org.assertj.core.api.Assertions.assertThat(ids).containsExactlyInAnyOrder("q1", "q3", "q4"));
	}

}
