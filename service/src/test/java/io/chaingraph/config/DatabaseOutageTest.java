package io.chaingraph.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.chaingraph.ChaingraphApplication;
import io.chaingraph.importing.ImportProgress;
import io.chaingraph.importing.ImportReport;
import io.chaingraph.importing.ImportService;
import io.chaingraph.importing.ImportStatus;
import io.chaingraph.importing.load.FileSummary;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.support.DatasetDir;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An external database that goes away and comes back, with the application (web server on a free
 * port) pointed at it through {@code spring.neo4j.uri}: the "external server" is a Neo4j started here
 * with Bolt on a free port, stopped (in the middle of an import, which fails with its "run it again"
 * message) and started again on the same port and data folder. While it is gone health reports DOWN and
 * a query fails within a second or two with a SERVICE_UNAVAILABLE GraphQL error; once it is back health
 * is UP, queries answer and the import run again completes, without restarting the application. A start
 * with the database down fails fast with a message naming NEO4J_URI.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageTest {

	static final String PARK = "{ park(id: \"outage-park\") { name } }";

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	static Path tmp;

	static EmbeddedNeo4j startServer(int port) {
		return EmbeddedNeo4j.start(tmp.resolve("server"), "127.0.0.1", port, 64L << 20, Duration.ofSeconds(60));
	}

	static ConfigurableApplicationContext start(String uri) {
		return new SpringApplicationBuilder(ChaingraphApplication.class).run("--spring.neo4j.uri=" + uri,
				"--server.port=0", "--chaingraph.sample-data=false", "--chaingraph.data-dir=" + tmp.resolve("unused"),
				"--chaingraph.query.timeout=10s");
	}

	@Test
	void healthGoesDownQueriesFailFastAndBothRecoverWhenTheDatabaseReturns() throws Exception {
		EmbeddedNeo4j server = startServer(0);
		int boltPort = server.port();
		server.service()
			.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)
			.executeTransactionally("CREATE (:Park:Entity {id: $id, name: $name, aliases: []})",
					Map.of("id", "outage-park", "name", "断线园区"));
		try (ConfigurableApplicationContext app = start("bolt://127.0.0.1:" + boltPort)) {
			int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			assertThat(awaitHealth(port, "UP", Duration.ofSeconds(5))).isLessThan(Duration.ofSeconds(5));
			assertThat(graphql(port).body()).isEqualTo("{\"data\":{\"park\":{\"name\":\"断线园区\"}}}");

			// the database goes away in the middle of an import (after its third batch of two rows)
			ImportService imports = app.getBean(ImportService.class);
			DatasetSource dataset = DatasetSource.fromDirectory(new DatasetDir(tmp.resolve("dataset")).write());
			EmbeddedNeo4j stopping = server;
			ImportProgress stopTheServerAfterThreeBatches = new ImportProgress() {
				int batches;

				@Override
				public void advance(String file, long rows) {
					if (++this.batches == 3) {
						stopping.close();
					}
				}
			};
			server = null;
			long importStarted = System.nanoTime();
			assertThatThrownBy(() -> imports.run(dataset, false, stopTheServerAfterThreeBatches, 2))
				.isInstanceOf(ImportService.ImportFailedException.class)
				.hasMessageContaining("the graph holds a partial load. Run the same import again to complete it.");
			assertThat(Duration.ofNanos(System.nanoTime() - importStarted)).isLessThan(Duration.ofSeconds(30));

			Duration toDown = awaitHealth(port, "DOWN", Duration.ofSeconds(10));
			assertThat(toDown).as("health DOWN").isLessThan(Duration.ofSeconds(5));
			assertThat(get(port, "/actuator/health/readiness").statusCode()).as("not ready").isEqualTo(503);
			assertThat(get(port, "/actuator/health/liveness").statusCode()).as("still live").isEqualTo(200);
			for (int attempt = 0; attempt < 2; attempt++) {
				long started = System.nanoTime();
				HttpResponse<String> refused = graphql(port);
				Duration took = Duration.ofNanos(System.nanoTime() - started);
				assertThat(took).as("failed fast (query timeout 10 s)").isLessThan(Duration.ofSeconds(3));
				assertThat(refused.statusCode()).isEqualTo(200);
				assertThat(refused.headers().firstValue("content-type")).hasValueSatisfying(
						type -> assertThat(type).contains("json"));
				JsonNode body = json.readTree(refused.body());
				assertThat(body.path("data").path("park").isNull()).as(refused.body()).isTrue();
				assertThat(body.path("errors")).as(refused.body()).hasSize(1);
				JsonNode error = body.path("errors").get(0);
				assertThat(error.path("extensions").path("classification").asString()).isEqualTo("SERVICE_UNAVAILABLE");
				assertThat(error.path("message").asString()).isEqualTo(GraphQlConfiguration.DATABASE_UNREACHABLE);
				assertThat(refused.body()).doesNotContain("Exception", "\tat ", "<html");
			}

			server = startServer(boltPort);
			Duration toUp = awaitHealth(port, "UP", Duration.ofSeconds(30));
			assertThat(toUp).as("health UP again").isLessThan(Duration.ofSeconds(30));
			assertThat(graphql(port).body()).isEqualTo("{\"data\":{\"park\":{\"name\":\"断线园区\"}}}");
			assertThat(get(port, "/actuator/health/readiness").statusCode()).as("ready again").isEqualTo(200);
			// the same import again completes the graph: the four entities written before the outage are unchanged
			ImportReport rerun = imports.run(dataset, false, ImportProgress.NONE);
			assertThat(rerun.status()).isEqualTo(ImportStatus.SUCCEEDED);
			assertThat(rerun.files().stream().mapToLong(FileSummary::nodesUnchanged).sum()).isEqualTo(4);
			Set<String> nodeFiles = Set.of("parks.csv", "chains.csv", "chain_nodes.csv", "enterprises.csv", "platforms.csv");
			assertThat(rerun.files().stream().mapToLong(FileSummary::nodesCreated).sum()).isEqualTo(
					rerun.files().stream().filter(f -> nodeFiles.contains(f.file())).mapToLong(FileSummary::rows).sum() - 4);
		}
		finally {
			if (server != null) {
				server.close();
			}
		}
	}

	@Test
	void aStartWithTheDatabaseDownFailsFastWithAMessageNamingTheUri(CapturedOutput output) throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			closed = socket.getLocalPort();
		}
		String uri = "bolt://127.0.0.1:" + closed;
		long started = System.nanoTime();
		assertThatThrownBy(() -> start(uri).close())
			.satisfies(failure -> assertThat(GraphQlConfiguration.databaseUnreachable(failure))
				.isInstanceOf(ServiceUnavailableException.class));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START",
				"The service could not start: the Neo4j server at " + uri + " (NEO4J_URI) is unreachable",
				"Start the database or correct NEO4J_URI");
	}

	/** Polls /actuator/health until its status and the neo4j component's are {@code status}; returns how long it took. */
	static Duration awaitHealth(int port, String status, Duration atMost) {
		long started = System.nanoTime();
		AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
		try {
			await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
				last.set(get(port, "/actuator/health"));
				JsonNode health = json.readTree(last.get().body());
				return health.path("status").asString().equals(status)
						&& health.path("components").path("neo4j").path("status").asString().equals(status);
			});
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("health not " + status + " within " + atMost + "; last: "
					+ ((last.get() != null) ? last.get().body() : null), ex);
		}
		assertThat(last.get().statusCode()).isEqualTo(status.equals("UP") ? 200 : 503);
		return Duration.ofNanos(System.nanoTime() - started);
	}

	static HttpResponse<String> get(int port, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	static HttpResponse<String> graphql(int port) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
			.header("content-type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + PARK.replace("\"", "\\\"") + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
