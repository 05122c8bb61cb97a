package io.chaingraph.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.chaingraph.ChaingraphApplication;
import io.chaingraph.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.driver.Driver;
import org.neo4j.graphdb.GraphDatabaseService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Both ways of connecting. Embedded (no {@code spring.neo4j.uri}): the shared test application runs
 * Neo4j in-process and talks to it over Bolt. External: a second Neo4j started here plays the server;
 * the application pointed at it with {@code bolt://} and with {@code neo4j://} (routing) starts no
 * database of its own, migrates the server's schema on the first start only, and answers from it.
 * A taken Bolt port stops the embedded start with a message naming the setting.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectionModesTest extends IntegrationTest {

	/** The "external server": a Neo4j in this JVM with Bolt on a free port, as an operator would run one. */
	static EmbeddedNeo4j server;

	@TempDir
	static Path tmp;

	@Autowired
	ConfigurableApplicationContext context;

	@BeforeAll
	static void startServer() {
		server = EmbeddedNeo4j.start(tmp.resolve("server"), "127.0.0.1", 0, 64L << 20, Duration.ofSeconds(60));
	}

	@AfterAll
	static void stopServer() {
		if (server != null) {
			server.close();
		}
	}

	static GraphDatabaseService serverDb() {
		return server.service().database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
	}

	/**
	 * Starts the application (no web server) with the given properties on top of the test defaults, as
	 * command-line arguments (they win over application.yml and the environment, as they do for a user).
	 */
	static ConfigurableApplicationContext start(String... properties) {
		Map<String, String> all = new LinkedHashMap<>();
		for (String property : List.of("chaingraph.sample-data=false", "chaingraph.embedded.page-cache=64MB",
				"chaingraph.query.timeout=60s", "chaingraph.embedded.bolt-port=0",
				"chaingraph.data-dir=" + tmp.resolve("default-data"))) {
			all.put(property.substring(0, property.indexOf('=')), property);
		}
		for (String property : properties) {
			all.put(property.substring(0, property.indexOf('=')), property);
		}
		return new SpringApplicationBuilder(ChaingraphApplication.class).web(WebApplicationType.NONE)
			.run(all.values().stream().map(p -> "--" + p).toArray(String[]::new));
	}

	static String serverAddress(Driver driver) {
		return driver.executableQuery("RETURN 1").execute().summary().server().address();
	}

	@Test
	@Order(1)
	void embeddedByDefaultTalksBoltToItsOwnDatabase() {
		assertThat(this.context.getEnvironment().getProperty("spring.neo4j.uri")).isEmpty();
		EmbeddedNeo4j embedded = this.context.getBean(EmbeddedNeo4j.class);
		URI uri = this.context.getBean(Neo4jConnectionDetails.class).getUri();
		assertThat(uri).isEqualTo(URI.create("bolt://127.0.0.1:" + embedded.port()));
		assertThat(serverAddress(this.context.getBean(Driver.class))).endsWith(":" + embedded.port());
		// what the driver writes over Bolt is in the in-process database
		Graph graph = this.context.getBean(Graph.class);
		graph.write("MERGE (:ConnectionProbe {id: 'embedded'})", Map.of());
		try {
			long found = (long) embedded.service()
				.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)
				.executeTransactionally("MATCH (p:ConnectionProbe {id: 'embedded'}) RETURN count(p) AS n", Map.of(),
						r -> r.next().get("n"));
			assertThat(found).isEqualTo(1);
		}
		finally {
			graph.write("MATCH (p:ConnectionProbe) DELETE p", Map.of());
		}
	}

	@Test
	@Order(2)
	void externalServerOverBoltAndOverNeo4jRouting() throws IOException {
		serverDb().executeTransactionally("CREATE (:Park:Entity {id: 'ext', name: '外部园区', aliases: []})");
		int port = server.port();
		String[] uris = { "bolt://127.0.0.1:" + port, "neo4j://127.0.0.1:" + port };
		for (int i = 0; i < uris.length; i++) {
			Path dataDir = tmp.resolve("unused-data-" + i);
			// the embedded Bolt port is held by this test: an embedded start would fail on it
			try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
					ConfigurableApplicationContext app = start("spring.neo4j.uri=" + uris[i],
							"chaingraph.data-dir=" + dataDir, "chaingraph.embedded.bolt-port=" + held.getLocalPort())) {
				assertThat(app.getBeansOfType(EmbeddedNeo4j.class)).as(uris[i]).isEmpty();
				assertThat(Files.exists(dataDir)).as("no embedded database files").isFalse();
				assertThat(serverAddress(app.getBean(Driver.class))).endsWith(":" + port);
				ExecutionGraphQlServiceTester.create(app.getBean(ExecutionGraphQlService.class))
					.document("{ park(id: \"ext\") { name } }")
					.execute()
					.path("park.name")
					.entity(String.class)
					.isEqualTo("外部园区");
				List<Integer> applied = app.getBean(SchemaMigrations.class).appliedNow().stream()
					.map(SchemaMigrations.Migration::version)
					.toList();
				// the first start migrates the server's schema; the second finds it current
				assertThat(applied).as("migrations applied by start %d (%s)", i + 1, uris[i])
					.isEqualTo((i == 0) ? SchemaMigrations.load().stream().map(SchemaMigrations.Migration::version).toList()
							: List.of());
			}
		}
		long recorded = (long) serverDb().executeTransactionally("MATCH (m:SchemaMigration) RETURN count(m) AS n",
				Map.of(), r -> r.next().get("n"));
		assertThat(recorded).isEqualTo(SchemaMigrations.load().size());
	}

	@Test
	@Order(3)
	void aMigrationChangedAfterItWasAppliedStopsTheStart() {
		serverDb().executeTransactionally("MATCH (m:SchemaMigration {version: 2}) SET m.checksum = 'edited'");
		assertThatThrownBy(() -> start("spring.neo4j.uri=bolt://127.0.0.1:" + server.port()).close())
			.rootCause()
			.isInstanceOf(IllegalStateException.class)
			.hasMessageStartingWith("Schema migration V002__lookup_indexes.cypher was changed after it was applied "
					+ "(recorded checksum edited, file ")
			.hasMessageEndingWith("Applied migrations are immutable: add a new file instead.");
	}

	@Test
	@Order(4)
	void aTakenBoltPortStopsTheStartNamingTheSetting(CapturedOutput output) throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			int port = taken.getLocalPort();
			assertThatThrownBy(() -> start("chaingraph.data-dir=" + tmp.resolve("taken"),
					"chaingraph.embedded.bolt-port=" + port).close())
				.rootCause()
				.isInstanceOf(EmbeddedNeo4j.BoltPortInUseException.class)
				.hasMessage("Bolt port " + port + " on 127.0.0.1 is already in use");
			assertThat(output.getAll()).contains("APPLICATION FAILED TO START",
					"The embedded Neo4j could not start: Bolt port " + port + " on 127.0.0.1 is already in use",
					"choose another port with chaingraph.embedded.bolt-port (environment variable CHAINGRAPH_BOLT_PORT");
		}
	}

}
