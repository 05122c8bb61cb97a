package io.chaingraph.support;

/**
 * A hand-built chain graph whose gap report is worked out by hand (see GapApiTest).
 *
 * <pre>
 * parks: P ⊃ PS (PART_OF), Q
 * chain C: A(UP) → B(MID) → D(DOWN);  A → E(MID) → D;  B1, B2 PART_OF B;  G(DOWN)
 * chain C2: X → G → Y (FEEDS across chains)
 * local to P: e1 (P)→A, e2 (PS)→B1, e3 (P)→B, e4 (P)→D, e5 (PS)→D, e6 (P)→X, e7 (P)→Y
 * outside:    q1 (Q, LEADING LISTED, 999 staff, 9 亿)→E conf .8, supplies e3;
 *             q2 "Beta" (no park)→E conf .9; q3 "Alpha" (Q)→E conf .9; q4 (Q)→B2 (no confidence)
 * platforms:  pl1 (P) serves E; pl2 (Q) serves E; pl3 (Q) serves G
 * supplies:   e1 → e3 → e4 → e1 (a cycle), q1 → e3
 * </pre>
 */
public final class ChainFixture {

	private ChainFixture() {
	}

	public static void build(Fixtures fixtures) {
		fixtures.wipe().cypher("""
				CREATE (p:Park:Entity {id: 'P', name: '园区P', aliases: []}),
				       (ps:Park:Entity {id: 'PS', name: '子园区PS', aliases: []})-[:PART_OF]->(p),
				       (q:Park:Entity {id: 'Q', name: '园区Q', aliases: []}),
				       (c:Chain:Entity {id: 'C', name: '链C', aliases: []}),
				       (c2:Chain:Entity {id: 'C2', name: '链C2', aliases: []}),
				       (a:ChainNode:Entity {id: 'A', name: 'A段', aliases: [], stage: 'UPSTREAM'})-[:IN_CHAIN]->(c),
				       (b:ChainNode:Entity {id: 'B', name: 'B段', aliases: [], stage: 'MIDSTREAM'})-[:IN_CHAIN]->(c),
				       (b1:ChainNode:Entity {id: 'B1', name: 'B1段', aliases: [], stage: 'MIDSTREAM'})-[:IN_CHAIN]->(c),
				       (b2:ChainNode:Entity {id: 'B2', name: 'B2段', aliases: [], stage: 'MIDSTREAM'})-[:IN_CHAIN]->(c),
				       (e:ChainNode:Entity {id: 'E', name: 'E段', aliases: [], stage: 'MIDSTREAM'})-[:IN_CHAIN]->(c),
				       (d:ChainNode:Entity {id: 'D', name: 'D段', aliases: [], stage: 'DOWNSTREAM'})-[:IN_CHAIN]->(c),
				       (g:ChainNode:Entity {id: 'G', name: 'G段', aliases: [], stage: 'DOWNSTREAM'})-[:IN_CHAIN]->(c),
				       (x:ChainNode:Entity {id: 'X', name: 'X段', aliases: [], stage: 'UPSTREAM'})-[:IN_CHAIN]->(c2),
				       (y:ChainNode:Entity {id: 'Y', name: 'Y段', aliases: [], stage: 'DOWNSTREAM'})-[:IN_CHAIN]->(c2),
				       (b1)-[:PART_OF]->(b), (b2)-[:PART_OF]->(b),
				       (a)-[:FEEDS]->(b), (a)-[:FEEDS]->(e), (b)-[:FEEDS]->(d), (e)-[:FEEDS]->(d),
				       (x)-[:FEEDS]->(g), (g)-[:FEEDS]->(y),
				       (p)-[:FOCUSES_ON {priority: 1}]->(c),
				       (e1:Enterprise:Entity {id: 'e1', name: 'e1', aliases: [], tags: []})-[:LOCATED_IN]->(p),
				       (e2:Enterprise:Entity {id: 'e2', name: 'e2', aliases: [], tags: []})-[:LOCATED_IN]->(ps),
				       (e3:Enterprise:Entity {id: 'e3', name: 'e3', aliases: [], tags: []})-[:LOCATED_IN]->(p),
				       (e4:Enterprise:Entity {id: 'e4', name: 'e4', aliases: [], tags: []})-[:LOCATED_IN]->(p),
				       (e5:Enterprise:Entity {id: 'e5', name: 'e5', aliases: [], tags: []})-[:LOCATED_IN]->(ps),
				       (e6:Enterprise:Entity {id: 'e6', name: 'e6', aliases: [], tags: []})-[:LOCATED_IN]->(p),
				       (e7:Enterprise:Entity {id: 'e7', name: 'e7', aliases: [], tags: []})-[:LOCATED_IN]->(p),
				       (e1)-[:OPERATES_IN]->(a), (e2)-[:OPERATES_IN]->(b1), (e3)-[:OPERATES_IN]->(b),
				       (e4)-[:OPERATES_IN]->(d), (e5)-[:OPERATES_IN]->(d), (e6)-[:OPERATES_IN]->(x),
				       (e7)-[:OPERATES_IN]->(y),
				       (q1:Enterprise:Entity {id: 'q1', name: 'Gamma', aliases: [], tags: ['LEADING', 'LISTED'],
				                              employees: 999, revenue: 9.0})-[:LOCATED_IN]->(q),
				       (q2:Enterprise:Entity {id: 'q2', name: 'Beta', aliases: [], tags: []}),
				       (q3:Enterprise:Entity {id: 'q3', name: 'Alpha', aliases: [], tags: []})-[:LOCATED_IN]->(q),
				       (q4:Enterprise:Entity {id: 'q4', name: 'Delta', aliases: [], tags: []})-[:LOCATED_IN]->(q),
				       (q1)-[:OPERATES_IN {confidence: 0.8}]->(e), (q2)-[:OPERATES_IN {confidence: 0.9}]->(e),
				       (q3)-[:OPERATES_IN {confidence: 0.9}]->(e), (q4)-[:OPERATES_IN]->(b2),
				       (pl1:Platform:Entity {id: 'pl1', name: '平台1', aliases: []})-[:LOCATED_IN]->(p),
				       (pl2:Platform:Entity {id: 'pl2', name: '平台2', aliases: []})-[:LOCATED_IN]->(q),
				       (pl3:Platform:Entity {id: 'pl3', name: '平台3', aliases: []})-[:LOCATED_IN]->(q),
				       (pl1)-[:SERVES]->(e), (pl2)-[:SERVES]->(e), (pl3)-[:SERVES]->(g),
				       (e1)-[:SUPPLIES {product: '原料'}]->(e3), (e3)-[:SUPPLIES]->(e4), (e4)-[:SUPPLIES]->(e1),
				       (q1)-[:SUPPLIES {product: '设备', since: 2019}]->(e3)
				""");
	}

}
