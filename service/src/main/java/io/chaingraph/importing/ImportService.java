package io.chaingraph.importing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.chaingraph.audit.Actor;
import io.chaingraph.audit.AuditLog;
import io.chaingraph.config.Graph;
import io.chaingraph.dataset.EntityRecords;
import io.chaingraph.importing.load.BatchWriters;
import io.chaingraph.importing.load.FileSummary;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.importing.validate.DatasetValidator;
import io.chaingraph.importing.validate.LoadPlan;
import io.chaingraph.importing.validate.LoadPlan.NodeRow;
import io.chaingraph.importing.validate.LoadPlan.NodeStep;
import io.chaingraph.importing.validate.LoadPlan.RelRow;
import io.chaingraph.importing.validate.LoadPlan.RelStep;
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

	@Autowired
	ImportService(Graph graph, AuditLog audit, ImportProperties properties) {
		this(graph, audit, properties.batchSize(), properties.batchTimeout(), properties.writers());
	}

	ImportService(Graph graph, AuditLog audit, int batchSize, Duration batchTimeout, int writers) {
		if (writers < 1) {
			throw new IllegalArgumentException("chaingraph.import.writers must be at least 1, was " + writers);
		}
		this.graph = graph;
		this.audit = audit;
		this.batchSize = batchSize;
		this.batchTimeout = batchTimeout;
		this.writers = writers;
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
		DatasetValidator.Result validation = DatasetValidator.validate(source, new GraphLookups());
		if (validation.hasErrors()) {
			ImportReport report = new ImportReport(registered, source.location(), dryRun, ImportStatus.INVALID,
					validation.problems(), List.of(), List.of(), elapsed(started), recovered);
			finishRegistered(report, List.of());
			return report;
		}
		LoadPlan plan = validation.plan();
		if (dryRun) {
			List<FileSummary> files = compare(plan);
			ImportReport report = new ImportReport(registered, source.location(), true, ImportStatus.DRY_RUN,
					validation.problems(), files, plan.nameVariants(), elapsed(started), recovered);
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
		progress.start(total);
		// rows written so far, time of the last heartbeat
		long[] done = { 0, System.nanoTime() };
		// each batch is written on a writer thread; its outcome is counted here, on this thread, in order
		Consumer<BatchWriters.Written> count = written -> {
			files.merge(written.file(), written.summary(), FileSummary::plus);
			done[0] += written.rows();
			if (System.nanoTime() - done[1] > HEARTBEAT_EVERY.toNanos()) {
				this.graph.write("MATCH (r:ImportRun {id: $id}) SET r.heartbeat = datetime(), r.rowsDone = $done",
						Map.of("id", runId, "done", rowsDone(done[0], total, datasetRows)));
				done[1] = System.nanoTime();
			}
			progress.advance(written.file(), written.rows());
		};
		// closing the writers waits for the batches still being written (each within its timeout), so a
		// failure is recorded only once nothing of this run is writing any more
		try (BatchWriters writers = new BatchWriters(this.writers, count)) {
			for (Step step : plan.steps()) {
				// one batch of typed rows at a time, read from the files again (see LoadPlan)
				forEachBatch(step, batchSize, batch -> {
					if (Thread.currentThread().isInterrupted()) {
						throw new ImportInterruptedException();
					}
					writers.submit(step.file(), batch.size(), () -> (step instanceof NodeStep nodes)
							? writeNodes(nodes, cast(batch), runId) : writeRels((RelStep) step, cast(batch), runId));
				});
				// the next step reads what this one wrote (relationships find their nodes)
				writers.awaitAll();
			}
		}
		catch (RuntimeException ex) {
			progress.finish();
			// (clears the flag, so that the outcome can still be written)
			boolean interrupted = Thread.interrupted() || ex instanceof ImportInterruptedException;
			ImportStatus status = interrupted ? ImportStatus.INTERRUPTED : ImportStatus.FAILED;
			log.error("Import {} of {} {} after {} of {} rows: {}", runId, source.location(),
					interrupted ? "was interrupted" : "failed", done[0], total, ex.toString());
			log.debug("Import failure", ex);
			String error = interrupted ? "the service stopped during the import after " + done[0] + " of " + total
					+ " writes; run the same import again to complete it" : String.valueOf(ex.getMessage());
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
					+ " after " + done[0] + " of " + total
					+ " rows; the graph holds a partial load. Run the same import again to complete it.", ex);
		}
		progress.finish();
		List<FileSummary> summaries = new ArrayList<>(files.values());
		ImportReport report = new ImportReport(runId, source.location(), false, ImportStatus.SUCCEEDED,
				validation.problems(), summaries, plan.nameVariants(), elapsed(started), recovered);
		Map<String, Object> totals = totals(summaries);
		totals.put("id", runId);
		totals.put("summary", json(summaries));
		totals.put("warnings", validation.problems().size());
		totals.put("nameVariants", plan.nameVariants().size());
		totals.put("report", ReportPrinter.text(report));
		this.graph.write("""
				MATCH (r:ImportRun {id: $id})
				SET r.status = 'SUCCEEDED', r.finished = datetime(), r.heartbeat = datetime(), r.summary = $summary,
				    r.rowsDone = r.rows, r.report = $report,
				    r.nodesCreated = $nodesCreated, r.nodesUpdated = $nodesUpdated, r.nodesUnchanged = $nodesUnchanged,
				    r.relsCreated = $relsCreated, r.relsUpdated = $relsUpdated, r.relsUnchanged = $relsUnchanged,
				    r.relsRemoved = $relsRemoved, r.warnings = $warnings, r.nameVariants = $nameVariants""", totals);
		Map<String, Object> audited = totals(summaries);
		audited.put("status", ImportStatus.SUCCEEDED.name());
		audited.put("dataset", source.location());
		audited.put("checksums", checksums(plan));
		this.audit.record(actor, "IMPORT", "ImportRun", runId, audited);
		return report;
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
				    r.rowsDone = $rowsDone, r.dataset = $dataset""",
				Map.of("id", report.runId(), "status", report.status().name(), "problems", json(report.problems()),
						"summary", json(report.files()), "report", ReportPrinter.text(report), "checksums", checksums,
						"rows", report.rows(), "rowsDone", report.dryRun() ? report.rows() : 0, "dataset",
						report.dataset()));
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

	// ---- writing

	/**
	 * Write-locks the nodes of a batch (in id order; for relationships both ends) before they are
	 * compared and written, in the same transaction: the fingerprint and version read next are the
	 * latest committed ones, no curation mutation can commit in between (it locks the same node first,
	 * see CurationService), and writers taking their locks in the same order never deadlock.
	 */
	private static final String LOCK = """
			UNWIND $ids AS id
			MATCH (n:Entity {id: id})
			SET n._lock = true
			REMOVE n._lock""";

	private static final String STATUS = """
			CASE WHEN old IS NULL THEN 'created'
			     WHEN old.fingerprint = row.props.fingerprint THEN 'unchanged' ELSE 'updated' END""";

	// Labels and relationship types below come from LoadPlan's constants, never from input.
	private static final String MERGE_NODES = """
			UNWIND $rows AS row
			OPTIONAL MATCH (old:%1$s {id: row.id})
			WITH row, %2$s AS status, coalesce(old.version, 0) AS version
			MERGE (n:%1$s:Entity {id: row.id})
			FOREACH (_ IN CASE WHEN status = 'unchanged' THEN [] ELSE [1] END |
			  SET n = row.props, n.importRun = $run, n.version = version + 1)
			RETURN status, count(*) AS n""";

	/**
	 * Nodes whose id was not in the graph at validation: nothing to compare with, nothing to lock. Each
	 * row is the list of its values in the order of the label's property keys ({@link Fresh}).
	 */
	private static final String CREATE_NODES = """
			UNWIND $rows AS row
			CREATE (n:%1$s:Entity)
			SET n = %2$s, n.importRun = $run, n.version = 1
			RETURN count(*) AS n""";

	/**
	 * Relationships with an end that was not in the graph at validation: they cannot exist yet. Each
	 * row is [from, to, values in the order of the step's property keys] ({@link Fresh}).
	 */
	private static final String CREATE_RELS = """
			UNWIND $rows AS row
			MATCH (a:%1$s {id: row[0]})
			MATCH (b:%2$s {id: row[1]})
			CREATE (a)-[r:%3$s]->(b)
			SET r = %4$s, r.importRun = $run, r.version = 1
			RETURN count(*) AS n""";

	private static final String COMPARE_NODES = """
			UNWIND $rows AS row
			OPTIONAL MATCH (old:%1$s {id: row.id})
			RETURN %2$s AS status, count(*) AS n""";

	private static final String REMOVE_STALE = """
			UNWIND $rows AS row
			MATCH (:%1$s {id: row.from})-[stale:%3$s]->(b:%2$s)
			WHERE row.to IS NULL OR b.id <> row.to
			DELETE stale
			RETURN count(*) AS n""";

	private static final String COUNT_STALE = """
			UNWIND $rows AS row
			MATCH (:%1$s {id: row.from})-[stale:%3$s]->(b:%2$s)
			WHERE row.to IS NULL OR b.id <> row.to
			RETURN count(*) AS n""";

	private static final String MERGE_RELS = """
			UNWIND $rows AS row
			MATCH (a:%1$s {id: row.from})
			MATCH (b:%2$s {id: row.to})
			OPTIONAL MATCH (a)-[old:%3$s]->(b)
			WITH a, b, row, %4$s AS status, coalesce(old.version, 0) AS version
			MERGE (a)-[r:%3$s]->(b)
			FOREACH (_ IN CASE WHEN status = 'unchanged' THEN [] ELSE [1] END |
			  SET r = row.props, r.importRun = $run, r.version = version + 1)
			RETURN status, count(*) AS n""";

	/** The end nodes of the rows whose relationship is not there yet (MERGE will create it). */
	private static final String MISSING_ENDS = """
			UNWIND $rows AS row
			MATCH (a:%1$s {id: row.from})
			MATCH (b:%2$s {id: row.to})
			WHERE NOT EXISTS { (a)-[:%3$s]->(b) }
			RETURN collect(DISTINCT b.id) AS ids""";

	private static final String COMPARE_RELS = """
			UNWIND $rows AS row
			OPTIONAL MATCH (:%1$s {id: row.from})-[old:%3$s]->(:%2$s {id: row.to})
			RETURN %4$s AS status, count(*) AS n""";

	/**
	 * New ids (absent at validation) are created outright; the others are merged, comparing
	 * fingerprints so that unchanged rows are not written.
	 */
	private FileSummary writeNodes(NodeStep step, List<NodeRow> slice, String runId) {
		Map<String, Long> counts = new HashMap<>();
		List<NodeRow> created = slice.stream().filter(NodeRow::fresh).toList();
		if (!created.isEmpty()) {
			Fresh fresh = Fresh.of(EntityRecords.nodeKeys(step.label()), 0);
			List<List<Object>> rows = created.stream().map(row -> fresh.values(List.of(), row.props())).toList();
			counts.put("created", this.graph.write(CREATE_NODES.formatted(step.label(), fresh.map()),
					Map.of("rows", rows, "run", runId), this.batchTimeout).records().get(0).get("n").asLong());
		}
		List<NodeRow> known = slice.stream().filter(r -> !r.fresh()).toList();
		if (!known.isEmpty()) {
			List<String> ids = known.stream().map(NodeRow::id).sorted().toList();
			List<Map<String, Object>> rows = known.stream().map(ImportService::nodeParams).toList();
			this.graph.inWriteTransaction(tx -> {
				// lock first, then compare and bump the version: a concurrent edit is never overwritten
				// under its own version number (see LOCK)
				tx.run(LOCK, Map.of("ids", ids)).consume();
				return statusCounts(tx.run(MERGE_NODES.formatted(step.label(), STATUS),
						Map.of("rows", rows, "run", runId)).list());
			}, this.batchTimeout).forEach((status, n) -> counts.merge(status, n, Long::sum));
		}
		return nodeSummary(step.file(), counts);
	}

	/**
	 * Relationships with a new end are created outright. The others are merged (fingerprints
	 * compared), after removing the stale ones of single-valued types (a moved enterprise).
	 */
	private FileSummary writeRels(RelStep step, List<RelRow> slice, String runId) {
		Map<String, Long> counts = new HashMap<>();
		List<RelRow> created = slice.stream().filter(r -> r.fresh() && r.to() != null).toList();
		if (!created.isEmpty()) {
			Fresh fresh = Fresh.of(EntityRecords.relKeys(step.columns()), 2);
			List<List<Object>> rows = created.stream()
				.map(row -> fresh.values(List.of(row.from(), row.to()), row.props()))
				.toList();
			counts.put("created", this.graph.write(CREATE_RELS.formatted(step.fromLabel(), step.toLabel(), step.type(),
					fresh.map()), Map.of("rows", rows, "run", runId), this.batchTimeout).records().get(0).get("n").asLong());
		}
		List<RelRow> known = slice.stream().filter(r -> !r.fresh()).toList();
		long removed = 0;
		if (!known.isEmpty()) {
			List<String> starts = known.stream().map(RelRow::from).distinct().toList();
			List<Map<String, Object>> rows = known.stream().filter(r -> r.to() != null).map(ImportService::relParams)
				.toList();
			Map<String, Long> written = this.graph.inWriteTransaction(tx -> {
				// Like the curation mutations, the relationship's start node is locked before it is compared.
				// So is the end node of a relationship that is not there yet: MERGE locks the ends of what it
				// creates, batches share those (segments, parks, suppliers) in different orders, and writers
				// locking them row by row would wait for each other in a cycle. All of a transaction's locks
				// are taken at once, in id order, so no two writers deadlock; a batch that creates nothing
				// (a re-run of unchanged data) locks its start nodes only.
				List<String> ends = rows.isEmpty() ? List.of()
						: tx.run(MISSING_ENDS.formatted(step.fromLabel(), step.toLabel(), step.type()), Map.of("rows", rows))
							.single().get("ids").asList(org.neo4j.driver.Value::asString);
				List<String> ids = Stream.concat(starts.stream(), ends.stream()).distinct().sorted().toList();
				tx.run(LOCK, Map.of("ids", ids)).consume();
				Map<String, Long> result = new HashMap<>();
				if (step.single()) {
					result.put("removed", tx.run(REMOVE_STALE.formatted(step.fromLabel(), step.toLabel(), step.type()),
							Map.of("rows", known.stream().map(ImportService::relParams).toList())).single().get("n").asLong());
				}
				if (!rows.isEmpty()) {
					result.putAll(statusCounts(tx.run(MERGE_RELS.formatted(step.fromLabel(), step.toLabel(), step.type(),
							STATUS), Map.of("rows", rows, "run", runId)).list()));
				}
				return result;
			}, this.batchTimeout);
			removed = written.getOrDefault("removed", 0L);
			written.forEach((status, n) -> {
				if (!status.equals("removed")) {
					counts.merge(status, n, Long::sum);
				}
			});
		}
		return relSummary(step.file(), counts, removed);
	}

	/** Dry run: what each file would create, update, leave unchanged or remove. */
	private List<FileSummary> compare(LoadPlan plan) {
		Map<String, FileSummary> files = new LinkedHashMap<>();
		plan.rowsPerFile().forEach((file, rows) -> files.put(file, new FileSummary(file, rows, 0, 0, 0, 0, 0, 0, 0)));
		for (Step step : plan.steps()) {
			forEachBatch(step, this.batchSize, batch -> {
				FileSummary counts;
				if (step instanceof NodeStep nodes) {
					List<Map<String, Object>> rows = ImportService.<NodeRow>cast(batch).stream()
						.map(ImportService::nodeParams)
						.toList();
					counts = nodeSummary(step.file(), statusCounts(this.graph
						.list(COMPARE_NODES.formatted(nodes.label(), STATUS), Map.of("rows", rows), r -> r)));
				}
				else {
					RelStep rels = (RelStep) step;
					List<RelRow> slice = cast(batch);
					long removed = rels.single() ? this.graph.list(COUNT_STALE.formatted(rels.fromLabel(), rels.toLabel(),
							rels.type()), Map.of("rows", slice.stream().map(ImportService::relParams).toList()),
							r -> r.get("n").asLong()).get(0) : 0;
					List<Map<String, Object>> rows = slice.stream().filter(r -> r.to() != null)
						.map(ImportService::relParams).toList();
					counts = relSummary(step.file(), rows.isEmpty() ? Map.of() : statusCounts(this.graph.list(
							COMPARE_RELS.formatted(rels.fromLabel(), rels.toLabel(), rels.type(), STATUS),
							Map.of("rows", rows), r -> r)), removed);
				}
				files.merge(step.file(), counts, FileSummary::plus);
			});
		}
		return new ArrayList<>(files.values());
	}

	/** The step's rows in batches, read from the dataset's files (one batch in memory at a time). */
	private static void forEachBatch(Step step, int batchSize, Consumer<List<?>> each) {
		if (step instanceof NodeStep nodes) {
			nodes.rows().forEach(batchSize, each::accept);
		}
		else {
			((RelStep) step).rows().forEach(batchSize, each::accept);
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> List<T> cast(List<?> batch) {
		return (List<T>) batch;
	}

	/**
	 * Fresh rows travel as lists of values rather than maps, so that Bolt does not carry (and the
	 * server does not decode) every property's name on every row: the statement builds the map from
	 * the row's positions. The keys are the importer's own constants ({@link EntityRecords}), never
	 * input; a value under any other key would be lost, so it stops the import instead.
	 *
	 * @param keys the property keys, in the order of the values
	 * @param offset where the values start in a row (after the ends of a relationship)
	 */
	private record Fresh(List<String> keys, Set<String> known, int offset) {

		private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9]*");

		static Fresh of(List<String> keys, int offset) {
			keys.forEach(key -> {
				if (!KEY.matcher(key).matches()) {
					throw new IllegalArgumentException("not a property key: " + key);
				}
			});
			return new Fresh(keys, Set.copyOf(keys), offset);
		}

		/** The Cypher map of a row: {@code {key: row[offset], ...}}. */
		String map() {
			StringBuilder map = new StringBuilder("{");
			for (int i = 0; i < this.keys.size(); i++) {
				map.append((i == 0) ? "" : ", ").append(this.keys.get(i)).append(": row[").append(this.offset + i).append(']');
			}
			return map.append('}').toString();
		}

		/** {@code first}, then the values of {@code props} in the keys' order (null where absent). */
		List<Object> values(List<Object> first, Map<String, Object> props) {
			if (!this.known.containsAll(props.keySet())) {
				throw new IllegalStateException("properties " + props.keySet() + " are not all among " + this.keys);
			}
			List<Object> values = new ArrayList<>(first.size() + this.keys.size());
			values.addAll(first);
			for (String key : this.keys) {
				values.add(props.get(key));
			}
			return values;
		}

	}

	private static Map<String, Object> nodeParams(NodeRow row) {
		return Map.of("id", row.id(), "props", row.props());
	}

	private static Map<String, Object> relParams(RelRow row) {
		Map<String, Object> params = new HashMap<>();
		params.put("from", row.from());
		params.put("to", row.to());
		params.put("props", row.props());
		return params;
	}

	private static Map<String, Long> statusCounts(List<Record> records) {
		Map<String, Long> counts = new HashMap<>();
		for (Record record : records) {
			counts.merge(record.get("status").asString(), record.get("n").asLong(), Long::sum);
		}
		return counts;
	}

	private static FileSummary nodeSummary(String file, Map<String, Long> c) {
		return new FileSummary(file, 0, c.getOrDefault("created", 0L), c.getOrDefault("updated", 0L),
				c.getOrDefault("unchanged", 0L), 0, 0, 0, 0);
	}

	private static FileSummary relSummary(String file, Map<String, Long> c, long removed) {
		return new FileSummary(file, 0, 0, 0, 0, c.getOrDefault("created", 0L), c.getOrDefault("updated", 0L),
				c.getOrDefault("unchanged", 0L), removed);
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

	/** The validator's view of the graph: two read statements whatever the dataset's size. */
	private final class GraphLookups implements DatasetValidator.GraphView {

		@Override
		public Map<String, DatasetValidator.Existing> existing(Set<String> ids) {
			Map<String, DatasetValidator.Existing> existing = new HashMap<>();
			ImportService.this.graph.list("""
					UNWIND $ids AS id
					MATCH (n:Entity {id: id})
					RETURN id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name, n.aliases AS aliases""",
					Map.of("ids", List.copyOf(ids)), r -> existing.put(r.get("id").asString(),
							new DatasetValidator.Existing(r.get("label").asString(), r.get("name").asString(""),
									r.get("aliases").isNull() ? List.of() : r.get("aliases").asList(v -> v.asString()))));
			return existing;
		}

		@Override
		public Map<String, List<String>> ancestors(Set<String> ids) {
			Map<String, List<String>> ancestors = new HashMap<>();
			ImportService.this.graph.list("""
					UNWIND $ids AS id
					MATCH (n:Entity {id: id})
					OPTIONAL MATCH path = (n)-[:PART_OF*1..50]->(a)
					WITH id, a, length(path) AS d ORDER BY id, d
					RETURN id, [x IN collect(a.id) WHERE x IS NOT NULL] AS ancestors""",
					Map.of("ids", List.copyOf(ids)),
					r -> ancestors.put(r.get("id").asString(), r.get("ancestors").asList(v -> v.asString())));
			return ancestors;
		}

	}

	/** The thread running an import was interrupted (the service is stopping). */
	static class ImportInterruptedException extends RuntimeException {

		ImportInterruptedException() {
			super("the service stopped during the import");
		}

	}

	/** Loading failed half-way; the message says how to complete it. */
	public static class ImportFailedException extends RuntimeException {

		ImportFailedException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
