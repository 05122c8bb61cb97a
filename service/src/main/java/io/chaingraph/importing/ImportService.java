package io.chaingraph.importing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import io.chaingraph.assignment.SegmentAssigner;
import io.chaingraph.audit.Actor;
import io.chaingraph.audit.AuditLog;
import io.chaingraph.config.Graph;
import io.chaingraph.importing.load.BatchWriters;
import io.chaingraph.importing.load.FileSummary;
import io.chaingraph.importing.load.PlanLoader;
import io.chaingraph.importing.load.RowChange;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.importing.validate.DatasetValidator;
import io.chaingraph.importing.validate.LoadPlan;
import io.chaingraph.importing.validate.LoadPlan.Step;
import org.neo4j.driver.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Validates a dataset in full, then loads it in batches ({@code UNWIND $rows ... MERGE}, values
 * only as parameters, nodes before relationships). Every row carries a fingerprint of its
 * properties, so a re-run writes nothing for unchanged rows and a run that died half-way is
 * completed by running the same dataset again. Each loading run is kept as an {@code :ImportRun}.
 * The steps are subpackages (read: the files; validate: the checks and the load plan; load: the
 * writing); this class runs them and keeps the run's bookkeeping.
 */
@Service
public class ImportService {

	private static final Logger log = LoggerFactory.getLogger(ImportService.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A RUNNING import whose heartbeat is older than this belongs to a dead process. */
	public static final Duration STALE_AFTER = Duration.ofSeconds(30);

	/** How often a loading run records that it is alive. */
	public static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(2);

	private final Graph graph;

	private final AuditLog audit;

	private final int batchSize;

	private final Duration batchTimeout;

	private final int writers;

	/** Runs marked INTERRUPTED in this process that no import report has named yet. */
	private final List<String> unreported = new ArrayList<>();

	/** Proposes chain segments after a committed import; null: none proposed. */
	private final SegmentAssigner segments;

	@Autowired
	ImportService(Graph graph, AuditLog audit, ImportProperties properties, SegmentAssigner segments) {
		this(graph, audit, properties.batchSize(), properties.batchTimeout(), properties.writers(), segments);
	}

	ImportService(Graph graph, AuditLog audit, int batchSize, Duration batchTimeout, int writers) {
		this(graph, audit, batchSize, batchTimeout, writers, null);
	}

	private ImportService(Graph graph, AuditLog audit, int batchSize, Duration batchTimeout, int writers,
			SegmentAssigner segments) {
		if (writers < 1) {
			throw new IllegalArgumentException("chaingraph.import.writers must be at least 1, was " + writers);
		}
		this.graph = graph;
		this.audit = audit;
		this.batchSize = batchSize;
		this.batchTimeout = batchTimeout;
		this.writers = writers;
		this.segments = segments;
	}

	public ImportReport run(DatasetSource source, boolean dryRun, ImportProgress progress) {
		return run(source, dryRun, progress, this.batchSize, Actor.SYSTEM);
	}

	public ImportReport run(DatasetSource source, boolean dryRun, ImportProgress progress, Actor actor) {
		return run(source, dryRun, progress, this.batchSize, actor);
	}

	public ImportReport run(DatasetSource source, boolean dryRun, ImportProgress progress, int batchSize) {
		return run(source, dryRun, progress, batchSize, Actor.SYSTEM);
	}

	/**
	 * Validates and (unless {@code dryRun}) loads the dataset; a loading run is recorded in the audit
	 * trail as one IMPORT change by {@code actor}.
	 */
	public ImportReport run(DatasetSource source, boolean dryRun, ImportProgress progress, int batchSize,
			Actor actor) {
		return execute(source, dryRun, progress, batchSize, actor, null);
	}

	/**
	 * Records a run that will start later (an upload waiting for its turn) as an {@code :ImportRun}
	 * in status QUEUED, and returns its id. {@link #runRegistered} runs it.
	 */
	public String register(String dataset, boolean dryRun, Actor actor) {
		String runId = "import-" + UUID.randomUUID();
		this.graph.write("""
				CREATE (r:ImportRun {id: $id, dataset: $dataset, status: 'QUEUED', dryRun: $dryRun, actor: $actor,
				        started: datetime(), heartbeat: datetime(), checksums: [], rows: 0, rowsDone: 0})""",
				Map.of("id", runId, "dataset", dataset, "dryRun", dryRun, "actor", actor.name()));
		return runId;
	}

	/**
	 * Runs a {@link #register registered} run: like {@link #run}, but every outcome (invalid with its
	 * problems, dry run, loaded, failed) is kept on that run's node, with the report the import
	 * command would print.
	 */
	public ImportReport runRegistered(String runId, DatasetSource source, boolean dryRun, ImportProgress progress,
			Actor actor) {
		return execute(source, dryRun, progress, this.batchSize, actor, runId);
	}

	/** Ends a registered run that could not run at all (status FAILED or INTERRUPTED, with why). */
	public void abandon(String runId, ImportStatus status, String error) {
		this.graph.write("""
				MATCH (r:ImportRun {id: $id}) WHERE r.status IN ['QUEUED', 'RUNNING']
				SET r.status = $status, r.finished = datetime(), r.error = $error""",
				Map.of("id", runId, "status", status.name(), "error", error));
	}

	private ImportReport execute(DatasetSource source, boolean dryRun, ImportProgress progress, int batchSize,
			Actor actor, String registered) {
		if (batchSize < 1) {
			throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
		}
		long started = System.nanoTime();
		if (registered != null) {
			this.graph.write("""
					MATCH (r:ImportRun {id: $id})
					SET r.status = 'RUNNING', r.started = datetime(), r.heartbeat = datetime(), r.name = $name""",
					Map.of("id", registered, "name", source.name()));
		}
		List<String> recovered = dryRun ? List.of() : recoveredSinceLastRun();
		DatasetValidator.Result validation = DatasetValidator.validate(source, this.graph);
		if (validation.hasErrors()) {
			ImportReport report = new ImportReport(registered, source.location(), dryRun, ImportStatus.INVALID,
					validation.problems(), List.of(), List.of(), elapsed(started), recovered);
			finishRegistered(report, List.of());
			return report;
		}
		LoadPlan plan = validation.plan();
		if (dryRun) {
			List<RowChange> changes = new ArrayList<>();
			long[] notListed = { 0 };
			List<FileSummary> files = loader().compare(plan, this.batchSize, change -> {
				if (changes.size() < ImportReport.CHANGES_LISTED) {
					changes.add(change);
				}
				else {
					notListed[0]++;
				}
			});
			ImportReport report = new ImportReport(registered, source.location(), true, ImportStatus.DRY_RUN,
					validation.problems(), files, plan.nameVariants(), elapsed(started), recovered, List.copyOf(changes),
					notListed[0]);
			finishRegistered(report, checksums(plan));
			return report;
		}
		String runId = (registered != null) ? registered : "import-" + UUID.randomUUID();
		this.graph.write("""
				MERGE (r:ImportRun {id: $id})
				SET r.dataset = $dataset, r.name = $name, r.checksums = $checksums, r.started = datetime(),
				    r.heartbeat = datetime(), r.status = 'RUNNING', r.rows = $rows, r.rowsDone = 0, r.actor = $actor,
				    r.dryRun = false, r.problems = $problems""",
				Map.of("id", runId, "dataset", source.location(), "name", source.name(), "checksums", checksums(plan),
						"rows", plan.rowsPerFile().values().stream().mapToLong(Integer::longValue).sum(), "actor",
						actor.name(), "problems", json(validation.problems())));
		Map<String, FileSummary> files = new LinkedHashMap<>();
		plan.rowsPerFile().forEach((file, rows) -> files.put(file, new FileSummary(file, rows, 0, 0, 0, 0, 0, 0, 0)));
		long total = plan.steps().stream().mapToLong(Step::size).sum();
		long datasetRows = plan.rowsPerFile().values().stream().mapToLong(Integer::longValue).sum();
		// the progress counts dataset rows, as the summary's total does: each batch of step rows advances it
		// by its share (the loader writes a file's nodes, then each of its relationship types)
		progress.start(datasetRows);
		// step rows written so far, time of the last heartbeat
		long[] done = { 0, System.nanoTime() };
		// each batch is written on a writer thread; its outcome is counted here, on this thread, in order
		Consumer<BatchWriters.Written> count = written -> {
			files.merge(written.file(), written.summary(), FileSummary::plus);
			long shownBefore = rowsDone(done[0], total, datasetRows);
			done[0] += written.rows();
			if (System.nanoTime() - done[1] > HEARTBEAT_EVERY.toNanos()) {
				this.graph.write("MATCH (r:ImportRun {id: $id}) SET r.heartbeat = datetime(), r.rowsDone = $done",
						Map.of("id", runId, "done", rowsDone(done[0], total, datasetRows)));
				done[1] = System.nanoTime();
			}
			progress.advance(written.file(), rowsDone(done[0], total, datasetRows) - shownBefore);
		};
		try {
			// returns or throws only once nothing of this run is writing any more
			loader().load(plan, runId, batchSize, count);
		}
		catch (RuntimeException ex) {
			progress.finish();
			// (clears the flag, so that the outcome can still be written)
			boolean interrupted = Thread.interrupted() || ex instanceof PlanLoader.ImportInterruptedException;
			ImportStatus status = interrupted ? ImportStatus.INTERRUPTED : ImportStatus.FAILED;
			// in dataset rows, as the progress and the summary count them
			long rowsWritten = rowsDone(done[0], total, datasetRows);
			log.error("Import {} of {} {} after {} of {} rows: {}", runId, source.location(),
					interrupted ? "was interrupted" : "failed", rowsWritten, datasetRows, ex.toString());
			log.debug("Import failure", ex);
			String error = interrupted ? "the service stopped during the import after " + rowsWritten + " of "
					+ datasetRows + " rows; run the same import again to complete it" : String.valueOf(ex.getMessage());
			try {
				this.graph.write("""
						MATCH (r:ImportRun {id: $id})
						SET r.status = $status, r.finished = datetime(), r.error = $error, r.summary = $summary,
						    r.rowsDone = $done""",
						Map.of("id", runId, "status", status.name(), "error", error, "summary", json(files.values()), "done",
								rowsDone(done[0], total, datasetRows)));
				Map<String, Object> failed = totals(new ArrayList<>(files.values()));
				failed.put("status", status.name());
				failed.put("dataset", source.location());
				failed.put("error", error);
				this.audit.record(actor, "IMPORT", "ImportRun", runId, failed);
			}
			catch (RuntimeException bookkeeping) {
				// the database itself is gone: the run stays RUNNING until a later run or start marks it INTERRUPTED
				ex.addSuppressed(bookkeeping);
				log.warn("Import {}: the failure could not be recorded either ({})", runId, bookkeeping.toString());
			}
			throw new ImportFailedException("Import " + runId + (interrupted ? " was interrupted" : " failed")
					+ " after " + rowsWritten + " of " + datasetRows
					+ " rows; the graph holds a partial load. Run the same import again to complete it.", ex);
		}
		progress.finish();
		List<FileSummary> summaries = new ArrayList<>(files.values());
		int proposed = proposeSegments(runId);
		ImportReport report = new ImportReport(runId, source.location(), false, ImportStatus.SUCCEEDED,
				validation.problems(), summaries, plan.nameVariants(), elapsed(started), recovered, List.of(), 0, proposed);
		Map<String, Object> totals = totals(summaries);
		totals.put("id", runId);
		totals.put("summary", json(summaries));
		totals.put("warnings", validation.problems().size());
		totals.put("nameVariants", plan.nameVariants().size());
		totals.put("segmentProposals", proposed);
		totals.put("report", ReportPrinter.text(report));
		this.graph.write("""
				MATCH (r:ImportRun {id: $id})
				SET r.status = 'SUCCEEDED', r.finished = datetime(), r.heartbeat = datetime(), r.summary = $summary,
				    r.rowsDone = r.rows, r.report = $report,
				    r.nodesCreated = $nodesCreated, r.nodesUpdated = $nodesUpdated, r.nodesUnchanged = $nodesUnchanged,
				    r.relsCreated = $relsCreated, r.relsUpdated = $relsUpdated, r.relsUnchanged = $relsUnchanged,
				    r.relsRemoved = $relsRemoved, r.warnings = $warnings, r.nameVariants = $nameVariants,
				    r.segmentProposals = $segmentProposals""", totals);
		Map<String, Object> audited = totals(summaries);
		audited.put("status", ImportStatus.SUCCEEDED.name());
		audited.put("dataset", source.location());
		audited.put("checksums", checksums(plan));
		this.audit.record(actor, "IMPORT", "ImportRun", runId, audited);
		return report;
	}

	/**
	 * Segment proposals for enterprises without a segment (docs/importing.md, "Chain assignment"); the
	 * import is committed already, so a failure here is logged and leaves it as it is.
	 */
	private int proposeSegments(String runId) {
		if (this.segments == null) {
			return 0;
		}
		try {
			return this.segments.propose(runId);
		}
		catch (RuntimeException ex) {
			log.warn("Import {}: no chain segments were proposed: {}", runId, ex.toString());
			return 0;
		}
	}

	/**
	 * The first half of a bulk load ({@code import --bulk}, docs/importing.md): refuses a graph that
	 * holds anything but its schema records ({@link NotEmptyException}), validates the dataset exactly as
	 * {@link #run} does, and writes the batch importer's files into {@code dir} with a {@link BulkRun}
	 * beside them. An invalid dataset gives its report (status INVALID) and no files. Nothing is written
	 * to the graph.
	 */
	public BulkPrepared prepareBulk(DatasetSource source, java.nio.file.Path dir) {
		long started = System.nanoTime();
		String startedAt = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).toString();
		long held = heldNodes();
		if (held > 0) {
			throw new NotEmptyException(held);
		}
		DatasetValidator.Result validation = DatasetValidator.validate(source, this.graph);
		if (validation.hasErrors()) {
			return new BulkPrepared(new ImportReport(null, source.location(), false, ImportStatus.INVALID,
					validation.problems(), List.of(), List.of(), elapsed(started), List.of()), null);
		}
		LoadPlan plan = validation.plan();
		String runId = "import-" + UUID.randomUUID();
		io.chaingraph.importing.bulk.BulkFiles.Written files = io.chaingraph.importing.bulk.BulkFiles.write(plan, dir,
				runId);
		io.chaingraph.importing.bulk.BulkRun run = new io.chaingraph.importing.bulk.BulkRun(runId, source.location(),
				source.name(), startedAt, checksums(plan),
				plan.rowsPerFile().values().stream().mapToLong(Integer::longValue).sum(), validation.problems(),
				plan.nameVariants(), files);
		run.save(dir);
		return new BulkPrepared(null, run);
	}

