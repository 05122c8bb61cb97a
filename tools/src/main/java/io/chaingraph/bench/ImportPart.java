package io.chaingraph.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.chaingraph.generate.DatasetGenerator;
import io.chaingraph.generate.GeneratorOptions;
import io.chaingraph.importing.ImportProgress;
import io.chaingraph.importing.ImportReport;
import io.chaingraph.importing.ImportService;
import io.chaingraph.importing.ImportStatus;
import io.chaingraph.importing.load.FileSummary;
import io.chaingraph.importing.read.DatasetSource;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * Import: the project's importer against one transaction per row and against the server-side
 * {@code LOAD CSV … CALL { … } IN TRANSACTIONS} reference, on the same generated files, each into a
 * fresh database. Rows per second for nodes and relationships separately, the ratios from the
 * same run, and the peak heap while the importer runs.
 */
public final class ImportPart implements BenchPart {

	/** Rows per transaction of the LOAD CSV reference (the importer's default batch size). */
	static final int REFERENCE_BATCH = 1000;

	/** Issue targets the table reports against. */
	static final double TARGET_VS_PER_ROW = 20;

	static final double TARGET_VS_LOAD_CSV = 0.8;

	@Override
	public String name() {
		return "import";
	}

	/** One load: where the time went and what it created. */
	record Load(Duration total, Duration validate, Duration nodePhase, Duration relPhase, long nodes, long rels,
			HeapWatcher.Peak heap) {

		Duration load() {
			return this.nodePhase.plus(this.relPhase);
		}

		double nodesPerSecond() {
			return perSecond(this.nodes, this.nodePhase);
		}

		double relsPerSecond() {
			return perSecond(this.rels, this.relPhase);
		}

		double loadRowsPerSecond() {
			return perSecond(this.nodes + this.rels, load());
		}

	}

