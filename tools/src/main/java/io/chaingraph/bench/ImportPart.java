package io.chaingraph.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.chaingraph.audit.Actor;
import io.chaingraph.generate.DatasetGenerator;
import io.chaingraph.generate.GeneratorOptions;
import io.chaingraph.importing.ImportProgress;
import io.chaingraph.importing.ImportReport;
import io.chaingraph.importing.ImportService;
import io.chaingraph.importing.ImportStatus;
import io.chaingraph.importing.bulk.BulkImporter;
import io.chaingraph.importing.load.FileSummary;
import io.chaingraph.importing.read.DatasetSource;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * Import: the project's importer and its bulk first load (the batch importer) against one
 * transaction per row and against the server-side {@code LOAD CSV … CALL { … } IN TRANSACTIONS}
 * reference, on the same generated files, each into a fresh database (beyond L the bulk load only). Rows per second for nodes and relationships separately, the ratios from the
 * same run, and the peak heap while the importer runs.
 */
public final class ImportPart implements BenchPart {

	/** Rows per transaction of the LOAD CSV reference (the importer's default batch size). */
	static final int REFERENCE_BATCH = 1000;

	/** Issue targets the table reports against. */
	static final double TARGET_VS_PER_ROW = 20;

	static final double TARGET_VS_LOAD_CSV = 0.8;

	/** The bulk load end to end against LOAD CSV, on M and L. */
	static final double TARGET_BULK_VS_LOAD_CSV = 5;

	/** The bulk load of L, end to end. */
	static final Duration TARGET_BULK_L = Duration.ofSeconds(90);

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

	/**
	 * One bulk load: the phases, what it created, the JVM's peak heap, the importer's own peak memory
	 * (mostly off-heap) and the store's size on disk.
	 */
	record BulkLoad(Duration total, Duration prepare, Duration importer, Duration reopen, Duration finish, long nodes,
			long rels, HeapWatcher.Peak heap, String importerMemory, long csvBytes, long storeBytes) {
	}

