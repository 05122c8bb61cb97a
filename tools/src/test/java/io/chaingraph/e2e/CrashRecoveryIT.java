package io.chaingraph.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.chaingraph.config.EmbeddedNeo4j;
import io.chaingraph.generate.DatasetGenerator;
import io.chaingraph.generate.GeneratorOptions;
import io.chaingraph.support.GraphChecksum;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILL of the packaged jar. (a) An import killed mid-load: the next run on the same data folder opens
 * the store the kill left behind (Neo4j recovers it), reports the killed run as interrupted, exits 0 and
 * leaves exactly the graph a clean import of the same dataset gives ({@link GraphChecksum}). (b) The
 * service killed right after acknowledging curation mutations: after a restart every acknowledged write
 * is there (Neo4j's transaction log recovery).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryIT {

	/** Enough rows (about 22,000) that loading takes seconds, so the kill lands mid-load. */
	static final int ENTERPRISES = 5_000;

	/** A progress line of the import command when its output is not a terminal. */
	static final Pattern PROGRESS = Pattern.compile("^import: ([\\d,]+) / ([\\d,]+) rows \\((\\d+)%\\)");

	static final int SIGKILL_EXIT = 128 + 9;

	@TempDir
	static Path work;

	/** A running jar whose output is read line by line as it comes. */
	static final class JarProcess {

		final Process process;

		final StringBuffer output = new StringBuffer();

		final CountDownLatch midLoad = new CountDownLatch(1);

		private final Thread reader;

		JarProcess(String... args) throws IOException {
			List<String> command = new ArrayList<>(List.of(
					Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
					PackagedJarIT.JAR.toString()));
			command.addAll(List.of(args));
			this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
			this.reader = new Thread(this::read, "jar-output");
			this.reader.setDaemon(true);
			this.reader.start();
		}

		private void read() {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					this.output.append(line).append('\n');
					Matcher progress = PROGRESS.matcher(line);
					if (progress.find() && Integer.parseInt(progress.group(3)) < 100) {
						this.midLoad.countDown();
					}
				}
			}
			catch (IOException closed) {
				// the process died
			}
		}

		/** SIGKILL (destroyForcibly is SIGKILL on Linux); returns the exit code. */
		int kill() throws InterruptedException {
			this.process.destroyForcibly();
			assertThat(this.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
			this.reader.join(10_000);
			return this.process.exitValue();
		}

		int await() throws InterruptedException {
			assertThat(this.process.waitFor(3, TimeUnit.MINUTES)).as(this::toString).isTrue();
			this.reader.join(10_000);
			return this.process.exitValue();
		}

		@Override
		public String toString() {
			return this.output.toString();
		}

	}

	@Test
	@Order(1)
	void anImportKilledMidLoadIsRecoveredAndTheRerunConvergesToACleanImport() throws Exception {
		Path dataset = work.resolve("dataset");
		DatasetGenerator.generate(dataset, new GeneratorOptions(ENTERPRISES, 0, 0, 7));
		Path clean = work.resolve("clean-data");
		Path crashed = work.resolve("crashed-data");

		JarProcess cleanRun = new JarProcess("import", dataset.toString(), "--chaingraph.data-dir=" + clean);
		assertThat(cleanRun.await()).as(cleanRun::toString).isZero();

		JarProcess killed = new JarProcess("import", dataset.toString(), "--chaingraph.data-dir=" + crashed);
		assertThat(killed.midLoad.await(150, TimeUnit.SECONDS)).as("a progress line below 100%%:%n%s", killed)
			.isTrue();
		assertThat(killed.kill()).as("killed by SIGKILL").isEqualTo(SIGKILL_EXIT);
		assertThat(killed.toString()).as("it died mid-load").doesNotContain("Imported ");

		JarProcess rerun = new JarProcess("import", dataset.toString(), "--chaingraph.data-dir=" + crashed);
		assertThat(rerun.await()).as(rerun::toString).isZero();
		assertThat(rerun.toString()).contains("Imported ", "was interrupted after", "had been interrupted");

		// Neo4j found the killed store not cleanly shut down and replayed its transaction log
		assertThat(Files.readString(crashed.resolve("logs").resolve("debug.log")))
			.contains("Recovery completed");
		assertThat(Files.readString(clean.resolve("logs").resolve("debug.log"))).doesNotContain("Recovery completed");

		Store reference = Store.read(clean);
		Store recovered = Store.read(crashed);
		assertThat(reference.entities()).isGreaterThan(ENTERPRISES);
		assertThat(reference.runs()).containsExactly("SUCCEEDED");
		assertThat(recovered.runs()).containsExactlyInAnyOrder("INTERRUPTED", "SUCCEEDED");
		assertThat(recovered.interrupted()).as("the killed run is named in the re-run's report")
			.allSatisfy(id -> assertThat(rerun.toString()).contains("Run " + id + " had been interrupted"));
		assertThat(recovered.entities()).isEqualTo(reference.entities());
		assertThat(recovered.checksum())
			.as(() -> "graph after kill and re-run vs clean import, first difference: "
					+ firstDifference(reference.dump(), recovered.dump()))
			.isEqualTo(reference.checksum());
	}

	@Test
	@Order(2)
	void everyAcknowledgedMutationSurvivesASigkillOfTheService() throws Exception {
		Path data = work.resolve("service-data");
		String token = "crash-editor-" + UUID.randomUUID();
		List<String> args = List.of("--chaingraph.data-dir=" + data, "--chaingraph.embedded.bolt-port=0",
				"--chaingraph.sample-data=false", "--chaingraph.security.tokens=crash:EDITOR:" + token);

		int port = PackagedJarIT.freePort();
		JarProcess service = startService(port, args);
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		AtomicInteger sent = new AtomicInteger();
		CountDownLatch enough = new CountDownLatch(40);
		Thread writer = new Thread(() -> {
			// sequential creates until the service is gone; the kill comes while they are still being sent
			for (int i = 0; i < 10_000; i++) {
				String id = "crash-park-" + i;
				sent.incrementAndGet();
				try {
					HttpResponse<String> response = PackagedJarIT.http.send(HttpRequest
						.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
						.header("content-type", "application/json")
						.header("authorization", "Bearer " + token)
						.timeout(Duration.ofSeconds(30))
						.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"mutation { createPark(input: {id: \\\"" + id
								+ "\\\", name: \\\"崩溃测试园区 " + i + "\\\"}) { id version } }\"}"))
						.build(), HttpResponse.BodyHandlers.ofString());
					if (response.statusCode() == 200 && !response.body().contains("\"errors\"")
							&& response.body().contains("\"id\":\"" + id + "\"")) {
						acknowledged.add(id);
						enough.countDown();
					}
				}
				catch (IOException | InterruptedException gone) {
					return;
				}
			}
		}, "mutations");
		writer.start();
		assertThat(enough.await(120, TimeUnit.SECONDS)).as("40 mutations acknowledged:%n%s", service).isTrue();
		assertThat(service.kill()).as("killed by SIGKILL").isEqualTo(SIGKILL_EXIT);
		writer.join(30_000);
		assertThat(writer.isAlive()).isFalse();
		assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(40);

		int again = PackagedJarIT.freePort();
		JarProcess restarted = startService(again, args);
		try {
			String body = PackagedJarIT.graphql(again, "{ parks(first: 1000) { id name version } }");
			for (String id : acknowledged) {
				String n = id.substring("crash-park-".length());
				assertThat(body).as("acknowledged %s", id)
					.contains("{\"id\":\"" + id + "\",\"name\":\"崩溃测试园区 " + n + "\",\"version\":1}");
			}
			// nothing beyond what was sent (an unacknowledged, in-flight create may or may not be there)
			assertThat(Pattern.compile("crash-park-").matcher(body).results().count())
				.isBetween((long) acknowledged.size(), (long) sent.get());
		}
		finally {
			restarted.process.destroy();
			restarted.await();
		}
	}

	static JarProcess startService(int port, List<String> args) throws Exception {
		List<String> all = new ArrayList<>(List.of("--server.port=" + port));
		all.addAll(args);
		JarProcess service = new JarProcess(all.toArray(String[]::new));
		Path log = Files.createTempFile(work, "service", ".log");
		try {
			PackagedJarIT.awaitReady(service.process, port, log);
		}
		catch (AssertionError | Exception ex) {
			service.kill();
			throw new AssertionError("service did not start:\n" + service, ex);
		}
		return service;
	}

	/** What a store the test opens itself holds: the canonical dump, entity count, import runs. */
	record Store(String dump, long entities, List<String> runs, List<String> interrupted) {

		String checksum() {
			return GraphChecksum.sha256(this.dump);
		}

		static Store read(Path dataDir) {
			try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dataDir, "127.0.0.1", 0, 64L << 20, Duration.ofSeconds(60));
					Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
				long entities = driver.executableQuery("MATCH (n:Entity) RETURN count(n) AS n").execute().records().get(0)
					.get("n").asLong();
				List<String> runs = driver.executableQuery("MATCH (r:ImportRun) RETURN r.status AS s").execute()
					.records().stream().map(r -> r.get("s").asString()).toList();
				List<String> interrupted = driver
					.executableQuery("MATCH (r:ImportRun {status: $status}) RETURN r.id AS id")
					.withParameters(Map.of("status", "INTERRUPTED"))
					.execute()
					.records().stream().map(r -> r.get("id").asString()).toList();
				return new Store(GraphChecksum.dump(driver), entities, runs, interrupted);
			}
		}

	}

	static String firstDifference(String a, String b) {
		String[] left = a.split("\n");
		String[] right = b.split("\n");
		for (int i = 0; i < Math.min(left.length, right.length); i++) {
			if (!left[i].equals(right[i])) {
				return "line " + (i + 1) + ":\n  clean:     " + left[i] + "\n  recovered: " + right[i];
			}
		}
		return "lines " + left.length + " vs " + right.length;
	}

}
