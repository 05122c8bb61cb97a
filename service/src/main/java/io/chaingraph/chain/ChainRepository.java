package io.chaingraph.chain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.chaingraph.common.Cursors;
import io.chaingraph.common.KeysetPage;
import io.chaingraph.common.Props;
import io.chaingraph.config.Graph;
import io.chaingraph.enterprise.EnterpriseConnection;
import io.chaingraph.enterprise.EnterpriseEdge;
import io.chaingraph.entity.Chain;
import io.chaingraph.entity.ChainNode;
import io.chaingraph.entity.Enterprise;
import io.chaingraph.entity.Park;
import io.chaingraph.entity.Platform;

import org.springframework.stereotype.Repository;

/** Chain and chain segment reads; each method is one Cypher statement. */
@Repository
class ChainRepository {

	/** Cap on one-hop lists per parent. */
	static final int LIST_CAP = 1000;

	/** Chains and the chain list are small; this only guards against a runaway graph. */
	static final int MAX_CHAINS = 1000;

	/** Segments listed per chain (the generator's largest chains have 2,000). */
	static final int MAX_NODES_PER_CHAIN = 5000;

	private final Graph graph;

	private final Cursors cursors;

	ChainRepository(Graph graph, Cursors cursors) {
		this.graph = graph;
		this.cursors = cursors;
	}

	Optional<Chain> findChain(String id) {
		return this.graph.one("MATCH (c:Chain {id: $id}) RETURN c", Map.of("id", id), r -> Chain.from(r.get("c")));
	}

	List<Chain> findAllChains() {
		return this.graph.list("MATCH (c:Chain) RETURN c ORDER BY c.name, c.id LIMIT $cap", Map.of("cap", MAX_CHAINS),
				r -> Chain.from(r.get("c")));
	}

	Optional<ChainNode> findNode(String id) {
		return this.graph.one("MATCH (n:ChainNode {id: $id}) RETURN n", Map.of("id", id),
				r -> ChainNode.from(r.get("n")));
	}

	Map<String, List<ChainNode>> nodesOfChains(List<String> ids) {
		return this.graph.grouped("""
				UNWIND $ids AS id
				MATCH (c:Chain {id: id})
				CALL {
				  WITH c
				  MATCH (c)<-[:IN_CHAIN]-(n:ChainNode)
				  RETURN n ORDER BY CASE n.stage WHEN 'UPSTREAM' THEN 0 WHEN 'MIDSTREAM' THEN 1
				                    WHEN 'DOWNSTREAM' THEN 2 ELSE 3 END, n.name, n.id
				  LIMIT $cap
				}
				RETURN id AS key, n""", Map.of("ids", ids, "cap", MAX_NODES_PER_CHAIN), r -> ChainNode.from(r.get("n")));
	}

	Map<String, Chain> chainsOfNodes(List<String> ids) {
		return this.graph.keyed("""
				UNWIND $ids AS id
				MATCH (:ChainNode {id: id})-[:IN_CHAIN]->(c:Chain)
				RETURN id AS key, c""", Map.of("ids", ids), r -> Chain.from(r.get("c")));
	}

	Map<String, ChainNode> parents(List<String> ids) {
		return this.graph.keyed("""
				UNWIND $ids AS id
				MATCH (:ChainNode {id: id})-[:PART_OF]->(parent:ChainNode)
				RETURN id AS key, parent""", Map.of("ids", ids), r -> ChainNode.from(r.get("parent")));
	}

	private static final String CHILDREN = """
			UNWIND $ids AS id
			MATCH (n:ChainNode {id: id})
			CALL { WITH n MATCH (n)<-[:PART_OF]-(m:ChainNode) RETURN m ORDER BY m.name, m.id LIMIT $cap }
			RETURN id AS key, m""";

	private static final String UPSTREAM = """
			UNWIND $ids AS id
			MATCH (n:ChainNode {id: id})
			CALL { WITH n MATCH (n)<-[:FEEDS]-(m:ChainNode) RETURN m ORDER BY m.name, m.id LIMIT $cap }
			RETURN id AS key, m""";

	private static final String DOWNSTREAM = """
			UNWIND $ids AS id
			MATCH (n:ChainNode {id: id})
			CALL { WITH n MATCH (n)-[:FEEDS]->(m:ChainNode) RETURN m ORDER BY m.name, m.id LIMIT $cap }
			RETURN id AS key, m""";

	Map<String, List<ChainNode>> children(List<String> ids) {
		return neighbours(CHILDREN, ids);
	}

	Map<String, List<ChainNode>> upstream(List<String> ids) {
		return neighbours(UPSTREAM, ids);
	}

	Map<String, List<ChainNode>> downstream(List<String> ids) {
		return neighbours(DOWNSTREAM, ids);
	}

