package io.chaingraph.curation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.chaingraph.importing.ImportProgress;
import io.chaingraph.importing.ImportReport;
import io.chaingraph.importing.load.FileSummary;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.support.ChainFixture;
import io.chaingraph.support.DatasetDir;
import io.chaingraph.support.HttpGraphQl;
import io.chaingraph.support.SecuredIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;


import static org.assertj.core.api.Assertions.assertThat;

/** Curation mutations against the real graph (ChainFixture), through HTTP with bearer tokens. */
class CurationTest extends SecuredIntegrationTest {

	static final String VALID_CODE = "91330300MA2CQKXN3R";

	private JsonNode ok(String token, String document, Map<String, ?> variables) {
		HttpGraphQl.Response response = this.http.post(token, document, variables);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.errors().isMissingNode() || response.errors().isEmpty()).as(response.text()).isTrue();
		return response.data();
	}

	private Map<String, Object> node(String id) {
		return this.graph.one("MATCH (n:Entity {id: $id}) RETURN properties(n) AS p", Map.of("id", id),
				r -> r.get("p").asMap()).orElse(null);
	}

	private List<String> targets(String id, String type) {
		return this.graph.list("MATCH (:Entity {id: $id})-[r]->(t) WHERE type(r) = $type RETURN t.id AS t ORDER BY t",
				Map.of("id", id, "type", type), r -> r.get("t").asString());
	}

	static final String CREATE_ENTERPRISE = """
			mutation($input: EnterpriseInput!) {
			  createEnterprise(input: $input) { id name aliases creditCode tags founded revenue version park { id } }
			}""";

	static final String UPDATE_ENTERPRISE = """
			mutation($id: ID!, $v: Int!, $input: EnterprisePatch!) {
			  updateEnterprise(id: $id, expectedVersion: $v, input: $input) { id name aliases version park { id } }
			}""";

	@Test
	void createStoresWhatTheImporterStores(@TempDir Path dir) {
		JsonNode created = ok(EDITOR, CREATE_ENTERPRISE, Map.of("input", Map.of("id", "x1", "name", "國技互聯(lián)",
				"creditCode", VALID_CODE, "parkId", "P", "region", "温州", "tags", List.of("LEADING", "LISTED"), "founded",
				2010, "employees", 300, "revenue", 5.5, "source", "report"))).path("createEnterprise");
		assertThat(created.path("version").asInt()).isEqualTo(1);
		assertThat(created.path("park").path("id").asString()).isEqualTo("P");
		Map<String, Object> stored = node("x1");
		assertThat(stored).containsEntry("normName", "国技互联").containsEntry("normText", "国技互联")
			.containsEntry("source", "report").containsEntry("founded", 2010L).containsEntry("revenue", 5.5)
			.containsEntry("version", 1L).containsKey("fingerprint");
		// the same row imported afterwards is recognised as unchanged (same fingerprint, same LOCATED_IN)
		new DatasetDir(dir).reset().without("parks.csv").without("chains.csv").without("chain_nodes.csv")
			.without("chain_links.csv").without("park_chains.csv").without("enterprise_nodes.csv")
			.without("supplies.csv").without("platforms.csv").without("platform_links.csv")
			.with("enterprises.csv", """
					id,name,creditCode,aliases,parkId,region,tags,founded,employees,revenue,description,source
					x1,國技互聯(lián),91330300MA2CQKXN3R,,P,温州,LEADING|LISTED,2010,300,5.5,,report
					""")
			.write();
		ImportReport report = this.imports.run(DatasetSource.fromDirectory(dir), false, ImportProgress.NONE);
		assertThat(report.problems()).isEmpty();
		FileSummary file = report.files().get(0);
		assertThat(file.nodesUnchanged()).isEqualTo(1);
		assertThat(file.nodesUpdated() + file.nodesCreated()).isZero();
		assertThat(file.relsUnchanged()).isEqualTo(1);
		assertThat(node("x1")).containsEntry("version", 1L);
	}

	@Test
	void updateChangesOnlyTheGivenFieldsAndBumpsTheVersion() {
		ok(EDITOR, CREATE_ENTERPRISE, Map.of("input", Map.of("id", "x2", "name", "甲", "parkId", "P", "employees", 10)));
		java.util.HashMap<String, Object> patch = new java.util.HashMap<>();
		patch.put("aliases", List.of("甲公司", " ", "甲公司"));
		patch.put("parkId", "Q");
		patch.put("employees", null);
		JsonNode updated = ok(EDITOR, UPDATE_ENTERPRISE, Map.of("id", "x2", "v", 1, "input", patch))
			.path("updateEnterprise");
		assertThat(updated.path("version").asInt()).isEqualTo(2);
		assertThat(updated.path("aliases").toString()).isEqualTo("[\"甲公司\"]");
		assertThat(targets("x2", "LOCATED_IN")).containsExactly("Q");
		assertThat(node("x2")).containsEntry("name", "甲").doesNotContainKey("employees")
			.containsEntry("normText", "甲 / 甲公司");
		// an update that changes nothing writes nothing
		JsonNode same = ok(EDITOR, UPDATE_ENTERPRISE, Map.of("id", "x2", "v", 2, "input", Map.of("name", "甲")))
			.path("updateEnterprise");
		assertThat(same.path("version").asInt()).isEqualTo(2);
	}

	@Test
	void staleVersionIsRefusedAndNothingIsWritten() {
		ok(EDITOR, CREATE_ENTERPRISE, Map.of("input", Map.of("id", "x3", "name", "乙")));
		ok(EDITOR, UPDATE_ENTERPRISE, Map.of("id", "x3", "v", 1, "input", Map.of("region", "杭州")));
		HttpGraphQl.Response stale = this.http.post(EDITOR2, UPDATE_ENTERPRISE,
				Map.of("id", "x3", "v", 1, "input", Map.of("region", "上海")));
		assertThat(stale.classification()).isEqualTo("CONFLICT");
		assertThat(stale.errors().path(0).path("extensions").path("currentVersion").asInt()).isEqualTo(2);
		assertThat(stale.errors().path(0).path("message").asString())
			.startsWith("enterprise 'x3' has version 2, not the expected 1");
		assertThat(node("x3")).containsEntry("region", "杭州").containsEntry("version", 2L);
		HttpGraphQl.Response staleDelete = this.http.post(ADMIN,
				"mutation { deleteEnterprise(id: \"x3\", expectedVersion: 1) { id } }");
		assertThat(staleDelete.classification()).isEqualTo("CONFLICT");
		assertThat(node("x3")).isNotNull();
	}

	@Test
	void concurrentEditorsLoseNoUpdate() throws Exception {
		ok(EDITOR, CREATE_ENTERPRISE, Map.of("input", Map.of("id", "x4", "name", "丙")));
		int perThread = 8;
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> conflicts = new ArrayList<>();
		for (String token : List.of(EDITOR, EDITOR2)) {
			conflicts.add(pool.submit(() -> {
				start.await();
				int refused = 0;
				for (int i = 0; i < perThread; i++) {
					String alias = token.substring(0, 7) + "-" + i;
					while (true) {
						JsonNode current = this.http.post(token, "{ enterprise(id: \"x4\") { version aliases } }").data()
							.path("enterprise");
						List<String> aliases = new ArrayList<>();
						current.path("aliases").forEach(a -> aliases.add(a.asString()));
						aliases.add(alias);
						HttpGraphQl.Response r = this.http.post(token, UPDATE_ENTERPRISE, Map.of("id", "x4", "v",
								current.path("version").asInt(), "input", Map.of("aliases", aliases)));
						if (r.classification().equals("CONFLICT")) {
							refused++;
							continue;
						}
						assertThat(r.errors().isMissingNode() || r.errors().isEmpty()).as(r.text()).isTrue();
						break;
					}
				}
				return refused;
			}));
		}
		start.countDown();
		int refused = 0;
		for (Future<Integer> f : conflicts) {
			refused += f.get();
		}
		pool.shutdown();
		Map<String, Object> stored = node("x4");
		assertThat((List<?>) stored.get("aliases")).hasSize(2 * perThread);
		assertThat(stored.get("version")).isEqualTo(1L + 2 * perThread);
		// the audit trail has one UPDATE per successful write, none for the refused attempts
		long updates = this.graph.one("MATCH (c:Change {entityId: 'x4', operation: 'UPDATE'}) RETURN count(c) AS n",
				Map.of(), r -> r.get("n").asLong()).orElseThrow();
		assertThat(updates).isEqualTo(2L * perThread);
		System.out.println("concurrentEditorsLoseNoUpdate: " + refused + " stale attempts refused and retried");
	}

	@Test
	void twoWritesAgainstTheSameVersionOneWins() throws Exception {
		ok(EDITOR, CREATE_ENTERPRISE, Map.of("input", Map.of("id", "x5", "name", "丁")));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<HttpGraphQl.Response>> results = new ArrayList<>();
		for (String token : List.of(EDITOR, EDITOR2)) {
			results.add(pool.submit(() -> {
				start.await();
				return this.http.post(token, UPDATE_ENTERPRISE,
						Map.of("id", "x5", "v", 1, "input", Map.of("region", token.substring(0, 7))));
			}));
		}
		start.countDown();
		List<String> outcomes = new ArrayList<>();
		for (Future<HttpGraphQl.Response> f : results) {
			HttpGraphQl.Response r = f.get();
			outcomes.add(r.classification().isEmpty() ? "OK" : r.classification());
		}
		pool.shutdown();
		assertThat(outcomes).containsExactlyInAnyOrder("OK", "CONFLICT");
		assertThat(node("x5")).containsEntry("version", 2L);
	}

	@Test
	void deleteRemovesTheEntityAndItsRelationships() {
		// q1: LOCATED_IN Q, OPERATES_IN E, SUPPLIES e3
		JsonNode deleted = ok(ADMIN, "mutation { deleteEnterprise(id: \"q1\", expectedVersion: 0) { id type relationshipsRemoved } }",
				Map.of()).path("deleteEnterprise");
		assertThat(deleted.path("type").asString()).isEqualTo("Enterprise");
		assertThat(deleted.path("relationshipsRemoved").asInt()).isEqualTo(3);
		assertThat(node("q1")).isNull();
		HttpGraphQl.Response wrongKind = this.http.post(ADMIN, "mutation { deletePark(id: \"e1\", expectedVersion: 0) { id } }");
		assertThat(wrongKind.classification()).isEqualTo("NOT_FOUND");
		assertThat(node("e1")).isNotNull();
	}

	@Test
	void parksPlatformsAndChainNodes() {
		JsonNode park = ok(EDITOR, "mutation($i: ParkInput!) { createPark(input: $i) { id version parent { id } } }",
				Map.of("i", Map.of("id", "P2", "name", "新园区", "parentId", "P", "kind", "PARK"))).path("createPark");
		assertThat(park.path("parent").path("id").asString()).isEqualTo("P");
		JsonNode platform = ok(EDITOR, "mutation($i: PlatformInput!) { createPlatform(input: $i) { id kind level park { id } } }",
				Map.of("i", Map.of("id", "pl9", "name", "平台9", "kind", "research", "level", "NATIONAL", "parkId", "P2")))
			.path("createPlatform");
		assertThat(platform.path("kind").asString()).isEqualTo("RESEARCH");
		JsonNode node = ok(EDITOR, "mutation($i: ChainNodeInput!) { createChainNode(input: $i) { id stage chain { id } parent { id } } }",
				Map.of("i", Map.of("id", "B3", "chainId", "C", "name", "B3段", "stage", "MIDSTREAM", "parentId", "B")))
			.path("createChainNode");
		assertThat(node.path("chain").path("id").asString()).isEqualTo("C");
		assertThat(node.path("parent").path("id").asString()).isEqualTo("B");
		JsonNode moved = ok(EDITOR, "mutation { moveToPark(id: \"pl9\", parkId: \"Q\", expectedVersion: 1) { id type version } }",
				Map.of()).path("moveToPark");
		assertThat(moved.path("version").asInt()).isEqualTo(2);
		assertThat(targets("pl9", "LOCATED_IN")).containsExactly("Q");
		ok(EDITOR, "mutation { moveToPark(id: \"pl9\", parkId: null, expectedVersion: 2) { version } }", Map.of());
		assertThat(targets("pl9", "LOCATED_IN")).isEmpty();
		ok(ADMIN, "mutation { deleteChainNode(id: \"B3\", expectedVersion: 1) { id } }", Map.of());
		ok(ADMIN, "mutation { deletePlatform(id: \"pl9\", expectedVersion: 3) { id } }", Map.of());
		ok(ADMIN, "mutation { deletePark(id: \"P2\", expectedVersion: 1) { id } }", Map.of());
		assertThat(node("B3")).isNull();
		assertThat(node("P2")).isNull();
		assertThat(targets("B", "PART_OF")).isEmpty();
	}

	@Test
	void linksAndUnlinks() {
		JsonNode link = ok(EDITOR, "mutation { linkEnterpriseToNode(enterpriseId: \"e1\", nodeId: \"E\", weight: 0.5, confidence: 0.9) { type version outcome } }",
				Map.of()).path("linkEnterpriseToNode");
		assertThat(link.path("outcome").asString()).isEqualTo("CREATED");
		assertThat(link.path("version").asInt()).isEqualTo(1);
		JsonNode again = ok(EDITOR, "mutation { linkEnterpriseToNode(enterpriseId: \"e1\", nodeId: \"E\", weight: 0.5, confidence: 0.9) { version outcome } }",
				Map.of()).path("linkEnterpriseToNode");
		assertThat(again.path("outcome").asString()).isEqualTo("UNCHANGED");
		HttpGraphQl.Response staleLink = this.http.post(EDITOR,
				"mutation { linkEnterpriseToNode(enterpriseId: \"e1\", nodeId: \"E\", weight: 0.7, expectedVersion: 0) { version } }");
		assertThat(staleLink.classification()).isEqualTo("CONFLICT");
		JsonNode updated = ok(EDITOR, "mutation { linkEnterpriseToNode(enterpriseId: \"e1\", nodeId: \"E\", weight: 0.7, expectedVersion: 1) { version outcome } }",
				Map.of()).path("linkEnterpriseToNode");
		assertThat(updated.path("outcome").asString()).isEqualTo("UPDATED");
		assertThat(this.graph.one("MATCH (:Entity {id: 'e1'})-[r:OPERATES_IN]->(:Entity {id: 'E'}) RETURN r.weight AS w, r.confidence AS c, r.source AS s",
				Map.of(), r -> List.of(r.get("w").asDouble(), r.get("c").isNull(), r.get("s").asString())).orElseThrow())
			.containsExactly(0.7, true, "curation");
		ok(EDITOR, "mutation { addSupply(supplierId: \"q2\", customerId: \"e1\", product: \"试剂\", since: 2021) { outcome } }", Map.of());
		assertThat(targets("q2", "SUPPLIES")).containsExactly("e1");
		ok(EDITOR, "mutation { linkPlatform(platformId: \"pl1\", targetId: \"e2\", kind: INCUBATES, since: 2020) { type } }", Map.of());
		assertThat(targets("pl1", "INCUBATES")).containsExactly("e2");
		ok(EDITOR, "mutation { linkChainNodes(fromId: \"D\", toId: \"G\") { type } }", Map.of());
		assertThat(targets("D", "FEEDS")).containsExactly("G");
		ok(EDITOR, "mutation { unlinkChainNodes(fromId: \"D\", toId: \"G\") { outcome } }", Map.of());
		ok(EDITOR, "mutation { removeSupply(supplierId: \"q2\", customerId: \"e1\") { outcome } }", Map.of());
		ok(EDITOR, "mutation { unlinkPlatform(platformId: \"pl1\", targetId: \"e2\", kind: INCUBATES) { outcome } }", Map.of());
		JsonNode removed = ok(EDITOR, "mutation { unlinkEnterpriseFromNode(enterpriseId: \"e1\", nodeId: \"E\") { version outcome } }",
				Map.of()).path("unlinkEnterpriseFromNode");
		assertThat(removed.path("outcome").asString()).isEqualTo("REMOVED");
		assertThat(targets("D", "FEEDS")).isEmpty();
		assertThat(targets("q2", "SUPPLIES")).isEmpty();
		assertThat(targets("pl1", "INCUBATES")).isEmpty();
		assertThat(targets("e1", "OPERATES_IN")).containsExactly("A");
		HttpGraphQl.Response missing = this.http.post(EDITOR, "mutation { removeSupply(supplierId: \"q2\", customerId: \"e1\") { outcome } }");
		assertThat(missing.classification()).isEqualTo("NOT_FOUND");
		assertThat(missing.errors().path(0).path("message").asString()).isEqualTo("No SUPPLIES link from 'q2' to 'e1'");
	}

}