	/**
	 * The second half of a bulk load, on the store the batch importer wrote (the schema migrations
	 * applied when the service started on it): sets the empty lists the importer cannot write, then
	 * records the run as {@link #run} does (its {@code :ImportRun}, status SUCCEEDED, with the summary a
	 * transactional import of the same dataset into an empty graph gives, and one IMPORT change in the
	 * audit trail by {@code actor}).
	 *
	 * @param elapsed the time the load took before this step (validation, files, importer)
	 */
	public ImportReport finishBulk(io.chaingraph.importing.bulk.BulkRun run, Actor actor, Duration elapsed) {
		long started = System.nanoTime();
		if (this.graph.one("MATCH (r:ImportRun {id: $id}) RETURN r.id", Map.of("id", run.runId()), r -> r).isPresent()) {
			throw new IllegalStateException("bulk load " + run.runId() + " was finished already");
		}
		long entities = this.graph.one("MATCH (n:Entity) RETURN count(n) AS n", Map.of(), r -> r.get("n").asLong())
			.orElse(0L);
		if (entities != run.files().nodeCount()) {
			throw new IllegalStateException("图中有 " + entities + " 个实体，导入文件有 " + run.files().nodeCount()
					+ " 个 the graph holds " + entities + " entities where the importer's files hold "
					+ run.files().nodeCount() + ": was the store written from these files?");
		}
		Duration timeout = Duration.ofHours(1);
		// labels, types and keys as parameters too (dynamic property access); every entity is an :Entity
		run.files().emptyNodeLists().forEach((label, keys) -> keys.forEach(key -> this.graph.writeInTransactions("""
				MATCH (n:Entity) WHERE $label IN labels(n) AND n[$key] IS NULL
				CALL (n) { SET n[$key] = [] } IN TRANSACTIONS OF 10000 ROWS""", Map.of("label", label, "key", key),
				timeout)));
		run.files().emptyRelationshipLists().forEach((type, keys) -> keys.forEach(key -> this.graph.writeInTransactions("""
				MATCH ()-[r]->() WHERE type(r) = $type AND r[$key] IS NULL
				CALL (r) { SET r[$key] = [] } IN TRANSACTIONS OF 10000 ROWS""", Map.of("type", type, "key", key),
				timeout)));
		List<FileSummary> summaries = run.files().summaries();
		// the run's record first: segment proposals come from it, as after a transactional import
		this.graph.write("CREATE (:ImportRun {id: $id, status: 'RUNNING'})", Map.of("id", run.runId()));
		int proposed = proposeSegments(run.runId());
		ImportReport report = new ImportReport(run.runId(), run.dataset(), false, ImportStatus.SUCCEEDED, run.problems(),
				summaries, run.nameVariants(), elapsed.plus(elapsed(started)), List.of(), List.of(), 0, proposed);
		Map<String, Object> totals = totals(summaries);
		totals.put("id", run.runId());
		totals.put("dataset", run.dataset());
		totals.put("name", run.name());
		totals.put("checksums", run.checksums());
		totals.put("started", run.started());
		totals.put("rows", run.rows());
		totals.put("actor", actor.name());
		totals.put("problems", json(run.problems()));
		totals.put("summary", json(summaries));
		totals.put("warnings", run.problems().size());
		totals.put("nameVariants", run.nameVariants().size());
		totals.put("report", ReportPrinter.text(report));
		totals.put("segmentProposals", proposed);
		this.graph.write("""
				MATCH (r:ImportRun {id: $id})
				SET r += {dataset: $dataset, name: $name, checksums: $checksums,
				        started: datetime($started), heartbeat: datetime(), finished: datetime(), status: 'SUCCEEDED',
				        rows: $rows, rowsDone: $rows, actor: $actor, dryRun: false, problems: $problems,
				        summary: $summary, report: $report,
				        nodesCreated: $nodesCreated, nodesUpdated: $nodesUpdated, nodesUnchanged: $nodesUnchanged,
				        relsCreated: $relsCreated, relsUpdated: $relsUpdated, relsUnchanged: $relsUnchanged,
				        relsRemoved: $relsRemoved, warnings: $warnings, nameVariants: $nameVariants,
				        segmentProposals: $segmentProposals}""", totals);
		Map<String, Object> audited = totals(summaries);
		audited.put("status", ImportStatus.SUCCEEDED.name());
		audited.put("dataset", run.dataset());
		audited.put("checksums", run.checksums());
		this.audit.record(actor, "IMPORT", "ImportRun", run.runId(), audited);
		return report;
	}