	private Map<String, List<ChainNode>> neighbours(String statement, List<String> ids) {
		return this.graph.grouped(statement, Map.of("ids", ids, "cap", LIST_CAP), r -> ChainNode.from(r.get("m")));
	}

	Map<String, List<Platform>> platforms(List<String> ids) {
		return this.graph.grouped("""
				UNWIND $ids AS id
				MATCH (n:ChainNode {id: id})
				CALL { WITH n MATCH (n)<-[:SERVES]-(pl:Platform) RETURN pl ORDER BY pl.name, pl.id LIMIT $cap }
				RETURN id AS key, pl""", Map.of("ids", ids, "cap", LIST_CAP), r -> Platform.from(r.get("pl")));
	}

	/** Per segment: the enterprises working in it or its sub-segments, grouped by the park they sit in. */
	Map<String, List<ParkGroup>> enterprisesByPark(List<String> ids) {
		return this.graph.grouped("""
				UNWIND $ids AS id
				MATCH (n:ChainNode {id: id})
				CALL {
				  WITH n
				  MATCH (n)<-[:PART_OF*0..10]-(:ChainNode)<-[:OPERATES_IN]-(e:Enterprise)
				  WITH DISTINCT e
				  OPTIONAL MATCH (e)-[:LOCATED_IN]->(p:Park)
				  WITH p, e ORDER BY e.name, e.id
				  WITH p, count(e) AS count, collect(e)[0..$sample] AS sample
				  RETURN p, count, sample ORDER BY count DESC, p.name
				  LIMIT $cap
				}
				RETURN id AS key, p, count, sample""", Map.of("ids", ids, "cap", LIST_CAP, "sample", GROUP_SAMPLE),
				r -> new ParkGroup(r.get("p").isNull() ? null : Park.from(r.get("p")),
						r.get("count").asInt(), r.get("sample").asList(v -> Enterprise.from(v))));
	}

	/** Enterprises listed per park group. */
	static final int GROUP_SAMPLE = 20;

	private static final String ENTERPRISE_PAGE = """
			UNWIND $ids AS id
			MATCH (n:ChainNode {id: id})
			CALL {
			  WITH n
			  MATCH (n)<-[:PART_OF*0..10]-(seg:ChainNode)<-[o:OPERATES_IN]-(e:Enterprise)
			  WHERE ($deep OR seg = n)
			    AND ($afterName IS NULL OR e.name > $afterName OR (e.name = $afterName AND e.id > $afterId))
			  WITH e, max(o.weight) AS weight, max(o.confidence) AS confidence
			  RETURN e, weight, confidence ORDER BY e.name, e.id LIMIT $limit
			}
			RETURN id AS key, e, weight, confidence""";

	private static final String ENTERPRISE_TOTAL = """
			UNWIND $ids AS id
			MATCH (n:ChainNode {id: id})
			CALL {
			  WITH n
			  MATCH (n)<-[:PART_OF*0..10]-(seg:ChainNode)<-[:OPERATES_IN]-(e:Enterprise)
			  WHERE ($deep OR seg = n)
			  RETURN count(DISTINCT e) AS total
			}
			RETURN id AS key, total""";

	Map<NodeEnterprisesKey, EnterpriseConnection> enterprisePages(Set<NodeEnterprisesKey> keys) {
		Map<NodeEnterprisesKey, EnterpriseConnection> result = new HashMap<>();
		Map<List<Object>, List<NodeEnterprisesKey>> groups = keys.stream()
			.collect(Collectors.groupingBy(k -> List.of(k.page(), k.deep())));
		groups.forEach((group, members) -> {
			KeysetPage page = members.get(0).page();
			boolean deep = members.get(0).deep();
			List<String> ids = members.stream().map(NodeEnterprisesKey::nodeId).distinct().toList();
			Map<String, Object> parameters = new HashMap<>(page.parameters());
			parameters.put("ids", ids);
			parameters.put("deep", deep);
			Map<String, List<EnterpriseEdge>> edges = this.graph.grouped(ENTERPRISE_PAGE, parameters,
					r -> EnterpriseEdge.of(Enterprise.from(r.get("e")), Props.dbl(r, "weight"),
							Props.dbl(r, "confidence")));
			Map<String, Integer> totals = page.withTotal()
					? this.graph.keyed(ENTERPRISE_TOTAL, Map.of("ids", ids, "deep", deep), r -> r.get("total").asInt())
					: Map.of();
			for (NodeEnterprisesKey key : members) {
				result.put(key, EnterpriseConnection.of(page, edges.getOrDefault(key.nodeId(), new ArrayList<>()),
						page.withTotal() ? totals.getOrDefault(key.nodeId(), 0) : null, this.cursors));
			}
		});
		return result;
	}

	/** Batch key for ChainNode.enterprises. */
	record NodeEnterprisesKey(String nodeId, KeysetPage page, boolean deep) {
	}

}
