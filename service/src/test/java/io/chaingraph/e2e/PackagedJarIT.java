package io.chaingraph.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.chaingraph.support.DatasetDir;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as a user runs it: the service on a fresh data folder (sample data loads, GraphQL
 * answers, SIGTERM stops it quickly), the import command (invalid input exits 1 with
 * file:line: column: messages; a valid dataset loads; a re-run changes nothing), and a restart that
 * finds everything still there.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedJarIT {

	static final Path JAR = Path.of("target", "chaingraph.jar").toAbsolutePath();

	@TempDir
	static Path work;

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	record Run(int exitCode, String output) {
	}

	static Run runJar(String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", JAR.toString()));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
		return new Run(process.exitValue(), output);
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static String graphql(int port, String query) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
			.header("content-type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query.replace("\"", "\\\"") + "\"}"))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	/** Starts the service, runs the checks against it, stops it with SIGTERM and returns the shutdown time. */
	static Duration withService(Path dataDir, ThrowingConsumer<Integer> checks) throws Exception {
		int port = freePort();
		Path log = Files.createTempFile(work, "service", ".log");
		Process service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
				JAR.toString(), "--server.port=" + port, "--chaingraph.data-dir=" + dataDir,
				"--chaingraph.embedded.bolt-port=0")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			awaitReady(service, port, log);
			checks.accept(port);
		}
		finally {
			long stopping = System.nanoTime();
			service.destroy(); // SIGTERM
			boolean stopped = service.waitFor(30, TimeUnit.SECONDS);
			if (!stopped) {
				service.destroyForcibly();
			}
			assertThat(stopped).isTrue();
			return Duration.ofNanos(System.nanoTime() - stopping);
		}
	}

	/** Waits (up to two minutes) until the service started on {@code port} is ready; fails with its log if it is not. */
	static void awaitReady(Process service, int port, Path log) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		boolean up = false;
		while (!up && System.nanoTime() < deadline && service.isAlive()) {
			try {
				HttpResponse<String> health = http.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
						HttpResponse.BodyHandlers.ofString());
				up = health.statusCode() == 200;
			}
			catch (IOException notYet) {
				Thread.sleep(500);
			}
		}
		assertThat(up).as("service up; log:%n%s", Files.readString(log)).isTrue();
	}

	interface ThrowingConsumer<T> {

		void accept(T value) throws Exception;

	}

	@Test
	@Order(1)
	void firstStartLoadsTheSampleDataAndStopsQuicklyOnSigterm() throws Exception {
		Duration shutdown = withService(work.resolve("data"), port -> {
			assertThat(graphql(port, "{ __typename }")).isEqualTo("{\"data\":{\"__typename\":\"Query\"}}");
			assertThat(graphql(port, "{ park(id: \"park-gene-valley\") { name subParks { name } } }"))
				.contains("中国基因药谷", "海派生命健康科创园");
			assertThat(graphql(port, "{ importRuns { status dataset } }")).contains("SUCCEEDED", "classpath:sample/wenzhou");
		});
		assertThat(shutdown).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	@Order(2)
	void importCommandRefusesBadInputAndLoadsGoodInputOnce() throws Exception {
		Path bad = new DatasetDir(work.resolve("bad")).append("chain_links.csv", "t-n2,t-n2\n")
			.append("supplies.csv", "t-e1,nobody,,,\n")
			.write();
		Run refused = runJar("import", bad.toString(), "--chaingraph.data-dir=" + work.resolve("data"));
		assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
		assertThat(refused.output()).contains("chain_links.csv:4: toId: FEEDS self-loop: 't-n2' feeds itself",
				"supplies.csv:4: customerId: unknown enterprise 'nobody' (neither in this dataset nor in the graph)",
				"2 error(s), 0 warning(s)", "nothing was written");

		Path good = new DatasetDir(work.resolve("good")).write();
		Run loaded = runJar("import", good.toString(), "--chaingraph.data-dir=" + work.resolve("data"));
		assertThat(loaded.exitCode()).as(loaded.output()).isZero();
		assertThat(loaded.output()).contains("Imported ", "enterprises.csv", "total", "rows/s");

		Run again = runJar("import", good.toString(), "--chaingraph.data-dir=" + work.resolve("data"));
		assertThat(again.exitCode()).as(again.output()).isZero();
		assertThat(again.output()).contains("The graph is unchanged.");
	}

	@Test
	@Order(3)
	void dataSurvivesARestart() throws Exception {
		withService(work.resolve("data"), port -> {
			assertThat(graphql(port, "{ park(id: \"t-park\") { name enterprises { totalCount } } }"))
				.contains("中國基因藥(yào)谷", "\"totalCount\":2");
			assertThat(graphql(port, "{ park(id: \"park-gene-valley\") { name } }")).contains("中国基因药谷");
		});
	}

}
