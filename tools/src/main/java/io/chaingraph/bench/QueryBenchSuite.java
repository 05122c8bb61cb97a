package io.chaingraph.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.chaingraph.bench.QueryBench.CaseResult;
import io.chaingraph.bench.QueryBench.Result;
import io.chaingraph.bench.QueryBench.Way;

/**
 * The read side of {@code bench}: the queries part on each dataset (smallest first), the scaling
 * table across them, the concurrency part on the largest, and the chart of both curves.
 */
public final class QueryBenchSuite {

	/** Scaling target: p50 on the largest graph at most this many times p50 on the smallest. */
	static final double SCALING_TARGET = 2.0;

	public record Settings(QueryBench.Settings queries, ConcurrencyBench.Settings concurrency) {

		public static Settings smoke() {
			return new Settings(QueryBench.Settings.smoke(), ConcurrencyBench.Settings.smoke());
		}

		public static Settings standard() {
			return new Settings(QueryBench.Settings.standard(), ConcurrencyBench.Settings.standard());
		}

	}

	private final Settings settings;

	private final PrintStream log;

	private final List<Result> results = new ArrayList<>();

	private String concurrencyDataset;

	private long concurrencyEnterprises;

	private List<ConcurrencyBench.Level> concurrency = List.of();

	public QueryBenchSuite(Settings settings, PrintStream log) {
		this.settings = settings;
		this.log = log;
	}

	/** Runs the queries part on one dataset (call in increasing size); returns its tables. */
	public Result queries(BenchTarget target, String dataset) throws Exception {
		this.log.println("queries on " + dataset + " …");
		Result result = new QueryBench(target, this.settings.queries(), this.log).run(dataset);
		this.results.add(result);
		// Printed now, not only with the part's tables: a long run stopped later keeps these figures.
		this.log.println();
		this.log.println(QueryBench.headline(result).render());
		this.log.println(QueryBench.table(result).render());
		MarkdownTable hints = QueryBench.drawingHints(result);
		if (!hints.rows().isEmpty()) {
			this.log.println(hints.render());
		}
		return result;
	}

	/** Runs the concurrency part with the requests of the queries part on that dataset. */
	public List<ConcurrencyBench.Level> concurrency(BenchTarget target, Result on) throws Exception {
		this.log.println("concurrency on " + on.dataset() + " …");
		this.concurrency = new ConcurrencyBench(target, this.settings.concurrency(), this.log).run(on.workload());
		this.concurrencyDataset = on.dataset();
		this.concurrencyEnterprises = on.enterprises();
		return this.concurrency;
	}

	public List<Result> results() {
		return List.copyOf(this.results);
	}

	public List<ConcurrencyBench.Level> concurrencyLevels() {
		return this.concurrency;
	}

	/**
	 * Every table: per dataset the headline and query tables and the drawing hints against the plain network
	 * answer (when measured), then scaling and concurrency.
	 */
	public List<MarkdownTable> tables() {
		List<MarkdownTable> tables = new ArrayList<>();
		for (Result result : this.results) {
			tables.add(QueryBench.headline(result));
			tables.add(QueryBench.table(result));
			MarkdownTable hints = QueryBench.drawingHints(result);
			if (!hints.rows().isEmpty()) {
				tables.add(hints);
			}
		}
		if (this.results.size() > 1) {
			tables.add(scalingTable(this.results));
		}
		if (this.concurrencyDataset != null) {
			tables.add(ConcurrencyBench.table(this.concurrencyDataset, this.concurrencyEnterprises, this.concurrency));
		}
		return tables;
	}

	public String markdown() {
		StringBuilder out = new StringBuilder();
		for (MarkdownTable table : tables()) {
			out.append(table.render()).append('\n');
		}
		return out.toString();
	}

	public Path chart(Path file) throws java.io.IOException {
		List<Long> sizes = this.results.stream().map(Result::enterprises).toList();
		return BenchChart.write(file, sizes, scalingSeries(this.results), this.concurrency);
	}

	/** The (query, reach) cases measured on every dataset, in the order of the first. */
	static List<String[]> commonCases(List<Result> results) {
		List<String[]> common = new ArrayList<>();
		if (results.isEmpty()) {
			return common;
		}
		for (CaseResult c : results.get(0).cases()) {
			if (results.stream().allMatch(r -> r.find(c.query(), c.bucket()) != null)) {
				common.add(new String[] { c.query(), c.bucket() });
			}
		}
		return common;
	}

	public static MarkdownTable scalingTable(List<Result> results) {
		Result smallest = results.get(0);
		Result largest = results.get(results.size() - 1);
		List<String> header = new ArrayList<>(List.of("query", "reach"));
		for (Result r : results) {
			header.add(String.format(Locale.ROOT, "%s (%,d)", r.dataset(), r.enterprises()));
		}
		header.addAll(List.of("ratio HTTP", "ratio driver", "target ≤ " + (int) SCALING_TARGET));
		MarkdownTable table = new MarkdownTable(String.format(Locale.ROOT,
				"Scaling: p50 in ms over HTTP (driver in brackets), same query and reach on each graph; ratio %s / %s",
				largest.dataset(), smallest.dataset()), header.toArray(String[]::new));
		for (String[] key : commonCases(results)) {
			List<Object> row = new ArrayList<>(List.of(key[0], key[1]));
			for (Result r : results) {
				CaseResult c = r.find(key[0], key[1]);
				row.add(Latency.ms(c.of(Way.HTTP).p50()) + " (" + Latency.ms(c.of(Way.DRIVER).p50()) + ")");
			}
			CaseResult small = smallest.find(key[0], key[1]);
			CaseResult large = largest.find(key[0], key[1]);
			double ratio = large.of(Way.HTTP).p50() / small.of(Way.HTTP).p50();
			row.add(Latency.ratio(large.of(Way.HTTP).p50(), small.of(Way.HTTP).p50()));
			row.add(Latency.ratio(large.of(Way.DRIVER).p50(), small.of(Way.DRIVER).p50()));
			row.add(fixedReach(key) ? (ratio <= SCALING_TARGET ? "met" : "missed") : "n/a (work grows with the park)");
			table.row(row.toArray());
		}
		table.note("Fixed reach: the same reach bucket on each graph, so the work should follow the reached set, not the "
				+ "graph. chainGaps and compareParks count every local enterprise of a park, and parks grow with the graph.");
		return table;
	}

	/**
	 * chainGaps and compareParks read every local enterprise of a park: their work grows with the park;
	 * a kept gap report's with the chain's segments.
	 */
	static boolean fixedReach(String[] key) {
		return !(key[0].startsWith("chainGaps") || key[0].equals("compareParks"));
	}

	/**
	 * One curve per query of the common cases, at its smallest common reach (network with drawing hints left out:
	 * it would lie on network's curve).
	 */
	static Map<String, List<Double>> scalingSeries(List<Result> results) {
		Map<String, List<Double>> series = new LinkedHashMap<>();
		Set<String> seen = new LinkedHashSet<>();
		for (String[] key : commonCases(results)) {
			if (!fixedReach(key) || key[0].equals(QueryBench.DRAWING_HINTS) || !seen.add(key[0])) {
				continue;
			}
			series.put(key[0] + ", reach " + key[1],
					results.stream().map(r -> r.find(key[0], key[1]).of(Way.HTTP).p50()).toList());
		}
		return series;
	}

}
