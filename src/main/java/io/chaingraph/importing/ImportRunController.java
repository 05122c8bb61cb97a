package io.chaingraph.importing;

import java.util.List;
import java.util.Map;

import io.chaingraph.common.Props;
import io.chaingraph.config.Graph;
import org.neo4j.driver.Record;
import org.neo4j.driver.types.Node;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class ImportRunController {

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static final int MAX_RUNS = 500;

	private final Graph graph;

	ImportRunController(Graph graph) {
		this.graph = graph;
	}

	@QueryMapping
	List<ImportRun> importRuns(@Argument int first) {
		if (first < 0 || first > MAX_RUNS) {
			throw new IllegalArgumentException("first must be between 0 and " + MAX_RUNS + ", was " + first);
		}
		return this.graph.list("MATCH (r:ImportRun) RETURN r ORDER BY r.started DESC LIMIT $first",
				Map.of("first", first), ImportRunController::map);
	}

	@QueryMapping
	ImportRun importRun(@Argument String id) {
		return this.graph.one("MATCH (r:ImportRun {id: $id}) RETURN r", Map.of("id", id), ImportRunController::map)
			.orElse(null);
	}

	private static ImportRun map(Record record) {
		Node r = record.get("r").asNode();
		String summary = Props.str(r, "summary");
		List<FileSummary> files = (summary == null) ? List.of()
				: JSON.readValue(summary, new TypeReference<List<FileSummary>>() {
				});
		return new ImportRun(Props.str(r, "id"), Props.str(r, "dataset"), ImportStatus.valueOf(Props.str(r, "status")),
				r.get("started").isNull() ? null : r.get("started").asZonedDateTime().toOffsetDateTime().toString(),
				r.get("finished").isNull() ? null : r.get("finished").asZonedDateTime().toOffsetDateTime().toString(),
				Props.strings(r, "checksums"), r.get("rows").asLong(0), r.get("rowsDone").asLong(0), files,
				Props.str(r, "error"));
	}

}
