package io.chaingraph.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import graphql.schema.DataFetcher;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-request timeout ({@code chaingraph.query.timeout}, 1 s here) answers over HTTP with an error
 * naming the setting, and bounds the Neo4j work of the request: a resolver that runs three statements,
 * each of which would take minutes, gets the first one stopped by the database when the request's
 * time is up and the other two are never sent. Without the request deadline each statement would get
 * the full two seconds and the work would run six seconds.
 *
 * The slow field is added to the schema for this test only; it needs its own application context
 * (its own timeout), hence its own database directory.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "chaingraph.sample-data=false", "chaingraph.embedded.bolt-port=0",
				"chaingraph.embedded.page-cache=16MB", "chaingraph.query.timeout=2s",
				// no background statements: the test counts the ones its request sends
				"chaingraph.gaps.refresh-reports=0", "chaingraph.gap-history.poll=0" })
class RequestTimeoutTest {

	/** Far more rows than two seconds allow; "slowStatementMarker" finds it in the transaction list. */
	static final String SLOW = """
			UNWIND range(1, 1000000) AS a UNWIND range(1, 1000000) AS b
			WITH a, b WHERE a * b = -1 AND 'slowStatementMarker' IS NOT NULL
			RETURN count(*) AS n""";

	record Outcome(long sent, Duration took, String failure) {
	}

	static final CompletableFuture<Outcome> OUTCOME = new CompletableFuture<>();

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		try {
			Path dir = Files.createTempDirectory("chaingraph-timeout-test-");
			dir.toFile().deleteOnExit();
			registry.add("chaingraph.data-dir", dir::toString);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class SlowField {

		@Bean
		GraphQlSourceBuilderCustomizer slowStatementsField(Graph graph) {
			DataFetcher<Integer> slow = env -> {
				int statements = env.getArgument("statements");
				long started = System.nanoTime();
				long before = graph.statementCount();
				RuntimeException failure = null;
				for (int i = 0; i < statements; i++) {
					try {
						graph.list(SLOW, Map.of(), r -> r);
					}
					catch (RuntimeException ex) {
						failure = ex; // try the next statement, as a resolver with several statements would
					}
				}
				OUTCOME.complete(new Outcome(graph.statementCount() - before,
						Duration.ofNanos(System.nanoTime() - started),
						(failure != null) ? failure.getClass().getSimpleName() : null));
				if (failure != null) {
					throw failure;
				}
				return statements;
			};
			return builder -> builder.schemaResources(new ClassPathResource("graphql-timeout/slow.graphqls"))
				.configureRuntimeWiring(wiring -> wiring.type("Query", type -> type.dataFetcher("slowStatements", slow)));
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	Graph graph;

	@Test
	void aRequestOverItsTimeIsAnsweredWithAnErrorAndItsDatabaseWorkStops() throws Exception {
		long started = System.nanoTime();
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ slowStatements(statements: 3) }\"}"))
				.timeout(Duration.ofSeconds(60))
				.build(), HttpResponse.BodyHandlers.ofString());
		Duration answeredAfter = Duration.ofNanos(System.nanoTime() - started);

		JsonNode body = JsonMapper.builder().build().readTree(response.body());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(body.has("errors")).as(response.body()).isTrue();
		assertThat(body.at("/errors/0/message").asString())
			.isEqualTo("The request took longer than 2000 ms (chaingraph.query.timeout) and was stopped");
		assertThat(body.at("/errors/0/extensions/classification").asString()).isEqualTo("TIMEOUT");
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
		assertThat(answeredAfter).isLessThan(Duration.ofSeconds(10));

		Outcome outcome = OUTCOME.get(30, TimeUnit.SECONDS);
		// the first statement was stopped by the database at the deadline; the next two were never sent
		assertThat(outcome.sent()).isEqualTo(1);
		assertThat(outcome.failure()).isEqualTo(RequestTimeoutException.class.getSimpleName());
		assertThat(outcome.took()).isLessThan(Duration.ofMillis(5900));
		// and nothing of it still runs in the database
		try (var session = this.graph.driver().session()) {
			assertThat(session.run("""
					SHOW TRANSACTIONS YIELD currentQuery
					WHERE currentQuery CONTAINS 'slowStatementMarker' AND NOT currentQuery STARTS WITH 'SHOW'
					RETURN currentQuery""").list()).isEmpty();
		}
	}

}
