package io.chaingraph.gap;

import java.util.List;
import java.util.Map;

import io.chaingraph.config.Graph;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.GraphQlTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Gap semantics on a graph built for them, every figure worked out by hand:
 *
 * <pre>
 * parks: R ⊃ R1 ⊃ R2 (two levels of sub-parks), O
 * chain K2 (segments by stage): Up (UP);  Mid, MidA PART_OF Mid, MidA1 PART_OF MidA, Gap, Half, Lone (MID);  Down (DOWN)
 * FEEDS: Up → Mid → Down,  Up → Gap → Down,  Up → Half
 * local to R:  r1 (R2) → MidA1;  r2 (R) → Mid and MidA;  r3 (R1) → Up;  r4 (R), r5 (R2) → Down
 * outside:     o1 (O, SPECIALIZED, 99 staff) → Gap conf 0.9, supplies r4, buys from r1;
 *              o2 "Same", o3 "Same" (no park, no confidence) → Gap;  o4 "Aaa" (no park) → Gap conf 0.5;
 *              o5 (O) → MidA1 conf 0.7
 * </pre>
 *
 * localCount for R: Up 1 (r3 via R1), Mid 2 (r1 via MidA1 ⊂ MidA ⊂ Mid and via R2 ⊂ R1 ⊂ R; r2 counted once),
 * MidA 2 (r1, r2), MidA1 1 (r1), Gap 0, Half 0, Lone 0, Down 2 (r4, r5).
 */
class GapSemanticsTest extends GraphQlTest {

	@Autowired
	Graph graph;

	@BeforeEach
	void build() {
		new Fixtures(this.graph).wipe().cypher("""
				CREATE (r:Park:Entity {id: 'R', name: 'R', aliases: []}),
				       (r1:Park:Entity {id: 'R1', name: 'R1', aliases: []})-[:PART_OF]->(r),
				       (r2:Park:Entity {id: 'R2', name: 'R2', aliases: []})-[:PART_OF]->(r1),
				       (o:Park:Entity {id: 'O', name: 'O', aliases: []}),
				       (k:Chain:Entity {id: 'K2', name: 'K2', aliases: []}),
				       (up:ChainNode:Entity {id: 'up', name: 'Up', aliases: [], stage: 'UPSTREAM'})-[:IN_CHAIN]->(k),
				       (mid:ChainNode:Entity {id: 'mid', name: 'Mid', aliases: [], stage: 'MIDSTREAM'})-[:IN_CHAIN]->(k),
				       (mida:ChainNode:Entity {id: 'mida', name: 'MidA', aliases: [], stage: 'MIDSTREAM'})-[:IN_CHAIN]->(k),
				       (mida1:ChainNode:Entity {id: 'mida1', name: 'MidA1', aliases: [], stage: 'MIDSTREAM'})-[:IN_CHAIN]->(k),
				       (gap:ChainNode:Entity {id: 'gap', name: 'Gap', aliases: [], stage: 'MIDSTREAM'})-[:IN_CHAIN]->(k),
				       (half:ChainNode:Entity {id: 'half', name: 'Half', aliases: [], stage: 'MIDSTREAM'})-[:IN_CHAIN]->(k),
				       (lone:ChainNode:Entity {id: 'lone', name: 'Lone', aliases: [], stage: 'MIDSTREAM'})-[:IN_CHAIN]->(k),
				       (down:ChainNode:Entity {id: 'down', name: 'Down', aliases: [], stage: 'DOWNSTREAM'})-[:IN_CHAIN]->(k),
				       (mida)-[:PART_OF]->(mid), (mida1)-[:PART_OF]->(mida),
				       (up)-[:FEEDS]->(mid), (mid)-[:FEEDS]->(down), (up)-[:FEEDS]->(gap), (gap)-[:FEEDS]->(down),
				       (up)-[:FEEDS]->(half),
				       (er1:Enterprise:Entity {id: 'r1', name: 'r1', aliases: [], tags: []})-[:LOCATED_IN]->(r2),
				       (er2:Enterprise:Entity {id: 'r2', name: 'r2', aliases: [], tags: []})-[:LOCATED_IN]->(r),
				       (er3:Enterprise:Entity {id: 'r3', name: 'r3', aliases: [], tags: []})-[:LOCATED_IN]->(r1),
				       (er4:Enterprise:Entity {id: 'r4', name: 'r4', aliases: [], tags: []})-[:LOCATED_IN]->(r),
				       (er5:Enterprise:Entity {id: 'r5', name: 'r5', aliases: [], tags: []})-[:LOCATED_IN]->(r2),
				       (er1)-[:OPERATES_IN]->(mida1), (er2)-[:OPERATES_IN]->(mid), (er2)-[:OPERATES_IN]->(mida),
				       (er3)-[:OPERATES_IN]->(up), (er4)-[:OPERATES_IN]->(down), (er5)-[:OPERATES_IN]->(down),
				       (o1:Enterprise:Entity {id: 'o1', name: 'Oone', aliases: [], tags: ['SPECIALIZED'], employees: 99})
				         -[:LOCATED_IN]->(o),
				       (o2:Enterprise:Entity {id: 'o2', name: 'Same', aliases: [], tags: []}),
				       (o3:Enterprise:Entity {id: 'o3', name: 'Same', aliases: [], tags: []}),
				       (o4:Enterprise:Entity {id: 'o4', name: 'Aaa', aliases: [], tags: []}),
				       (o5:Enterprise:Entity {id: 'o5', name: 'Five', aliases: [], tags: []})-[:LOCATED_IN]->(o),
				       (o1)-[:OPERATES_IN {confidence: 0.9}]->(gap), (o3)-[:OPERATES_IN]->(gap), (o2)-[:OPERATES_IN]->(gap),
				       (o4)-[:OPERATES_IN {confidence: 0.5}]->(gap), (o5)-[:OPERATES_IN {confidence: 0.7}]->(mida1),
				       (o1)-[:SUPPLIES {product: '部件'}]->(er4), (er1)-[:SUPPLIES]->(o1)
				""");
	}

