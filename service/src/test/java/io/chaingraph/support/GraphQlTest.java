package io.chaingraph.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;

/** GraphQL tests through the server's execution service (documents in src/test/resources/graphql-test/). */
public abstract class GraphQlTest extends IntegrationTest {

	@Autowired
	private ExecutionGraphQlService graphQlService;

	protected ExecutionGraphQlServiceTester tester() {
		return ExecutionGraphQlServiceTester.create(this.graphQlService);
	}

}
