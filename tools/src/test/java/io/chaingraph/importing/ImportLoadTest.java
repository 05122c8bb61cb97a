package io.chaingraph.importing;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.chaingraph.config.Graph;
import io.chaingraph.dataset.Problem;
import io.chaingraph.generate.DatasetGenerator;
import io.chaingraph.generate.GeneratorOptions;
import io.chaingraph.importing.load.FileSummary;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.importing.validate.NameVariant;
import io.chaingraph.support.DatasetDir;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.GraphChecksum;
import io.chaingraph.support.IntegrationTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Loading: what lands in the graph, idempotent re-runs, updates, CSV ≡ JSON Lines, crash recovery. */
@ExtendWith(OutputCaptureExtension.class)
class ImportLoadTest extends IntegrationTest {

	@Autowired
	ImportService imports;

	@Autowired
	Graph graph;

	@Autowired
	io.chaingraph.audit.AuditLog audit;

	@TempDir
	Path tmp;

	@BeforeEach
	void wipe() {
		new Fixtures(this.graph).wipe();
	}

	private ImportReport load(Path dir) {
		ImportReport report = this.imports.run(DatasetSource.fromDirectory(dir), false, ImportProgress.NONE);
		assertThat(report.problems()).filteredOn(Problem::isError).isEmpty();
		return report;
	}

	private long count(String cypher) {
		return this.graph.one(cypher, Map.of(), r -> r.get(0).asLong()).orElseThrow();
	}

	private FileSummary file(ImportReport report, String name) {
		return report.files().stream().filter(f -> f.file().equals(name)).findFirst().orElseThrow();
	}

