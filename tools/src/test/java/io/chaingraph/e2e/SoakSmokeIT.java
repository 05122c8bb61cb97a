package io.chaingraph.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar's {@code soak} for 20 s on a tiny generated dataset: it starts the service itself,
 * sends reads and writes from two clients, prints a line per interval and the final table, and
 * exits 0 because nothing failed. Figures are not asserted, only that the report is there, has
 * requests of both kinds and says zero errors everywhere.
 */
class SoakSmokeIT {

	/** The tools' runnable jar ({@code mvn package} writes it next to the service's). */
	static final Path TOOLS_JAR = Path.of("target", "chaingraph-tools.jar").toAbsolutePath();

	private static final Pattern LINE = Pattern.compile(
			"\\[ *\\d+\\.\\d s\\] +([\\d,]+) requests \\((\\d+) reads, (\\d+) writes\\) .* req/s +p50 \\S+ ms +p99 \\S+ ms +errors (\\d+) .*heap \\S+ / \\S+ MB");

	@TempDir
	Path work;

	@Test
	void soakReportsIntervalsAndATableWithZeroErrors() throws Exception {
		Path table = this.work.resolve("soak.md");
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
				TOOLS_JAR.toString(), "soak", "--duration", "20s", "--interval", "5s", "--clients", "2",
				"--write-share", "0.3", "--enterprises", "100", "--work", this.work.toString(), "--out", table.toString());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();

		Matcher lines = LINE.matcher(output);
		int intervals = 0;
		long reads = 0;
		long writes = 0;
		while (lines.find()) {
			intervals++;
			reads += Long.parseLong(lines.group(2));
			writes += Long.parseLong(lines.group(3));
			assertThat(lines.group(4)).as(lines.group()).isEqualTo("0");
		}
		assertThat(intervals).as(output).isGreaterThanOrEqualTo(3);
		assertThat(reads).isPositive();
		assertThat(writes).isPositive();
		assertThat(output).contains("### Soak: 2 client(s), 30 % writes, 20 s", "Soak passed: no errors.");
		String markdown = Files.readString(table, StandardCharsets.UTF_8);
		assertThat(markdown).contains("| at s", "heap used / committed MB", "Errors: 0 ");
		assertThat(markdown.lines().filter(l -> l.startsWith("| total")))
			.singleElement()
			.satisfies(row -> assertThat(row.split("\\|")[8].strip()).as("errors column").isEqualTo("0"));
	}

}
