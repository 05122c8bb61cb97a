package io.chaingraph.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.chaingraph.support.JarProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar's {@code soak} for 12 s (four 3 s intervals) on a tiny generated dataset: it starts the service itself,
 * sends reads and writes from two clients, prints a line per interval and the final table, and
 * exits 0 because nothing failed. Figures are not asserted, only that the report is there, has
 * requests of both kinds and says zero errors everywhere.
 */
class SoakSmokeIT {

	private static final Pattern LINE = Pattern.compile(
			"\\[ *\\d+\\.\\d s\\] +([\\d,]+) requests \\((\\d+) reads, (\\d+) writes\\) .* req/s +p50 \\S+ ms +p99 \\S+ ms +errors (\\d+) .*heap \\S+ / \\S+ MB");

	@TempDir
	Path work;

	@Test
	void soakReportsIntervalsAndATableWithZeroErrors() throws Exception {
		Path table = this.work.resolve("soak.md");
		JarProcess soak = JarProcess.start(JarProcess.TOOLS_JAR, "soak", "--duration", "12s", "--interval", "3s",
				"--clients", "2", "--write-share", "0.3", "--enterprises", "100", "--work", this.work.toString(), "--out",
				table.toString());
		assertThat(soak.awaitExit(Duration.ofMinutes(10))).as(soak::output).isZero();
		String output = soak.output();

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
		assertThat(output).contains("### Soak: 2 client(s), 30 % writes, 12 s", "Soak passed: no errors.");
		String markdown = Files.readString(table, StandardCharsets.UTF_8);
		assertThat(markdown).contains("| at s", "heap used / committed MB", "Errors: 0 ");
		assertThat(markdown.lines().filter(l -> l.startsWith("| total")))
			.singleElement()
			.satisfies(row -> assertThat(row.split("\\|")[8].strip()).as("errors column").isEqualTo("0"));
	}

}