	@Override
	public List<MarkdownTable> run(BenchContext context) {
		MarkdownTable datasets = new MarkdownTable("Import: datasets", "size", "enterprises", "parks", "chains",
				"segments", "supplies", "rows (all files)", "nodes created", "relationships created");
		MarkdownTable table = new MarkdownTable("Import: importer vs one transaction per row vs LOAD CSV", "size",
				"method", "runs", "end to end, median", "p99", "validation", "nodes/s", "relationships/s",
				"rows/s (load)", "× per-row (load)", "× LOAD CSV (end to end)", "× LOAD CSV (load)");
		MarkdownTable memory = new MarkdownTable("Import: peak heap while the importer runs", "size", "method",
				"peak heap used", "peak live after GC", "GCs", "max heap (-Xmx)", "batch importer's peak memory",
				"importer's files", "store on disk");
		MarkdownTable bulkTable = new MarkdownTable("Import: bulk first load (batch importer), phases", "size",
				"runs", "end to end, median", "validation + files", "batch importer", "start + schema", "finish",
				"nodes", "relationships", "× LOAD CSV (end to end)", "× importer (end to end)");
		List<String> verdicts = new ArrayList<>();
		Map<Integer, Load> perRowBySample = new HashMap<>();
		for (BenchSize size : context.sizes()) {
			DatasetGenerator.Summary dataset = context.dataset(size);
			context.log().printf("Import, size %s%n", size);
			Harness.Measured<BulkLoad> bulk = context.harness().measure(size.label() + " bulk load", size.importWarmups(),
					size.runs(), run -> {
						BulkLoad load = bulkLoad(context, dataset.dir());
						return new Harness.Timed<>(load, load.total());
					});
			BulkLoad typicalBulk = bulk.medianValue(l -> l.total().toNanos());
			String maxHeap = String.format("%,d MB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
			memory.row(size.label(), "bulk load", typicalBulk.heap().usedMb(), typicalBulk.heap().liveMb(),
					typicalBulk.heap().collections(), maxHeap, typicalBulk.importerMemory(), megabytes(typicalBulk.csvBytes()),
					megabytes(typicalBulk.storeBytes()));
			if (size.bulkOnly()) {
				datasets.row(size.label(), fmt(size.enterprises()), fmt(dataset.rows("parks.csv")),
						fmt(dataset.rows("chains.csv")), fmt(dataset.rows("chain_nodes.csv")),
						fmt(dataset.rows("supplies.csv")), fmt(dataset.totalRows()), fmt(typicalBulk.nodes()),
						fmt(typicalBulk.rels()));
				bulkTable.row(bulkRow(size, bulk, typicalBulk, Double.NaN, Double.NaN).toArray());
				verdicts.add(String.format("- %s: bulk load %s end to end (the transactional import and LOAD CSV are not "
						+ "run at this size).", size.label(), seconds(typicalBulk.total())));
				context.log().print(bulkTable.render());
				continue;
			}

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

			double bulkVsLoadCsv = ref.total().toNanos() / (double) typicalBulk.total().toNanos();
			double bulkVsImporter = typical.total().toNanos() / (double) typicalBulk.total().toNanos();
			bulkTable.row(bulkRow(size, bulk, typicalBulk, bulkVsLoadCsv, bulkVsImporter).toArray());
			table.row(size.label(), "bulk load (batch importer)", runs(bulk.stats().n(), size),
					seconds(bulk.stats().median()), seconds(bulk.stats().p99()), "(in validation + files)",
					rate(perSecond(typicalBulk.nodes(), typicalBulk.importer())),
					"(with the nodes)", rate(perSecond(typicalBulk.nodes() + typicalBulk.rels(), typicalBulk.importer())),
					"–", Harness.ratio(bulkVsLoadCsv, 1), "–");
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
			memory.row(size.label(), "importer", typical.heap().usedMb(), typical.heap().liveMb(),
					typical.heap().collections(), maxHeap, "–", "–", "–");
			verdicts.add(String.format("- %s: importer %s one transaction per row (target ≥ %.0f×: %s), %s LOAD CSV end to end "
					+ "(target ≥ %.1f×: %s).", size.label(), Harness.ratio(vsPerRow, 1), TARGET_VS_PER_ROW,
					vsPerRow >= TARGET_VS_PER_ROW ? "met" : "MISSED", Harness.ratio(vsLoadCsv, 1), TARGET_VS_LOAD_CSV,
					vsLoadCsv >= TARGET_VS_LOAD_CSV ? "met" : "MISSED"));
			boolean bulkTargetSize = size.label().equals("M") || size.label().equals("L");
			verdicts.add(String.format("- %s: bulk load %s LOAD CSV end to end%s, %s the importer; %s end to end%s.",
					size.label(), Harness.ratio(bulkVsLoadCsv, 1),
					bulkTargetSize ? String.format(" (target ≥ %.0f×: %s)", TARGET_BULK_VS_LOAD_CSV,
							bulkVsLoadCsv >= TARGET_BULK_VS_LOAD_CSV ? "met" : "MISSED") : "",
					Harness.ratio(bulkVsImporter, 1), seconds(typicalBulk.total()),
					size.label().equals("L") ? String.format(" (target ≤ %d s: %s)", TARGET_BULK_L.toSeconds(),
							typicalBulk.total().compareTo(TARGET_BULK_L) <= 0 ? "met" : "MISSED") : ""));
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
		bulkTable.note("Bulk load (`import DIR --bulk`): the same validation, the batch importer's CSV files written from "
				+ "the load plan, Neo4j's batch importer writing a new store in place of the (empty, closed) database, the "
				+ "application started on it (the schema migrations create the constraints and indexes and wait for them "
				+ "to populate), and the run finished (empty lists the importer cannot write, the import run's record, its "
				+ "audit entry). End to end starts, as the importer's, with the application already running on the empty "
				+ "database, and ends with the run recorded.");
		bulkTable.note("× LOAD CSV = LOAD CSV's time / the bulk load's; × importer = the importer's time / the bulk load's "
				+ "(above 1: the bulk load is faster).");
		memory.note("Batch importer's peak memory: what the importer itself reports (mostly off-heap, outside -Xmx). "
				+ "Importer's files: the CSV files written for it (deleted after). Store on disk: the database folder "
				+ "after the load (store files, indexes, transaction logs, the system database).");
		return List.of(datasets, table, bulkTable, memory);
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

	private static List<String> bulkRow(BenchSize size, Harness.Measured<BulkLoad> bulk, BulkLoad typical,
			double vsLoadCsv, double vsImporter) {
		return List.of(size.label(), runs(bulk.stats().n(), size), seconds(bulk.stats().median()),
				seconds(typical.prepare()), seconds(typical.importer()), seconds(typical.reopen()),
				seconds(typical.finish()), fmt(typical.nodes()), fmt(typical.rels()),
				Double.isNaN(vsLoadCsv) ? "–" : Harness.ratio(vsLoadCsv, 1),
				Double.isNaN(vsImporter) ? "–" : Harness.ratio(vsImporter, 1));
	}

	/**
	 * The bulk load into a fresh database, as {@code import DIR --bulk} does it: validate and write the
	 * importer's files with the application on the empty database, stop it, run the batch importer on
	 * its folder, start the application on the new store (schema migrations) and finish the run.
	 */
	static BulkLoad bulkLoad(BenchContext context, Path dir) {
		Path home = BenchDatabase.newHome(context.workDir().resolve("db"));
		Path files = home.resolveSibling(home.getFileName() + "-bulk-files");
		BenchDatabase db = context.database(home, null, false);
		try (HeapWatcher heap = HeapWatcher.start()) {
			long started = System.nanoTime();
			ImportService.BulkPrepared prepared;
			try {
				prepared = db.bean(ImportService.class).prepareBulk(DatasetSource.fromDirectory(dir), files);
			}
			finally {
				db.stop();
			}
			if (prepared.run() == null) {
				throw new IllegalStateException("bulk load of " + dir + " ended " + prepared.invalid().status() + ": "
						+ prepared.invalid().problems().stream().limit(5).map(p -> p.format()).toList());
			}
			long csvBytes = BenchDatabase.size(files);
			long prepareDone = System.nanoTime();
			BulkImporter.Outcome outcome = BulkImporter.run(home, "neo4j", prepared.run().files(), null);
			if (!outcome.succeeded()) {
				throw new IllegalStateException("the batch importer failed:\n" + outcome.output());
			}
			long imported = System.nanoTime();
			BenchDatabase.delete(files);
			try (BenchDatabase loaded = context.database(home, null, false)) {
				long reopened = System.nanoTime();
				ImportReport report = loaded.bean(ImportService.class).finishBulk(prepared.run(), Actor.SYSTEM,
						Duration.ofNanos(reopened - started));
				long finished = System.nanoTime();
				HeapWatcher.Peak peak = heap.peak();
				context.log().printf("    bulk load: validation + files %.1f s, batch importer %.1f s, start + schema %.1f s, "
						+ "finish %.1f s%n", (prepareDone - started) / 1e9, (imported - prepareDone) / 1e9,
						(reopened - imported) / 1e9, (finished - reopened) / 1e9);
				long storeBytes = BenchDatabase.size(home);
				String memory = outcome.summary().stream().filter(line -> line.startsWith("Peak memory usage"))
					.map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse("?");
				return new BulkLoad(Duration.ofNanos(finished - started), Duration.ofNanos(prepareDone - started),
						Duration.ofNanos(imported - prepareDone), Duration.ofNanos(reopened - imported),
						Duration.ofNanos(finished - reopened),
						report.files().stream().mapToLong(FileSummary::nodesCreated).sum(),
						report.files().stream().mapToLong(FileSummary::relsCreated).sum(), peak, memory, csvBytes,
						storeBytes);
			}
		}
		finally {
			BenchDatabase.delete(files);
			BenchDatabase.delete(home);
		}
	}

	static String megabytes(long bytes) {
		return (bytes < 0) ? "?" : String.format("%,d MB", bytes / (1024 * 1024));
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