	/**
	 * Nodes other than the service's own records (the schema's {@code :SchemaMigration}, the gap statistics'
	 * {@code :GapStats}, counted again on the next start, the pinyin keys' {@code :NameKeys}, written at every
	 * start, and what the gap history derives from the graph): none in an empty graph.
	 */
	public long heldNodes() {
		return this.graph.one("""
				MATCH (n) WHERE NOT (n:SchemaMigration OR n:GapStats OR n:GapStatsMeta OR n:NameKeys
				  OR n:GapSnapshot OR n:LatestGapSnapshot OR n:ParkMembers)
				RETURN count(n) AS held""", Map.of(),
				r -> r.get("held").asLong()).orElse(0L);
	}

	/**
	 * The outcome of {@link #prepareBulk}: {@code invalid}, the report of a dataset with errors, or
	 * {@code run}, what the importer is to load.
	 */
	public record BulkPrepared(ImportReport invalid, io.chaingraph.importing.bulk.BulkRun run) {
	}

	/** A bulk load asked for on a graph that holds something already. */
	public static class NotEmptyException extends RuntimeException {

		private final long nodes;

		NotEmptyException(long nodes) {
			super("数据库不是空的（已有 " + nodes + " 个节点）：--bulk 只能导入空数据库；已有数据的图请用不带 --bulk 的 import 更新 "
					+ "the database is not empty (" + nodes + " nodes): --bulk loads only into an empty database; "
					+ "update a populated graph with import without --bulk");
			this.nodes = nodes;
		}

