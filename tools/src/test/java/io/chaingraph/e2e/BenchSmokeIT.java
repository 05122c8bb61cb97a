package io.chaingraph.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.chaingraph.support.JarProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar's {@code bench --smoke} (what CI runs of the benchmark), run once for all its tests: on
 * a tiny generated dataset every import method runs into its own fresh database and the tables are
 * printed and written as Markdown; every query is timed four ways, the concurrency levels run without
 * errors, and the tables and the chart are written; the gap history's rounds are timed after an import
 * and after curation writes. Figures are not asserted (they are the benchmark's job, not a test's),
 * only that each table and each row is there with a number in it.
 */
class BenchSmokeIT {

	@TempDir
	static Path out;

	/** What the one run printed. */
	static String output;

	@BeforeAll
	static void runTheSmokeBench() {
		JarProcess bench = JarProcess.start(JarProcess.TOOLS_JAR, "bench", "--smoke", "--out", out.toString());
		assertThat(bench.awaitExit(Duration.ofMinutes(15))).as(bench::output).isZero();
		output = bench.output();
	}

	@Test
	void smokeBenchPrintsAndWritesTheImportTables() throws Exception {
		assertThat(output).contains("### Import: datasets", "### Import: importer vs one transaction per row vs LOAD CSV",
				"### Import: peak heap while the importer runs");
		String markdown = Files.readString(out.resolve("import.md"), StandardCharsets.UTF_8);
		for (String method : new String[] { "chaingraph importer", "one transaction per row", "LOAD CSV … IN TRANSACTIONS" }) {
			assertThat(markdown.lines().filter(l -> l.startsWith("| smoke") && l.contains(method)))
				.as(method)
				.singleElement()
				.satisfies(row -> assertThat(row).containsPattern("\\| \\d+(\\.\\d+)? s"));
		}
		assertThat(output).contains("### Import: bulk first load (batch importer), phases");
		assertThat(markdown.lines().filter(l -> l.startsWith("| smoke") && l.contains("bulk load (batch importer)")))
			.singleElement()
			.satisfies(row -> assertThat(row).containsPattern("\\| \\d+(\\.\\d+)? s"));
		assertThat(markdown).containsPattern("- smoke: bulk load \\d+\\.\\d+× LOAD CSV end to end");
		// the importer created every row of the dataset: 200 enterprises among the nodes
		assertThat(markdown).containsPattern("\\| smoke \\| 200 +\\|");
		assertThat(Files.readString(out.resolve("results.md"), StandardCharsets.UTF_8)).contains("Machine: ",
				"## import");
	}

	@Test
	void smokeBenchComparesAWorkbookWithTheSameRowsAsCsv() throws Exception {
		String markdown = Files.readString(out.resolve("sheets.md"), StandardCharsets.UTF_8);
		assertThat(markdown).contains("### Sheets: an enterprise workbook vs the same rows as enterprises.csv");
		for (String source : new String[] { "enterprises.csv", "企业名录.xlsx" }) {
			assertThat(markdown.lines().filter(l -> l.startsWith("| smoke") && l.contains(source)))
				.as(source)
				.singleElement()
				.satisfies(row -> assertThat(row).containsPattern("\\| \\d+\\.\\d+ s +\\|").containsPattern("\\| [\\d,]+ MB +\\|"));
		}
		assertThat(markdown).containsPattern("- smoke: the workbook imports at \\d+\\.\\d+× the CSV's rows/s");
	}

	@Test
	void smokeBenchPricesTheGapHistory() throws Exception {
		String markdown = Files.readString(out.resolve("history.md"), StandardCharsets.UTF_8);
		assertThat(markdown).contains("### Gap history: what a snapshot costs on smoke");
		for (String measurement : new String[] { "import (the importer, poller off)",
				"the kept counts' recount after it (waited for)", "its round (catchUp: every park)",
				"curation write alone (poller off)", "its round (catchUp after each write)", "write + its round",
				"curation write, poller running" }) {
			assertThat(markdown.lines().filter(l -> l.startsWith("| " + measurement)))
				.as(measurement)
				.singleElement()
				.satisfies(row -> assertThat(row).containsPattern("\\| \\d+(\\.\\d+)? ms +\\|"));
		}
		// the round after the import and those after the writes took snapshots
		assertThat(markdown).containsPattern("\\| its round \\(catchUp: every park\\) +\\| 1 +\\| [^|]+\\| [^|]+\\| [1-9][\\d,]* +\\|")
			.containsPattern("\\| its round \\(catchUp after each write\\) +\\| \\d+ +\\| [^|]+\\| [^|]+\\| [1-9][\\d,]* +\\|")
			.containsPattern("- smoke: the recount and round after the import took \\d+\\.\\d % of the import")
			.contains("Largest park: `");
		assertThat(Files.readString(out.resolve("results.md"), StandardCharsets.UTF_8)).contains("## history");
	}

	@Test
	void smokeBenchPrintsTheQueryConcurrencyTablesAndDrawsTheChart() throws Exception {
		String markdown = Files.readString(out.resolve("queries.md"), StandardCharsets.UTF_8);
		assertThat(markdown).contains("### GraphQL over HTTP vs the driver on smoke", "### Queries on smoke",
				"### Concurrency on smoke");
		for (String query : new String[] { "search", "upstream(depth 1)", "downstream(depth 3)", "upstream(depth 5)",
				"network(depth 2)", "chainGaps", "gapCandidates", "compareParks" }) {
			assertThat(markdown.lines().filter(l -> l.startsWith("| " + query + " ")))
				.as(query)
				.anySatisfy(row -> assertThat(row).containsPattern("\\| \\d+(\\.\\d+)? / \\d+(\\.\\d+)? "));
		}
		assertThat(markdown).doesNotContain("Answers that differed");
		// the richer Subgraph priced against the plain network answer: a row per reach bucket, each with a percentage
		assertThat(markdown).contains("### Subgraph: drawing hints vs the plain answer on smoke");
		String hints = markdown.substring(markdown.indexOf("### Subgraph: drawing hints vs the plain answer on smoke"));
		hints = hints.substring(0, hints.indexOf("\n\n", hints.indexOf("|")));
		assertThat(hints.lines().filter(l -> l.matches("\\| (1–9|10–99|100–1000) .*")))
			.isNotEmpty()
			.allSatisfy(row -> assertThat(row).containsPattern("\\| [+-]\\d+\\.\\d % +\\|").containsPattern("\\| (met|missed) +\\|"));
		// the over-HTTP table comes from the client process the packaged jar starts (its bench-client command)
		assertThat(output).contains("[client process] warm-up:", "[client process] downstream(depth 3)");
		String headline = markdown.substring(markdown.indexOf("### GraphQL over HTTP vs the driver on smoke"),
				markdown.indexOf("### Queries on smoke"));
		assertThat(headline).contains("from a separate client process", "| downstream(depth 3) ", "| chainGaps ");
		for (int clients : new int[] { 1, 4, 16, 64 }) {
			// clients | requests | errors: zero errors at every level
			assertThat(markdown).containsPattern("\\| " + clients + " +\\| \\d+ +\\| 0 +\\|");
		}
		assertThat(out.resolve("queries.png")).isNotEmptyFile();
		// the heap while serving: one row per size, with a peak in MB
		assertThat(markdown).contains("### Queries: peak heap while serving")
			.containsPattern("\\| smoke +\\| [\\d,]+ +\\| [\\d,]+ MB +\\|");
		assertThat(Files.readString(out.resolve("results.md"), StandardCharsets.UTF_8)).contains("## queries");
	}

}
