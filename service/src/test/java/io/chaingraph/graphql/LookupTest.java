package io.chaingraph.graphql;

import java.util.List;
import java.util.Map;

import io.chaingraph.config.Graph;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.LookupFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.GraphQlResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every lookup and every field of the types they reach, on {@link LookupFixture}; each expected value
 * is read off the fixture's picture (orders: by name then id unless the schema says otherwise).
 * {@link SchemaCoverageTest} checks that these documents select every field.
 */
class LookupTest extends GraphQlTestSupport {

	@Autowired
	Graph graph;

	@BeforeEach
	void build() {
		LookupFixture.build(new Fixtures(this.graph));
	}

	@Test
	void parkWithEveryField() {
		GraphQlResponse r = run("park", "id", "L");
		assertThat((Object) at(r, "park.id")).isEqualTo("L");
		assertThat((Object) at(r, "park.name")).isEqualTo("L 主园区");
		assertThat(list(r, "park.aliases")).containsExactly("主谷", "Main Valley");
		assertThat((Object) at(r, "park.kind")).isEqualTo("VALLEY");
		assertThat((Object) at(r, "park.region")).isEqualTo("温州");
		assertThat((Object) at(r, "park.description")).isEqualTo("主园区描述");
		assertThat((Object) at(r, "park.source")).isEqualTo("parks.csv");
		assertThat((Object) at(r, "park.version")).isEqualTo(3);
		assertThat((Object) at(r, "park.parent")).isNull();
		assertThat(pluck(r, "park.subParks", "id")).containsExactly("LS");
		assertThat(pluck(r, "park.platforms", "id")).containsExactly("P1");
		// highest priority (1) first
		assertThat(pluck(r, "park.focusChains", "chain.id")).containsExactly("K2", "K");
		assertThat(pluck(r, "park.focusChains", "priority")).containsExactly(1, 2);
		// x1, x6 in L itself; x2 in the sub-park LS; x3 in LSS, a sub-park of LS
		assertThat(pluck(r, "park.enterprises.edges", "node.id")).containsExactly("x1", "x2", "x3", "x6");
		assertThat(pluck(r, "park.enterprises.edges", "weight")).containsOnlyNulls();
		assertThat(pluck(r, "park.enterprises.edges", "confidence")).containsOnlyNulls();
		assertThat((Object) at(r, "park.enterprises.totalCount")).isEqualTo(4);
		assertThat((Object) at(r, "park.enterprises.pageInfo")).isEqualTo(Map.<String, Object>of("hasNextPage", false,
				"hasPreviousPage", false, "startCursor", at(r, "park.enterprises.edges[0].cursor"), "endCursor",
				at(r, "park.enterprises.edges[3].cursor")));
		assertThat(pluck(r, "park.enterprises.edges", "cursor")).doesNotHaveDuplicates().doesNotContainNull();
	}

	@Test
	void subParkParentEmptyListsAndNoSubParks() {
		GraphQlResponse ls = run("park", "id", "LS");
		assertThat((Object) at(ls, "park.parent.id")).isEqualTo("L");
		assertThat(pluck(ls, "park.subParks", "id")).containsExactly("LSS");
		assertThat(list(ls, "park.aliases")).isEmpty();
		assertThat((Object) at(ls, "park.region")).isNull();
		assertThat(list(ls, "park.platforms")).isEmpty();
		assertThat(list(ls, "park.focusChains")).isEmpty();
		assertThat(pluck(ls, "park.enterprises.edges", "node.id")).containsExactly("x2", "x3");

		GraphQlResponse own = run("park", "id", "L", "includeSubParks", false);
		assertThat(pluck(own, "park.enterprises.edges", "node.id")).containsExactly("x1", "x6");
		assertThat((Object) at(own, "park.enterprises.totalCount")).isEqualTo(2);

		GraphQlResponse m = run("park", "id", "M");
		assertThat(pluck(m, "park.focusChains", "chain.id")).containsExactly("K");
		assertThat(pluck(m, "park.focusChains", "priority")).containsOnlyNulls();
		assertThat(pluck(m, "park.enterprises.edges", "node.id")).containsExactly("x4");
		assertThat(list(m, "park.subParks")).isEmpty();
	}

