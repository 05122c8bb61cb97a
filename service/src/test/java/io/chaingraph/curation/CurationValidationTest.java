package io.chaingraph.curation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.chaingraph.dataset.Problem;
import io.chaingraph.importing.ImportProgress;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.support.GraphChecksum;
import io.chaingraph.support.HttpGraphQl;
import io.chaingraph.support.SecuredIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule a mutation is checked by gives a field-level BAD_REQUEST error and writes nothing; the
 * message is the one the importer gives for the same record (one shared rule set).
 */
class CurationValidationTest extends SecuredIntegrationTest {

	@TempDir
	Path dir;

	/** (mutation, variables, field, exact message). */
	static List<Arguments> rules() {
		String createE = "mutation($i: EnterpriseInput!) { createEnterprise(input: $i) { id } }";
		String createP = "mutation($i: PlatformInput!) { createPlatform(input: $i) { id } }";
		String createN = "mutation($i: ChainNodeInput!) { createChainNode(input: $i) { id } }";
		String createPark = "mutation($i: ParkInput!) { createPark(input: $i) { id } }";
		return List.of(
				Arguments.of(createE, Map.of("i", Map.of("id", "n1", "name", " ")), "name", "required value is empty"),
				Arguments.of(createE, Map.of("i", Map.of("id", "n1", "name", "x", "creditCode", "91330300MA2CQKXN3A")),
						"creditCode", "'91330300MA2CQKXN3A': check digit is 'A' but should be 'R' (GB 32100-2015)"),
				Arguments.of(createE, Map.of("i", Map.of("id", "n1", "name", "x", "creditCode", "123")), "creditCode",
						"'123': must be 18 characters, has 3"),
				Arguments.of(createE, Map.of("i", Map.of("id", "n1", "name", "x", "parkId", "nope")), "parkId",
						"unknown park 'nope' (neither in this dataset nor in the graph)"),
				Arguments.of(createE, Map.of("i", Map.of("id", "n1", "name", "x", "parkId", "A")), "parkId",
						"'A' is a chain segment, expected a park"),
				Arguments.of(createE, Map.of("i", Map.of("id", "e1", "name", "x")), "id",
						"a enterprise with id 'e1' already exists"),
				Arguments.of(createE, Map.of("i", Map.of("id", "P", "name", "x")), "id",
						"id 'P' already exists in the graph as a Park ('园区P'); ids must be unique across all labels"),
				Arguments.of(createP, Map.of("i", Map.of("id", "n1", "name", "x", "kind", "LAB")), "kind",
						"未知取值 unknown value 'LAB'; 可选 expected one of 研发 RESEARCH, 算力 COMPUTING, 孵化器 INCUBATOR, 基金 FUND, "
								+ "公共服务 SERVICE, 检验检测 TESTING, 数据 DATA"),
				Arguments.of(createP, Map.of("i", Map.of("id", "n1", "name", "x", "level", "county")), "level",
						"未知取值 unknown value 'county'; 可选 expected one of 国家级 NATIONAL, 省级 PROVINCIAL, 市级 MUNICIPAL"),
				Arguments.of(createN, Map.of("i", Map.of("id", "n1", "chainId", "C2", "name", "x", "parentId", "B")),
						"parentId", "parent segment 'B' belongs to chain 'C', this segment to 'C2'"),
				Arguments.of(createN, Map.of("i", Map.of("id", "n1", "chainId", "P", "name", "x")), "chainId",
						"'P' is a park, expected a chain"),
				Arguments.of("mutation { updatePark(id: \"P\", expectedVersion: 0, input: {parentId: \"PS\"}) { id } }",
						Map.of(), "parentId", "PART_OF cycle: P → PS → P"),
				Arguments.of("mutation { updateChainNode(id: \"B\", expectedVersion: 0, input: {parentId: \"B\"}) { id } }",
						Map.of(), "parentId", "PART_OF cycle: B → B"),
				Arguments.of(createPark, Map.of("i", Map.of("id", "n1", "name", "x", "parentId", "e1")), "parentId",
						"'e1' is a enterprise, expected a park"),
				Arguments.of("mutation { linkEnterpriseToNode(enterpriseId: \"e1\", nodeId: \"A\", weight: 1.5) { version } }",
						Map.of(), "weight", "1.5 is outside 0..1"),
				Arguments.of("mutation { linkEnterpriseToNode(enterpriseId: \"e1\", nodeId: \"A\", confidence: -0.1) { version } }",
						Map.of(), "confidence", "-0.1 is outside 0..1"),
				Arguments.of("mutation { linkEnterpriseToNode(enterpriseId: \"A\", nodeId: \"B\") { version } }", Map.of(),
						"enterpriseId", "'A' is a chain segment, expected a enterprise"),
				Arguments.of("mutation { addSupply(supplierId: \"e1\", customerId: \"e1\") { version } }", Map.of(),
						"customerId", "an enterprise cannot supply itself ('e1')"),
				Arguments.of("mutation { addSupply(supplierId: \"e1\", customerId: \"ghost\") { version } }", Map.of(),
						"customerId", "unknown enterprise 'ghost' (neither in this dataset nor in the graph)"),
				Arguments.of("mutation { linkChainNodes(fromId: \"A\", toId: \"A\") { version } }", Map.of(), "toId",
						"FEEDS self-loop: 'A' feeds itself"),
				Arguments.of("mutation { linkPlatform(platformId: \"pl1\", targetId: \"e1\", kind: SERVES) { version } }",
						Map.of(), "targetId", "'e1' is a enterprise, expected a chain segment for kind SERVES"),
				Arguments.of("mutation { updateEnterprise(id: \"e1\", expectedVersion: -1, input: {}) { id } }", Map.of(),
						"expectedVersion", "must be 0 or more, was -1"));
	}

