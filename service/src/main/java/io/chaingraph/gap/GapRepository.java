package io.chaingraph.gap;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chaingraph.config.Graph;
import io.chaingraph.config.NamedQueries;
import org.neo4j.driver.Record;

import org.springframework.stereotype.Repository;

/** The gap statements: one for a whole report (any number of parks), one for a page of candidates. */
@Repository
class GapRepository {

	/**
	 * The gap report of any number of parks for one chain: local counts of every segment and of its
	 * FEEDS neighbours, per park the local enterprises per stage and the local platforms, and the count
	 * of enterprises elsewhere for the segments that are a gap. Kept in {@code cypher/queries} for
	 * operators who want to run it by hand; that file says how it works.
	 */
	static final String REPORT_STATEMENT = NamedQueries.load("chain-gaps.cypher");

	/**
	 * The report's structure without its counts, for when they are kept ({@link GapStats}):
	 * {@code cypher/queries/chain-gaps-structure.cypher}.
	 */
	static final String STRUCTURE_STATEMENT = NamedQueries.load("chain-gaps-structure.cypher");

	/** A page of the candidates that could fill a gap; {@code cypher/queries/gap-candidates.cypher} says how it ranks them. */
	static final String CANDIDATES = NamedQueries.load("gap-candidates.cypher");

	/** How many candidates {@link #CANDIDATES} ranks in all (the same scope and segment rules). */
	static final String CANDIDATE_COUNT = """
			MATCH (p:Park {id: $parkId})
			MATCH (n:ChainNode {id: $nodeId})
			WITH n, [(sp:Park)-[:PART_OF*0..10]->(p) | sp] AS scope
			MATCH (n)<-[:PART_OF*0..10]-(:ChainNode)<-[:OPERATES_IN]-(e:Enterprise)
			WHERE NOT EXISTS { MATCH (e)-[:LOCATED_IN]->(lp:Park) WHERE lp IN scope }
			  AND ($region IS NULL OR e.region STARTS WITH $region)
			RETURN count(DISTINCT e) AS total""";

	static final String EXISTS = """
			UNWIND $ids AS id
			OPTIONAL MATCH (n:Entity {id: id})
			RETURN id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label""";

	private final Graph graph;

	GapRepository(Graph graph) {
		this.graph = graph;
	}

	/** The report's one row; empty for an unknown chain or a chain without segments. */
	Optional<Record> report(List<String> parkIds, String chainId, int weakBelow) {
		return this.graph.one(REPORT_STATEMENT, reportParameters(parkIds, chainId, weakBelow), r -> r);
	}

	/** The structure's one row; empty for an unknown chain or a chain without segments. */
	Optional<Record> structure(List<String> parkIds, String chainId) {
		return this.graph.one(STRUCTURE_STATEMENT, Map.of("parkIds", parkIds, "chainId", chainId), r -> r);
	}

	static Map<String, Object> reportParameters(List<String> parkIds, String chainId, int weakBelow) {
		return Map.of("parkIds", parkIds, "chainId", chainId, "weakBelow", weakBelow);
	}

	List<Record> candidates(String parkId, String nodeId, String region, CandidateCursor after, int limit) {
		return this.graph.list(CANDIDATES, candidateParameters(parkId, nodeId, region, after, limit), r -> r);
	}

	/** The ids of the chains a park focuses on, highest priority first; empty when there is no such park. */
	Optional<List<String>> focusChains(String parkId) {
		return this.graph.one("""
				MATCH (p:Park {id: $parkId})
				OPTIONAL MATCH (p)-[f:FOCUSES_ON]->(c:Chain)
				WITH p, c, f ORDER BY coalesce(f.priority, 2147483647), c.name, c.id
				RETURN p.id AS park, [id IN collect(c.id) WHERE id IS NOT NULL] AS chains""", Map.of("parkId", parkId),
				r -> r.get("chains").asList(org.neo4j.driver.Value::asString));
	}

	int candidateCount(String parkId, String nodeId, String region) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("parkId", parkId);
		parameters.put("nodeId", nodeId);
		parameters.put("region", region);
		return this.graph.one(CANDIDATE_COUNT, parameters, r -> r.get("total").asInt()).orElse(0);
	}

	static Map<String, Object> candidateParameters(String parkId, String nodeId, String region, CandidateCursor after,
			int limit) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("parkId", parkId);
		parameters.put("nodeId", nodeId);
		parameters.put("region", region);
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
