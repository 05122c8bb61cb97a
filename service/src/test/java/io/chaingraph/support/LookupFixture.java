package io.chaingraph.support;

import java.util.Map;

/**
 * A small hand-built graph for the lookup tests; each expected answer in LookupTest is read off this
 * picture. Names start with their id in capitals so the (name, id) order is plain to see.
 *
 * <pre>
 * parks:     L "L 主园区" ⊃ LS "LS 子园区" ⊃ LSS "LSS 孙园区" (PART_OF);  M "M 他园区"
 * chains:    K "K 基因药物": K1 (UP) → K2N "K2 生产" (MID) → K3 (DOWN); K2a, K2b PART_OF K2N; K0 (no stage)
 *            K2 "K2 软件": J1 (UP) → K3 (FEEDS across chains)
 * focus:     L → K2 {priority 1}, L → K {priority 2}; M → K (no priority)
 * firms:     x1 "Xa" in L (every property set), x2 "Xb" in LS, x3 "Xc" in LSS, x4 "Xd" in M,
 *            x5 "Xe" in no park, x6 "Xf" in L
 * 挂链:       x1 → K2a {w .8, c .9, source s1}, x1 → K3 {w .3}; x2 → K2N {w .5, c .7}, x2 → K2b {w .9, c .6};
 *            x3 → K2N, x3 → K3; x4 → K2a {w .2}; x5 → K2b; x6 → K2b
 * supplies:  x2 → x1 {测序服务, 2020, supplies.csv}, x4 → x1 {原料}, x1 → x3
 * platforms: P1 "P1 研发平台" (RESEARCH, NATIONAL, in L): SERVES K1 {2021, pl.csv}, INCUBATES x2 {2020},
 *            TRANSFERS_TECH_TO x1 {2022}; P2 "P2 产业基金" (FUND, MUNICIPAL, no park): SERVES K2N,
 *            INVESTS_IN x2 {2023, s}
 * import runs: run-old (2024-01, SUCCEEDED, one file summary), run-mid (2024-02, RUNNING),
 *            run-new (2024-03, FAILED with an error)
 * </pre>
 */
public final class LookupFixture {

	/** The one file summary of run-old: every count distinct, so a swapped field shows. */
	public static final String RUN_OLD_SUMMARY = """
			[{"file":"parks.csv","rows":3,"nodesCreated":4,"nodesUpdated":5,"nodesUnchanged":6,\
			"relsCreated":7,"relsUpdated":8,"relsUnchanged":9,"relsRemoved":10}]""";

	public static final String RUN_NEW_PROBLEMS = """
			[{"severity":"WARNING","file":"parks.csv","line":1,"column":"colour","message":"unknown column, ignored"},\
			{"severity":"ERROR","file":"a.csv","line":0,"column":"-","message":"broken"}]""";

	private LookupFixture() {
	}

