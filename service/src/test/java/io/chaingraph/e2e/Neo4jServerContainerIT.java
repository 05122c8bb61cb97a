package io.chaingraph.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.chaingraph.support.Containers;
import io.chaingraph.support.CliRun;
import io.chaingraph.support.JarProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.neo4j.Neo4jContainer;
import org.testcontainers.utility.DockerImageName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service in external mode against a real Neo4j 5.26 server in a container, with a password, over a
 * network: the packaged jar ({@link JarProcess}) on this machine through the server's published Bolt port,
 * and the service's own image (the repository's {@code Dockerfile}) as a container beside the server on a
 * Docker network. A wrong password stops the start with a message naming NEO4J_PASSWORD; the import
 * command (run in this JVM, {@link CliRun}) applies the schema migrations and loads the sample dataset; the server killed and started again
 * (its container) takes health DOWN and GraphQL to SERVICE_UNAVAILABLE, and back, without restarting the
 * service; the image answers GraphQL and serves the explorer as a non-root user, healthy by its own
 * HEALTHCHECK. Skipped, with one line, where no Docker engine answers ({@link Containers}).
 */
@ExtendWith(Containers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Neo4jServerContainerIT {

	static final String PASSWORD = "chaingraph-secret-1";

	static final String SERVICE_IMAGE = "chaingraph-test/service:latest";

	static final JsonMapper json = JsonMapper.builder().build();

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TempDir
	static Path work;

	static Network network;

	static Neo4jContainer neo4j;

	/** The server's Bolt port on this machine, fixed so that it stays the same when the container restarts. */
	static int boltPort;

	static JarProcess service;

	/** The service's image, built in the background while the server starts and the jar's tests run. */
	static ImageFromDockerfile serviceImage;

	static CompletableFuture<String> serviceImageBuilt;

	@BeforeAll
	static void startTheServer() {
		serviceImage = new ImageFromDockerfile(SERVICE_IMAGE, false)
			.withFileFromPath("Dockerfile", Path.of("Dockerfile").toAbsolutePath())
			.withFileFromPath("target/chaingraph.jar", JarProcess.SERVICE_JAR);
		String base = Containers.serviceBase();
		if (base != null) {
			serviceImage.withBuildArg("BASE", base);
		}
		serviceImageBuilt = CompletableFuture.supplyAsync(serviceImage::get);
		network = Network.newNetwork();
		boltPort = JarProcess.freePort();
		neo4j = new Neo4jContainer(Containers.neo4jImage()).withAdminPassword(PASSWORD)
			.withNetwork(network)
			.withNetworkAliases("neo4j")
			// a wrong password must not lock the user out for the tests that follow
			.withNeo4jConfig("dbms.security.auth_max_failed_attempts", "0")
			// the home-built image's server JVM: C1 only, as the tests' jars (the official image ignores it)
			.withEnv("JAVA_OPTS", "-XX:TieredStopAtLevel=1");
		neo4j.setPortBindings(List.of("127.0.0.1:" + boltPort + ":7687"));
		neo4j.start();
	}

	@AfterAll
	static void stopAll() {
		if (service != null) {
			service.close();
		}
		if (neo4j != null) {
			neo4j.stop();
		}
		if (network != null) {
			network.close();
		}
		if (serviceImageBuilt != null) {
			serviceImageBuilt.handle((built, failed) -> null).join();
			Containers.removeImage(SERVICE_IMAGE);
		}
	}

	static String boltUri() {
		return "bolt://127.0.0.1:" + boltPort;
	}

	static Map<String, String> external(String password) {
		return Map.of("NEO4J_URI", boltUri(), "NEO4J_USERNAME", "neo4j", "NEO4J_PASSWORD", password,
				"CHAINGRAPH_DATA_DIR", work.resolve("unused").toString());
	}

	@Test
	@Order(1)
	void aWrongPasswordStopsTheStartWithAMessageNamingNeo4jPassword() {
		try (JarProcess refused = JarProcess.start(JarProcess.SERVICE_JAR, List.of("--server.port=0"),
				external("not-the-password"))) {
			assertThat(refused.awaitExit(Duration.ofMinutes(3))).as(refused.output()).isNotZero();
			assertThat(refused.output()).contains("APPLICATION FAILED TO START",
					"The service could not start: the Neo4j server at " + boltUri()
							+ " (NEO4J_URI) refused the user name or password",
					"NEO4J_PASSWORD", "Set NEO4J_USERNAME and NEO4J_PASSWORD")
				.doesNotContain("not-the-password");
		}
	}

	@Test
	@Order(2)
	void theImportCommandMigratesTheServerAndLoadsTheSampleOverTheNetwork() {
		// the import command's route to a server is its configuration, not the jar: the same command line in
		// this JVM (CliRun), the variables as the properties they are (the jar's reading of the environment
		// is the wrong-password start's and the service's)
		CliRun imported = CliRun.of("import", "import/wenzhou", "--NEO4J_URI=" + boltUri(), "--NEO4J_USERNAME=neo4j",
				"--NEO4J_PASSWORD=" + PASSWORD, "--chaingraph.data-dir=" + work.resolve("unused"));
		assertThat(imported.exitCode()).as(imported.output()).isZero();
		assertThat(imported.output()).contains("Imported ", "parks.csv");
		try (Driver driver = GraphDatabase.driver(boltUri(), AuthTokens.basic("neo4j", PASSWORD))) {
			assertThat(driver.executableQuery("MATCH (m:SchemaMigration) RETURN count(m) AS n").execute()
				.records().get(0).get("n").asLong()).as("migrations applied").isGreaterThanOrEqualTo(5);
			assertThat(driver.executableQuery("MATCH (p:Park {id: 'park-gene-valley'}) RETURN p.name AS name").execute()
				.records()).singleElement().satisfies(r -> assertThat(r.get("name").asString()).isEqualTo("中国基因药谷"));
		}
	}

	@Test
	@Order(3)
	void theServiceAnswersFromTheServer() {
		// the test checks the route to the server, not speed: the first statements on a cold server share a busy
		// machine with the service's own start-up work, so a generous bound keeps it steady
		service = JarProcess.startService(List.of("--chaingraph.query.timeout=60s"), external(PASSWORD));
		assertThat(service.graphql("{ search(text: \"基因藥谷\", first: 1) { edges { node { id name } } } }"))
			.contains("park-gene-valley", "中国基因药谷");
	}

	@Test
	@Order(4)
	void aServerOutageTakesHealthDownAndQueriesToServiceUnavailableAndTheServiceRecoversByItself() throws Exception {
		assertThat(service).as("started by the test before").isNotNull();
		long pid = service.process().pid();
		// the server dies (SIGKILL), as in a crash or a lost machine
		neo4j.getDockerClient().killContainerCmd(neo4j.getContainerId()).exec();

		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
			.until(() -> get(service.uri("/actuator/health/readiness")).statusCode() == 503);
		assertThat(get(service.uri("/actuator/health/liveness")).statusCode()).as("still live").isEqualTo(200);
		JsonNode health = json.readTree(get(service.uri("/actuator/health")).body());
		assertThat(health.path("components").path("neo4j").path("status").asString()).isEqualTo("DOWN");
		HttpResponse<String> refused = service.post("{ park(id: \"park-gene-valley\") { name } }", null,
				Duration.ofSeconds(30));
		assertThat(refused.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(refused.body());
		assertThat(body.path("errors")).as(refused.body()).hasSize(1);
		assertThat(body.path("errors").get(0).path("extensions").path("classification").asString())
			.isEqualTo("SERVICE_UNAVAILABLE");
		assertThat(refused.body()).contains("The graph database is unreachable").doesNotContain("Exception", "\tat ");

		neo4j.getDockerClient().startContainerCmd(neo4j.getContainerId()).exec();
		// while the server starts, a health check may wait for it longer than one poll: those polls are ignored
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
			.until(() -> get(service.uri("/actuator/health/readiness")).statusCode() == 200);
		assertThat(service.graphql("{ park(id: \"park-gene-valley\") { name } }")).contains("中国基因药谷");
		assertThat(service.isAlive()).isTrue();
		assertThat(service.process().pid()).as("the same process, not restarted").isEqualTo(pid);
	}

	@Test
	@Order(5)
	void theServiceImageRunsBesideTheServerAndAnswersGraphQlAndTheExplorer() throws Exception {
		String image = serviceImageBuilt.get(10, TimeUnit.MINUTES);
		try (GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image)).withNetwork(network)
			// C1 only and the serial collector, as the tests start the jar: a faster start on two cores
			.withEnv(Map.of("NEO4J_URI", "bolt://neo4j:7687", "NEO4J_PASSWORD", PASSWORD, "JAVA_TOOL_OPTIONS",
					"-XX:TieredStopAtLevel=1 -XX:+UseSerialGC", "CHAINGRAPH_QUERY_TIMEOUT", "60s"))
			.withExposedPorts(8080)
			.waitingFor(Wait.forHttp("/actuator/health/readiness").forStatusCode(200)
				.withStartupTimeout(Duration.ofMinutes(5)))) {
			container.start();
			URI root = URI.create("http://127.0.0.1:" + container.getMappedPort(8080) + "/");
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(root.resolve("graphql"))
				.header("content-type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(
						"{\"query\":\"{ park(id: \\\"park-gene-valley\\\") { name subParks { name } } }\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(answer.body()).contains("中国基因药谷", "海派生命健康科创园");
			HttpResponse<String> explorer = get(root);
			assertThat(explorer.statusCode()).isEqualTo(200);
			assertThat(explorer.body()).contains("<title>chaingraph 产业链图谱 · network explorer</title>");

			assertThat(container.execInContainer("id", "-u").getStdout().strip()).as("not root").isNotEqualTo("0");
			assertThat(container.getContainerInfo().getConfig().getUser()).isEqualTo("chaingraph");
			await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
				.until(() -> "healthy".equals(container.getCurrentContainerInfo().getState().getHealth().getStatus()));
		}
	}

	static HttpResponse<String> get(URI uri) throws Exception {
		return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
