package io.chaingraph.e2e;

import java.nio.file.Path;
import java.time.Duration;

import io.chaingraph.support.CliRun;
import io.chaingraph.support.DatasetDir;
import io.chaingraph.support.JarProcess;
import io.chaingraph.support.JarProcess.Launch;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as a user runs it (the first start exactly as the README says, the others from the jar
 * extracted, see {@link JarProcess}): the service on a fresh data folder (sample data loads, GraphQL
 * answers, SIGTERM stops it quickly), the import command (a valid dataset loads from the jar; invalid input
 * exits 1 with file:line: column: messages and a re-run changes nothing, both run in this JVM), and a restart that
 * finds everything still there.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedJarIT {

	@TempDir
	static Path work;

	static JarProcess runJar(String... args) {
		JarProcess run = JarProcess.start(JarProcess.SERVICE_JAR, args);
		run.awaitExit(Duration.ofMinutes(3));
		return run;
	}

	@Test
	@Order(1)
	void firstStartLoadsTheSampleDataAndStopsQuicklyOnSigterm() throws Exception {
		Duration shutdown;
		// exactly the README's command: java -jar target/chaingraph.jar
		try (JarProcess service = JarProcess.startService(Launch.JAR, "--chaingraph.data-dir=" + work.resolve("data"))) {
			assertThat(service.graphql("{ __typename }")).isEqualTo("{\"data\":{\"__typename\":\"Query\"}}");
			assertThat(service.graphql("{ park(id: \"park-gene-valley\") { name subParks { name } } }"))
				.contains("中国基因药谷", "海派生命健康科创园");
			assertThat(service.graphql("{ importRuns { status dataset } }")).contains("SUCCEEDED", "classpath:sample/wenzhou");
			shutdown = service.stop();
		}
		assertThat(shutdown).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	@Order(2)
	void importCommandRefusesBadInputAndLoadsGoodInputOnce() throws Exception {
		Path bad = new DatasetDir(work.resolve("bad")).append("chain_links.csv", "t-n2,t-n2\n")
			.append("supplies.csv", "t-e1,nobody,,,\n")
			.write();
		// the refusal is the command's own logic: the same command line in this JVM (CliRun) saves a JVM start
		CliRun refused = CliRun.of("import", bad.toString(), "--chaingraph.data-dir=" + work.resolve("data"));
		assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
		assertThat(refused.output()).contains("chain_links.csv:4: toId: FEEDS self-loop: 't-n2' feeds itself",
				"supplies.csv:4: customerId: unknown enterprise 'nobody' (neither in this dataset nor in the graph)",
				"2 error(s), 0 warning(s)", "nothing was written");

		Path good = new DatasetDir(work.resolve("good")).write();
		JarProcess loaded = runJar("import", good.toString(), "--chaingraph.data-dir=" + work.resolve("data"));
		assertThat(loaded.process().exitValue()).as(loaded.output()).isZero();
		assertThat(loaded.output()).contains("Imported ", "enterprises.csv", "total", "rows/s");

		// that a re-run changes nothing is the importer's logic too: this JVM again
		CliRun again = CliRun.of("import", good.toString(), "--chaingraph.data-dir=" + work.resolve("data"));
		assertThat(again.exitCode()).as(again.output()).isZero();
		assertThat(again.output()).contains("The graph is unchanged.");
	}

	@Test
	@Order(3)
	void dataSurvivesARestart() throws Exception {
		try (JarProcess service = JarProcess.startService("--chaingraph.data-dir=" + work.resolve("data"))) {
			assertThat(service.graphql("{ park(id: \"t-park\") { name enterprises { totalCount } } }"))
				.contains("中國基因藥(yào)谷", "\"totalCount\":2");
			assertThat(service.graphql("{ park(id: \"park-gene-valley\") { name } }")).contains("中国基因药谷");
			service.stop();
		}
	}

}