	public static void build(Fixtures fixtures) {
		fixtures.wipe().cypher("""
				CREATE (l:Park:Entity {id: 'L', name: 'L 主园区', aliases: ['主谷', 'Main Valley'], kind: 'VALLEY',
				                       region: '温州', description: '主园区描述', source: 'parks.csv', version: 3}),
				       (ls:Park:Entity {id: 'LS', name: 'LS 子园区', aliases: [], kind: 'PARK'})-[:PART_OF]->(l),
				       (lss:Park:Entity {id: 'LSS', name: 'LSS 孙园区', aliases: []})-[:PART_OF]->(ls),
				       (m:Park:Entity {id: 'M', name: 'M 他园区', aliases: []}),
				       (k:Chain:Entity {id: 'K', name: 'K 基因药物', aliases: ['生命健康'], description: '链描述',
				                        source: 'chains.csv', version: 2}),
				       (k2c:Chain:Entity {id: 'K2', name: 'K2 软件', aliases: []}),
				       (k1:ChainNode:Entity {id: 'K1', name: 'K1 测序', aliases: ['测序'], stage: 'UPSTREAM',
				                             description: '段描述', source: 'chain_nodes.csv', version: 4})-[:IN_CHAIN]->(k),
				       (k2:ChainNode:Entity {id: 'K2N', name: 'K2 生产', aliases: [], stage: 'MIDSTREAM'})-[:IN_CHAIN]->(k),
				       (k2a:ChainNode:Entity {id: 'K2a', name: 'K2a 制剂', aliases: [], stage: 'MIDSTREAM'})-[:IN_CHAIN]->(k),
				       (k2b:ChainNode:Entity {id: 'K2b', name: 'K2b 原料药', aliases: [], stage: 'MIDSTREAM'})-[:IN_CHAIN]->(k),
				       (k3:ChainNode:Entity {id: 'K3', name: 'K3 医院', aliases: [], stage: 'DOWNSTREAM'})-[:IN_CHAIN]->(k),
				       (k0:ChainNode:Entity {id: 'K0', name: 'K0 服务', aliases: []})-[:IN_CHAIN]->(k),
				       (j1:ChainNode:Entity {id: 'J1', name: 'J1 设备', aliases: [], stage: 'UPSTREAM'})-[:IN_CHAIN]->(k2c),
				       (k2a)-[:PART_OF]->(k2), (k2b)-[:PART_OF]->(k2),
				       (k1)-[:FEEDS]->(k2), (k2)-[:FEEDS]->(k3), (j1)-[:FEEDS]->(k3),
				       (l)-[:FOCUSES_ON {priority: 1}]->(k2c), (l)-[:FOCUSES_ON {priority: 2}]->(k), (m)-[:FOCUSES_ON]->(k),
				       (x1:Enterprise:Entity {id: 'x1', name: 'Xa', aliases: ['甲', 'X-A'], creditCode: '91330300MA2CQKXN3R', stockCode: '002003', industry: '医药制造业',
				                              region: '温州', tags: ['LEADING', 'LISTED'], founded: 2010, employees: 300,
				                              revenue: 5.5, description: '企业描述', source: 'report', version: 5})-[:LOCATED_IN]->(l),
				       (x2:Enterprise:Entity {id: 'x2', name: 'Xb', aliases: [], tags: []})-[:LOCATED_IN]->(ls),
				       (x3:Enterprise:Entity {id: 'x3', name: 'Xc', aliases: [], tags: []})-[:LOCATED_IN]->(lss),
				       (x4:Enterprise:Entity {id: 'x4', name: 'Xd', aliases: [], tags: ['HIGH_TECH']})-[:LOCATED_IN]->(m),
				       (x5:Enterprise:Entity {id: 'x5', name: 'Xe', aliases: [], tags: []}),
				       (x6:Enterprise:Entity {id: 'x6', name: 'Xf', aliases: [], tags: []})-[:LOCATED_IN]->(l),
				       (x1)-[:OPERATES_IN {weight: 0.8, confidence: 0.9, source: 's1'}]->(k2a),
				       (x1)-[:OPERATES_IN {weight: 0.3}]->(k3),
				       (x2)-[:OPERATES_IN {weight: 0.5, confidence: 0.7}]->(k2),
				       (x2)-[:OPERATES_IN {weight: 0.9, confidence: 0.6}]->(k2b),
				       (x3)-[:OPERATES_IN]->(k2), (x3)-[:OPERATES_IN]->(k3),
				       (x4)-[:OPERATES_IN {weight: 0.2}]->(k2a), (x5)-[:OPERATES_IN]->(k2b), (x6)-[:OPERATES_IN]->(k2b),
				       (x2)-[:SUPPLIES {product: '测序服务', since: 2020, source: 'supplies.csv'}]->(x1),
				       (x4)-[:SUPPLIES {product: '原料'}]->(x1),
				       (x1)-[:SUPPLIES]->(x3),
				       (p1:Platform:Entity {id: 'P1', name: 'P1 研发平台', aliases: ['研发中心'], kind: 'RESEARCH',
				                            level: 'NATIONAL', description: '平台描述', source: 'platforms.csv', version: 6})-[:LOCATED_IN]->(l),
				       (p2:Platform:Entity {id: 'P2', name: 'P2 产业基金', aliases: [], kind: 'FUND', level: 'MUNICIPAL'}),
				       (p1)-[:SERVES {since: 2021, source: 'pl.csv'}]->(k1),
				       (p1)-[:INCUBATES {since: 2020}]->(x2),
				       (p1)-[:TRANSFERS_TECH_TO {since: 2022}]->(x1),
				       (p2)-[:SERVES]->(k2),
				       (p2)-[:INVESTS_IN {since: 2023, source: 's'}]->(x2),
				       (:ImportRun {id: 'run-old', dataset: '/data/old', status: 'SUCCEEDED',
				                    started: datetime('2024-01-05T10:00:01Z'), finished: datetime('2024-01-05T10:00:09Z'),
				                    checksums: ['parks.csv sha256:aa11'], rows: 3, rowsDone: 3, summary: $summary}),
				       (:ImportRun {id: 'run-mid', dataset: '/data/mid', status: 'RUNNING',
				                    started: datetime('2024-02-05T10:00:01Z'), checksums: [], rows: 100, rowsDone: 40}),
				       (:ImportRun {id: 'run-new', dataset: '/data/new', status: 'FAILED',
				                    started: datetime('2024-03-05T10:00:01Z'), finished: datetime('2024-03-05T10:00:02Z'),
				                    checksums: ['a.csv sha256:01', 'b.csv sha256:02'], rows: 9, rowsDone: 4,
				                    error: 'database went away', summary: '[]', actor: 'admin', dryRun: false,
				                    problems: $problems, report: 'the printed report'})
				""", Map.of("summary", RUN_OLD_SUMMARY, "problems", RUN_NEW_PROBLEMS));
	}

}
