package io.chaingraph.importing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chaingraph.common.Props;
import io.chaingraph.config.Graph;
import io.chaingraph.dataset.Problem;
import io.chaingraph.importing.load.FileSummary;
import io.chaingraph.importing.load.RowChange;
import org.neo4j.driver.Record;
import org.neo4j.driver.types.Node;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Repository;

/** Reads {@code :ImportRun} nodes for the GraphQL API and the upload endpoint. */
@Repository
public class ImportRuns {

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final Graph graph;

	private final RunQueue queue;

	ImportRuns(Graph graph, RunQueue queue) {
		this.graph = graph;
		this.queue = queue;
	}

	List<ImportRun> newest(int first) {
		return this.graph.list("MATCH (r:ImportRun) RETURN r ORDER BY r.started DESC LIMIT $first",
				Map.of("first", first), this::map);
	}

	/**
	 * A keyset page of runs, newest first (start time, then id, both descending): up to {@code limit} runs
	 * after the run with this start ({@code toString} of the stored datetime) and id, each with its start as
	 * the cursor needs it.
	 */
	List<Keyed> page(String afterStarted, String afterId, int limit) {
		Map<String, Object> parameters = new java.util.HashMap<>();
		parameters.put("afterStarted", afterStarted);
		parameters.put("afterId", afterId);
		parameters.put("limit", limit);
		return this.graph.list("""
				MATCH (r:ImportRun)
				WHERE $afterStarted IS NULL OR r.started < datetime($afterStarted)
				      OR (r.started = datetime($afterStarted) AND r.id < $afterId)
				RETURN r, toString(r.started) AS startedKey ORDER BY r.started DESC, r.id DESC LIMIT $limit""",
				parameters, r -> new Keyed(map(r), r.get("startedKey").asString("")));
	}

	long count() {
		return this.graph.one("MATCH (r:ImportRun) RETURN count(r) AS n", Map.of(), r -> r.get("n").asLong()).orElse(0L);
	}

	/** A run and its start time as stored (its cursor's key). */
	record Keyed(ImportRun run, String started) {
	}

	public Optional<ImportRun> find(String id) {
		return this.graph.one("MATCH (r:ImportRun {id: $id}) RETURN r", Map.of("id", id), this::map);
	}

	private ImportRun map(Record record) {
		Node r = record.get("r").asNode();
		String summary = Props.str(r, "summary");
		List<FileSummary> files = (summary == null) ? List.of()
				: JSON.readValue(summary, new TypeReference<List<FileSummary>>() {
				});
		String problems = Props.str(r, "problems");
		List<ImportRun.ImportProblem> problemList = (problems == null) ? List.of()
				: JSON.readValue(problems, new TypeReference<List<Problem>>() {
				}).stream().map(ImportRun.ImportProblem::of).toList();
		String changes = Props.str(r, "changes");
		List<ImportRun.ImportChange> changeList = (changes == null) ? List.of()
				: JSON.readValue(changes, new TypeReference<List<RowChange>>() {
				}).stream().map(ImportRun.ImportChange::of).toList();
		ImportStatus status = ImportStatus.valueOf(Props.str(r, "status"));
		String id = Props.str(r, "id");
		return new ImportRun(id, Props.str(r, "dataset"), status,
				r.get("started").isNull() ? null : r.get("started").asZonedDateTime().toOffsetDateTime().toString(),
				r.get("finished").isNull() ? null : r.get("finished").asZonedDateTime().toOffsetDateTime().toString(),
				Props.strings(r, "checksums"), r.get("rows").asLong(0), r.get("rowsDone").asLong(0), files,
				Props.str(r, "error"), Props.str(r, "actor"), r.get("dryRun").asBoolean(false),
				(status == ImportStatus.QUEUED) ? this.queue.position(id) : null, problemList, Props.str(r, "report"),
				changeList, r.get("changesNotListed").asLong(0));
	}

}
