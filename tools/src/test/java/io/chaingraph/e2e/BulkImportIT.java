package io.chaingraph.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.chaingraph.config.EmbeddedNeo4j;
import io.chaingraph.generate.DatasetGenerator;
import io.chaingraph.generate.GeneratorOptions;
import io.chaingraph.importing.bulk.BulkImporter;
import io.chaingraph.importing.bulk.BulkRun;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code import DIR --bulk}: the batch importer's graph is the transactional importer's graph of the same
 * dataset, everything compared (entities, relationships, the import run's record, its audit entry, the
 * schema migrations' records, constraints and indexes) but what names or times the run
 * ({@link GraphChecksum#dumpOfEverythingButRuns}); a populated database is refused; an invalid dataset gives
 * the transactional import's problems and writes nothing. The first bulk load runs the packaged jar (the
 * batch importer from the jar's class path); the other runs are the same command lines in this JVM
 * ({@link CliRun}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BulkImportIT {

	@TempDir
	static Path work;

	static Path dataset;

	static JarProcess importJar(String... args) {
		return JarProcess.start(JarProcess.SERVICE_JAR, args);
	}

	static CliRun importHere(String... args) {
		return CliRun.of(args);
	}

	static Path dataset() {
		if (dataset == null) {
			dataset = work.resolve("dataset");
			DatasetGenerator.generate(dataset, new GeneratorOptions(1_000, 0, 0, 5));
		}
		return dataset;
	}

	@Test
	@Order(1)
	void theBulkGraphIsTheTransactionalImportsGraph() throws Exception {
		Path transactional = work.resolve("transactional-data");
		Path bulk = work.resolve("bulk-data");
		CliRun tx = importHere("import", dataset().toString(), "--chaingraph.data-dir=" + transactional);
		assertThat(tx.exitCode()).as(tx::toString).isZero();
		JarProcess loaded = importJar("import", dataset().toString(), "--bulk", "--chaingraph.data-dir=" + bulk);
		assertThat(loaded.awaitExit(Duration.ofMinutes(4))).as(loaded::toString).isZero();
		assertThat(loaded.toString()).contains("IMPORT DONE", "Imported " + dataset());
		assertThat(tx.toString()).contains("total");
		assertThat(totalLine(loaded.toString())).as("the same summary").isEqualTo(totalLine(tx.toString()));

		Store expected = Store.read(transactional);
		Store actual = Store.read(bulk);
		assertThat(expected.dump()).contains("[ImportRun] ", "[Change] ", "[SchemaMigration] ", "[Enterprise, Entity] ",
				"[GapSnapshot, LatestGapSnapshot] ", "causeKind=IMPORT");
		assertThat(tx.toString()).contains("Gap history: ");
		assertThat(actual.dump()).as(() -> "first difference: " + CrashRecoveryIT.firstDifference(expected.dump(),
				actual.dump())).isEqualTo(expected.dump());
		assertThat(actual.schema()).isEqualTo(expected.schema());
		assertThat(actual.schema()).contains("FULLTEXT", "UNIQUENESS");
		assertThat(Files.list(bulk).map(p -> p.getFileName().toString())).as("the importer's files are gone")
			.noneMatch(name -> name.startsWith("bulk-import-"));
	}

	@Test
	@Order(2)
	void aPopulatedDatabaseIsRefused() {
		Path bulk = work.resolve("bulk-data");
		String before = Store.read(bulk).dump();
		CliRun again = importHere("import", dataset().toString(), "--bulk", "--chaingraph.data-dir=" + bulk);
		assertThat(again.exitCode()).as(again::toString).isEqualTo(5);
		assertThat(again.toString()).contains("数据库不是空的", "the database is not empty",
				"update a populated graph with import without --bulk");
		assertThat(Store.read(bulk).dump()).isEqualTo(before);
	}

	@Test
	@Order(3)
	void anInvalidDatasetGivesTheSameProblemsAndWritesNothing() throws Exception {
		Path invalid = work.resolve("invalid");
		DatasetGenerator.generate(invalid, new GeneratorOptions(50, 0, 0, 5));
		Path enterprises = invalid.resolve("enterprises.csv");
		java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(enterprises));
		lines.add(lines.get(1));
		Files.write(enterprises, lines);
		CliRun tx = importHere("import", invalid.toString(), "--chaingraph.data-dir=" + work.resolve("tx-invalid"));
		CliRun loaded = importHere("import", invalid.toString(), "--bulk",
				"--chaingraph.data-dir=" + work.resolve("bulk-invalid"));
		assertThat(tx.exitCode()).as(tx::toString).isEqualTo(1);
		assertThat(loaded.exitCode()).as(loaded::toString).isEqualTo(1);
		String problem = tx.toString().lines().filter(line -> line.contains("enterprises.csv:")).findFirst().orElseThrow();
		assertThat(loaded.toString()).contains(problem.strip()).doesNotContain("IMPORT DONE");
		assertThat(Store.read(work.resolve("bulk-invalid")).dump()).doesNotContain("Entity");
	}

	/**
	 * The offline route of an external server's store: {@code --to-csv} writes the importer's files and
	 * prints the neo4j-admin command; the same importer (what that command runs) writes the store; then
	 * {@code --bulk-finish} gives the transactional import's graph.
	 */
	@Test
	@Order(4)
	void theOfflineRouteGivesTheSameGraph() throws Exception {
		Path data = work.resolve("offline-data");
		Path out = work.resolve("offline-files");
		CliRun files = importHere("import", dataset().toString(), "--bulk", "--to-csv", out.toString(),
				"--chaingraph.data-dir=" + data);
		assertThat(files.exitCode()).as(files::toString).isZero();
		assertThat(files.toString()).contains("neo4j-admin database import full neo4j --nodes=" + out.toAbsolutePath(),
				"--array-delimiter=U+001F", "--overwrite-destination=true", "import " + out.toAbsolutePath() + " --bulk-finish");
		assertThat(Store.read(data).dump()).as("nothing written yet").doesNotContain("Entity");

		BulkRun run = BulkRun.load(out);
		assertThat(BulkImporter.run(data, "neo4j", run.files(), null).succeeded()).isTrue();
		CliRun finish = importHere("import", out.toString(), "--bulk-finish", "--chaingraph.data-dir=" + data);
		assertThat(finish.exitCode()).as(finish::toString).isZero();
		assertThat(finish.toString()).contains("Imported " + dataset());
		CliRun again = importHere("import", out.toString(), "--bulk-finish", "--chaingraph.data-dir=" + data);
		assertThat(again.exitCode()).as(again::toString).isEqualTo(4);
		assertThat(again.toString()).contains("was finished already");
		Store expected = Store.read(work.resolve("transactional-data"));
		Store actual = Store.read(data);
		assertThat(actual.dump()).as(() -> "first difference: " + CrashRecoveryIT.firstDifference(expected.dump(),
				actual.dump())).isEqualTo(expected.dump());
		assertThat(actual.schema()).isEqualTo(expected.schema());
	}

	private static String totalLine(String output) {
		return output.lines().filter(line -> line.startsWith("total ")).findFirst().orElse("(no total)");
	}

	/** A store read by the test itself: its canonical dump and schema. */
	record Store(String dump, String schema) {

		static Store read(Path dataDir) {
			try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dataDir, "127.0.0.1", 0, 64L << 20, Duration.ofSeconds(60));
					Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
				return new Store(GraphChecksum.dumpOfEverythingButRuns(driver), GraphChecksum.schema(driver));
			}
		}

	}

}
