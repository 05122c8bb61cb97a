package io.chaingraph.gap;

import java.util.Map;

import io.chaingraph.config.Graph;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.GraphQlTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No N+1: a query that nests every per-parent field of the chain, gap and enterprise types under a
 * list of parents sends as many statements for 50 parents as for 5 (one per field and level).
 */
class NestedQueryTest extends GraphQlTest {

	@Autowired
	Graph graph;

	/**
	 * Park R (sub-park R1 holds "loc"), park O; chain N with n segments seg-i (seg-i FEEDS seg-i+1), each
	 * with a sub-segment sub-i; per i an outside enterprise out-i (in O, works in sub-i and in "hub" of
	 * chain M, supplies loc) and a platform pl-i (in O, serves seg-i, invests in out-i). R has no
	 * enterprise in N, so all 2n segments are gaps; "hub" has n candidates.
	 */
	private void build(int n) {
		new Fixtures(this.graph).wipe().cypher("""
				CREATE (r:Park:Entity {id: 'R', name: 'R', aliases: []}),
				       (r1:Park:Entity {id: 'R1', name: 'R1', aliases: []})-[:PART_OF]->(r),
				       (o:Park:Entity {id: 'O', name: 'O', aliases: []}),
				       (chain:Chain:Entity {id: 'N', name: 'N', aliases: []}),
				       (m:Chain:Entity {id: 'M', name: 'M', aliases: []}),
				       (hub:ChainNode:Entity {id: 'hub', name: 'hub', aliases: [], stage: 'MIDSTREAM'})-[:IN_CHAIN]->(m),
				       (r)-[:FOCUSES_ON {priority: 1}]->(chain),
				       (loc:Enterprise:Entity {id: 'loc', name: 'loc', aliases: [], tags: []})-[:LOCATED_IN]->(r1)
				WITH chain, o, hub, loc
				UNWIND range(1, $n) AS i
				CREATE (s:ChainNode:Entity {id: 'seg-' + i, name: 'seg-' + i, aliases: [], stage: 'MIDSTREAM'})
				         -[:IN_CHAIN]->(chain),
				       (sub:ChainNode:Entity {id: 'sub-' + i, name: 'sub-' + i, aliases: [], stage: 'MIDSTREAM'})
				         -[:IN_CHAIN]->(chain),
				       (sub)-[:PART_OF]->(s),
				       (e:Enterprise:Entity {id: 'out-' + i, name: 'out-' + i, aliases: [], tags: ['LISTED'], employees: i})
				         -[:LOCATED_IN]->(o),
				       (e)-[:OPERATES_IN {confidence: 0.5}]->(sub), (e)-[:OPERATES_IN]->(hub), (e)-[:SUPPLIES]->(loc),
				       (pl:Platform:Entity {id: 'pl-' + i, name: 'pl-' + i, aliases: []})-[:LOCATED_IN]->(o),
				       (pl)-[:SERVES]->(s), (pl)-[:INVESTS_IN]->(e)
				""", Map.of("n", n)).cypher("""
				UNWIND range(1, $n - 1) AS i
				MATCH (a:ChainNode {id: 'seg-' + i}), (b:ChainNode {id: 'seg-' + (i + 1)})
				CREATE (a)-[:FEEDS]->(b)
				""", Map.of("n", n));
	}

	private long gapStatements(int n) {
		build(n);
		long before = this.graph.statementCount();
		var response = tester().documentName("nested").operationName("nestedGaps").variable("parkId", "R")
			.variable("chainId", "N").execute();
		long sent = this.graph.statementCount() - before;
		response.errors().verify();
		response.path("chainGaps.gaps").entityList(Object.class).hasSize(2 * n);
		// spot checks that the nested fields were resolved, not empty
		response.path("chainGaps.gaps[?(@.node.id == 'sub-1')].node.parent.id").entityList(String.class)
			.containsExactly("seg-1");
		response.path("chainGaps.gaps[?(@.node.id == 'sub-1')].node.enterprises.edges[0].node.upstreamSegments")
			.entityList(Object.class).hasSize(1);
		response.path("chainGaps.gaps[?(@.node.id == 'seg-2')].node.upstream[*].id").entityList(String.class)
			.containsExactly("seg-1");
		return sent;
	}

	private long candidateStatements(int n) {
		build(n);
		long before = this.graph.statementCount();
		var response = tester().documentName("nested").operationName("nestedCandidates").variable("parkId", "R")
			.variable("nodeId", "hub").variable("first", n).execute();
		long sent = this.graph.statementCount() - before;
		response.errors().verify();
		response.path("gapCandidates.edges").entityList(Object.class).hasSize(n);
		response.path("gapCandidates.edges[0].node.enterprise.chainNodes").entityList(Object.class).hasSize(2);
		response.path("gapCandidates.edges[0].node.evidence.nodes[*].id").entityList(String.class)
			.containsExactly("out-" + n, "loc");
		return sent;
	}

	@Test
	void gapReportWithEveryNestedFieldCostsTheSameForFiveAndFiftyGaps() {
		long five = gapStatements(5);
		long fifty = gapStatements(50);
		assertThat(fifty).as("statements for 50 parents").isEqualTo(five);
		// the report itself, plus one statement per nested per-parent field
		assertThat(five).isLessThanOrEqualTo(25);
	}

	@Test
	void candidatesWithNestedEnterpriseFieldsCostTheSameForFiveAndFifty() {
		long five = candidateStatements(5);
		long fifty = candidateStatements(50);
		assertThat(fifty).as("statements for 50 parents").isEqualTo(five);
		assertThat(five).isLessThanOrEqualTo(12);
	}

}
