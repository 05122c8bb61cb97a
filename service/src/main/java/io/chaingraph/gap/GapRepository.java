package io.chaingraph.gap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chaingraph.config.Graph;
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
	static final String REPORT_STATEMENT = load("cypher/queries/chain-gaps.cypher");

	/** Scope = the park and its sub-parks, computed once; a candidate is located outside it. */
	static final String CANDIDATES = """
			MATCH (p:Park {id: $parkId})
			MATCH (n:ChainNode {id: $nodeId})
			WITH p, n, [(sp:Park)-[:PART_OF*0..10]->(p) | sp] AS scope
			CALL {
			  WITH n, scope
			  MATCH (n)<-[:PART_OF*0..10]-(seg:ChainNode)<-[o:OPERATES_IN]-(e:Enterprise)
			  WHERE NOT EXISTS { MATCH (e)-[:LOCATED_IN]->(lp:Park) WHERE lp IN scope }
			  WITH scope, e, max(coalesce(o.confidence, 0.5)) AS confidence, collect(DISTINCT seg.name) AS segments
			  CALL {
			    WITH scope, e
			    OPTIONAL MATCH (e)-[s:SUPPLIES]-(l:Enterprise)-[:LOCATED_IN]->(lp:Park)
			    WHERE lp IN scope
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

	/** The report's one row; empty for an unknown chain or a chain without segments. */
	Optional<Record> report(List<String> parkIds, String chainId, int weakBelow) {
		return this.graph.one(REPORT_STATEMENT, reportParameters(parkIds, chainId, weakBelow), r -> r);
	}

	static Map<String, Object> reportParameters(List<String> parkIds, String chainId, int weakBelow) {
		return Map.of("parkIds", parkIds, "chainId", chainId, "weakBelow", weakBelow);
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

	private static String load(String location) {
		try (InputStream in = GapRepository.class.getClassLoader().getResourceAsStream(location)) {
			if (in == null) {
				throw new IllegalStateException(location + " is missing from the class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Labels of the given ids (null for unknown ones); used only to explain an empty answer. */
	Map<String, String> labels(List<String> ids) {
		Map<String, String> labels = new HashMap<>();
		this.graph.list(EXISTS, Map.of("ids", ids), r -> labels.put(r.get("id").asString(), r.get("label").asString(null)));
		return labels;
	}

}