		public long nodes() {
			return this.nodes;
		}

	}

	/**
	 * Progress in dataset rows: the loader writes {@code total} step rows (a file's nodes, then each of
	 * its relationship types), so the rows done are that share of the dataset's rows.
	 */
	private static long rowsDone(long done, long total, long datasetRows) {
		return (total == 0) ? 0 : Math.min(datasetRows, done * datasetRows / total);
	}

	/** An invalid or dry run of a registered upload: its outcome, problems and printed report. */
	private void finishRegistered(ImportReport report, List<String> checksums) {
		if (report.runId() == null) {
			return;
		}
		this.graph.write("""
				MATCH (r:ImportRun {id: $id})
				SET r.status = $status, r.finished = datetime(), r.heartbeat = datetime(), r.problems = $problems,
				    r.summary = $summary, r.report = $report, r.checksums = $checksums, r.rows = $rows,
				    r.rowsDone = $rowsDone, r.dataset = $dataset, r.changes = $changes,
				    r.changesNotListed = $changesNotListed""",
				Map.ofEntries(Map.entry("id", report.runId()), Map.entry("status", report.status().name()),
						Map.entry("problems", json(report.problems())), Map.entry("summary", json(report.files())),
						Map.entry("report", ReportPrinter.text(report)), Map.entry("checksums", checksums),
						Map.entry("rows", report.rows()), Map.entry("rowsDone", report.dryRun() ? report.rows() : 0),
						Map.entry("dataset", report.dataset()), Map.entry("changes", json(report.changes())),
						Map.entry("changesNotListed", report.changesNotListed())));
	}

