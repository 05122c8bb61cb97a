package io.chaingraph.gap;

import java.util.List;
import java.util.Map;

import io.chaingraph.support.ChainFixture;
import io.chaingraph.support.ChainFixtureTest;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.execution.ErrorType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** chainGaps, gapCandidates and compareParks on {@link ChainFixture}, answers worked out by hand. */
class GapApiTest extends ChainFixtureTest {


	@Test
	void eachGapKindWithRollUpsThroughSubSegmentsSubParksAndOtherChains() {
		var response = tester().documentName("chainGaps").variable("parkId", "P").variable("chainId", "C").execute();
		// present: A (e1), B (e3 + e2 via B1 in sub-park PS), B1 (e2), D (e4, e5 in PS) → 4 of 7
		response.path("chainGaps.coverage").entity(Double.class).satisfies(c -> assertThat(c).isCloseTo(4.0 / 7, within(1e-9)));
		response.path("chainGaps.counts").entity(Map.class)
			.isEqualTo(Map.of("segments", 7, "present", 4, "missing", 1, "broken", 2, "weak", 2));
		// most severe first: BROKEN E (MID), G (DOWN, neighbours in chain C2); MISSING B2; WEAK A (UP), B1 (MID)
		response.path("chainGaps.gaps[*].node.id").entityList(String.class).containsExactly("E", "G", "B2", "A", "B1");
		response.path("chainGaps.gaps[*].kind").entityList(String.class)
			.containsExactly("BROKEN", "BROKEN", "MISSING", "WEAK", "WEAK");
		response.path("chainGaps.gaps[*].localCount").entityList(Integer.class).containsExactly(0, 0, 0, 1, 1);
		response.path("chainGaps.gaps[0].upstream").entityList(Map.class)
			.containsExactly(Map.of("node", Map.of("id", "A"), "localCount", 1, "present", true));
		response.path("chainGaps.gaps[0].downstream").entityList(Map.class)
			.containsExactly(Map.of("node", Map.of("id", "D"), "localCount", 2, "present", true));
		response.path("chainGaps.gaps[1].upstream[0].node.id").entity(String.class).isEqualTo("X");
		response.path("chainGaps.gaps[1].downstream[0].node.id").entity(String.class).isEqualTo("Y");
		response.path("chainGaps.gaps[*].candidateCount").entityList(Integer.class).containsExactly(3, 0, 1, 0, 0);
		response.path("chainGaps.gaps[0].localPlatforms[*].id").entityList(String.class).containsExactly("pl1");
		response.path("chainGaps.gaps[0].otherPlatforms[*].id").entityList(String.class).containsExactly("pl2");
		response.path("chainGaps.gaps[*].unserved").entityList(Boolean.class).containsExactly(false, true, true, true, true);
		response.path("chainGaps.gaps[0].stage").entity(String.class).isEqualTo("MIDSTREAM");
		response.path("chainGaps.segments[*].node.id").entityList(String.class)
			.containsExactly("A", "B1", "B2", "B", "E", "D", "G");
	}

	@Test
	void weakBelowMovesTheThreshold() {
		var response = tester().documentName("chainGaps").variable("parkId", "P").variable("chainId", "C")
			.variable("weakBelow", 3).execute();
		// B (2) and D (2) become WEAK too
		response.path("chainGaps.gaps[*].node.id").entityList(String.class)
			.containsExactly("E", "G", "B2", "A", "B1", "B", "D");
		tester().documentName("chainGaps").variable("parkId", "P").variable("chainId", "C").variable("weakBelow", 1)
			.execute()
			.path("chainGaps.gaps[*].kind").entityList(String.class).containsExactly("BROKEN", "BROKEN", "MISSING");
	}

