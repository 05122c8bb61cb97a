package io.chaingraph.importing.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.chaingraph.config.Graph;
import io.chaingraph.dataset.EntityRecords;
import io.chaingraph.importing.validate.LoadPlan;
import io.chaingraph.importing.validate.LoadPlan.NodeRow;
import io.chaingraph.importing.validate.LoadPlan.NodeStep;
import io.chaingraph.importing.validate.LoadPlan.RelRow;
import io.chaingraph.importing.validate.LoadPlan.RelStep;
import io.chaingraph.importing.validate.LoadPlan.Step;
import org.neo4j.driver.Record;

/**
 * Writes a validated dataset's load plan into the graph in batches ({@code UNWIND $rows ... MERGE},
 * values only as parameters, nodes before relationships), or compares it with the graph for a dry
 * run. Every row carries a fingerprint of its properties, so unchanged rows are not written. The
 * run's bookkeeping (its {@code :ImportRun}, heartbeat, progress, audit) is the caller's.
 */
public final class PlanLoader {

	private final Graph graph;

	private final Duration batchTimeout;

	private final int writers;

	/**
	 * @param batchTimeout the transaction timeout of one batch
	 * @param writers threads writing batches side by side ({@link BatchWriters})
	 */
	public PlanLoader(Graph graph, Duration batchTimeout, int writers) {
		this.graph = graph;
		this.batchTimeout = batchTimeout;
		this.writers = writers;
	}