	@Test
	void rollUpsThroughTwoLevelsOfSubSegmentsAndSubParks() {
		var response = tester().documentName("chainGaps").variable("parkId", "R").variable("chainId", "K2").execute();
		response.path("chainGaps.segments").entityList(Map.class).containsExactly(
				Map.of("node", Map.of("id", "up"), "localCount", 1, "kind", "WEAK"),
				Map.of("node", Map.of("id", "gap"), "localCount", 0, "kind", "BROKEN"),
				Map.of("node", Map.of("id", "half"), "localCount", 0, "kind", "MISSING"),
				Map.of("node", Map.of("id", "lone"), "localCount", 0, "kind", "MISSING"),
				segment("mid", 2), segment("mida", 2),
				Map.of("node", Map.of("id", "mida1"), "localCount", 1, "kind", "WEAK"),
				segment("down", 2));
		// 5 of 8 segments have a local enterprise
		response.path("chainGaps.coverage").entity(Double.class).satisfies(c -> assertThat(c).isCloseTo(5.0 / 8, within(1e-9)));
		response.path("chainGaps.counts").entity(Map.class)
			.isEqualTo(Map.of("segments", 8, "present", 5, "missing", 2, "broken", 1, "weak", 2));
	}

	private static Map<String, Object> segment(String id, int localCount) {
		Map<String, Object> segment = new java.util.HashMap<>();
		segment.put("node", Map.of("id", id));
		segment.put("localCount", localCount);
		segment.put("kind", null);
		return segment;
	}

