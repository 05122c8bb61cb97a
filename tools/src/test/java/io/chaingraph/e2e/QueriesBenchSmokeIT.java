package io.chaingraph.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar's {@code bench --smoke --parts queries} (what CI runs of the read side of the
 * benchmark): on the tiny generated dataset every query is timed four ways, the concurrency levels
 * run without errors, and the tables and the chart are written. Figures are not asserted.
 */
class QueriesBenchSmokeIT {

	/** The tools' runnable jar ({@code mvn package} writes it next to the service's). */
	static final Path TOOLS_JAR = Path.of("target", "chaingraph-tools.jar").toAbsolutePath();

	@TempDir
	Path out;

	@Test
	void smokeBenchPrintsTheQueryConcurrencyTablesAndDrawsTheChart() throws Exception {
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
				TOOLS_JAR.toString(), "bench", "--smoke", "--parts", "queries", "--out", this.out.toString());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(15, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();

		String markdown = Files.readString(this.out.resolve("queries.md"), StandardCharsets.UTF_8);
		assertThat(markdown).contains("### GraphQL over HTTP vs the driver on smoke", "### Queries on smoke",
				"### Concurrency on smoke");
		for (String query : new String[] { "search", "upstream(depth 1)", "downstream(depth 3)", "upstream(depth 5)",
				"network(depth 2)", "chainGaps", "gapCandidates", "compareParks" }) {
			assertThat(markdown.lines().filter(l -> l.startsWith("| " + query + " ")))
				.as(query)
				.anySatisfy(row -> assertThat(row).containsPattern("\\| \\d+(\\.\\d+)? / \\d+(\\.\\d+)? "));
		}
		assertThat(markdown).doesNotContain("Answers that differed");
		// issue 4's table comes from the client process the packaged jar starts (its bench-client command)
		assertThat(output).contains("[client process] warm-up:", "[client process] downstream(depth 3)");
		String headline = markdown.substring(markdown.indexOf("### GraphQL over HTTP vs the driver on smoke"),
				markdown.indexOf("### Queries on smoke"));
		assertThat(headline).contains("from a separate client process", "| downstream(depth 3) ", "| chainGaps ");
		for (int clients : new int[] { 1, 4, 16, 64 }) {
			// clients | requests | errors: zero errors at every level
			assertThat(markdown).containsPattern("\\| " + clients + " +\\| \\d+ +\\| 0 +\\|");
		}
		assertThat(this.out.resolve("queries.png")).isNotEmptyFile();
		// the heap while serving: one row per size, with a peak in MB
		assertThat(markdown).contains("### Queries: peak heap while serving")
			.containsPattern("\\| smoke +\\| [\\d,]+ +\\| [\\d,]+ MB +\\|");
	}

}
