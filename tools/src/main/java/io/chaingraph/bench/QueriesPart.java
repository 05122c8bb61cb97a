package io.chaingraph.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.chaingraph.generate.DatasetGenerator;
import io.chaingraph.generate.GeneratorOptions;
import io.chaingraph.importing.ImportProgress;
import io.chaingraph.importing.ImportReport;
import io.chaingraph.importing.ImportService;
import io.chaingraph.importing.read.DatasetSource;

/**
 * The read side of {@code bench}: for each size, a fresh database with the service on a free port,
 * loaded by the importer, then the queries part (three ways, reach buckets); the scaling table across
 * the sizes; the concurrency part on the largest; and the chart {@code queries.png} of both curves.
 * The graphs keep two chains (about 2,000 segments at 100k enterprises, the shape the query targets were set on) so that only
 * the enterprise side grows between sizes.
 */
public final class QueriesPart implements BenchPart {

	/** Chains of the graphs this part measures. */
	static final int CHAINS = 2;

	@Override
	public String name() {
		return "queries";
	}

	@Override
	public List<MarkdownTable> run(BenchContext context) throws Exception {
		boolean smoke = context.sizes().stream().allMatch(s -> s.equals(BenchSize.SMOKE));
		QueryBenchSuite.Settings settings = smoke ? QueryBenchSuite.Settings.smoke() : QueryBenchSuite.Settings.standard();
		QueryBenchSuite suite = new QueryBenchSuite(new QueryBenchSuite.Settings(
				settings.queries().only(context.queries()), settings.concurrency()), context.log());
		List<BenchSize> sizes = context.sizes();
		MarkdownTable memory = new MarkdownTable("Queries: peak heap while serving", "size", "enterprises",
				"peak heap used", "peak live after GC", "GCs", "max heap (-Xmx)");
		for (int i = 0; i < sizes.size(); i++) {
			BenchSize size = sizes.get(i);
			DatasetGenerator.Summary dataset = dataset(context, size);
			try (BenchDatabase db = context.database(null, true)) {
				long started = System.nanoTime();
				ImportReport report = db.bean(ImportService.class)
					.run(DatasetSource.fromDirectory(dataset.dir()), false, ImportProgress.NONE);
				if (report.hasErrors()) {
					throw new IllegalStateException("the generated dataset " + dataset.dir() + " does not load");
				}
				context.log().printf("Loaded %s for the queries in %.1f s%n", size.label(), (System.nanoTime() - started) / 1e9);
				HeapWatcher.Peak heap;
				try (BenchTarget target = BenchTarget.of(db.context(), "http://127.0.0.1:" + db.httpPort());
						HeapWatcher watcher = HeapWatcher.start()) {
					QueryBench.Result result = suite.queries(target, size.label());
					if (i == sizes.size() - 1 && context.queries().isEmpty()) {
						suite.concurrency(target, result);
					}
					heap = watcher.peak();
				}
				memory.row(size.label(), String.format("%,d", dataset.options().enterprises()), heap.usedMb(), heap.liveMb(),
						heap.collections(), String.format("%,d MB", Runtime.getRuntime().maxMemory() / (1024 * 1024)));
			}
		}
		memory.note("JVM-wide heap from garbage-collection notifications while the queries part (and, on the last size, the "
				+ "concurrency part) runs against the loaded graph: the service, the embedded database's heap side, and the "
				+ "benchmark's own clients. Peak used = heap just before a collection, garbage included; peak live = heap "
				+ "still in use right after one.");
		List<MarkdownTable> tables = new ArrayList<>(suite.tables());
		Path chart = suite.chart(chartFile(context));
		tables.get(tables.size() - 1).note("Chart of the scaling and concurrency curves: " + chart.toAbsolutePath().normalize());
		tables.add(memory);
		return tables;
	}

	/** The size's generated dataset with {@link #CHAINS} chains (the shared one when it already has them). */
	static DatasetGenerator.Summary dataset(BenchContext context, BenchSize size) {
		DatasetGenerator.Summary shared = context.dataset(size);
		GeneratorOptions options = shared.options();
		if (options.withDefaults().chains() == CHAINS) {
			return shared;
		}
		return context.dataset(size.label() + "-" + CHAINS + "chains",
				new GeneratorOptions(options.enterprises(), options.parks(), CHAINS, options.seed()));
	}

	/** Next to the Markdown files: the work folder's parent (OUT with the default --work OUT/work). */
	static Path chartFile(BenchContext context) {
		Path work = context.workDir().toAbsolutePath().normalize();
		Path dir = (work.getFileName() != null && work.getFileName().toString().equals("work") && work.getParent() != null)
				? work.getParent() : work;
		return dir.resolve("queries.png");
	}

}