	/**
	 * Writes the plan's steps in order, {@code batchSize} rows a batch, each row stamped with
	 * {@code runId}; each batch's outcome is handed to {@code done} on this thread, in order. Stops
	 * before the next batch when this thread is interrupted ({@link ImportInterruptedException}). It
	 * returns or throws only once nothing of this run is writing any more.
	 */
	public void load(LoadPlan plan, String runId, int batchSize, Consumer<BatchWriters.Written> done) {
		// closing the writers waits for the batches still being written (each within its timeout), so a
		// failure is recorded only once nothing of this run is writing any more
		try (BatchWriters writers = new BatchWriters(this.writers, done)) {
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
	}

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

	/** The stored records of a batch's ids (read after they are locked when writing). */
	private static final String READ_NODES = """
			UNWIND $ids AS id
			MATCH (n:%1$s {id: id})
			RETURN n.id AS id, properties(n) AS props""";

	// Labels and relationship types below come from LoadPlan's constants, never from input.
	/** Created and changed records, merged with the stored ones in Java ({@link #mergeNodes}). */
	private static final String WRITE_NODES = """
			UNWIND $rows AS row
			MERGE (n:%1$s:Entity {id: row.id})
			SET n = row.props, n.importRun = $run, n.version = row.version""";

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

	private static final String READ_RELS = """
			UNWIND $rows AS row
			MATCH (:%1$s {id: row.from})-[r:%3$s]->(:%2$s {id: row.to})
			RETURN row.from AS from, row.to AS to, properties(r) AS props""";

	private static final String WRITE_RELS = """
			UNWIND $rows AS row
			MATCH (a:%1$s {id: row.from})
			MATCH (b:%2$s {id: row.to})
			MERGE (a)-[r:%3$s]->(b)
			SET r = row.props, r.importRun = $run, r.version = row.version""";

	/** The end nodes of the rows whose relationship is not there yet (MERGE will create it). */
	private static final String MISSING_ENDS = """
			UNWIND $rows AS row
			MATCH (a:%1$s {id: row.from})
			MATCH (b:%2$s {id: row.to})
			WHERE NOT EXISTS { (a)-[:%3$s]->(b) }
			RETURN collect(DISTINCT b.id) AS ids""";

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
			this.graph.inWriteTransaction(tx -> {
				// lock first, then compare and bump the version: a concurrent edit is never overwritten
				// under its own version number (see LOCK)
				tx.run(LOCK, Map.of("ids", ids)).consume();
				Merged merged = mergeNodes(step, known, storedNodes(step.label(), ids, (cypher, params) -> tx.run(cypher,
						params).list()), false);
				if (!merged.writes().isEmpty()) {
					tx.run(WRITE_NODES.formatted(step.label()), Map.of("rows", merged.writes(), "run", runId)).consume();
				}
				return merged.counts();
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
			List<Map<String, Object>> rows = known.stream().filter(r -> r.to() != null).map(PlanLoader::relParams)
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
							Map.of("rows", known.stream().map(PlanLoader::relParams).toList())).single().get("n").asLong());
				}
				if (!rows.isEmpty()) {
					List<RelRow> targeted = known.stream().filter(r -> r.to() != null).toList();
					Merged merged = mergeRels(step, targeted, storedRels(step, rows, (cypher, params) -> tx.run(cypher,
							params).list()), false);
					if (!merged.writes().isEmpty()) {
						tx.run(WRITE_RELS.formatted(step.fromLabel(), step.toLabel(), step.type()),
								Map.of("rows", merged.writes(), "run", runId)).consume();
					}
					result.putAll(merged.counts());
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

	/**
	 * Dry run: what each file would create, update, leave unchanged or remove; each record it would
	 * update goes to {@code changes} with its fields (old → new), in file order.
	 */
	public List<FileSummary> compare(LoadPlan plan, int batchSize, Consumer<RowChange> changes) {
		Map<String, FileSummary> files = new LinkedHashMap<>();
		plan.rowsPerFile().forEach((file, rows) -> files.put(file, new FileSummary(file, rows, 0, 0, 0, 0, 0, 0, 0)));
		Reader read = (cypher, params) -> this.graph.list(cypher, params, r -> r);
		for (Step step : plan.steps()) {
			forEachBatch(step, batchSize, batch -> {
				FileSummary counts;
				if (step instanceof NodeStep nodes) {
					List<NodeRow> slice = cast(batch);
					Merged merged = mergeNodes(nodes, slice,
							storedNodes(nodes.label(), slice.stream().map(NodeRow::id).toList(), read), true);
					merged.changes().forEach(changes);
					counts = nodeSummary(step.file(), merged.counts());
				}
				else {
					RelStep rels = (RelStep) step;
					List<RelRow> slice = cast(batch);
					long removed = rels.single() ? this.graph.list(COUNT_STALE.formatted(rels.fromLabel(), rels.toLabel(),
							rels.type()), Map.of("rows", slice.stream().map(PlanLoader::relParams).toList()),
							r -> r.get("n").asLong()).get(0) : 0;
					List<RelRow> targeted = slice.stream().filter(r -> r.to() != null).toList();
					Map<String, Long> status = Map.of();
					if (!targeted.isEmpty()) {
						Merged merged = mergeRels(rels, targeted,
								storedRels(rels, targeted.stream().map(PlanLoader::relParams).toList(), read), true);
						merged.changes().forEach(changes);
						status = merged.counts();
					}
					counts = relSummary(step.file(), status, removed);
				}
				files.merge(step.file(), counts, FileSummary::plus);
			});
		}
		return new ArrayList<>(files.values());
	}

	/** Runs a read statement: in the batch's write transaction, or on its own for a dry run. */
	@FunctionalInterface
	private interface Reader {

		List<Record> run(String cypher, Map<String, Object> parameters);

	}

	/** A batch merged with the stored records: counts by status, the rows to write, the changes (dry run). */
	private record Merged(Map<String, Long> counts, List<Map<String, Object>> writes, List<RowChange> changes) {
	}

	private static Map<String, Map<String, Object>> storedNodes(String label, List<String> ids, Reader read) {
		Map<String, Map<String, Object>> stored = new HashMap<>();
		for (Record record : read.run(READ_NODES.formatted(label), Map.of("ids", ids))) {
			stored.put(record.get("id").asString(), record.get("props").asMap());
		}
		return stored;
	}

	private static Map<List<String>, Map<String, Object>> storedRels(RelStep step, List<Map<String, Object>> rows,
			Reader read) {
		Map<List<String>, Map<String, Object>> stored = new HashMap<>();
		for (Record record : read.run(READ_RELS.formatted(step.fromLabel(), step.toLabel(), step.type()),
				Map.of("rows", rows))) {
			stored.putIfAbsent(List.of(record.get("from").asString(), record.get("to").asString()),
					record.get("props").asMap());
		}
		return stored;
	}

	/**
	 * Each row against its stored record: none (created with the row's properties), or merged with it
	 * ({@link EntityRecords#mergeNode}: columns the file does not have keep their stored values),
	 * unchanged when the merged record's fingerprint is the stored one.
	 */
	private static Merged mergeNodes(NodeStep step, List<NodeRow> rows, Map<String, Map<String, Object>> stored,
			boolean listChanges) {
		Map<String, Long> counts = new HashMap<>();
		List<Map<String, Object>> writes = new ArrayList<>();
		List<RowChange> changes = new ArrayList<>();
		for (NodeRow row : rows) {
			Map<String, Object> old = stored.get(row.id());
			if (old == null) {
				counts.merge("created", 1L, Long::sum);
				writes.add(Map.of("id", row.id(), "props", row.props(), "version", 1L));
				continue;
			}
			Map<String, Object> merged = EntityRecords.mergeNode(step.label(), old, row.props(), row.present());
			if (merged.get("fingerprint").equals(old.get("fingerprint"))) {
				counts.merge("unchanged", 1L, Long::sum);
				continue;
			}
			counts.merge("updated", 1L, Long::sum);
			writes.add(Map.of("id", row.id(), "props", merged, "version", version(old) + 1));
			if (listChanges) {
				changes.add(RowChange.of(step.file(), row.line(), row.id(), EntityRecords.recordKeys(step.label()), old,
						merged));
			}
		}
		return new Merged(counts, writes, changes);
	}

	/** {@link #mergeNodes} for relationships (rows with a target only). */
	private static Merged mergeRels(RelStep step, List<RelRow> rows, Map<List<String>, Map<String, Object>> stored,
			boolean listChanges) {
		Map<String, Long> counts = new HashMap<>();
		List<Map<String, Object>> writes = new ArrayList<>();
		List<RowChange> changes = new ArrayList<>();
		List<String> keys = EntityRecords.relKeys(step.columns()).stream().filter(k -> !k.equals("fingerprint")).toList();
		for (RelRow row : rows) {
			Map<String, Object> old = stored.get(List.of(row.from(), row.to()));
			Map<String, Object> write = new HashMap<>();
			write.put("from", row.from());
			write.put("to", row.to());
			if (old == null) {
				counts.merge("created", 1L, Long::sum);
				write.put("props", row.props());
				write.put("version", 1L);
				writes.add(write);
				continue;
			}
			Map<String, Object> merged = EntityRecords.mergeRel(old, row.props(), row.present(), step.columns());
			if (merged.get("fingerprint").equals(old.get("fingerprint"))) {
				counts.merge("unchanged", 1L, Long::sum);
				continue;
			}
			counts.merge("updated", 1L, Long::sum);
			write.put("props", merged);
			write.put("version", version(old) + 1);
			writes.add(write);
			if (listChanges) {
				changes.add(RowChange.of(step.file(), row.line(), row.from() + " → " + row.to() + " (" + step.type() + ")",
						keys, old, merged));
			}
		}
		return new Merged(counts, writes, changes);
	}

	private static long version(Map<String, Object> stored) {
		return (stored.get("version") instanceof Number n) ? n.longValue() : 0;
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

	private static Map<String, Object> relParams(RelRow row) {
		Map<String, Object> params = new HashMap<>();
		params.put("from", row.from());
		params.put("to", row.to());
		params.put("props", row.props());
		return params;
	}

	private static FileSummary nodeSummary(String file, Map<String, Long> c) {
		return new FileSummary(file, 0, c.getOrDefault("created", 0L), c.getOrDefault("updated", 0L),
				c.getOrDefault("unchanged", 0L), 0, 0, 0, 0);
	}

	private static FileSummary relSummary(String file, Map<String, Long> c, long removed) {
		return new FileSummary(file, 0, 0, 0, 0, c.getOrDefault("created", 0L), c.getOrDefault("updated", 0L),
				c.getOrDefault("unchanged", 0L), removed);
	}

	/** The thread running an import was interrupted (the service is stopping). */
	public static class ImportInterruptedException extends RuntimeException {

		ImportInterruptedException() {
			super("the service stopped during the import");
		}

	}

}