	@Override
	public List<MarkdownTable> run(BenchContext context) {
		MarkdownTable datasets = new MarkdownTable("Import: datasets", "size", "enterprises", "parks", "chains",
				"segments", "supplies", "rows (all files)", "nodes created", "relationships created");
		MarkdownTable table = new MarkdownTable("Import: importer vs one transaction per row vs LOAD CSV", "size",
				"method", "runs", "end to end, median", "p99", "validation", "nodes/s", "relationships/s",
				"rows/s (load)", "× per-row (load)", "× LOAD CSV (end to end)", "× LOAD CSV (load)");
		MarkdownTable memory = new MarkdownTable("Import: peak heap while the importer runs", "size", "peak heap used",
				"peak live after GC", "GCs", "max heap (-Xmx)");
		List<String> verdicts = new ArrayList<>();
		Map<Integer, Load> perRowBySample = new HashMap<>();
		for (BenchSize size : context.sizes()) {
			DatasetGenerator.Summary dataset = context.dataset(size);
			context.log().printf("Import, size %s%n", size);

			Harness.Measured<Load> importer = context.harness().measure(size.label() + " importer", size.importWarmups(), size.runs(),
					run -> {
						Load load = importerLoad(context, dataset.dir(), dataset.nodeRows(), 0);
						return new Harness.Timed<>(load, load.total());
					});
			Load typical = importer.medianValue(l -> l.total().toNanos());

			// sizes with samples of the same size load the same generated files: measured once per run
			Load perRow = perRowBySample.get(size.perRowSample());
			if (perRow == null) {
				DatasetGenerator.Summary sample = context.dataset(size.label() + "-per-row-sample",
						new GeneratorOptions(size.perRowSample(), 3, 2, GeneratorOptions.DEFAULT_SEED));
				context.log().printf("  one transaction per row, on a sample of %,d rows%n", sample.totalRows());
				perRow = importerLoad(context, sample.dir(), sample.nodeRows(), 1);
				perRowBySample.put(size.perRowSample(), perRow);
			}
			else {
				context.log().printf("  one transaction per row: the same %,d-enterprise sample as before, measured once%n",
						size.perRowSample());
			}
			// extrapolated to the full dataset at the sample's rates
			Duration perRowEstimate = Duration.ofNanos((long) (1e9 * (typical.nodes() / perRow.nodesPerSecond()
					+ typical.rels() / perRow.relsPerSecond()))).plus(typical.validate());

			Harness.Measured<Load> reference = context.harness().measure(size.label() + " LOAD CSV", size.importWarmups(), size.runs(),
					run -> {
						Load load = loadCsv(context, dataset.dir());
						return new Harness.Timed<>(load, load.total());
					});
			Load ref = reference.medianValue(l -> l.total().toNanos());

			datasets.row(size.label(), fmt(size.enterprises()), fmt(dataset.rows("parks.csv")),
					fmt(dataset.rows("chains.csv")), fmt(dataset.rows("chain_nodes.csv")), fmt(dataset.rows("supplies.csv")),
					fmt(dataset.totalRows()), fmt(typical.nodes()), fmt(typical.rels()));

			double perRowRate = perRow.loadRowsPerSecond();
			double vsPerRow = typical.loadRowsPerSecond() / perRowRate;
			double vsLoadCsv = ref.total().toNanos() / (double) typical.total().toNanos();
			double vsLoadCsvLoad = ref.load().toNanos() / (double) typical.load().toNanos();
			table.row(size.label(), "chaingraph importer", runs(importer.stats().n(), size), seconds(importer.stats().median()),
					seconds(importer.stats().p99()), seconds(typical.validate()), rate(typical.nodesPerSecond()),
					rate(typical.relsPerSecond()), rate(typical.loadRowsPerSecond()), Harness.ratio(vsPerRow, 1),
					Harness.ratio(vsLoadCsv, 1), Harness.ratio(vsLoadCsvLoad, 1));
			table.row(size.label(), "one transaction per row *", "1 (sample)", "≈ " + seconds(perRowEstimate), "–",
					seconds(typical.validate()), rate(perRow.nodesPerSecond()), rate(perRow.relsPerSecond()),
					rate(perRowRate), "1.00×", "–", "–");
			table.row(size.label(), "LOAD CSV … IN TRANSACTIONS", runs(reference.stats().n(), size),
					seconds(reference.stats().median()), seconds(reference.stats().p99()), "none",
					rate(ref.nodesPerSecond()), rate(ref.relsPerSecond()), rate(ref.loadRowsPerSecond()),
					Harness.ratio(ref.loadRowsPerSecond(), perRowRate), "1.00×", "1.00×");
			memory.row(size.label(), typical.heap().usedMb(), typical.heap().liveMb(), typical.heap().collections(),
					String.format("%,d MB", Runtime.getRuntime().maxMemory() / (1024 * 1024)));
			verdicts.add(String.format("- %s: importer %s one transaction per row (target ≥ %.0f×: %s), %s LOAD CSV end to end "
					+ "(target ≥ %.1f×: %s).", size.label(), Harness.ratio(vsPerRow, 1), TARGET_VS_PER_ROW,
					vsPerRow >= TARGET_VS_PER_ROW ? "met" : "MISSED", Harness.ratio(vsLoadCsv, 1), TARGET_VS_LOAD_CSV,
					vsLoadCsv >= TARGET_VS_LOAD_CSV ? "met" : "MISSED"));
			context.log().print(table.render());
		}
		table.note("Each load goes into a fresh embedded database (page cache "
				+ BenchDatabase.PAGE_CACHE.toMegabytes() + " MB) with the project's schema (constraints, indexes) applied. "
				+ "End to end = reading the files to the last commit; the importer's includes validating the whole dataset "
				+ "(column \"validation\"). Load = writing nodes then relationships; nodes/s and relationships/s are the "
				+ "entities created divided by the time of that phase. A warm-up is a whole untimed load of the same files by "
				+ "the same method before its timed runs (at S, where the first load in the JVM is mostly compiling code).");
		table.note("* One transaction per row: the same importer with batch size 1 and one writer thread (each row its own "
				+ "transaction over Bolt, one after the other), measured on a generated sample of the sizes above (same generator, "
				+ size(context) + "; one measurement per sample size in a run) and extrapolated to the full dataset at the "
				+ "sample's node and relationship rates.");
		table.note("LOAD CSV: the server-side reference, one `LOAD CSV WITH HEADERS … IN TRANSACTIONS OF "
				+ REFERENCE_BATCH + " ROWS` per file and relationship type, on the same files. It writes the same labels, "
				+ "keys, relationships and columns, but no normalised names, fingerprints or import-run provenance, "
				+ "does not detect unchanged rows, and validates nothing.");
		table.note("× per-row = the method's load rate / the per-row rate. × LOAD CSV = LOAD CSV's time / the importer's time "
				+ "(above 1: the importer is faster).");
		verdicts.forEach(table::note);
		memory.note("JVM-wide heap from garbage-collection notifications while the importer runs (the embedded database "
				+ "shares the JVM): peak used = heap just before a collection, garbage included; peak live = heap still "
				+ "in use right after one.");
		return List.of(datasets, table, memory);
	}

