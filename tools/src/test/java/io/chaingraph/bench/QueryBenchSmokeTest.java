package io.chaingraph.bench;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import io.chaingraph.bench.QueryBench.CaseResult;
import io.chaingraph.bench.QueryBench.Result;
import io.chaingraph.bench.QueryBench.Way;
import io.chaingraph.config.Graph;
import io.chaingraph.importing.ImportProgress;
import io.chaingraph.importing.ImportService;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A smoke-sized run of the read side of {@code bench} on the sample dataset: it proves the parts work
 * (every query asked three ways with the same answer, the concurrency levels without errors, tables and
 * chart written), not how fast anything is.
 */
class QueryBenchSmokeTest extends IntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	ImportService imports;

	@Autowired
	Graph graph;

	@LocalServerPort
	int port;

	@TempDir
	Path out;

	@Test
	void queriesScalingConcurrencyAndChartOnTheSampleDataset() throws Exception {
		new Fixtures(this.graph).wipe();
		this.imports.run(DatasetSource.fromDirectory(Path.of("import", "wenzhou")), false, ImportProgress.NONE);
		try (BenchTarget target = BenchTarget.of(this.context, "http://127.0.0.1:" + this.port)) {
			queriesScalingConcurrencyAndChart(target);
		}
	}

	private void queriesScalingConcurrencyAndChart(BenchTarget target) throws Exception {
		QueryBenchSuite suite = new QueryBenchSuite(QueryBenchSuite.Settings.smoke(), System.out);

		// the same graph twice stands in for two sizes: the scaling table needs two runs
		Result first = suite.queries(target, "tiny");
		Result second = suite.queries(target, "tiny again");
		List<ConcurrencyBench.Level> levels = suite.concurrency(target, second);

		for (Result result : List.of(first, second)) {
			assertThat(result.warnings()).as("the three ways give the same answer").isEmpty();
			assertThat(result.enterprises()).isEqualTo(
					this.graph.one("MATCH (e:Enterprise) RETURN count(e) AS n", java.util.Map.of(), r -> r.get(0).asLong()).orElseThrow());
			assertThat(result.cases()).extracting(CaseResult::query)
				.contains("search", "upstream(depth 1)", "downstream(depth 1)", "upstream(depth 3)", "downstream(depth 3)",
						"upstream(depth 5)", "downstream(depth 5)", "network(depth 2)", "network(depth 2) + drawing hints",
						"chainGaps", "gapCandidates", "compareParks");
			// the drawing hints on the plain answer's start points: the same buckets, starts and sizes
			List<CaseResult> plain = result.cases().stream().filter(c -> c.query().equals("network(depth 2)")).toList();
			List<CaseResult> hints = result.cases().stream()
				.filter(c -> c.query().equals("network(depth 2) + drawing hints"))
				.toList();
			assertThat(hints).extracting(c -> c.bucket() + " " + c.probes() + " " + c.medianSize())
				.containsExactlyElementsOf(plain.stream().map(c -> c.bucket() + " " + c.probes() + " " + c.medianSize()).toList());
			MarkdownTable table = QueryBench.drawingHints(result);
			assertThat(table.title()).isEqualTo("Subgraph: drawing hints vs the plain answer on " + result.dataset());
			assertThat(table.rows()).extracting(row -> row.get(0))
				.containsExactlyElementsOf(plain.stream().map(CaseResult::bucket).toList());
			for (List<String> row : table.rows()) {
				assertThat(row.get(5)).matches("[+-]\\d+\\.\\d %");
				assertThat(row.get(8)).matches("[+-]\\d+\\.\\d %");
				assertThat(row.get(9)).isIn("met", "missed");
			}
			for (CaseResult c : result.cases()) {
				assertThat(c.medianSize()).isPositive();
				assertThat(c.bucket()).isIn("1–9", "10–99", "100–1000", "largest park");
				for (Way way : Way.values()) {
					assertThat(c.of(way).samples()).as(c.query() + " " + way).isPositive();
					assertThat(c.of(way).p99()).isGreaterThanOrEqualTo(c.of(way).p50()).isPositive();
				}
			}
		}
		// the headline cases timed again from a separate client JVM: every one, both ways, with timings
		for (Result result : List.of(first, second)) {
			assertThat(result.fromClientProcess()).extracting(c -> c.query() + " | " + c.bucket())
				.containsExactlyElementsOf(result.cases().stream()
					.filter(c -> QueryBench.isHeadline(c.query()))
					.map(c -> c.query() + " | " + c.bucket())
					.toList())
				.contains("downstream(depth 3) | 1–9", "chainGaps | largest park");
			for (CaseResult c : result.fromClientProcess()) {
				for (Way way : List.of(Way.DRIVER, Way.HTTP)) {
					assertThat(c.of(way).samples()).as(c.query() + " " + way).isPositive();
					assertThat(c.of(way).p99()).isGreaterThanOrEqualTo(c.of(way).p50()).isPositive();
				}
			}
			assertThat(QueryBench.headline(result).rows()).hasSameSizeAs(result.fromClientProcess());
		}

		assertThat(levels).extracting(ConcurrencyBench.Level::clients).containsExactly(1, 4, 16, 64);
		for (ConcurrencyBench.Level level : levels) {
			assertThat(level.errors()).as("errors at %d clients: %s", level.clients(), level.errorSamples()).isZero();
			assertThat(level.requests()).isEqualTo(Math.max(8, level.clients()));
		}

		assertThat(suite.tables()).extracting(MarkdownTable::title).anyMatch(t -> t.startsWith("GraphQL over HTTP vs the driver on tiny"))
			.anyMatch(t -> t.startsWith("Queries on tiny again")).anyMatch(t -> t.startsWith("Scaling"))
			.anyMatch(t -> t.startsWith("Concurrency on tiny again"))
			.contains("Subgraph: drawing hints vs the plain answer on tiny",
					"Subgraph: drawing hints vs the plain answer on tiny again");
		String markdown = suite.markdown();
		assertThat(markdown).contains("| downstream(depth 3)", "| chainGaps ", "| largest park", "GraphQL over HTTP");
		assertThat(QueryBenchSuite.scalingTable(suite.results()).rows()).extracting(row -> row.get(0))
			.contains("network(depth 2)", "search");
		Path chart = suite.chart(this.out.resolve("queries.png"));
		BufferedImage image = ImageIO.read(chart.toFile());
		assertThat(image.getWidth()).isEqualTo(1440);
		assertThat(Files.size(chart)).isGreaterThan(10_000);
	}

}
