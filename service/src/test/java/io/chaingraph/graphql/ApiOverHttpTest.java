package io.chaingraph.graphql;

import java.util.List;
import java.util.Map;

import io.chaingraph.config.Graph;
import io.chaingraph.enterprise.NameKeys;
import io.chaingraph.support.ChainFixture;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API as an analyst's or a front-end's client meets it, over real HTTP ({@link HttpGraphQlTester} against
 * the server on its port) on the real embedded database: enterprises sorted by pinyin name, size and
 * founding year in both directions with cursors that continue only their own order, parks and import runs
 * as connections, drawing lanes on subgraph nodes, and each bad input with its exact message and its
 * classification from the one vocabulary (docs/api.md, "Errors").
 */
class ApiOverHttpTest extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	Graph graph;

	@Autowired
	NameKeys nameKeys;

	HttpGraphQlTester http;

	/**
	 * The chain fixture, and park W with eight enterprises whose names sort differently by code point and by
	 * pinyin (温 U+6E29 and 溫 U+6EAB are both wen; 乐 and 樂 both le), some without a size or a year.
	 */
	@BeforeEach
	void build() {
		ChainFixture.build(new Fixtures(this.graph));
		new Fixtures(this.graph).cypher("""
				CREATE (w:Park:Entity {id: 'W', name: '温州园', aliases: []})
				WITH w
				UNWIND $rows AS row
				CREATE (e:Enterprise:Entity {id: row.id, name: row.name, aliases: [], tags: []})-[:LOCATED_IN]->(w)
				SET e.employees = row.employees, e.revenue = row.revenue, e.founded = row.founded""",
				Map.of("rows", List.of(row("w1", "温州电气", 300, 5.5, 2001), row("w2", "溫州光学", 120, null, 1999),
						row("w3", "阿里制造", 800, 20.0, 2010), row("w4", "白云科技", null, 1.2, null),
						row("w5", "中国药业", 120, 3.0, 2015), row("w6", "乐清开关", 50, 0.8, 1995),
						row("w7", "樂清電器", 50, 0.9, 2020), row("w8", "Zeta Tech", 10, null, 2018))))
			.cypher("""
					CREATE (:ImportRun {id: 'run-1', dataset: '/d/1', status: 'SUCCEEDED', started: datetime('2024-01-01T00:00:00Z'),
					                    checksums: [], rows: 1, rowsDone: 1}),
					       (:ImportRun {id: 'run-2', dataset: '/d/2', status: 'SUCCEEDED', started: datetime('2024-02-01T00:00:00Z'),
					                    checksums: [], rows: 1, rowsDone: 1}),
					       (:ImportRun {id: 'run-3', dataset: '/d/3', status: 'FAILED', started: datetime('2024-02-01T00:00:00Z'),
					                    checksums: [], rows: 1, rowsDone: 0})""");
		// what the importer and the curation mutations write with every enterprise
		this.nameKeys.fill();
		this.http = HttpGraphQlTester.create(WebTestClient.bindToServer(new JdkClientHttpConnector())
			.baseUrl("http://127.0.0.1:" + this.port + "/graphql")
			// the build machine may be shared and slow (the default is 5 s)
			.responseTimeout(java.time.Duration.ofSeconds(60))
			.build());
	}

	private static Map<String, Object> row(String id, String name, Integer employees, Double revenue, Integer founded) {
		Map<String, Object> row = new java.util.HashMap<>();
		row.put("id", id);
		row.put("name", name);
		row.put("employees", employees);
		row.put("revenue", revenue);
		row.put("founded", founded);
		return row;
	}

	// ---- sorts

	@Test
	void enterprisesInPinyinOrderBothWays() {
		assertThat(names(sorted("PINYIN", "ASC", 20, null))).containsExactly("阿里制造", "白云科技", "乐清开关", "樂清電器",
				"温州电气", "溫州光学", "中国药业", "Zeta Tech");
		assertThat(names(sorted("PINYIN", "DESC", 20, null))).containsExactly("Zeta Tech", "中国药业", "溫州光学", "温州电气",
				"樂清電器", "乐清开关", "白云科技", "阿里制造");
		// without orderBy: code point, as always (Latin first, 樂 U+6A02 before 温 U+6E29, 阿 U+963F last)
		assertThat(names(sorted(null, null, 20, null))).containsExactly("Zeta Tech", "中国药业", "乐清开关", "樂清電器",
				"温州电气", "溫州光学", "白云科技", "阿里制造");
	}

	@Test
	void bySizeAndYearBothWaysWithoutAValueLastAndTiesByPinyin() {
		assertThat(ids(sorted("EMPLOYEES", "DESC", 20, null))).containsExactly("w3", "w1", "w2", "w5", "w6", "w7", "w8",
				"w4");
		assertThat(ids(sorted("EMPLOYEES", "ASC", 20, null))).containsExactly("w8", "w6", "w7", "w2", "w5", "w1", "w3",
				"w4");
		assertThat(ids(sorted("REVENUE", "DESC", 20, null))).containsExactly("w3", "w1", "w5", "w4", "w7", "w6", "w2",
				"w8");
		assertThat(ids(sorted("FOUNDED", "ASC", 20, null))).containsExactly("w6", "w2", "w1", "w3", "w5", "w8", "w7",
				"w4");
		assertThat(ids(sorted("FOUNDED", "DESC", 20, null))).containsExactly("w7", "w8", "w5", "w3", "w1", "w2", "w6",
				"w4");
	}

	@Test
	void pagesOfEverySortJoinUpToTheWholeList() {
		for (String field : List.of("NAME", "PINYIN", "EMPLOYEES", "REVENUE", "FOUNDED")) {
			for (String direction : List.of("ASC", "DESC")) {
				List<String> whole = ids(sorted(field, direction, 20, null));
				List<String> paged = new java.util.ArrayList<>();
				String after = null;
				boolean more = true;
				while (more) {
					GraphQlTester.Response page = sorted(field, direction, 3, after);
					paged.addAll(ids(page));
					more = page.path("enterprises.pageInfo.hasNextPage").entity(Boolean.class).get();
					after = page.path("enterprises.pageInfo.endCursor").entity(String.class).get();
				}
				assertThat(paged).as(field + " " + direction).isEqualTo(whole).hasSize(8);
			}
		}
	}

	@Test
	void aCursorContinuesOnlyItsOwnOrder() {
		String pinyin = sorted("PINYIN", "ASC", 2, null).path("enterprises.pageInfo.endCursor").entity(String.class).get();
		assertError(sortedRequest("EMPLOYEES", "DESC", 2, pinyin), "BAD_REQUEST",
				"after is a cursor of enterprises by PINYIN ASC, not of enterprises by EMPLOYEES DESC: " + pinyin);
		assertError(sortedRequest("PINYIN", "DESC", 2, pinyin), "BAD_REQUEST",
				"after is a cursor of enterprises by PINYIN ASC, not of enterprises by PINYIN DESC: " + pinyin);
		String byName = sorted(null, null, 2, null).path("enterprises.pageInfo.endCursor").entity(String.class).get();
		assertError(this.http.documentName("parksConnection").variable("after", byName), "BAD_REQUEST",
				"after is a cursor of enterprises, not of parks: " + byName);
	}

	@Test
	void theStartUpFillWritesMissingKeysAndRewritesAllAfterACollatorChange() {
		this.graph.write("MATCH (e:Enterprise {id: 'w1'}) REMOVE e.nameKey", Map.of());
		assertThat(this.nameKeys.fill()).isEqualTo(1);
		this.graph.write("MATCH (m:NameKeys) SET m.collator = 'icu 0 zh'", Map.of());
		this.graph.write("MATCH (e:Enterprise {id: 'w3'}) SET e.nameKey = 'ff'", Map.of());
		long enterprises = this.graph.one("MATCH (e:Enterprise) RETURN count(e) AS n", Map.of(), r -> r.get("n").asLong())
			.orElseThrow();
		assertThat(this.nameKeys.fill()).isEqualTo((int) enterprises);
		assertThat(this.nameKeys.fill()).isZero();
		assertThat(names(sorted("PINYIN", "ASC", 2, null))).containsExactly("阿里制造", "白云科技");
	}

	// ---- connections

	@Test
	void parksAsAConnection() {
		GraphQlTester.Response first = this.http.documentName("parksConnection").variable("first", 2).execute();
		first.path("parksConnection.totalCount").entity(Integer.class).isEqualTo(3);
		first.path("parksConnection.edges[*].node.id").entityList(String.class).containsExactly("P", "Q");
		first.path("parksConnection.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		first.path("parksConnection.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
		String after = first.path("parksConnection.pageInfo.endCursor").entity(String.class).get();
		GraphQlTester.Response rest = this.http.documentName("parksConnection").variable("first", 2)
			.variable("after", after).execute();
		rest.path("parksConnection.edges[*].node.id").entityList(String.class).containsExactly("W");
		rest.path("parksConnection.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		rest.path("parksConnection.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
		this.http.documentName("parksConnection").variable("includeSubParks", true).execute()
			.path("parksConnection.edges[*].node.id").entityList(String.class).containsExactly("P", "Q", "PS", "W");
	}

	@Test
	void importRunsAsAConnectionNewestFirst() {
		GraphQlTester.Response first = this.http.documentName("importRunsConnection").variable("first", 2).execute();
		first.path("importRunsConnection.totalCount").entity(Integer.class).isEqualTo(3);
		// run-2 and run-3 started at the same instant: by id, descending
		first.path("importRunsConnection.edges[*].node.id").entityList(String.class).containsExactly("run-3", "run-2");
		String after = first.path("importRunsConnection.pageInfo.endCursor").entity(String.class).get();
		GraphQlTester.Response rest = this.http.documentName("importRunsConnection").variable("after", after).execute();
		rest.path("importRunsConnection.edges[*].node.id").entityList(String.class).containsExactly("run-1");
		rest.path("importRunsConnection.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		assertError(this.http.documentName("importRunsConnection").variable("first", 501), "BAD_REQUEST",
				"first must be between 0 and 500, was 501");
	}

	// ---- drawing hints

	@Test
	void subgraphNodesCarryTheirTypeLaneAndOrder() {
		GraphQlTester.Response network = this.http.documentName("networkLanes").variable("id", "B").execute();
		List<Map<String, Object>> nodes = network.path("network.nodes").entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
		}).get();
		Map<String, Map<String, Object>> byId = new java.util.HashMap<>();
		nodes.forEach(n -> byId.put((String) n.get("id"), n));
		// B (mid) and its neighbours: A (up), D (down), B1, B2 (mid), chain C (no lane), e3 working in B (mid)
		assertThat(byId).containsKeys("B", "A", "D", "B1", "B2", "C", "e3");
		assertThat(byId.get("A")).containsEntry("type", "ChainNode").containsEntry("lane", 0).containsEntry("order", 0);
		assertThat(byId.get("D")).containsEntry("lane", 2).containsEntry("order", 0);
		assertThat(byId.get("C")).containsEntry("type", "Chain").containsEntry("lane", null).containsEntry("order", 0);
		assertThat(byId.get("e3")).containsEntry("type", "Enterprise").containsEntry("lane", 1);
		// lane 1: B at depth 0 first, then by name: B1段, B2段, e3
		assertThat(byId.get("B")).containsEntry("lane", 1).containsEntry("order", 0);
		assertThat(List.of(byId.get("B1").get("order"), byId.get("B2").get("order"), byId.get("e3").get("order")))
			.containsExactly(1, 2, 3);
	}

	// ---- bad inputs: exact message, one classification vocabulary

	@Test
	void anUnknownParkInAFilterIsNotFoundWithItsId() {
		assertError(this.http.document("{ enterprises(parkId: \"nope\") { totalCount } }"), "NOT_FOUND",
				"No park with id 'nope'");
	}

	@Test
	void depthBeyondItsCapNamesTheDepthRuleNotTheCost() {
		assertError(this.http.document("{ network(id: \"B\", depth: 100) { nodes { id } } }"), "BAD_REQUEST",
				"depth must be between 1 and 10, was 100 (the cap is chaingraph.query.max-depth)");
	}

	@Test
	void anIntTooLargeGetsAPlainMessage() {
		assertError(this.http.document("{ network(id: \"B\", limit: 99999999999) { nodes { id } } }"), "VALIDATION_ERROR",
				"argument 'limit': 99999999999 is not an Int (a whole number from -2147483648 to 2147483647)");
	}

	@Test
	void theSameParkTwiceInCompareParksIsRefused() {
		assertError(this.http.document("{ compareParks(parkIds: [\"P\", \"P\"], chainId: \"C\") { park { id } } }"),
				"BAD_REQUEST", "compareParks lists park 'P' twice; give each park once");
	}

	@Test
	void graphqlJavasOwnErrorsUseTheSameVocabulary() {
		ResponseError syntax = error(this.http.document("{ enterprises( }"));
		assertThat(syntax.getExtensions()).containsEntry("classification", "INVALID_SYNTAX");
		ResponseError unknown = error(this.http.document("{ enterprises { nope } }"));
		assertThat(unknown.getExtensions()).containsEntry("classification", "VALIDATION_ERROR");
		assertThat(unknown.getMessage()).contains("Field 'nope' in type 'EnterpriseConnection' is undefined");
		ResponseError cost = error(this.http.document("{ downstream(id: \"A\", depth: 10, limit: 4000) { nodes { id name } } }"));
		assertThat(cost.getExtensions()).containsEntry("classification", "QUERY_TOO_COMPLEX");
		assertThat(cost.getMessage()).startsWith("Query cost 52000 exceeds the limit 20000 (chaingraph.graphql.max-cost)");
	}

	// ---- helpers

	private GraphQlTester.Request<?> sortedRequest(String field, String direction, int first, String after) {
		GraphQlTester.Request<?> request = this.http.documentName("enterprisesSorted").variable("parkId", "W")
			.variable("first", first)
			.variable("after", after);
		if (field != null) {
			Map<String, Object> orderBy = new java.util.HashMap<>();
			orderBy.put("field", field);
			orderBy.put("direction", direction);
			request = request.variable("orderBy", orderBy);
		}
		return request;
	}

	private GraphQlTester.Response sorted(String field, String direction, int first, String after) {
		return sortedRequest(field, direction, first, after).execute();
	}

	private static List<String> names(GraphQlTester.Response response) {
		return response.path("enterprises.edges[*].node.name").entityList(String.class).get();
	}

	private static List<String> ids(GraphQlTester.Response response) {
		return response.path("enterprises.edges[*].node.id").entityList(String.class).get();
	}

	private static ResponseError error(GraphQlTester.Request<?> request) {
		List<ResponseError> errors = new java.util.ArrayList<>();
		request.execute().errors().satisfy(errors::addAll);
		assertThat(errors).hasSize(1);
		return errors.get(0);
	}

	private static void assertError(GraphQlTester.Request<?> request, String classification, String message) {
		ResponseError error = error(request);
		assertThat(error.getMessage()).isEqualTo(message);
		assertThat(error.getExtensions()).containsEntry("classification", classification);
	}

}