	/** Timed runs, and the untimed warm-up loads before them. */
	private static String runs(int timed, BenchSize size) {
		return (size.importWarmups() == 0) ? String.valueOf(timed)
				: timed + " (+" + size.importWarmups() + " warm-up)";
	}

	private static String size(BenchContext context) {
		return context.sizes().stream().map(s -> String.format("%,d enterprises for %s", s.perRowSample(), s.label()))
			.distinct().reduce((a, b) -> a + ", " + b).orElse("");
	}

	/**
	 * The project's importer into a fresh database; batch size 0 = its default. Batch size 1 is the
	 * one-transaction-per-row baseline: one row after the other, on one writer thread.
	 */
	static Load importerLoad(BenchContext context, Path dir, long nodeRows, int batchSize) {
		String[] properties = (batchSize == 1) ? new String[] { "chaingraph.import.writers=1" } : new String[0];
		try (BenchDatabase db = context.database(null, false, properties)) {
			ImportService service = db.bean(ImportService.class);
			PhaseClock clock = new PhaseClock(nodeRows);
			ImportReport report;
			HeapWatcher.Peak peak;
			long started;
			long finished;
			try (HeapWatcher heap = HeapWatcher.start()) {
				started = System.nanoTime();
				DatasetSource source = DatasetSource.fromDirectory(dir);
				report = (batchSize > 0) ? service.run(source, false, clock, batchSize) : service.run(source, false, clock);
				finished = System.nanoTime();
				peak = heap.peak();
			}
			if (report.status() != ImportStatus.SUCCEEDED) {
				throw new IllegalStateException("import of " + dir + " ended " + report.status() + ": "
						+ report.problems().stream().limit(5).map(p -> p.format()).toList());
			}
			long nodes = report.files().stream().mapToLong(FileSummary::nodesCreated).sum();
			long rels = report.files().stream().mapToLong(FileSummary::relsCreated).sum();
			return new Load(Duration.ofNanos(finished - started), Duration.ofNanos(clock.startedAt - started),
					Duration.ofNanos(clock.nodesDoneAt - clock.startedAt), Duration.ofNanos(clock.finishedAt - clock.nodesDoneAt),
					nodes, rels, peak);
		}
	}

	/** The server-side reference: LOAD CSV of the same files into a fresh database. */
	static Load loadCsv(BenchContext context, Path dir) {
		try (BenchDatabase db = context.database(dir, false)) {
			Driver driver = db.driver();
			long started = System.nanoTime();
			try (Session session = driver.session()) {
				for (String statement : LoadCsvReference.NODES.values()) {
					session.run(statement).consume();
				}
				long nodesDone = System.nanoTime();
				for (String statement : LoadCsvReference.RELATIONSHIPS.values()) {
					session.run(statement).consume();
				}
				long finished = System.nanoTime();
				long nodes = session.run("MATCH (n:Entity) RETURN count(n) AS n").single().get("n").asLong();
				long rels = session.run("MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS n").single().get("n").asLong();
				return new Load(Duration.ofNanos(finished - started), Duration.ZERO, Duration.ofNanos(nodesDone - started),
						Duration.ofNanos(finished - nodesDone), nodes, rels, null);
			}
		}
	}

	/** Splits the importer's time at the moment the last node row is written (nodes are written first). */
	static final class PhaseClock implements ImportProgress {

		private final long nodeRows;

		private long done;

		long startedAt;

		long nodesDoneAt;

		long finishedAt;

		PhaseClock(long nodeRows) {
			this.nodeRows = nodeRows;
		}

		@Override
		public void start(long totalRows) {
			this.startedAt = System.nanoTime();
			this.nodesDoneAt = this.startedAt;
		}

		@Override
		public void advance(String file, long rows) {
			this.done += rows;
			if (this.done <= this.nodeRows) {
				this.nodesDoneAt = System.nanoTime();
			}
		}

		@Override
		public void finish() {
			this.finishedAt = System.nanoTime();
		}

	}

	static double perSecond(long count, Duration duration) {
		return (duration.isZero() || duration.isNegative()) ? Double.NaN : count / (duration.toNanos() / 1e9);
	}

	static String rate(double perSecond) {
		return Double.isNaN(perSecond) ? "–" : String.format("%,.0f", perSecond);
	}

	static String seconds(Duration duration) {
		return String.format("%.2f s", duration.toNanos() / 1e9);
	}

	static String fmt(long value) {
		return String.format("%,d", value);
	}

}