	@Test
	void brokenNeedsPresentNeighboursOnBothSidesAndGapsComeMostSevereFirst() {
		var response = tester().documentName("chainGaps").variable("parkId", "R").variable("chainId", "K2").execute();
		// Gap: fed by Up (1) and feeds Down (2) → BROKEN; Half: fed by Up but feeds nothing → MISSING;
		// Lone: no neighbours → MISSING. Order: kind, then stage, then name: Half before Lone, Up (UP) before MidA1 (MID)
		response.path("chainGaps.gaps[*].node.id").entityList(String.class)
			.containsExactly("gap", "half", "lone", "up", "mida1");
		response.path("chainGaps.gaps[*].kind").entityList(String.class)
			.containsExactly("BROKEN", "MISSING", "MISSING", "WEAK", "WEAK");
		response.path("chainGaps.gaps[0].upstream").entityList(Map.class)
			.containsExactly(Map.of("node", Map.of("id", "up"), "localCount", 1, "present", true));
		response.path("chainGaps.gaps[0].downstream").entityList(Map.class)
			.containsExactly(Map.of("node", Map.of("id", "down"), "localCount", 2, "present", true));
		response.path("chainGaps.gaps[1].downstream").entityList(Object.class).hasSize(0);
		// outside enterprises in the segment or below it: Gap o1..o4; MidA1 o5; Up, Half, Lone none
		response.path("chainGaps.gaps[*].candidateCount").entityList(Integer.class).containsExactly(4, 0, 0, 0, 1);
		response.path("chainGaps.gaps[*].unserved").entityList(Boolean.class).satisfies(l -> assertThat(l).containsOnly(true));
	}

	/** One report statement, whatever the number of segments and parks, and the version read before it (GapReportCache). */
	@Test
	void oneStatementPerReport() {
		long before = this.graph.statementCount();
		tester().documentName("chainGaps").variable("parkId", "R").variable("chainId", "K2").execute().errors().verify();
		assertThat(this.graph.statementCount() - before).as("version + report").isEqualTo(2);
		before = this.graph.statementCount();
		tester().documentName("compareParks").variable("parkIds", List.of("R", "O", "R1")).variable("chainId", "K2")
			.execute().errors().verify();
		assertThat(this.graph.statementCount() - before).as("version + report").isEqualTo(2);
	}

	@Test
	void candidatesRankedWithTiesByNameThenIdAndReadableReasons() {
		var response = tester().documentName("gapCandidates").variable("parkId", "R").variable("nodeId", "gap").execute();
		// o1: SPECIALIZED 1 + ½·log10(99 + 1) = 1 + 2·0.9 + 2 ties × 2 = 7.8
		// o4 "Aaa": 2·0.5 = 1.0; o2 and o3 "Same": no confidence → 0.5 → 1.0; equal scores by name, then id
		response.path("gapCandidates.edges[*].node.enterprise.id").entityList(String.class).containsExactly("o1", "o4", "o2", "o3");
		response.path("gapCandidates.edges[*].node.score").entityList(Double.class).containsExactly(7.8, 1.0, 1.0, 1.0);
		// ties in a stable order (by the local enterprise's name): buys from r1, supplies r4
		response.path("gapCandidates.edges[0].node.reasons").entityList(String.class).containsExactly(
				"专精特新“小巨人”（+1） · Specialised 'little giant' (SPECIALIZED, +1)", "规模：员工 99 人 · Size: 99 employees",
				"挂链：Gap（关联置信度 0.90） · Works in Gap (link confidence 0.90)",
				"已从园区内的r1采购 · Already buys from r1 in the park",
				"已向园区内的r4供货（部件） · Already supplies r4 in the park (部件)", "位于O · Located in O");
		response.path("gapCandidates.edges[0].node.evidence.nodes[*].id").entityList(String.class).containsExactly("o1", "r1", "r4");
		response.path("gapCandidates.edges[0].node.evidence.edges[*].id").entityList(String.class)
			.containsExactly("SUPPLIES:r1->o1", "SUPPLIES:o1->r4");
		response.path("gapCandidates.edges[3].node.reasons").entityList(String.class)
			.containsExactly("挂链：Gap（关联置信度 0.50） · Works in Gap (link confidence 0.50)",
					"不在图中任何园区 · Not located in any park of the graph");

		// keyset pages over the tie: after o2 comes o3
		String afterO2 = response.path("gapCandidates.edges[2].cursor").entity(String.class).get();
		tester().documentName("gapCandidates").variable("parkId", "R").variable("nodeId", "gap").variable("after", afterO2)
			.execute()
			.path("gapCandidates.edges[*].node.enterprise.id").entityList(String.class).containsExactly("o3");
		String afterO1 = response.path("gapCandidates.edges[0].cursor").entity(String.class).get();
		tester().documentName("gapCandidates").variable("parkId", "R").variable("nodeId", "gap").variable("first", 2)
			.variable("after", afterO1).execute()
			.path("gapCandidates.edges[*].node.enterprise.id").entityList(String.class).containsExactly("o4", "o2");

		// two levels below Mid: o5 through MidA1; r1 and r2 are in the park (r1 in a sub-sub-park) and never candidates
		tester().documentName("gapCandidates").variable("parkId", "R").variable("nodeId", "mid").execute()
			.path("gapCandidates.edges[*].node.enterprise.id").entityList(String.class).containsExactly("o5");
		// for park O its own o5 drops out and R's enterprises become candidates: r1 1.0 + 2 (supplies o1) = 3.0, r2 1.0
		tester().documentName("gapCandidates").variable("parkId", "O").variable("nodeId", "mid").execute()
			.path("gapCandidates.edges[*].node.enterprise.id").entityList(String.class).containsExactly("r1", "r2");
	}

