package io.chaingraph.e2e;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.chaingraph.config.EmbeddedNeo4j;
import io.chaingraph.generate.DatasetGenerator;
import io.chaingraph.generate.GeneratorOptions;
import io.chaingraph.support.CliRun;
import io.chaingraph.support.GraphChecksum;
import io.chaingraph.support.JarProcess;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import static io.chaingraph.support.JarProcess.SIGKILL_EXIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGKILL of the packaged jar. (a) An import killed mid-load: the next run on the same data folder opens
 * the store the kill left behind (Neo4j recovers it), reports the killed run as interrupted, exits 0 and
 * leaves exactly the graph a clean import of the same dataset gives ({@link GraphChecksum}); the clean
 * reference and the re-run are the same command in this JVM ({@link CliRun}). (b) The service killed right
 * after acknowledging curation mutations: when its store is opened again every acknowledged write is there
 * (Neo4j's transaction log recovery).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryIT {

	/** Enough rows (about 11,000) that loading takes seconds, so the kill lands mid-load (after the 10 % line). */
	static final int ENTERPRISES = 2_000;

	/** A progress line of the import command when its output is not a terminal. */
	static final Pattern PROGRESS = Pattern.compile("^import: ([\\d,]+) / ([\\d,]+) rows \\((\\d+)%\\)");

	@TempDir
	static Path work;

	static JarProcess importJar(Path dataset, Path dataDir) {
		return JarProcess.start(JarProcess.SERVICE_JAR, "import", dataset.toString(), "--chaingraph.data-dir=" + dataDir);
	}

	static boolean midLoad(String line) {
		Matcher progress = PROGRESS.matcher(line);
		return progress.find() && Integer.parseInt(progress.group(3)) < 100;
	}

	@Test
	@Order(1)
	void anImportKilledMidLoadIsRecoveredAndTheRerunConvergesToACleanImport() throws Exception {
		Path dataset = work.resolve("dataset");
		DatasetGenerator.generate(dataset, new GeneratorOptions(ENTERPRISES, 0, 0, 7));
		Path clean = work.resolve("clean-data");
		Path crashed = work.resolve("crashed-data");

		// the reference: the same command in this JVM (no kill needed there)
		CliRun cleanRun = CliRun.of("import", dataset.toString(), "--chaingraph.data-dir=" + clean);
		assertThat(cleanRun.exitCode()).as(cleanRun::toString).isZero();

		JarProcess killed = importJar(dataset, crashed);
		assertThat(killed.awaitLine(CrashRecoveryIT::midLoad, Duration.ofSeconds(150)))
			.as("a progress line below 100%%:%n%s", killed)
			.isTrue();
		assertThat(killed.kill()).as("killed by SIGKILL").isEqualTo(SIGKILL_EXIT);
		assertThat(killed.toString()).as("it died mid-load").doesNotContain("Imported ");

		// the re-run is the importer's logic on the store the kill left behind: the same command in this JVM
		CliRun rerun = CliRun.of("import", dataset.toString(), "--chaingraph.data-dir=" + crashed);
		assertThat(rerun.exitCode()).as(rerun::toString).isZero();
		// (the log's warning "… was interrupted after N of M rows" goes to this JVM's log, not to the run's output)
		assertThat(rerun.toString()).contains("Imported ", "had been interrupted");

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
		String[] args = { "--chaingraph.data-dir=" + data, "--chaingraph.sample-data=false",
				"--chaingraph.security.tokens=crash:EDITOR:" + token };

		JarProcess service = JarProcess.startService(args);
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		AtomicInteger sent = new AtomicInteger();
		Thread writer = new Thread(() -> {
			// sequential creates until the service is gone; the kill comes while they are still being sent
			for (int i = 0; i < 10_000; i++) {
				String id = "crash-park-" + i;
				sent.incrementAndGet();
				try {
					HttpResponse<String> response = service.post("mutation { createPark(input: {id: \"" + id
							+ "\", name: \"崩溃测试园区 " + i + "\"}) { id version } }", token, Duration.ofSeconds(30));
					if (response.statusCode() == 200 && !response.body().contains("\"errors\"")
							&& response.body().contains("\"id\":\"" + id + "\"")) {
						acknowledged.add(id);
					}
				}
				catch (UncheckedIOException | IllegalStateException gone) {
					return;
				}
			}
		}, "mutations");
		writer.start();
		try {
			await("40 mutations acknowledged").atMost(Duration.ofSeconds(120)).until(() -> acknowledged.size() >= 40);
		}
		finally {
			assertThat(service.kill()).as("killed by SIGKILL").isEqualTo(SIGKILL_EXIT);
		}
		writer.join(30_000);
		assertThat(writer.isAlive()).isFalse();
		assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(40);

		// the store opened again (what a restart does first): Neo4j replays its transaction log
		Map<String, String> names = new java.util.HashMap<>();
		Map<String, Long> versions = new java.util.HashMap<>();
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(data, "127.0.0.1", 0, 64L << 20, Duration.ofSeconds(60));
				Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
			driver.executableQuery("MATCH (p:Park) WHERE p.id STARTS WITH $prefix RETURN p.id AS id, p.name AS name, p.version AS version")
				.withParameters(Map.of("prefix", "crash-park-"))
				.execute()
				.records()
				.forEach(r -> {
					names.put(r.get("id").asString(), r.get("name").asString());
					versions.put(r.get("id").asString(), r.get("version").asLong());
				});
		}
		assertThat(Files.readString(data.resolve("logs").resolve("debug.log"))).contains("Recovery completed");
		for (String id : acknowledged) {
			String n = id.substring("crash-park-".length());
			assertThat(names).as("acknowledged %s", id).containsEntry(id, "崩溃测试园区 " + n);
			assertThat(versions).as("acknowledged %s", id).containsEntry(id, 1L);
		}
		// nothing beyond what was sent (an unacknowledged, in-flight create may or may not be there)
		assertThat((long) names.size()).isBetween((long) acknowledged.size(), (long) sent.get());
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
