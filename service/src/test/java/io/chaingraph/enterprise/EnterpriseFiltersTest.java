package io.chaingraph.enterprise;

import java.util.List;
import java.util.Map;

import io.chaingraph.support.ChainFixture;
import io.chaingraph.support.ChainFixtureTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.execution.ErrorType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filters by region, sub-parks and size ranges, and {@code enterpriseStats}, on {@link ChainFixture} with a
 * few values set here; every expected answer is counted from the fixture by hand.
 */
class EnterpriseFiltersTest extends ChainFixtureTest {

	@BeforeEach
	void build() {
		this.graph.write("""
				MATCH (e:Enterprise) WHERE e.id IN ['e1', 'e2', 'q3']
				SET e.region = CASE e.id WHEN 'q3' THEN '江苏省苏州市' ELSE '浙江省温州市鹿城区' END,
				    e.founded = CASE e.id WHEN 'e1' THEN 2010 WHEN 'e2' THEN 2018 ELSE 2021 END,
				    e.employees = CASE e.id WHEN 'e1' THEN 50 WHEN 'e2' THEN 500 ELSE 5000 END,
				    e.tags = CASE e.id WHEN 'e2' THEN ['HIGH_TECH'] ELSE e.tags END""", Map.of());
	}

	private List<String> ids(String arguments) {
		return tester().document("{ enterprises(" + arguments + ", first: 100) { edges { node { id } } } }").execute()
			.path("enterprises.edges[*].node.id").entityList(String.class).get();
	}

	@Test
	void regionSubParksAndRanges() {
		assertThat(ids("region: \"浙江省温州市\"")).containsExactly("e1", "e2");
		assertThat(ids("region: \"江苏\"")).containsExactly("q3");
		// e2 and e5 are in the sub-park PS
		assertThat(ids("parkId: \"P\"")).containsExactlyInAnyOrder("e1", "e2", "e3", "e4", "e5", "e6", "e7");
		assertThat(ids("parkId: \"P\", includeSubParks: false")).containsExactlyInAnyOrder("e1", "e3", "e4", "e6", "e7");
		assertThat(ids("employees: {min: 100}")).containsExactlyInAnyOrder("e2", "q1", "q3");
		assertThat(ids("employees: {min: 100, max: 999}")).containsExactlyInAnyOrder("e2", "q1");
		assertThat(ids("revenue: {max: 9.0}")).containsExactly("q1");
		assertThat(ids("founded: {min: 2015, max: 2020}")).containsExactly("e2");
		assertThat(ids("region: \"浙江\", founded: {max: 2015}")).containsExactly("e1");
	}

	@Test
	void statsCountPerTagStageSegmentAndPark() {
		var stats = tester().document("""
				{ enterpriseStats(parkId: "P") {
				    total byTag { tag count } byStage { stage count }
				    bySegment { node { id } count } byPark { park { id } count } } }""").execute();
		stats.path("enterpriseStats.total").entity(Integer.class).isEqualTo(7);
		stats.path("enterpriseStats.byTag").entityList(Map.class).containsExactly(Map.of("tag", "HIGH_TECH", "count", 1));
		// e1 → A (UP); e2 → B1, e3 → B (MID); e4, e5 → D, e7 → Y (DOWN); e6 → X (UP)
		stats.path("enterpriseStats.byStage").entityList(Map.class).containsExactly(
				Map.of("stage", "DOWNSTREAM", "count", 3), Map.of("stage", "MIDSTREAM", "count", 2),
				Map.of("stage", "UPSTREAM", "count", 2));
		stats.path("enterpriseStats.bySegment[0]").entity(Map.class)
			.isEqualTo(Map.of("node", Map.of("id", "D"), "count", 2));
		stats.path("enterpriseStats.bySegment").entityList(Object.class).hasSize(6);
		stats.path("enterpriseStats.byPark").entityList(Map.class)
			.containsExactly(Map.of("park", Map.of("id", "P"), "count", 5), Map.of("park", Map.of("id", "PS"), "count", 2));
		// the stats of a filter count what the list of the same filter holds
		var tagged = tester().document("{ enterpriseStats(tags: [\"leading\"]) { total byPark { park { id } count } } }").execute();
		tagged.path("enterpriseStats.total").entity(Integer.class).isEqualTo(ids("tags: [\"leading\"]").size());
		tagged.path("enterpriseStats.byPark").entityList(Map.class).containsExactly(Map.of("park", Map.of("id", "Q"), "count", 1));
		tester().document("{ enterpriseStats(nodeId: \"nope\") { total } }").execute()
			.errors().expect(e -> e.getErrorType() == ErrorType.NOT_FOUND && e.getMessage().contains("nope"));
	}

}