	@Test
	void parksComparedSideBySide() {
		var response = tester().documentName("compareParks").variable("parkIds", List.of("R", "O", "R1"))
			.variable("chainId", "K2").execute();
		response.path("compareParks[*].park.id").entityList(String.class).containsExactly("R", "O", "R1");
		response.path("compareParks[0].coverage").entity(Double.class).satisfies(c -> assertThat(c).isCloseTo(0.625, within(1e-9)));
		response.path("compareParks[0].counts").entity(Map.class)
			.isEqualTo(Map.of("segments", 8, "present", 5, "missing", 2, "broken", 1, "weak", 2));
		// enterprises per stage of the segment they work in: UP r3; MID r1, r2; DOWN r4, r5
		response.path("compareParks[0].enterprisesByStage").entityList(Map.class).containsExactly(
				Map.of("stage", "UPSTREAM", "enterprises", 1), Map.of("stage", "MIDSTREAM", "enterprises", 2),
				Map.of("stage", "DOWNSTREAM", "enterprises", 2));
		response.path("compareParks[0].localEnterprises").entity(Integer.class).isEqualTo(5);
		// O: Gap (o1), MidA1 (o5) and through it MidA and Mid present, each once → 4 of 8, all WEAK;
		// Up, Half, Lone, Down missing (Down's feeders Mid and Gap are present but it feeds nothing)
		response.path("compareParks[1].coverage").entity(Double.class).satisfies(c -> assertThat(c).isCloseTo(0.5, within(1e-9)));
		response.path("compareParks[1].counts").entity(Map.class)
			.isEqualTo(Map.of("segments", 8, "present", 4, "missing", 4, "broken", 0, "weak", 4));
		response.path("compareParks[1].enterprisesByStage[*].enterprises").entityList(Integer.class).containsExactly(0, 2, 0);
		response.path("compareParks[1].localEnterprises").entity(Integer.class).isEqualTo(2);
		// R1 holds R2: r1, r3, r5 → Up 1, MidA1/MidA/Mid 1, Down 1; Gap fed by Up, feeds Down → BROKEN
		response.path("compareParks[2].counts").entity(Map.class)
			.isEqualTo(Map.of("segments", 8, "present", 5, "missing", 2, "broken", 1, "weak", 5));
		response.path("compareParks[2].localEnterprises").entity(Integer.class).isEqualTo(3);
	}

}
