package io.chaingraph.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar's {@code bench --smoke} (what CI runs of the benchmark): on a tiny generated
 * dataset every import method runs into its own fresh database and the tables are printed and
 * written as Markdown. Figures are not asserted (they are the benchmark's job, not a test's), only
 * that each table and each method row is there with a number in it.
 */
class BenchSmokeIT {

	/** The tools' runnable jar ({@code mvn package} writes it next to the service's). */
	static final Path TOOLS_JAR = Path.of("target", "chaingraph-tools.jar").toAbsolutePath();

	@TempDir
	Path out;

	@Test
	void smokeBenchPrintsAndWritesTheImportTables() throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", TOOLS_JAR.toString(), "bench", "--smoke", "--out", this.out.toString()));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(15, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();

		assertThat(output).contains("### Import: datasets", "### Import: importer vs one transaction per row vs LOAD CSV",
				"### Import: peak heap while the importer runs");
		String markdown = Files.readString(this.out.resolve("import.md"), StandardCharsets.UTF_8);
		for (String method : new String[] { "chaingraph importer", "one transaction per row", "LOAD CSV … IN TRANSACTIONS" }) {
			assertThat(markdown.lines().filter(l -> l.startsWith("| smoke") && l.contains(method)))
				.as(method)
				.singleElement()
				.satisfies(row -> assertThat(row).containsPattern("\\| \\d+(\\.\\d+)? s"));
		}
		// the importer created every row of the dataset: 200 enterprises among the nodes
		assertThat(markdown).containsPattern("\\| smoke \\| 200 +\\|");
		assertThat(Files.readString(this.out.resolve("results.md"), StandardCharsets.UTF_8)).contains("Machine: ",
				"## import");
	}

}