	@Test
	void loadsEveryFileWithProvenanceAndNormalisedNames() {
		ImportReport report = load(new DatasetDir(this.tmp.resolve("ds")).write());
		assertThat(report.status()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(count("MATCH (n:Park) RETURN count(n)")).isEqualTo(3);
		assertThat(count("MATCH (n:Chain) RETURN count(n)")).isEqualTo(1);
		assertThat(count("MATCH (n:ChainNode) RETURN count(n)")).isEqualTo(4);
		assertThat(count("MATCH (n:Enterprise) RETURN count(n)")).isEqualTo(4);
		assertThat(count("MATCH (n:Platform) RETURN count(n)")).isEqualTo(2);
		assertThat(count("MATCH (n:Entity) RETURN count(n)")).isEqualTo(14);
		assertThat(count("MATCH ()-[r:PART_OF]->() RETURN count(r)")).isEqualTo(2);
		assertThat(count("MATCH ()-[r:IN_CHAIN]->() RETURN count(r)")).isEqualTo(4);
		assertThat(count("MATCH ()-[r:FEEDS]->() RETURN count(r)")).isEqualTo(2);
		assertThat(count("MATCH ()-[r:FOCUSES_ON {priority: 1}]->() RETURN count(r)")).isEqualTo(1);
		assertThat(count("MATCH (:Enterprise)-[r:LOCATED_IN]->() RETURN count(r)")).isEqualTo(3);
		assertThat(count("MATCH (:Platform)-[r:LOCATED_IN]->() RETURN count(r)")).isEqualTo(1);
		assertThat(count("MATCH ()-[r:OPERATES_IN]->() RETURN count(r)")).isEqualTo(4);
		assertThat(count("MATCH ()-[r:SUPPLIES]->() RETURN count(r)")).isEqualTo(2);
		assertThat(count("MATCH ()-[r:SERVES|INCUBATES|INVESTS_IN|TRANSFERS_TECH_TO]->() RETURN count(r)")).isEqualTo(4);

		Map<String, Object> park = this.graph.one("MATCH (p:Park {id: 't-park'}) RETURN properties(p) AS p", Map.of(),
				r -> r.get("p").asMap()).orElseThrow();
		assertThat(park).containsEntry("name", "中國基因藥(yào)谷")
			.containsEntry("normName", "中国基因药谷")
			.containsEntry("aliases", List.of("基因药谷", "Gene Valley"))
			.containsEntry("source", "parks")
			.containsEntry("importRun", report.runId());
		assertThat((String) park.get("normText")).contains("中国基因药谷", "基因药谷", "gene valley");
		Map<String, Object> e1 = this.graph.one("MATCH (e:Enterprise {id: 't-e1'}) RETURN properties(e) AS e", Map.of(),
				r -> r.get("e").asMap()).orElseThrow();
		assertThat(e1).containsEntry("normName", "国技互联").containsEntry("source", "report")
			.containsEntry("tags", List.of("LEADING", "LISTED")).containsEntry("employees", 300L)
			.containsEntry("revenue", 5.5).containsEntry("creditCode", "91330300MA2CQKXN3R");
		assertThat(count("MATCH ()-[r:OPERATES_IN {weight: 0.8, confidence: 0.9}]->() RETURN count(r)")).isEqualTo(1);
		assertThat(count("MATCH ()-[r]->() WHERE r.importRun IS NULL OR r.source IS NULL RETURN count(r)")).isZero();

		Map<String, Object> run = this.graph.one("MATCH (r:ImportRun {id: $id}) RETURN properties(r) AS r",
				Map.of("id", report.runId()), r -> r.get("r").asMap()).orElseThrow();
		assertThat(run).containsEntry("status", "SUCCEEDED").containsEntry("nodesCreated", 14L)
			.containsEntry("relsCreated", 23L).containsKeys("started", "finished", "checksums", "summary");
		assertThat((List<?>) run.get("checksums")).hasSize(10).allMatch(c -> c.toString().contains(" sha256:"));
		assertThat(file(report, "enterprises.csv")).isEqualTo(new FileSummary("enterprises.csv", 4, 4, 0, 0, 3, 0, 0, 0));
	}

	@Test
	void secondRunChangesNothing() {
		Path dir = new DatasetDir(this.tmp.resolve("ds")).write();
		load(dir);
		String after = GraphChecksum.dump(this.graph);
		Map<String, Object> e1 = this.graph.one("MATCH (e:Enterprise {id: 't-e1'}) RETURN properties(e) AS e", Map.of(),
				r -> r.get("e").asMap()).orElseThrow();
		ImportReport again = load(dir);
		assertThat(again.unchanged()).isTrue();
		assertThat(again.files()).allSatisfy(f -> {
			assertThat(f.nodesCreated() + f.nodesUpdated() + f.relsCreated() + f.relsUpdated() + f.relsRemoved()).isZero();
		});
		assertThat(file(again, "enterprises.csv").nodesUnchanged()).isEqualTo(4);
		assertThat(GraphChecksum.dump(this.graph)).isEqualTo(after);
		assertThat(this.graph.one("MATCH (e:Enterprise {id: 't-e1'}) RETURN properties(e) AS e", Map.of(),
				r -> r.get("e").asMap()).orElseThrow()).as("even importRun stays").isEqualTo(e1);
	}

	@Test
	void batchesWrittenSideBySideGiveTheSameGraphAsOneAtATime() {
		Path dir = new DatasetDir(this.tmp.resolve("ds")).write();
		// batches of one row on four writer threads: relationship batches share their ends
		ImportService sideBySide = new ImportService(this.graph, this.audit, 1, Duration.ofSeconds(60), 4);
		ImportService oneAtATime = new ImportService(this.graph, this.audit, 1, Duration.ofSeconds(60), 1);
		ImportReport one = oneAtATime.run(DatasetSource.fromDirectory(dir), false, ImportProgress.NONE);
		String expected = GraphChecksum.dump(this.graph);
		new Fixtures(this.graph).wipe();

		// a relationship written before its nodes (a step not ended before the next) would be missing
		ImportReport four = sideBySide.run(DatasetSource.fromDirectory(dir), false, ImportProgress.NONE);
		assertThat(four.status()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(four.files()).isEqualTo(one.files());
		assertThat(GraphChecksum.dump(this.graph)).isEqualTo(expected);
		assertThat(sideBySide.run(DatasetSource.fromDirectory(dir), false, ImportProgress.NONE).unchanged()).isTrue();
		assertThat(GraphChecksum.dump(this.graph)).isEqualTo(expected);
	}

	/**
	 * A re-run that merges relationships onto nodes that exist (after a crash, or links added to a loaded
	 * graph) on several writers: batches share their end nodes (segments, parks, suppliers) in different
	 * orders, so merging them in row order would deadlock the writers (found by CrashRecoveryIT on a busy
	 * machine). Each transaction locks all its nodes in id order first, so none waits for another in a
	 * cycle: no deadlock is retried, and the graph is the one-writer import's.
	 */
	@Test
	void relationshipsMergedSideBySideOntoExistingNodesNeverDeadlock(CapturedOutput output) {
		Path dir = this.tmp.resolve("generated");
		DatasetGenerator.generate(dir, new GeneratorOptions(400, 0, 0, 11));
		ImportService oneAtATime = new ImportService(this.graph, this.audit, 1000, Duration.ofSeconds(60), 1);
		assertThat(oneAtATime.run(DatasetSource.fromDirectory(dir), false, ImportProgress.NONE).status())
			.isEqualTo(ImportStatus.SUCCEEDED);
		String expected = GraphChecksum.dump(this.graph);
		this.graph.write("MATCH (:Entity)-[r:OPERATES_IN|SUPPLIES|LOCATED_IN|SERVES]->(:Entity) DELETE r", Map.of());

		ImportService sideBySide = new ImportService(this.graph, this.audit, 10, Duration.ofSeconds(60), 4);
		ImportReport rerun = sideBySide.run(DatasetSource.fromDirectory(dir), false, ImportProgress.NONE);
		assertThat(rerun.status()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(rerun.files().stream().mapToLong(FileSummary::relsCreated).sum()).as("merged again").isPositive();
		assertThat(GraphChecksum.dump(this.graph)).isEqualTo(expected);
		assertThat(output.getAll()).as("no transaction of the import was retried after a deadlock")
			.doesNotContain("can't acquire").doesNotContain("DeadlockDetected");
	}

	@Test
	void aChangedRowUpdatesThatEntityOnly() {
		DatasetDir dataset = new DatasetDir(this.tmp.resolve("ds"));
		load(dataset.write());
		dataset.with("enterprises.csv", DatasetDir.VALID.get("enterprises.csv")
			.replace("t-e2,甲生物,,,t-sub,温州,,2015,50,0.5", "t-e2,甲生物,,,t-sub,温州,,2015,80,0.9")
			.replace("t-e3,乙制药,,,t-other", "t-e3,乙制药,,,t-park"));
		ImportReport report = load(dataset.write());
		FileSummary enterprises = file(report, "enterprises.csv");
		assertThat(enterprises.nodesUpdated()).isEqualTo(1);
		assertThat(enterprises.nodesUnchanged()).isEqualTo(3);
		assertThat(enterprises.relsRemoved()).isEqualTo(1);
		assertThat(enterprises.relsCreated()).isEqualTo(1);
		assertThat(file(report, "parks.csv").unchanged()).isTrue();
		assertThat(this.graph.one("MATCH (e:Enterprise {id: 't-e2'}) RETURN e.employees AS n, e.revenue AS r", Map.of(),
				r -> r.get("n").asLong() + "/" + r.get("r").asDouble())).contains("80/0.9");
		assertThat(this.graph.list("MATCH (:Enterprise {id: 't-e3'})-[:LOCATED_IN]->(p) RETURN p.id AS id", Map.of(),
				r -> r.get("id").asString())).containsExactly("t-park");
	}

	@Test
	void csvAndJsonLinesGiveTheSameGraph() throws IOException {
		load(new DatasetDir(this.tmp.resolve("csv/ds")).write());
		String fromCsv = GraphChecksum.dump(this.graph);
		new Fixtures(this.graph).wipe();
		Path jsonDir = Files.createDirectories(this.tmp.resolve("jsonl/ds"));
		JsonMapper json = JsonMapper.builder().build();
		for (Map.Entry<String, String> file : DatasetDir.VALID.entrySet()) {
			StringBuilder lines = new StringBuilder();
			try (CSVParser parser = CSVParser.builder().setReader(new StringReader(file.getValue()))
				.setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
				for (CSVRecord record : parser) {
					Map<String, Object> object = new LinkedHashMap<>();
					for (String column : parser.getHeaderNames()) {
						String value = record.get(column);
						if (value.isEmpty()) {
							continue;
						}
						// lists as JSON arrays, numbers as JSON numbers: what a JSON producer would write
						if (column.equals("aliases") || column.equals("tags")) {
							object.put(column, List.of(value.split("\\|")));
						}
						else if (value.matches("-?\\d+(\\.\\d+)?") && !column.toLowerCase().endsWith("id")
								&& !column.equals("name")) {
							object.put(column, value.contains(".") ? Double.valueOf(value) : Long.valueOf(value));
						}
						else {
							object.put(column, value);
						}
					}
					lines.append(json.writeValueAsString(object)).append('\n');
				}
			}
			Files.writeString(jsonDir.resolve(file.getKey().replace(".csv", ".jsonl")), lines.toString());
		}
		load(jsonDir);
		assertThat(GraphChecksum.dump(this.graph)).isEqualTo(fromCsv);
	}

	@Test
	void aRenamedIdKeepsItsNameAndGainsAnAlias() {
		DatasetDir dataset = new DatasetDir(this.tmp.resolve("ds"));
		load(dataset.write());
		dataset.with("parks.csv", DatasetDir.VALID.get("parks.csv").replace("中國基因藥(yào)谷", "中国基因药谷"));
		dataset.with("enterprises.csv", DatasetDir.VALID.get("enterprises.csv").replace("國技互聯(lián)", "国技互联网络科技"));
		ImportReport report = load(dataset.write());
		assertThat(report.nameVariants()).extracting(NameVariant::id, NameVariant::keptName, NameVariant::newName,
				NameVariant::scriptVariant)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("t-park", "中國基因藥(yào)谷", "中国基因药谷", true),
					org.assertj.core.groups.Tuple.tuple("t-e1", "國技互聯(lián)", "国技互联网络科技", false));
		assertThat(this.graph.one("MATCH (e:Enterprise {id: 't-e1'}) RETURN e.name AS n, e.aliases AS a", Map.of(),
				r -> r.get("n").asString() + " " + r.get("a").asList())).contains("國技互聯(lián) [国技互联网络科技]");
		assertThat(this.graph.one("MATCH (p:Park {id: 't-park'}) RETURN p.normName AS n", Map.of(),
				r -> r.get("n").asString())).contains("中国基因药谷");
		// the same variant again is not news
		assertThat(load(dataset.write()).unchanged()).isTrue();
	}

	@Test
	void dryRunReportsChangesAndWritesNothing() {
		DatasetDir dataset = new DatasetDir(this.tmp.resolve("ds"));
		load(dataset.write());
		String before = GraphChecksum.dump(this.graph);
		dataset.append("enterprises.csv", "t-e5,戊科技,,,t-park,,,,,,,\n");
		ImportReport report = this.imports.run(DatasetSource.fromDirectory(dataset.write()), true, ImportProgress.NONE);
		assertThat(report.status()).isEqualTo(ImportStatus.DRY_RUN);
		assertThat(file(report, "enterprises.csv")).isEqualTo(new FileSummary("enterprises.csv", 5, 1, 0, 4, 1, 0, 3, 0));
		assertThat(GraphChecksum.dump(this.graph)).isEqualTo(before);
		assertThat(count("MATCH (r:ImportRun) RETURN count(r)")).isEqualTo(1);
	}

	/** Stands for the process dying between two batches: not an exception the importer handles. */
	static final class SimulatedCrash extends Error {

	}

	@Test
	void aRunKilledHalfWayIsDetectedAndTheReRunConvergesToTheCleanState() {
		Path dir = new DatasetDir(this.tmp.resolve("ds")).write();
		load(dir);
		String clean = GraphChecksum.dump(this.graph);
		new Fixtures(this.graph).wipe();

		ImportProgress dieAfterThreeBatches = new ImportProgress() {
			int batches;

			@Override
			public void advance(String file, long rows) {
				if (++this.batches == 3) {
					throw new SimulatedCrash();
				}
			}
		};
		assertThatThrownBy(() -> this.imports.run(DatasetSource.fromDirectory(dir), false, dieAfterThreeBatches, 2))
			.isInstanceOf(SimulatedCrash.class);
		assertThat(count("MATCH (r:ImportRun {status: 'RUNNING'}) RETURN count(r)")).isEqualTo(1);
		// batches of 2: parks (2), parks (1), chains (1), then the "crash"
		assertThat(count("MATCH (n:Entity) RETURN count(n)")).isEqualTo(4);

		List<String> recovered = this.imports.recoverInterrupted(Duration.ZERO);
		assertThat(recovered).hasSize(1);
		assertThat(count("MATCH (r:ImportRun {status: 'INTERRUPTED'}) RETURN count(r)")).isEqualTo(1);

		ImportReport rerun = load(dir);
		assertThat(rerun.status()).isEqualTo(ImportStatus.SUCCEEDED);
		// recovered before this run (as the start-up does), still named in its report
		assertThat(rerun.recovered()).isEqualTo(recovered);
		assertThat(file(rerun, "parks.csv").nodesUnchanged()).isEqualTo(3);
		assertThat(GraphChecksum.dump(this.graph)).isEqualTo(clean);
	}

	@Test
	void aFailureHalfWayIsRecordedAndExplained() {
		Path dir = new DatasetDir(this.tmp.resolve("ds")).write();
		ImportProgress failing = new ImportProgress() {
			@Override
			public void advance(String file, long rows) {
				throw new IllegalStateException("disk full");
			}
		};
		assertThatThrownBy(() -> this.imports.run(DatasetSource.fromDirectory(dir), false, failing))
			.isInstanceOf(ImportService.ImportFailedException.class)
			.hasMessageContaining("Run the same import again to complete it");
		assertThat(this.graph.one("MATCH (r:ImportRun) RETURN r.status + ': ' + r.error AS s", Map.of(),
				r -> r.get("s").asString())).contains("FAILED: disk full");
	}

}
