package io.chaingraph.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.chaingraph.importing.ImportProgress;
import io.chaingraph.importing.ImportReport;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.support.DatasetDir;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.HttpGraphQl;
import io.chaingraph.support.SecuredIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;


import static org.assertj.core.api.Assertions.assertThat;

/** Every write leaves a :Change with who, when, what and the values before and after. */
class AuditTest extends SecuredIntegrationTest {

	static final String CHANGES = """
			query($id: ID, $since: DateTime, $first: Int, $after: String) {
			  changes(entityId: $id, since: $since, first: $first, after: $after) {
			    edges { cursor node { id at actor role operation label entityId targetId before after changedFields version } }
			    pageInfo { hasNextPage endCursor }
			  }
			}""";

	static final JsonMapper JSON = JsonMapper.builder().build();

	private JsonNode changes(Map<String, Object> variables) {
		HttpGraphQl.Response response = this.http.post(VIEWER, CHANGES, variables);
		assertThat(response.errors().isMissingNode() || response.errors().isEmpty()).as(response.text()).isTrue();
		return response.data().path("changes");
	}

	@Test
	void mutationsRecordWhoWhenWhatBeforeAndAfter() {
		String start = this.graph.one("RETURN toString(datetime()) AS now", Map.of(), r -> r.get("now").asString()).orElseThrow();
		this.http.post(EDITOR, "mutation { createEnterprise(input: {id: \"a1\", name: \"审计\", employees: 5}) { id } }");
		this.http.post(ADMIN, "mutation { updateEnterprise(id: \"a1\", expectedVersion: 1, input: {employees: 7, parkId: \"P\"}) { id } }");
		this.http.post(EDITOR, "mutation { linkEnterpriseToNode(enterpriseId: \"a1\", nodeId: \"A\", weight: 0.5) { version } }");
		this.http.post(ADMIN, "mutation { deleteEnterprise(id: \"a1\", expectedVersion: 2) { id } }");
		JsonNode edges = changes(Map.of("id", "a1")).path("edges");
		assertThat(edges).hasSize(4);
		JsonNode delete = edges.path(0).path("node");
		JsonNode link = edges.path(1).path("node");
		JsonNode update = edges.path(2).path("node");
		JsonNode create = edges.path(3).path("node");
		assertThat(create.path("operation").asString()).isEqualTo("CREATE");
		assertThat(create.path("actor").asString()).isEqualTo("editor");
		assertThat(create.path("role").asString()).isEqualTo("EDITOR");
		assertThat(create.path("label").asString()).isEqualTo("Enterprise");
		assertThat(create.path("before").isNull()).isTrue();
		assertThat(JSON.readTree(create.path("after").asString()).path("employees").asInt()).isEqualTo(5);
		assertThat(create.path("version").asInt()).isEqualTo(1);

		assertThat(update.path("actor").asString()).isEqualTo("admin");
		assertThat(JSON.readTree(update.path("before").asString()).path("employees").asInt()).isEqualTo(5);
		assertThat(JSON.readTree(update.path("after").asString()).path("employees").asInt()).isEqualTo(7);
		assertThat(JSON.readTree(update.path("after").asString()).path("parkId").asString()).isEqualTo("P");
		assertThat(update.path("changedFields").toString()).isEqualTo("[\"employees\",\"parkId\"]");
		assertThat(update.path("version").asInt()).isEqualTo(2);

		assertThat(link.path("operation").asString()).isEqualTo("LINK");
		assertThat(link.path("label").asString()).isEqualTo("OPERATES_IN");
		assertThat(link.path("targetId").asString()).isEqualTo("A");
		assertThat(JSON.readTree(link.path("after").asString()).path("weight").asDouble()).isEqualTo(0.5);

		assertThat(delete.path("operation").asString()).isEqualTo("DELETE");
		assertThat(delete.path("after").isNull()).isTrue();
		assertThat(JSON.readTree(delete.path("before").asString()).path("employees").asInt()).isEqualTo(7);
		assertThat(delete.path("at").asString()).isGreaterThanOrEqualTo(start.substring(0, 19));

		// the link is also found from its other end; since and paging narrow the list
		assertThat(changes(Map.of("id", "A")).path("edges")).hasSize(1);
		JsonNode page = changes(Map.of("id", "a1", "first", 3));
		assertThat(page.path("edges")).hasSize(3);
		assertThat(page.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
		JsonNode rest = changes(Map.of("id", "a1", "first", 3, "after", page.path("pageInfo").path("endCursor").asString()));
		assertThat(rest.path("edges")).hasSize(1);
		assertThat(rest.path("edges").path(0).path("node").path("operation").asString()).isEqualTo("CREATE");
		assertThat(changes(Map.of("id", "a1", "since", "2999-01-01T00:00:00Z")).path("edges")).isEmpty();
		HttpGraphQl.Response badCursor = this.http.post(VIEWER, CHANGES, Map.of("after", "nonsense"));
		assertThat(badCursor.classification()).isEqualTo("BAD_REQUEST");
	}

	@Test
	void refusedMutationsLeaveNoChange() {
		this.http.post(EDITOR, "mutation { updatePark(id: \"P\", expectedVersion: 5, input: {region: \"x\"}) { id } }");
		this.http.post(VIEWER, "mutation { updatePark(id: \"P\", expectedVersion: 0, input: {region: \"x\"}) { id } }");
		assertThat(changes(Map.of()).path("edges")).isEmpty();
	}

	@Test
	void importRunsAreRecorded(@TempDir Path dir) {
		new Fixtures(this.graph).wipe();
		ImportReport report = this.imports.run(DatasetSource.fromDirectory(new DatasetDir(dir).write()), false,
				ImportProgress.NONE, Actor.CLI);
		JsonNode edges = changes(Map.of("id", report.runId())).path("edges");
		assertThat(edges).hasSize(1);
		JsonNode change = edges.path(0).path("node");
		assertThat(change.path("operation").asString()).isEqualTo("IMPORT");
		assertThat(change.path("actor").asString()).isEqualTo("cli");
		assertThat(change.path("label").asString()).isEqualTo("ImportRun");
		JsonNode after = JSON.readTree(change.path("after").asString());
		assertThat(after.path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(after.path("nodesCreated").asLong())
			.isEqualTo(report.files().stream().mapToLong(f -> f.nodesCreated()).sum()).isPositive();
		// entities the import wrote carry version 1, and a re-run changes no version
		assertThat(this.graph.one("MATCH (n:Entity {id: 't-e1'}) RETURN n.version AS v", Map.of(), r -> r.get("v").asLong())
			.orElseThrow()).isEqualTo(1L);
		this.imports.run(DatasetSource.fromDirectory(dir), false, ImportProgress.NONE, Actor.CLI);
		assertThat(this.graph.list("MATCH (n:Entity) WHERE n.version <> 1 RETURN n.id AS id", Map.of(),
				r -> r.get("id").asString())).isEqualTo(List.of());
	}

}