	private PlanLoader loader() {
		return new PlanLoader(this.graph, this.batchTimeout, this.writers);
	}

	private static List<String> checksums(LoadPlan plan) {
		return plan.checksums().entrySet().stream().map(e -> e.getKey() + " sha256:" + e.getValue()).toList();
	}

	/**
	 * Marks runs left RUNNING (or QUEUED, for uploads) by a dead process (no heartbeat for
	 * {@code staleAfter}) as INTERRUPTED and returns their ids. Re-running their dataset completes
	 * the graph.
	 */
	public List<String> recoverInterrupted(Duration staleAfter) {
		List<String> ids = new ArrayList<>();
		for (Record record : this.graph.write("""
				MATCH (r:ImportRun) WHERE r.status IN ['RUNNING', 'QUEUED']
				  AND r.heartbeat <= datetime() - duration({milliseconds: $staleMs})
				SET r.status = 'INTERRUPTED', r.finished = r.heartbeat,
				    r.error = coalesce(r.error, 'the process stopped before this import ' +
				      CASE r.rowsDone WHEN 0 THEN 'wrote anything' ELSE 'finished' END + '; run it again')
				RETURN r.id AS id, r.dataset AS dataset, r.rowsDone AS done, r.rows AS rows""",
				Map.of("staleMs", staleAfter.toMillis())).records()) {
			ids.add(record.get("id").asString());
			log.warn("Import run {} of {} was interrupted after {} of {} rows; run the same import again to complete it",
					record.get("id").asString(), record.get("dataset").asString(), record.get("done"),
					record.get("rows"));
		}
		synchronized (this.unreported) {
			this.unreported.addAll(ids);
		}
		return ids;
	}

