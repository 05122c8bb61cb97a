package io.chaingraph.gap;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.chaingraph.config.Graph;
import org.neo4j.driver.Record;

import org.springframework.stereotype.Repository;

/** The gap statements: one for a whole report (any number of parks), one for a page of candidates. */
@Repository
class GapRepository {

	/**
	 * For each park and every segment of the chain plus their FEEDS neighbours in any chain: the
	 * number of distinct local enterprises (located in the park or its sub-parks, working in the
	 * segment or its sub-segments) and of enterprises elsewhere; for the chain's own segments also
	 * their FEEDS neighbours and serving platforms (local or not); per park the local enterprises per stage.
	 */
	static final String REPORT_STATEMENT = """
			UNWIND $parkIds AS parkId
			MATCH (p:Park {id: parkId})
			MATCH (c:Chain {id: $chainId})
			CALL {
			  WITH p, c
			  OPTIONAL MATCH (c)<-[:IN_CHAIN]-(seg:ChainNode)<-[:OPERATES_IN]-(e:Enterprise)
			  WHERE EXISTS { (e)-[:LOCATED_IN]->(:Park)-[:PART_OF*0..10]->(p) }
			  WITH seg.stage AS stage, count(DISTINCT e) AS n
			  RETURN collect(CASE WHEN stage IS NOT NULL THEN {stage: stage, n: n} END) AS perStage
			}
			CALL {
			  WITH p, c
			  OPTIONAL MATCH (c)<-[:IN_CHAIN]-(:ChainNode)<-[:OPERATES_IN]-(e:Enterprise)
			  WHERE EXISTS { (e)-[:LOCATED_IN]->(:Park)-[:PART_OF*0..10]->(p) }
			  RETURN count(DISTINCT e) AS localEnterprises
			}
			CALL {
			  WITH c
			  MATCH (c)<-[:IN_CHAIN]-(n:ChainNode)
			  OPTIONAL MATCH (n)-[:FEEDS]-(m:ChainNode)
			  WITH collect(DISTINCT n) + collect(DISTINCT m) AS xs
			  UNWIND xs AS x
			  RETURN DISTINCT x
			}
			CALL {
			  WITH x, p
			  OPTIONAL MATCH (x)<-[:PART_OF*0..10]-(:ChainNode)<-[:OPERATES_IN]-(e:Enterprise)
			  WITH DISTINCT p, e
			  WITH e, e IS NOT NULL AND EXISTS { (e)-[:LOCATED_IN]->(:Park)-[:PART_OF*0..10]->(p) } AS local
			  RETURN count(CASE WHEN local THEN 1 END) AS localCount,
			         count(CASE WHEN e IS NOT NULL AND NOT local THEN 1 END) AS elsewhere
			}
			WITH p, c, x, perStage, localEnterprises, localCount, elsewhere, EXISTS { (x)-[:IN_CHAIN]->(c) } AS inChain
			RETURN p AS park, c AS chain, perStage, localEnterprises, x AS node, inChain, localCount, elsewhere,
			       CASE WHEN inChain THEN [(x)<-[:FEEDS]-(u:ChainNode) | u.id] ELSE [] END AS upstream,
			       CASE WHEN inChain THEN [(x)-[:FEEDS]->(d:ChainNode) | d.id] ELSE [] END AS downstream,
			       CASE WHEN inChain THEN [(x)<-[:SERVES]-(pl:Platform) | {platform: pl,
			         local: EXISTS { (pl)-[:LOCATED_IN]->(:Park)-[:PART_OF*0..10]->(p) }}] ELSE [] END AS platforms""";

	static final String CANDIDATES = """
			MATCH (p:Park {id: $parkId})
			MATCH (n:ChainNode {id: $nodeId})
			CALL {
			  WITH p, n
			  MATCH (n)<-[:PART_OF*0..10]-(seg:ChainNode)<-[o:OPERATES_IN]-(e:Enterprise)
			  WHERE NOT EXISTS { (e)-[:LOCATED_IN]->(:Park)-[:PART_OF*0..10]->(p) }
			  WITH p, e, max(coalesce(o.confidence, 0.5)) AS confidence, collect(DISTINCT seg.name) AS segments
			  CALL {
			    WITH p, e
			    OPTIONAL MATCH (e)-[s:SUPPLIES]-(l:Enterprise)
			    WHERE EXISTS { (l)-[:LOCATED_IN]->(:Park)-[:PART_OF*0..10]->(p) }
			    WITH e, s, l ORDER BY l.name, l.id, startNode(s) = e
			    RETURN collect(CASE WHEN l IS NOT NULL THEN {id: l.id, name: l.name, supplies: startNode(s) = e,
			                   product: s.product, since: s.since} END) AS ties
			  }
			  WITH e, confidence, segments, ties,
			       CASE WHEN 'LEADING' IN e.tags THEN 3 ELSE 0 END + CASE WHEN 'LISTED' IN e.tags THEN 2 ELSE 0 END
			       + CASE WHEN 'UNICORN' IN e.tags THEN 2 ELSE 0 END + CASE WHEN 'SPECIALIZED' IN e.tags THEN 1 ELSE 0 END
			       + CASE WHEN 'HIGH_TECH' IN e.tags THEN 1 ELSE 0 END AS tagScore,
			       coalesce(log10(e.employees + 1) / 2, 0) + coalesce(log10(e.revenue + 1), 0) AS sizeScore
			  RETURN e, confidence, segments, ties,
			         round(tagScore + sizeScore + 2 * confidence
			               + 2 * CASE WHEN size(ties) > 3 THEN 3 ELSE size(ties) END, 3) AS score
			}
			WITH e, confidence, segments, ties, score
			WHERE $afterScore IS NULL OR score < $afterScore
			   OR (score = $afterScore AND (e.name > $afterName OR (e.name = $afterName AND e.id > $afterId)))
			RETURN e, confidence, segments, ties, score, [(e)-[:LOCATED_IN]->(lp:Park) | lp.name][0] AS parkName
			ORDER BY score DESC, e.name, e.id
			LIMIT $limit""";

	static final String EXISTS = """
			UNWIND $ids AS id
			OPTIONAL MATCH (n:Entity {id: id})
			RETURN id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label""";

	private final Graph graph;

	GapRepository(Graph graph) {
		this.graph = graph;
	}

	List<Record> report(List<String> parkIds, String chainId) {
		return this.graph.list(REPORT_STATEMENT, reportParameters(parkIds, chainId), r -> r);
	}

	static Map<String, Object> reportParameters(List<String> parkIds, String chainId) {
		return Map.of("parkIds", parkIds, "chainId", chainId);
	}

	List<Record> candidates(String parkId, String nodeId, CandidateCursor after, int limit) {
		return this.graph.list(CANDIDATES, candidateParameters(parkId, nodeId, after, limit), r -> r);
	}

	static Map<String, Object> candidateParameters(String parkId, String nodeId, CandidateCursor after, int limit) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("parkId", parkId);
		parameters.put("nodeId", nodeId);
		parameters.put("afterScore", (after != null) ? after.score() : null);
		parameters.put("afterName", (after != null) ? after.name() : null);
		parameters.put("afterId", (after != null) ? after.id() : null);
		parameters.put("limit", limit);
		return parameters;
	}

	/** Labels of the given ids (null for unknown ones); used only to explain an empty answer. */
	Map<String, String> labels(List<String> ids) {
		Map<String, String> labels = new HashMap<>();
		this.graph.list(EXISTS, Map.of("ids", ids), r -> labels.put(r.get("id").asString(), r.get("label").asString(null)));
		return labels;
	}

}