	@ParameterizedTest(name = "{2}: {3}")
	@MethodSource("rules")
	void refusedWithAFieldError(String document, Map<String, ?> variables, String field, String message) {
		String before = GraphChecksum.dump(this.graph);
		HttpGraphQl.Response response = this.http.post(EDITOR, document, variables);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.errors()).as(response.text()).hasSize(1);
		assertThat(response.classification()).isEqualTo("BAD_REQUEST");
		assertThat(response.errors().path(0).path("extensions").path("field").asString()).isEqualTo(field);
		assertThat(response.errors().path(0).path("message").asString()).isEqualTo(field + ": " + message);
		assertThat(GraphChecksum.dump(this.graph)).isEqualTo(before);
		assertThat(this.graph.one("MATCH (c:Change) RETURN count(c) AS n", Map.of(), r -> r.get("n").asLong())
			.orElseThrow()).isZero();
	}

	@Test
	void everyProblemOfAnInputIsReported() {
		HttpGraphQl.Response response = this.http.post(EDITOR,
				"mutation($i: EnterpriseInput!) { createEnterprise(input: $i) { id } }", Map.of("i",
						Map.of("id", "n1", "name", "", "creditCode", "X", "parkId", "nope")));
		List<String> fields = new ArrayList<>();
		response.errors().forEach(e -> fields.add(e.path("extensions").path("field").asString()));
		assertThat(fields).containsExactly("name", "creditCode");
		// references are checked once the record itself is valid
		HttpGraphQl.Response refs = this.http.post(EDITOR,
				"mutation($i: EnterpriseInput!) { createEnterprise(input: $i) { id } }",
				Map.of("i", Map.of("id", "n1", "name", "x", "parkId", "nope")));
		assertThat(refs.errors().path(0).path("extensions").path("field").asString()).isEqualTo("parkId");
	}

	/** The importer, given the same records, reports the same messages: the rules are one component. */
	@Test
	void theImporterGivesTheSameMessages() throws Exception {
		java.nio.file.Files.writeString(this.dir.resolve("enterprises.csv"), """
				id,name,creditCode,aliases,parkId,region,tags,founded,employees,revenue,description,source
				n1,x,91330300MA2CQKXN3A,,,,,,,,,
				n2,x2,,,A,,,,,,,
				""");
		java.nio.file.Files.writeString(this.dir.resolve("enterprise_nodes.csv"), """
				enterpriseId,nodeId,weight,confidence,source
				e1,A,1.5,,
				""");
		java.nio.file.Files.writeString(this.dir.resolve("platform_links.csv"), """
				platformId,targetId,kind,since,source
				pl1,e1,SERVES,,
				""");
		List<String> importer = this.imports.run(DatasetSource.fromDirectory(this.dir), true, ImportProgress.NONE)
			.problems()
			.stream()
			.filter(Problem::isError)
			.map(p -> p.column() + ": " + p.message())
			.sorted()
			.toList();
		List<String> curation = new ArrayList<>();
		for (var rule : List.of(
				Map.of("i", Map.of("id", "n1", "name", "x", "creditCode", "91330300MA2CQKXN3A")),
				Map.of("i", Map.of("id", "n2", "name", "x2", "parkId", "A")))) {
			curation.add(this.http.post(EDITOR, "mutation($i: EnterpriseInput!) { createEnterprise(input: $i) { id } }",
					rule).errors().path(0).path("message").asString());
		}
		curation.add(this.http.post(EDITOR,
				"mutation { linkEnterpriseToNode(enterpriseId: \"e1\", nodeId: \"A\", weight: 1.5) { version } }")
			.errors().path(0).path("message").asString());
		curation.add(this.http.post(EDITOR,
				"mutation { linkPlatform(platformId: \"pl1\", targetId: \"e1\", kind: SERVES) { version } }")
			.errors().path(0).path("message").asString());
		assertThat(curation.stream().sorted().toList()).isEqualTo(importer);
	}

}