	@Test
	void parksListsTopLevelParksUnlessAskedAndHonoursFirst() {
		assertThat(pluck(run("parks"), "parks", "id")).containsExactly("L", "M");
		GraphQlResponse all = run("parks", "includeSubParks", true);
		assertThat(pluck(all, "parks", "id")).containsExactly("L", "LS", "LSS", "M");
		assertThat(pluck(all, "parks", "name")).containsExactly("L 主园区", "LS 子园区", "LSS 孙园区", "M 他园区");
		assertThat(pluck(all, "parks", "parent.id")).containsExactly(null, "L", "LS", null);
		assertThat(pluck(run("parks", "first", 1), "parks", "id")).containsExactly("L");
		assertThat(list(run("parks", "first", 0), "parks")).isEmpty();
	}

	@Test
	void eachParkOfAListGetsItsOwnPlatformsByName() {
		new Fixtures(this.graph).cypher("""
				MATCH (l:Park {id: 'L'}), (lss:Park {id: 'LSS'})
				CREATE (:Platform:Entity {id: 'P3', name: 'A 检测中心', aliases: [], kind: 'TESTING'})-[:LOCATED_IN]->(l),
				       (:Platform:Entity {id: 'P4', name: 'B 孵化器', aliases: [], kind: 'INCUBATOR'})-[:LOCATED_IN]->(lss)""");
		GraphQlResponse all = run("parks", "includeSubParks", true);
		assertThat(pluck(all, "parks", "id")).containsExactly("L", "LS", "LSS", "M");
		// a sub-park's platforms are its own, not its parent's; enterprises located in a park are not platforms
		assertThat(pluck(all, "parks", "platforms")).containsExactly(
				List.of(Map.of("id", "P3"), Map.of("id", "P1")), List.of(), List.of(Map.of("id", "P4")), List.of());
	}

	@Test
	void enterpriseWithEveryField() {
		GraphQlResponse r = run("enterprise", "id", "x1");
		assertThat((Object) at(r, "enterprise.id")).isEqualTo("x1");
		assertThat((Object) at(r, "enterprise.name")).isEqualTo("Xa");
		assertThat(list(r, "enterprise.aliases")).containsExactly("甲", "X-A");
		assertThat((Object) at(r, "enterprise.creditCode")).isEqualTo("91330300MA2CQKXN3R");
		assertThat((Object) at(r, "enterprise.region")).isEqualTo("温州");
		assertThat(list(r, "enterprise.tags")).containsExactly("LEADING", "LISTED");
		assertThat((Object) at(r, "enterprise.founded")).isEqualTo(2010);
		assertThat((Object) at(r, "enterprise.employees")).isEqualTo(300);
		assertThat((Object) at(r, "enterprise.revenue")).isEqualTo(5.5);
		assertThat((Object) at(r, "enterprise.description")).isEqualTo("企业描述");
		assertThat((Object) at(r, "enterprise.source")).isEqualTo("report");
		assertThat((Object) at(r, "enterprise.version")).isEqualTo(5);
		assertThat((Object) at(r, "enterprise.stockCode")).isEqualTo("002003");
		assertThat((Object) at(r, "enterprise.industry")).isEqualTo("医药制造业");
		assertThat((Object) at(r, "enterprise.businessScope")).isNull();
		assertThat((Object) at(r, "enterprise.park.id")).isEqualTo("L");
		// heaviest link first
		assertThat(pluck(r, "enterprise.chainNodes", "node.id")).containsExactly("K2a", "K3");
		assertThat(pluck(r, "enterprise.chainNodes", "weight")).containsExactly(0.8, 0.3);
		assertThat(pluck(r, "enterprise.chainNodes", "confidence")).containsExactly(0.9, null);
		assertThat(pluck(r, "enterprise.chainNodes", "source")).containsExactly("s1", null);
		assertThat(pluck(r, "enterprise.suppliers", "enterprise.id")).containsExactly("x2", "x4");
		assertThat(pluck(r, "enterprise.suppliers", "product")).containsExactly("测序服务", "原料");
		assertThat(pluck(r, "enterprise.suppliers", "since")).containsExactly(2020, null);
		assertThat(pluck(r, "enterprise.suppliers", "source")).containsExactly("supplies.csv", null);
		assertThat(pluck(r, "enterprise.customers", "enterprise.id")).containsExactly("x3");
		assertThat(pluck(r, "enterprise.customers", "product")).containsOnlyNulls();
		assertThat(pluck(r, "enterprise.platforms", "platform.id")).containsExactly("P1");
		assertThat(pluck(r, "enterprise.platforms", "kind")).containsExactly("TRANSFERS_TECH_TO");
		assertThat(pluck(r, "enterprise.platforms", "since")).containsExactly(2022);
		assertThat(pluck(r, "enterprise.platforms", "source")).containsOnlyNulls();
		// segments feeding K2a (K1, through its parent K2N: a sub-segment inherits its parent's FEEDS) and
		// K3 (K2N, J1); nothing is fed by K2a or K3
		assertThat(pluck(r, "enterprise.upstreamSegments", "id")).containsExactly("J1", "K1", "K2N");
		assertThat(list(r, "enterprise.downstreamSegments")).isEmpty();
	}

