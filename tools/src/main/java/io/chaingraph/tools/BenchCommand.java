package io.chaingraph.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.chaingraph.bench.BenchRunner;
import io.chaingraph.bench.BenchSize;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.slf4j.LoggerFactory;

@Command(name = "bench", mixinStandardHelpOptions = true,
		description = { "Benchmark the product against its baselines on generated datasets, each measurement in a",
				"fresh embedded database: S = 10k and M = 100k enterprises (L = 1M with --large).",
				"Prints one Markdown table per part and writes them to --out." })
final class BenchCommand implements Callable<Integer> {

	@Option(names = "--sizes", paramLabel = "S,M", split = ",", description = "sizes to run (S, M, L, XL; default S,M; XL: the bulk load only, -Xmx4g)")
	List<String> sizes = new ArrayList<>(List.of("S", "M"));

	@Option(names = "--large", description = "add L (1M enterprises; give the JVM -Xmx2g or more)")
	boolean large;

	@Option(names = "--smoke", description = "a tiny dataset only, in seconds: proves the benchmark works")
	boolean smoke;

	@Option(names = "--parts", paramLabel = "P", split = ",", description = "parts to run (default: all)")
	List<String> parts = new ArrayList<>();

	@Option(names = "--runs", paramLabel = "N", description = "timed runs per measurement (default: 3 at S, 2 at M, 1 at L)")
	Integer runs;

	@Option(names = "--out", paramLabel = "DIR", defaultValue = "target/bench",
			description = "where the Markdown tables go (default ${DEFAULT-VALUE})")
	Path out;

	@Option(names = "--work", paramLabel = "DIR",
			description = "where datasets and temporary databases go (default: OUT/work)")
	Path work;

	@Option(names = { "-P", "--property" }, paramLabel = "NAME=VALUE",
			description = "application property for every database the benchmark starts, e.g. -P chaingraph.import.batch-size=5000")
	List<String> properties = new ArrayList<>();

	@Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "generator seed (default ${DEFAULT-VALUE})")
	long seed;

	@Option(names = "--queries", paramLabel = "Q", split = ",",
			description = "queries part: measure only these queries, e.g. search,chainGaps (default: all; no concurrency part then)")
	List<String> queries = new ArrayList<>();

	@Option(names = "--labelled", paramLabel = "DIR", defaultValue = "service/src/test/resources/documents/labelled",
			description = "mentions part: the labelled paragraphs and their graph (default ${DEFAULT-VALUE})")
	Path labelled;

	@Override
	public Integer call() throws Exception {
		List<BenchSize> chosen = new ArrayList<>();
		try {
			if (this.smoke) {
				chosen.add(BenchSize.SMOKE);
			}
			else {
				for (String size : this.sizes) {
					BenchSize parsed = BenchSize.parse(size);
					if (!chosen.contains(parsed)) {
						chosen.add(parsed);
					}
				}
				if (this.large && !chosen.contains(BenchSize.L)) {
					chosen.add(BenchSize.L);
				}
			}
			if (this.runs != null) {
				if (this.runs < 1) {
					throw new IllegalArgumentException("--runs must be at least 1");
				}
				chosen.replaceAll(s -> s.withRuns(this.runs));
			}
		}
		catch (IllegalArgumentException ex) {
			System.err.println("chaingraph bench: " + ex.getMessage());
			return 2;
		}
		// quiet until Spring Boot configures logging from the properties each database passes
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
		Path work = (this.work != null) ? this.work : this.out.resolve("work");
		try {
			BenchRunner.run(new BenchRunner.Options(chosen, this.parts, this.out, work, this.seed,
					this.properties, this.queries, this.labelled), System.out);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("chaingraph bench: " + ex.getMessage());
			return 2;
		}
		finally {
			deleteQuietly(work.resolve("db"));
		}
		return 0;
	}

	private static void deleteQuietly(Path dir) throws IOException {
		if (Files.exists(dir)) {
			try (var paths = Files.walk(dir)) {
				paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

}
