package io.chaingraph.support;

import java.time.Duration;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * GraphQL tests as a client meets the API: over real HTTP ({@link HttpGraphQlTester}) against the server on its
 * port, with documents under src/test/resources/graphql-test/.
 */
public abstract class GraphQlTest extends IntegrationTest {

	@LocalServerPort
	private int port;

	private GraphQlTester tester;

	protected GraphQlTester tester() {
		if (this.tester == null) {
			this.tester = HttpGraphQlTester.create(WebTestClient.bindToServer(new JdkClientHttpConnector())
				.baseUrl("http://127.0.0.1:" + this.port + "/graphql")
				// the build machine may be shared and slow (the default is 5 s)
				.responseTimeout(Duration.ofSeconds(60))
				.build());
		}
		return this.tester;
	}

}
