package io.chaingraph.enterprise;

import java.util.List;
import java.util.Map;

import io.chaingraph.config.Graph;
import io.chaingraph.support.ChainFixture;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.GraphQlTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a chain analyst asks beside upstream/downstream, on {@link ChainFixture}: enterprise filters with
 * keyset pages, a segment's enterprises (paged, grouped by park), an enterprise's chain-level neighbours.
 * Names sort as strings: "Alpha" < "Beta" < "Delta" < "Gamma" < "e1" … (upper case before lower case).
 */
class EnterpriseQueriesTest extends GraphQlTest {

	@Autowired
	Graph graph;

	@BeforeEach
	void build() {
		ChainFixture.build(new Fixtures(this.graph));
	}

	private GraphQlTester.Request<?> enterprises() {
		return tester().documentName("enterpriseQueries").operationName("enterprises");
	}

	private static List<String> ids(GraphQlTester.Response response) {
		return response.path("enterprises.edges[*].node.id").entityList(String.class).get();
	}

	@Test
	void filtersByParkIncludingSubParksChainNodeIncludingSubSegmentsTagAndStage() {
		// P holds e1, e3, e4, e6, e7 and through its sub-park PS e2, e5
		assertThat(ids(enterprises().variable("parkId", "P").execute()))
			.containsExactly("e1", "e2", "e3", "e4", "e5", "e6", "e7");
		assertThat(ids(enterprises().variable("parkId", "PS").execute())).containsExactly("e2", "e5");
		// B: e3 directly, e2 through B1, q4 "Delta" through B2
		assertThat(ids(enterprises().variable("nodeId", "B").execute())).containsExactly("q4", "e2", "e3");
		assertThat(ids(enterprises().variable("tag", "LEADING").execute())).containsExactly("q1");
		// MIDSTREAM segments B, B1, B2, E: e3, e2, q4, and q1, q2, q3 in E
		assertThat(ids(enterprises().variable("stage", "MIDSTREAM").execute()))
			.containsExactly("q3", "q2", "q4", "q1", "e2", "e3");
		// every filter must hold: in Q and midstream
		var combined = enterprises().variable("parkId", "Q").variable("stage", "MIDSTREAM").execute();
		assertThat(ids(combined)).containsExactly("q3", "q4", "q1");
		combined.path("enterprises.totalCount").entity(Integer.class).isEqualTo(3);
		assertThat(ids(enterprises().variable("parkId", "P").variable("tag", "LEADING").execute())).isEmpty();
	}

	@Test
	void keysetPagesVisitEveryEnterpriseOnce() {
		var first = enterprises().variable("parkId", "P").variable("first", 3).execute();
		assertThat(ids(first)).containsExactly("e1", "e2", "e3");
		first.path("enterprises.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		first.path("enterprises.totalCount").entity(Integer.class).isEqualTo(7);
		String cursor = first.path("enterprises.pageInfo.endCursor").entity(String.class).get();
		var second = enterprises().variable("parkId", "P").variable("first", 3).variable("after", cursor).execute();
		assertThat(ids(second)).containsExactly("e4", "e5", "e6");
		cursor = second.path("enterprises.pageInfo.endCursor").entity(String.class).get();
		var last = enterprises().variable("parkId", "P").variable("first", 3).variable("after", cursor).execute();
		assertThat(ids(last)).containsExactly("e7");
		last.path("enterprises.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		// a new enterprise sorting before the cursor does not shift the next page (keyset, not offset)
		new Fixtures(this.graph).cypher("""
				MATCH (p:Park {id: 'P'})
				CREATE (:Enterprise:Entity {id: 'e0', name: 'e0', aliases: [], tags: []})
				         -[:LOCATED_IN]->(:Park:Entity {id: 'PX', name: 'PX', aliases: []})-[:PART_OF]->(p)""");
		assertThat(ids(enterprises().variable("parkId", "P").variable("first", 3).variable("after", cursor).execute()))
			.containsExactly("e7");
		enterprises().variable("after", "not-a-cursor").execute().errors()
			.expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage().startsWith("after is not a cursor"));
	}

	@Test
	void aSegmentsEnterprisesPagedAndGroupedByPark() {
		var page = tester().documentName("enterpriseQueries").operationName("nodeEnterprises").variable("id", "B")
			.variable("first", 2).execute();
		page.path("chainNode.enterprises.edges[*].node.id").entityList(String.class).containsExactly("q4", "e2");
		page.path("chainNode.enterprises.totalCount").entity(Integer.class).isEqualTo(3);
		String cursor = page.path("chainNode.enterprises.pageInfo.endCursor").entity(String.class).get();
		tester().documentName("enterpriseQueries").operationName("nodeEnterprises").variable("id", "B").variable("first", 2)
			.variable("after", cursor).execute()
			.path("chainNode.enterprises.edges[*].node.id").entityList(String.class).containsExactly("e3");
		tester().documentName("enterpriseQueries").operationName("nodeEnterprises").variable("id", "B").variable("deep", false)
			.execute()
			.path("chainNode.enterprises.edges[*].node.id").entityList(String.class).containsExactly("e3");
		// grouped by the park each sits in, largest group first, then by park name; null park = in no park
		page.path("chainNode.enterprisesByPark").entityList(Map.class).containsExactly(
				Map.of("park", Map.of("id", "P"), "count", 1, "enterprises", List.of(Map.of("id", "e3"))),
				Map.of("park", Map.of("id", "Q"), "count", 1, "enterprises", List.of(Map.of("id", "q4"))),
				Map.of("park", Map.of("id", "PS"), "count", 1, "enterprises", List.of(Map.of("id", "e2"))));
		var e = tester().documentName("enterpriseQueries").operationName("nodeEnterprises").variable("id", "E").execute();
		e.path("chainNode.enterprisesByPark[0].park.id").entity(String.class).isEqualTo("Q");
		e.path("chainNode.enterprisesByPark[0].count").entity(Integer.class).isEqualTo(2);
		e.path("chainNode.enterprisesByPark[0].enterprises[*].id").entityList(String.class).containsExactly("q3", "q1");
		e.path("chainNode.enterprisesByPark[1].park").valueIsNull();
		e.path("chainNode.enterprisesByPark[1].enterprises[*].id").entityList(String.class).containsExactly("q2");
	}

	@Test
	void anEnterprisesUpstreamAndDownstreamAtTheChainLevel() {
		// e3 works in B: A feeds B, B feeds D
		segments("e3", List.of("A"), List.of("D"));
		// e2 works in B1, a sub-segment of B without FEEDS links of its own: it inherits B's
		segments("e2", List.of("A"), List.of("D"));
		segments("q4", List.of("A"), List.of("D"));
		// e4 works in D, fed by B and E
		segments("e4", List.of("B", "E"), List.of());
		segments("e1", List.of(), List.of("B", "E"));
		// G in chain C is fed by X of chain C2 and feeds Y: chain-level neighbours cross chains
		segments("e6", List.of(), List.of("G"));
	}

	private void segments(String enterprise, List<String> upstream, List<String> downstream) {
		var response = tester().documentName("enterpriseQueries").operationName("segments").variable("id", enterprise).execute();
		response.path("enterprise.upstreamSegments[*].id").entityList(String.class)
			.containsExactly(upstream.toArray(String[]::new));
		response.path("enterprise.downstreamSegments[*].id").entityList(String.class)
			.containsExactly(downstream.toArray(String[]::new));
	}

}
