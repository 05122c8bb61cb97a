package io.chaingraph.importing.sheet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.chaingraph.config.Graph;

/**
 * What resolving a sheet's rows asks the graph: enterprises by credit code and by normalised name
 * or alias (a chunk of rows per statement), and every park and chain segment once (they are few).
 */
class SheetLookups {

	/** An entity that a cell may mean. */
	record Candidate(String id, String name, String creditCode) {

		String describe() {
			return this.id + " (" + this.name + ((this.creditCode != null) ? ", " + this.creditCode : "") + ")";
		}

	}

	/** A park or chain segment with its names. */
	record Named(String id, String name, List<String> aliases) {
	}

	/** Candidates per key are capped: more than this is listed as "…". */
	static final int MAX_CANDIDATES = 5;

	/** Parks and chain segments read at most. */
	static final int MAX_NAMED = 200_000;

	private final Graph graph;

	SheetLookups(Graph graph) {
		this.graph = graph;
	}

	/** Without a graph: nothing exists yet. */
	static final SheetLookups EMPTY = new SheetLookups(null);

	/** Enterprises by their credit code. */
	Map<String, List<Candidate>> enterprisesByCreditCode(Set<String> codes) {
		return byCode(BY_CREDIT_CODE, codes);
	}

	/** Enterprises by their listing (stock) code. */
	Map<String, List<Candidate>> enterprisesByStockCode(Set<String> codes) {
		return byCode(BY_STOCK_CODE, codes);
	}

	private static final String BY_CREDIT_CODE = """
			UNWIND $codes AS code
			CALL { WITH code MATCH (e:Enterprise {creditCode: code}) RETURN e ORDER BY e.id LIMIT $max }
			RETURN code, e.id AS id, e.name AS name, e.creditCode AS creditCode""";

	private static final String BY_STOCK_CODE = """
			UNWIND $codes AS code
			CALL { WITH code MATCH (e:Enterprise {stockCode: code}) RETURN e ORDER BY e.id LIMIT $max }
			RETURN code, e.id AS id, e.name AS name, e.creditCode AS creditCode""";

	/** Runs one of the code statements for every code at once: code → the enterprises it finds. */
	private Map<String, List<Candidate>> byCode(String statement, Set<String> codes) {
		Map<String, List<Candidate>> found = new HashMap<>();
		if (this.graph == null || codes.isEmpty()) {
			return found;
		}
		this.graph.list(statement, Map.of("codes", List.copyOf(codes), "max", MAX_CANDIDATES + 1),
				r -> found.computeIfAbsent(r.get("code").asString(), k -> new ArrayList<>())
					.add(new Candidate(r.get("id").asString(), r.get("name").asString(""),
							r.get("creditCode").isNull() ? null : r.get("creditCode").asString())));
		return found;
	}

	/** Enterprises whose normalised name, or one of whose aliases' normalised forms, is the given one. */
	Map<String, List<Candidate>> enterprisesByName(Set<String> normNames) {
		Map<String, List<Candidate>> found = new HashMap<>();
		if (this.graph == null || normNames.isEmpty()) {
			return found;
		}
		List<Map<String, String>> queries = new ArrayList<>();
		for (String name : normNames) {
			queries.add(Map.of("name", name, "query", "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
		}
		this.graph.list("""
				UNWIND $queries AS q
				CALL {
				  WITH q
				  MATCH (e:Enterprise {normName: q.name}) RETURN e
				  UNION
				  WITH q
				  CALL db.index.fulltext.queryNodes('entity_names', q.query, {limit: 50}) YIELD node
				  WITH q, node WHERE node:Enterprise AND (' / ' + node.normText + ' / ') CONTAINS (' / ' + q.name + ' / ')
				  RETURN node AS e
				}
				WITH q, e ORDER BY e.id
				WITH q, collect(e)[0..$max] AS es
				UNWIND es AS e
				RETURN q.name AS key, e.id AS id, e.name AS name, e.creditCode AS creditCode""",
				Map.of("queries", queries, "max", MAX_CANDIDATES + 1),
				r -> found.computeIfAbsent(r.get("key").asString(), k -> new ArrayList<>())
					.add(new Candidate(r.get("id").asString(), r.get("name").asString(""),
							r.get("creditCode").isNull() ? null : r.get("creditCode").asString())));
		return found;
	}

	/** Every entity of the label ({@code Park}, {@code ChainNode}) with its names. */
	List<Named> all(String label) {
		if (this.graph == null) {
			return List.of();
		}
		if (!label.equals("Park") && !label.equals("ChainNode")) {
			throw new IllegalArgumentException(label);
		}
		// the label as a value: Cypher text is never built from input
		return this.graph.list("MATCH (n:Entity) WHERE $label IN labels(n) RETURN n.id AS id, n.name AS name, "
				+ "n.aliases AS aliases LIMIT $max", Map.of("label", label, "max", MAX_NAMED),
				r -> new Named(r.get("id").asString(), r.get("name").asString(""),
						r.get("aliases").isNull() ? List.of() : r.get("aliases").asList(v -> v.asString())));
	}

}