	/**
	 * Recovers stale runs and returns them with those recovered earlier in this process and not yet
	 * reported (the start-up recovers before the first run: an import command's report still names them).
	 */
	private List<String> recoveredSinceLastRun() {
		recoverInterrupted(STALE_AFTER);
		synchronized (this.unreported) {
			List<String> ids = List.copyOf(this.unreported);
			this.unreported.clear();
			return ids;
		}
	}

	private static Map<String, Object> totals(List<FileSummary> files) {
		Map<String, Object> totals = new HashMap<>();
		totals.put("nodesCreated", files.stream().mapToLong(FileSummary::nodesCreated).sum());
		totals.put("nodesUpdated", files.stream().mapToLong(FileSummary::nodesUpdated).sum());
		totals.put("nodesUnchanged", files.stream().mapToLong(FileSummary::nodesUnchanged).sum());
		totals.put("relsCreated", files.stream().mapToLong(FileSummary::relsCreated).sum());
		totals.put("relsUpdated", files.stream().mapToLong(FileSummary::relsUpdated).sum());
		totals.put("relsUnchanged", files.stream().mapToLong(FileSummary::relsUnchanged).sum());
		totals.put("relsRemoved", files.stream().mapToLong(FileSummary::relsRemoved).sum());
		return totals;
	}

	private static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	private static Duration elapsed(long startedNanos) {
		return Duration.ofNanos(System.nanoTime() - startedNanos);
	}

	/** Loading failed half-way; the message says how to complete it. */
	public static class ImportFailedException extends RuntimeException {

		ImportFailedException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