	@Test
	void enterpriseTiesFromTheOtherSideAndUnsetProperties() {
		GraphQlResponse x2 = run("enterprise", "id", "x2");
		assertThat((Object) at(x2, "enterprise.park.id")).isEqualTo("LS");
		assertThat(pluck(x2, "enterprise.chainNodes", "node.id")).containsExactly("K2b", "K2N");
		assertThat(pluck(x2, "enterprise.chainNodes", "confidence")).containsExactly(0.6, 0.7);
		assertThat(list(x2, "enterprise.suppliers")).isEmpty();
		assertThat(pluck(x2, "enterprise.customers", "enterprise.id")).containsExactly("x1");
		assertThat(pluck(x2, "enterprise.customers", "product")).containsExactly("测序服务");
		assertThat(pluck(x2, "enterprise.customers", "since")).containsExactly(2020);
		assertThat(pluck(x2, "enterprise.customers", "source")).containsExactly("supplies.csv");
		assertThat(pluck(x2, "enterprise.platforms", "platform.id")).containsExactly("P1", "P2");
		assertThat(pluck(x2, "enterprise.platforms", "kind")).containsExactly("INCUBATES", "INVESTS_IN");
		assertThat(pluck(x2, "enterprise.platforms", "since")).containsExactly(2020, 2023);
		assertThat(pluck(x2, "enterprise.platforms", "source")).containsExactly(null, "s");
		assertThat(pluck(x2, "enterprise.upstreamSegments", "id")).containsExactly("K1");
		assertThat(pluck(x2, "enterprise.downstreamSegments", "id")).containsExactly("K3");

		// x3 works in K2N and K3: K2N feeds K3 but is its own segment, so it is no neighbour
		GraphQlResponse x3 = run("enterprise", "id", "x3");
		assertThat(pluck(x3, "enterprise.upstreamSegments", "id")).containsExactly("J1", "K1");
		assertThat(list(x3, "enterprise.downstreamSegments")).isEmpty();
		assertThat(pluck(x3, "enterprise.suppliers", "enterprise.id")).containsExactly("x1");

		GraphQlResponse x5 = run("enterprise", "id", "x5");
		assertThat((Object) at(x5, "enterprise.park")).isNull();
		assertThat(list(x5, "enterprise.tags")).isEmpty();
		for (String unset : List.of("creditCode", "region", "founded", "employees", "revenue", "description", "source")) {
			assertThat((Object) at(x5, "enterprise." + unset)).as(unset).isNull();
		}
	}

	@Test
	void platformWithEveryField() {
		GraphQlResponse r = run("platform", "id", "P1");
		assertThat((Object) at(r, "platform.id")).isEqualTo("P1");
		assertThat((Object) at(r, "platform.name")).isEqualTo("P1 研发平台");
		assertThat(list(r, "platform.aliases")).containsExactly("研发中心");
		assertThat((Object) at(r, "platform.kind")).isEqualTo("RESEARCH");
		assertThat((Object) at(r, "platform.level")).isEqualTo("NATIONAL");
		assertThat((Object) at(r, "platform.description")).isEqualTo("平台描述");
		assertThat((Object) at(r, "platform.source")).isEqualTo("platforms.csv");
		assertThat((Object) at(r, "platform.version")).isEqualTo(6);
		assertThat((Object) at(r, "platform.park.id")).isEqualTo("L");
		// by kind, then target name
		assertThat(pluck(r, "platform.links", "kind")).containsExactly("INCUBATES", "SERVES", "TRANSFERS_TECH_TO");
		assertThat(pluck(r, "platform.links", "enterprise.id")).containsExactly("x2", null, "x1");
		assertThat(pluck(r, "platform.links", "chainNode.id")).containsExactly(null, "K1", null);
		assertThat(pluck(r, "platform.links", "since")).containsExactly(2020, 2021, 2022);
		assertThat(pluck(r, "platform.links", "source")).containsExactly(null, "pl.csv", null);

		GraphQlResponse p2 = run("platform", "id", "P2");
		assertThat((Object) at(p2, "platform.park")).isNull();
		assertThat((Object) at(p2, "platform.description")).isNull();
		assertThat(pluck(p2, "platform.links", "kind")).containsExactly("INVESTS_IN", "SERVES");
		assertThat(pluck(p2, "platform.links", "enterprise.id")).containsExactly("x2", null);
		assertThat(pluck(p2, "platform.links", "chainNode.id")).containsExactly(null, "K2N");
		assertThat(pluck(p2, "platform.links", "source")).containsExactly("s", null);
	}

