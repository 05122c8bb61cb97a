package io.chaingraph.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the read side of the benchmark on dataset folders given smallest first:
 * {@code QueryBenchMain OUT [--smoke] NAME=DIR ...}. Each dataset is imported into a fresh embedded
 * database under OUT; the concurrency part runs on the last. Writes OUT/queries.md and OUT/queries.png.
 */
public final class QueryBenchMain {

	private QueryBenchMain() {
	}

	public static void main(String[] args) throws Exception {
		Path out = Path.of(args[0]);
		boolean smoke = List.of(args).contains("--smoke");
		List<String[]> datasets = new ArrayList<>();
		for (String arg : List.of(args).subList(1, args.length)) {
			if (arg.contains("=")) {
				datasets.add(arg.split("=", 2));
			}
		}
		QueryBenchSuite suite = new QueryBenchSuite(smoke ? QueryBenchSuite.Settings.smoke()
				: QueryBenchSuite.Settings.standard(), System.out);
		for (int i = 0; i < datasets.size(); i++) {
			String[] dataset = datasets.get(i);
			Path dataDir = Files.createDirectories(out.resolve("db-" + dataset[0]));
			try (BenchServer server = BenchServer.start(dataDir, List.of())) {
				long t0 = System.nanoTime();
				boolean loaded = server.target().cypher("MATCH (e:Enterprise) RETURN count(e) > 0 AS loaded", java.util.Map.of())
					.records().get(0).get("loaded").asBoolean();
				if (!loaded || !List.of(args).contains("--reuse")) {
					server.load(Path.of(dataset[1]));
					System.out.printf("loaded %s in %.1f s%n", dataset[0], (System.nanoTime() - t0) / 1e9);
				}
				QueryBench.Result result = suite.queries(server.target(), dataset[0]);
				if (i == datasets.size() - 1) {
					suite.concurrency(server.target(), result);
				}
			}
		}
		String markdown = suite.markdown();
		System.out.println(markdown);
		Files.writeString(out.resolve("queries.md"), markdown);
		suite.chart(out.resolve("queries.png"));
		System.exit(0);
	}

}