	@Test
	void unknownIdsAndBadArgumentsAreErrors() {
		tester().documentName("chainGaps").variable("parkId", "nope").variable("chainId", "C").execute()
			.errors().expect(e -> e.getErrorType() == ErrorType.NOT_FOUND && e.getMessage().equals("No park with id 'nope'"));
		tester().documentName("chainGaps").variable("parkId", "P").variable("chainId", "A").execute()
			.errors().expect(e -> e.getErrorType() == ErrorType.NOT_FOUND
					&& e.getMessage().equals("No chain with id 'A' ('A' is a ChainNode)"));
		tester().documentName("chainGaps").variable("parkId", "P").variable("chainId", "C").variable("weakBelow", 0)
			.execute()
			.errors().expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage().contains("weakBelow"));
		tester().documentName("gapCandidates").variable("parkId", "P").variable("nodeId", "nope").execute()
			.errors().expect(e -> e.getErrorType() == ErrorType.NOT_FOUND);
	}

	@Test
	void candidatesAreRankedWithReasonsEvidenceAndTiesByName() {
		var response = tester().documentName("gapCandidates").variable("parkId", "P").variable("nodeId", "E").execute();
		// q1: 3 + 2 (tags) + ½·log10(1000) + log10(10) + 2·0.8 + 2·1 tie = 11.1; q3 "Alpha" and q2 "Beta": 2·0.9 = 1.8
		response.path("gapCandidates.edges[*].node.enterprise.id").entityList(String.class).containsExactly("q1", "q3", "q2");
		response.path("gapCandidates.edges[*].node.score").entityList(Double.class).containsExactly(11.1, 1.8, 1.8);
		response.path("gapCandidates.edges[0].node.reasons").entityList(String.class).containsExactly(
				"龙头企业（+3） · Leading enterprise (LEADING, +3)", "上市公司（+2） · Listed company (LISTED, +2)",
				"规模：员工 999 人，营收 9.0 亿元 · Size: 999 employees, revenue 9.0 亿元",
				"挂链：E段（关联置信度 0.80） · Works in E段 (link confidence 0.80)",
				"已向园区内的e3供货（设备，2019 年起） · Already supplies e3 in the park (设备, since 2019)",
				"位于园区Q · Located in 园区Q");
		response.path("gapCandidates.edges[2].node.reasons").entityList(String.class)
			.containsExactly("挂链：E段（关联置信度 0.90） · Works in E段 (link confidence 0.90)",
					"不在图中任何园区 · Not located in any park of the graph");
		// the same reasons with codes, each language apart, and a tag's points
		var details = tester().document("{ gapCandidates(parkId: \"P\", nodeId: \"E\", first: 1) { edges { node { "
				+ "reasons reasonDetails { code label labelEn points } } } } }").execute();
		details.path("gapCandidates.edges[0].node.reasonDetails[*].code").entityList(String.class)
			.containsExactly("LEADING", "LISTED", "SIZE", "WORKS_IN", "SUPPLIES_LOCAL", "LOCATED_IN");
		details.path("gapCandidates.edges[0].node.reasonDetails[0]").entity(Map.class).isEqualTo(Map.of("code", "LEADING",
				"label", "龙头企业（+3）", "labelEn", "Leading enterprise (LEADING, +3)", "points", 3.0));
		details.path("gapCandidates.edges[0].node.reasonDetails[2].points").valueIsNull();
		response.path("gapCandidates.edges[0].node.evidence.nodes[*].id").entityList(String.class).containsExactly("q1", "e3");
		response.path("gapCandidates.edges[0].node.evidence.edges[0]").entity(Map.class)
			.isEqualTo(Map.of("id", "SUPPLIES:q1->e3", "type", "SUPPLIES", "source", "q1", "target", "e3"));
		response.path("gapCandidates.edges[1].node.evidence.edges").entityList(Object.class).hasSize(0);

		String cursor = response.path("gapCandidates.edges[1].cursor").entity(String.class).get();
		tester().documentName("gapCandidates").variable("parkId", "P").variable("nodeId", "E").variable("first", 1)
			.variable("after", cursor).execute()
			.path("gapCandidates.edges[*].node.enterprise.id").entityList(String.class).containsExactly("q2");
		// a parent segment's candidates include those of its sub-segments; local enterprises never appear
		tester().documentName("gapCandidates").variable("parkId", "P").variable("nodeId", "B").execute()
			.path("gapCandidates.edges[*].node.enterprise.id").entityList(String.class).containsExactly("q4");
		tester().documentName("gapCandidates").variable("parkId", "Q").variable("nodeId", "D").execute()
			.path("gapCandidates.edges[*].node.enterprise.id").entityList(String.class).containsExactly("e4", "e5");
	}

	@Test
	void candidatesAreAConnectionWithPageInfoAndTotal() {
		var first = tester().documentName("gapCandidates").variable("parkId", "P").variable("nodeId", "E")
			.variable("first", 2).execute();
		first.path("gapCandidates.totalCount").entity(Integer.class).isEqualTo(3);
		first.path("gapCandidates.edges[*].node.enterprise.id").entityList(String.class).containsExactly("q1", "q3");
		first.path("gapCandidates.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		first.path("gapCandidates.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
		String end = first.path("gapCandidates.pageInfo.endCursor").entity(String.class).get();
		assertThat(end).isEqualTo(first.path("gapCandidates.edges[1].cursor").entity(String.class).get());
		var rest = tester().documentName("gapCandidates").variable("parkId", "P").variable("nodeId", "E")
			.variable("first", 2).variable("after", end).execute();
		rest.path("gapCandidates.edges[*].node.enterprise.id").entityList(String.class).containsExactly("q2");
		rest.path("gapCandidates.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		rest.path("gapCandidates.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
		rest.path("gapCandidates.totalCount").entity(Integer.class).isEqualTo(3);
		// the deprecated per-candidate cursor is the edge's
		tester().document("{ gapCandidates(parkId: \"P\", nodeId: \"E\", first: 1) { edges { cursor node { cursor } } } }")
			.execute()
			.path("gapCandidates.edges[0]")
			.entity(Map.class)
			.satisfies(edge -> assertThat(edge.get("cursor")).isEqualTo(((Map<?, ?>) edge.get("node")).get("cursor")));
		// no candidate at all: an empty page, not an error
		var none = tester().documentName("gapCandidates").variable("parkId", "P").variable("nodeId", "G").execute();
		none.path("gapCandidates.totalCount").entity(Integer.class).isEqualTo(0);
		none.path("gapCandidates.pageInfo.endCursor").valueIsNull();
	}

	@Test
	void candidatesFilteredByTheStartOfTheirRegion() {
		this.graph.write("""
				MATCH (q1:Enterprise {id: 'q1'}), (q2:Enterprise {id: 'q2'}), (q3:Enterprise {id: 'q3'})
				SET q1.region = '浙江省温州市', q2.region = '浙江省杭州市', q3.region = '江苏省南京市'""", Map.of());
		var zhejiang = tester().documentName("gapCandidates").variable("parkId", "P").variable("nodeId", "E")
			.variable("region", "浙江省").execute();
		// the same ranking as without a region, q3 left out
		zhejiang.path("gapCandidates.edges[*].node.enterprise.id").entityList(String.class).containsExactly("q1", "q2");
		zhejiang.path("gapCandidates.totalCount").entity(Integer.class).isEqualTo(2);
		var wenzhou = tester().documentName("gapCandidates").variable("parkId", "P").variable("nodeId", "E")
			.variable("region", "浙江省温州市").variable("first", 1).execute();
		wenzhou.path("gapCandidates.edges[*].node.enterprise.id").entityList(String.class).containsExactly("q1");
		wenzhou.path("gapCandidates.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		// blank is no filter; a region nobody is in is an empty page, not an error
		tester().documentName("gapCandidates").variable("parkId", "P").variable("nodeId", "E").variable("region", "  ")
			.execute()
			.path("gapCandidates.totalCount").entity(Integer.class).isEqualTo(3);
		var nobody = tester().documentName("gapCandidates").variable("parkId", "P").variable("nodeId", "E")
			.variable("region", "上海市").execute();
		nobody.path("gapCandidates.edges").entityList(Map.class).hasSize(0);
		nobody.path("gapCandidates.totalCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void parkGapsAnswersEveryFocusChainInPriorityOrder() {
		this.graph.write("MATCH (p:Park {id: 'P'}), (c:Chain {id: 'C2'}) CREATE (p)-[:FOCUSES_ON {priority: 2}]->(c)",
				Map.of());
		var response = tester().document("{ parkGaps(parkId: \"P\") { chain { id } coverage gaps { node { id } kind } } }")
			.execute();
		response.path("parkGaps[*].chain.id").entityList(String.class).containsExactly("C", "C2");
		// each report is the chain's own chainGaps
		for (String chain : new String[] { "C", "C2" }) {
			Object alone = tester().document("{ chainGaps(parkId: \"P\", chainId: \"" + chain
					+ "\") { chain { id } coverage gaps { node { id } kind } } }").execute().path("chainGaps").entity(Map.class).get();
			response.path("parkGaps[" + (chain.equals("C") ? 0 : 1) + "]").entity(Map.class).isEqualTo(alone);
		}
		tester().document("{ parkGaps(parkId: \"Q\") { coverage } }").execute().path("parkGaps").entityList(Object.class)
			.hasSize(0);
		tester().document("{ parkGaps(parkId: \"nope\") { coverage } }").execute()
			.errors().expect(e -> e.getErrorType() == ErrorType.NOT_FOUND && e.getMessage().contains("nope"));
	}

	@Test
	void parksSideBySide() {
		var response = tester().documentName("compareParks").variable("parkIds", List.of("P", "Q")).variable("chainId", "C")
			.execute();
		response.path("compareParks[*].park.id").entityList(String.class).containsExactly("P", "Q");
		response.path("compareParks[0].counts").entity(Map.class)
			.isEqualTo(Map.of("segments", 7, "present", 4, "missing", 1, "broken", 2, "weak", 2));
		response.path("compareParks[0].enterprisesByStage").entityList(Map.class).containsExactly(
				Map.of("stage", "UPSTREAM", "enterprises", 1), Map.of("stage", "MIDSTREAM", "enterprises", 2),
				Map.of("stage", "DOWNSTREAM", "enterprises", 2));
		response.path("compareParks[0].localEnterprises").entity(Integer.class).isEqualTo(5);
		// Q: E (q1, q3), B2 (q4) and B (q4 via B2) present; B and B2 weak; A, B1, D, G missing (no local neighbours)
		response.path("compareParks[1].coverage").entity(Double.class)
			.satisfies(c -> assertThat(c).isCloseTo(3.0 / 7, within(1e-9)));
		response.path("compareParks[1].counts").entity(Map.class)
			.isEqualTo(Map.of("segments", 7, "present", 3, "missing", 4, "broken", 0, "weak", 2));
		response.path("compareParks[1].enterprisesByStage[*].enterprises").entityList(Integer.class).containsExactly(0, 3, 0);
		response.path("compareParks[1].localEnterprises").entity(Integer.class).isEqualTo(3);
		tester().documentName("compareParks").variable("parkIds", List.of()).variable("chainId", "C").execute()
			.errors().expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST);
	}

	@Test
	void parksSideBySideSegmentBySegment() {
		var response = tester().documentName("compareParks").variable("parkIds", List.of("P", "Q")).variable("chainId", "C")
			.execute();
		// every segment of C in chain order (stage, then name): A | B1段, B2段, B段, E段 | D, G
		for (int i = 0; i < 2; i++) {
			response.path("compareParks[" + i + "].segments[*].node.id").entityList(String.class)
				.containsExactly("A", "B1", "B2", "B", "E", "D", "G");
		}
		// P: A (e1), B1 (e2 in PS), B (e3 + e2 via B1), D (e4, e5 in PS); E and G cut between held segments
		response.path("compareParks[0].segments[*].localCount").entityList(Integer.class).containsExactly(1, 1, 0, 2, 0, 2, 0);
		response.path("compareParks[0].segments[*].kind").entityList(String.class)
			.containsExactly("WEAK", "WEAK", "MISSING", null, "BROKEN", null, "BROKEN");
		// Q: B2 (q4), B (q4 via B2), E (q1, q3); nothing local on either side of the others
		response.path("compareParks[1].segments[*].localCount").entityList(Integer.class).containsExactly(0, 0, 1, 1, 2, 0, 0);
		response.path("compareParks[1].segments[*].kind").entityList(String.class)
			.containsExactly("MISSING", "MISSING", "WEAK", "WEAK", null, "MISSING", "MISSING");
		// the same segments as each park's own chainGaps
		for (String park : new String[] { "P", "Q" }) {
			Object alone = tester().documentName("chainGaps").variable("parkId", park).variable("chainId", "C").execute()
				.path("chainGaps.segments").entityList(Map.class).get();
			response.path("compareParks[" + (park.equals("P") ? 0 : 1) + "].segments").entityList(Map.class).isEqualTo(alone);
		}
		// P holds A, B1, B, D; Q holds B2, B, E: B is held by both, G by neither
		response.path("compareParks[0].heldOnlyHere[*].id").entityList(String.class).containsExactly("A", "B1", "D");
		response.path("compareParks[0].lackedHeldElsewhere[*].id").entityList(String.class).containsExactly("B2", "E");
		response.path("compareParks[1].heldOnlyHere[*].id").entityList(String.class).containsExactly("B2", "E");
		response.path("compareParks[1].lackedHeldElsewhere[*].id").entityList(String.class).containsExactly("A", "B1", "D");
		// one park alone: nothing to hold or lack against
		var alone = tester().documentName("compareParks").variable("parkIds", List.of("P")).variable("chainId", "C").execute();
		alone.path("compareParks[0].segments[*].node.id").entityList(String.class)
			.containsExactly("A", "B1", "B2", "B", "E", "D", "G");
		alone.path("compareParks[0].heldOnlyHere").entityList(Object.class).hasSize(0);
		alone.path("compareParks[0].lackedHeldElsewhere").entityList(Object.class).hasSize(0);
	}

}