	@Test
	void chainAndChainsWithNodesUpstreamFirst() {
		GraphQlResponse r = run("chain", "id", "K");
		assertThat((Object) at(r, "chain.id")).isEqualTo("K");
		assertThat((Object) at(r, "chain.name")).isEqualTo("K 基因药物");
		assertThat(list(r, "chain.aliases")).containsExactly("生命健康");
		assertThat((Object) at(r, "chain.description")).isEqualTo("链描述");
		assertThat((Object) at(r, "chain.source")).isEqualTo("chains.csv");
		assertThat((Object) at(r, "chain.version")).isEqualTo(2);
		// UPSTREAM, MIDSTREAM, DOWNSTREAM, then segments without a stage; by name within a stage
		assertThat(pluck(r, "chain.nodes", "id")).containsExactly("K1", "K2N", "K2a", "K2b", "K3", "K0");
		assertThat(pluck(r, "chain.nodes", "stage")).containsExactly("UPSTREAM", "MIDSTREAM", "MIDSTREAM",
				"MIDSTREAM", "DOWNSTREAM", null);

		GraphQlResponse all = run("chains");
		assertThat(pluck(all, "chains", "id")).containsExactly("K", "K2");
		assertThat(pluck(all, "chains", "name")).containsExactly("K 基因药物", "K2 软件");
		assertThat(pluck(all, "chains[1].nodes", "id")).containsExactly("J1");
	}

	@Test
	void chainNodeWithEveryField() {
		GraphQlResponse r = run("chainNode", "id", "K2N");
		assertThat((Object) at(r, "chainNode.id")).isEqualTo("K2N");
		assertThat((Object) at(r, "chainNode.name")).isEqualTo("K2 生产");
		assertThat((Object) at(r, "chainNode.stage")).isEqualTo("MIDSTREAM");
		assertThat((Object) at(r, "chainNode.chain.id")).isEqualTo("K");
		assertThat((Object) at(r, "chainNode.parent")).isNull();
		assertThat(pluck(r, "chainNode.children", "id")).containsExactly("K2a", "K2b");
		assertThat(pluck(r, "chainNode.upstream", "id")).containsExactly("K1");
		assertThat(pluck(r, "chainNode.downstream", "id")).containsExactly("K3");
		assertThat(pluck(r, "chainNode.platforms", "id")).containsExactly("P2");
		// sub-segments count: x1, x4 via K2a; x5, x6 via K2b; x2 on K2N and K2b (highest weight and confidence)
		assertThat(pluck(r, "chainNode.enterprises.edges", "node.id")).containsExactly("x1", "x2", "x3", "x4", "x5", "x6");
		assertThat(pluck(r, "chainNode.enterprises.edges", "weight")).containsExactly(0.8, 0.9, null, 0.2, null, null);
		assertThat(pluck(r, "chainNode.enterprises.edges", "confidence")).containsExactly(0.9, 0.7, null, null, null, null);
		assertThat((Object) at(r, "chainNode.enterprises.totalCount")).isEqualTo(6);
		assertThat((Object) at(r, "chainNode.enterprises.pageInfo.hasNextPage")).isEqualTo(false);
		assertThat((Object) at(r, "chainNode.enterprises.pageInfo.hasPreviousPage")).isEqualTo(false);
		assertThat((Object) at(r, "chainNode.enterprises.pageInfo.startCursor"))
			.isEqualTo(at(r, "chainNode.enterprises.edges[0].cursor"));
		assertThat((Object) at(r, "chainNode.enterprises.pageInfo.endCursor"))
			.isEqualTo(at(r, "chainNode.enterprises.edges[5].cursor"));
		// grouped by park, largest group first, then by park name; x5 is in no park
		assertThat(pluck(r, "chainNode.enterprisesByPark", "park.id")).containsExactly("L", "LS", "LSS", "M", null);
		assertThat(pluck(r, "chainNode.enterprisesByPark", "count")).containsExactly(2, 1, 1, 1, 1);
		assertThat(pluck(r, "chainNode.enterprisesByPark[0].enterprises", "id")).containsExactly("x1", "x6");
		assertThat(pluck(r, "chainNode.enterprisesByPark[4].enterprises", "id")).containsExactly("x5");

		GraphQlResponse k1 = run("chainNode", "id", "K1");
		assertThat(list(k1, "chainNode.aliases")).containsExactly("测序");
		assertThat((Object) at(k1, "chainNode.description")).isEqualTo("段描述");
		assertThat((Object) at(k1, "chainNode.source")).isEqualTo("chain_nodes.csv");
		assertThat((Object) at(k1, "chainNode.version")).isEqualTo(4);
		assertThat(list(k1, "chainNode.upstream")).isEmpty();
		assertThat(pluck(k1, "chainNode.downstream", "id")).containsExactly("K2N");
		assertThat(pluck(k1, "chainNode.platforms", "id")).containsExactly("P1");
		assertThat(list(k1, "chainNode.enterprises.edges")).isEmpty();
		assertThat((Object) at(k1, "chainNode.enterprises.totalCount")).isEqualTo(0);
		assertThat((Object) at(k1, "chainNode.enterprises.pageInfo.startCursor")).isNull();

		GraphQlResponse k2a = run("chainNode", "id", "K2a");
		assertThat((Object) at(k2a, "chainNode.parent.id")).isEqualTo("K2N");
		assertThat(list(k2a, "chainNode.children")).isEmpty();
		assertThat(pluck(k2a, "chainNode.enterprisesByPark", "park.id")).containsExactly("L", "M");

		// FEEDS across chains: J1 (chain K2) feeds K3 (chain K)
		GraphQlResponse k3 = run("chainNode", "id", "K3");
		assertThat(pluck(k3, "chainNode.upstream", "id")).containsExactly("J1", "K2N");
		assertThat((Object) at(run("chainNode", "id", "J1"), "chainNode.chain.id")).isEqualTo("K2");
		assertThat((Object) at(run("chainNode", "id", "K0"), "chainNode.stage")).isNull();

		GraphQlResponse own = run("chainNodeEnterprises", "id", "K2N", "includeSubSegments", false);
		assertThat(pluck(own, "chainNode.enterprises.edges", "node.id")).containsExactly("x2", "x3");
		assertThat(pluck(own, "chainNode.enterprises.edges", "weight")).containsExactly(0.5, null);
		assertThat(pluck(own, "chainNode.enterprises.edges", "confidence")).containsExactly(0.7, null);
	}

	@Test
	void enterprisesFilterCombines() {
		assertThat(ids(run("enterprises"))).containsExactly("x1", "x2", "x3", "x4", "x5", "x6");
		assertThat(ids(run("enterprises", "parkId", "L"))).containsExactly("x1", "x2", "x3", "x6");
		assertThat(ids(run("enterprises", "parkId", "LS"))).containsExactly("x2", "x3");
		assertThat(ids(run("enterprises", "nodeId", "K2N"))).containsExactly("x1", "x2", "x3", "x4", "x5", "x6");
		assertThat(ids(run("enterprises", "nodeId", "K2a"))).containsExactly("x1", "x4");
		assertThat(ids(run("enterprises", "tag", "HIGH_TECH"))).containsExactly("x4");
		assertThat(ids(run("enterprises", "stage", "DOWNSTREAM"))).containsExactly("x1", "x3");
		assertThat(ids(run("enterprises", "parkId", "L", "stage", "UPSTREAM"))).isEmpty();
		assertThat(ids(run("enterprises", "parkId", "M", "nodeId", "K2N"))).containsExactly("x4");
		// a filter naming no park is an error, never an empty success hiding the typo
		tester().documentName("enterprises").variable("parkId", "nope").execute()
			.errors().expect(e -> e.getErrorType() == org.springframework.graphql.execution.ErrorType.NOT_FOUND
					&& e.getMessage().equals("No park with id 'nope'"));
		GraphQlResponse counted = run("enterprises", "parkId", "L", "first", 1, "withTotal", true);
		assertThat(ids(counted)).containsExactly("x1");
		assertThat((Object) at(counted, "enterprises.totalCount")).isEqualTo(4);
		assertThat((Object) at(counted, "enterprises.pageInfo.hasNextPage")).isEqualTo(true);
		assertThat(pluck(counted, "enterprises.edges", "weight")).containsOnlyNulls();
	}

	@Test
	void importRunsNewestFirstAndOneRunWithEveryField() {
		assertThat(pluck(run("importRuns"), "importRuns", "id")).containsExactly("run-new", "run-mid", "run-old");
		GraphQlResponse two = run("importRuns", "first", 2);
		assertThat(pluck(two, "importRuns", "id")).containsExactly("run-new", "run-mid");
		assertThat(pluck(two, "importRuns", "status")).containsExactly("FAILED", "RUNNING");

		GraphQlResponse old = run("importRun", "id", "run-old");
		assertThat((Object) at(old, "importRun.id")).isEqualTo("run-old");
		assertThat((Object) at(old, "importRun.dataset")).isEqualTo("/data/old");
		assertThat((Object) at(old, "importRun.status")).isEqualTo("SUCCEEDED");
		assertThat((Object) at(old, "importRun.started")).isEqualTo("2024-01-05T10:00:01Z");
		assertThat((Object) at(old, "importRun.finished")).isEqualTo("2024-01-05T10:00:09Z");
		assertThat(list(old, "importRun.checksums")).containsExactly("parks.csv sha256:aa11");
		assertThat((Object) at(old, "importRun.rows")).isEqualTo(3);
		assertThat((Object) at(old, "importRun.rowsDone")).isEqualTo(3);
		assertThat((Object) at(old, "importRun.error")).isNull();
		assertThat((Object) at(old, "importRun.actor")).isNull();
		assertThat((Object) at(old, "importRun.dryRun")).isEqualTo(false);
		assertThat((Object) at(old, "importRun.queuePosition")).isNull();
		assertThat((Object) at(old, "importRun.report")).isNull();
		assertThat(list(old, "importRun.problems")).isEmpty();
		assertThat(list(old, "importRun.files")).containsExactly(Map.of("file", "parks.csv", "rows", 3,
				"nodesCreated", 4, "nodesUpdated", 5, "nodesUnchanged", 6, "relsCreated", 7, "relsUpdated", 8,
				"relsUnchanged", 9, "relsRemoved", 10));

		GraphQlResponse mid = run("importRun", "id", "run-mid");
		assertThat((Object) at(mid, "importRun.finished")).isNull();
		assertThat(list(mid, "importRun.files")).isEmpty();
		assertThat((Object) at(mid, "importRun.rows")).isEqualTo(100);
		assertThat((Object) at(mid, "importRun.rowsDone")).isEqualTo(40);

		GraphQlResponse failed = run("importRun", "id", "run-new");
		assertThat((Object) at(failed, "importRun.error")).isEqualTo("database went away");
		assertThat(list(failed, "importRun.checksums")).containsExactly("a.csv sha256:01", "b.csv sha256:02");
		assertThat((Object) at(failed, "importRun.actor")).isEqualTo("admin");
		assertThat((Object) at(failed, "importRun.report")).isEqualTo("the printed report");
		assertThat(list(failed, "importRun.problems")).containsExactly(
				Map.of("severity", "WARNING", "file", "parks.csv", "line", 1, "column", "colour", "message",
						"unknown column, ignored", "text", "parks.csv:1: colour: warning: unknown column, ignored"),
				Map.of("severity", "ERROR", "file", "a.csv", "line", 0, "column", "-", "message", "broken", "text",
						"a.csv:0: -: broken"));
	}

	@ParameterizedTest
	@CsvSource({ "park", "enterprise", "platform", "chain", "chainNode", "importRun" })
	void unknownIdIsNullWithoutError(String lookup) {
		long before = this.graph.statementCount();
		GraphQlResponse r = run(lookup, "id", "nope");
		assertThat((Object) at(r, lookup)).isNull();
		// one lookup statement, nothing resolved below a missing parent
		assertThat(this.graph.statementCount() - before).isEqualTo(1);
	}

	private static List<Object> ids(GraphQlResponse r) {
		return pluck(r, "enterprises.edges", "node.id");
	}

}
