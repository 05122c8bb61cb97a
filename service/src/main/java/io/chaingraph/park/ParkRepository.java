package io.chaingraph.park;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.chaingraph.common.Cursors;
import io.chaingraph.common.KeysetPage;
import io.chaingraph.config.Graph;
import io.chaingraph.config.NamedQueries;
import io.chaingraph.enterprise.EnterpriseConnection;
import io.chaingraph.enterprise.EnterpriseEdge;
import io.chaingraph.entity.Chain;
import io.chaingraph.entity.Enterprise;
import io.chaingraph.entity.Park;
import io.chaingraph.entity.Platform;

import org.springframework.stereotype.Repository;

/** Park reads; each method is one Cypher statement, batch methods take all parents at once. */
@Repository
class ParkRepository {

	/** Cap on one-hop lists per parent (sub-parks, platforms, focus chains). */
	static final int LIST_CAP = 1000;

	private final Graph graph;

	private final Cursors cursors;

	ParkRepository(Graph graph, Cursors cursors) {
		this.graph = graph;
		this.cursors = cursors;
	}

	Optional<Park> findById(String id) {
		return this.graph.one("MATCH (p:Park {id: $id}) RETURN p", Map.of("id", id), r -> Park.from(r.get("p")));
	}

	List<Park> findAll(int first, boolean includeSubParks) {
		return this.graph.list("""
				MATCH (p:Park)
				WHERE $includeSubParks OR NOT (p)-[:PART_OF]->(:Park)
				RETURN p ORDER BY p.name, p.id LIMIT $first""",
				Map.of("first", first, "includeSubParks", includeSubParks), r -> Park.from(r.get("p")));
	}

	/** A keyset page of parks by (name, id), and their number when asked. */
	io.chaingraph.common.Connection<Park> page(KeysetPage page, boolean includeSubParks) {
		Map<String, Object> parameters = new HashMap<>(page.parameters());
		parameters.put("includeSubParks", includeSubParks);
		List<Park> rows = this.graph.list("""
				MATCH (p:Park)
				WHERE ($includeSubParks OR NOT (p)-[:PART_OF]->(:Park))
				  AND ($afterName IS NULL OR p.name > $afterName OR (p.name = $afterName AND p.id > $afterId))
				RETURN p ORDER BY p.name, p.id LIMIT $limit""", parameters, r -> Park.from(r.get("p")));
		Integer total = page.withTotal() ? this.graph.one("""
				MATCH (p:Park) WHERE $includeSubParks OR NOT (p)-[:PART_OF]->(:Park)
				RETURN count(p) AS n""", parameters, r -> r.get("n").asInt()).orElse(0) : null;
		return io.chaingraph.common.Connection.of(rows, page.first(), p -> page.cursor(this.cursors, p.name(), p.id()),
				page.afterId() != null, total);
	}

	Map<String, Park> parents(List<String> ids) {
		return this.graph.keyed("""
				UNWIND $ids AS id
				MATCH (:Park {id: id})-[:PART_OF]->(parent:Park)
				RETURN id AS key, parent""", Map.of("ids", ids), r -> Park.from(r.get("parent")));
	}

	Map<String, List<Park>> subParks(List<String> ids) {
		return this.graph.grouped("""
				UNWIND $ids AS id
				MATCH (p:Park {id: id})
				CALL { WITH p MATCH (p)<-[:PART_OF]-(sub:Park) RETURN sub ORDER BY sub.name, sub.id LIMIT $cap }
				RETURN id AS key, sub""", Map.of("ids", ids, "cap", LIST_CAP), r -> Park.from(r.get("sub")));
	}

	/**
	 * Walked from the platforms' side: most of a park's {@code LOCATED_IN} relationships are its enterprises',
	 * so expanding them from the park visits every enterprise located in it (81,623 relationships for the
	 * 475 platforms of L's largest park), while a region has a few thousand platforms, each located once.
	 * (Given the park's id, the planner would expand from the park; the subquery starts at the platform.)
	 */
	Map<String, List<Platform>> platforms(List<String> ids) {
		return this.graph.grouped("""
				MATCH (pl:Platform)
				CALL { WITH pl MATCH (pl)-[:LOCATED_IN]->(p:Park) RETURN p.id AS key }
				WITH key, pl WHERE key IN $ids
				WITH key, pl ORDER BY pl.name, pl.id
				WITH key, collect(pl)[..$cap] AS platforms
				UNWIND platforms AS pl
				RETURN key, pl""", Map.of("ids", ids, "cap", LIST_CAP), r -> Platform.from(r.get("pl")));
	}

	Map<String, List<ParkChain>> focusChains(List<String> ids) {
		return this.graph.grouped("""
				UNWIND $ids AS id
				MATCH (:Park {id: id})-[f:FOCUSES_ON]->(c:Chain)
				RETURN id AS key, c, f.priority AS priority
				ORDER BY key, coalesce(f.priority, 2147483647), c.name""", Map.of("ids", ids),
				r -> new ParkChain(Chain.from(r.get("c")), r.get("priority").isNull() ? null : r.get("priority").asInt()));
	}

	/** A page of each park's enterprises by name, see {@code cypher/queries/park-enterprises-page.cypher}. */
	private static final String ENTERPRISE_PAGE = NamedQueries.load("park-enterprises-page.cypher");

	/**
	 * Counted per park of the scope: an enterprise sits in one park at most and parks form a tree, so none is
	 * counted twice and no set of them is built.
	 */
	private static final String ENTERPRISE_TOTAL = """
			UNWIND $ids AS id
			MATCH (p:Park {id: id})
			CALL {
			  WITH p
			  MATCH (p)<-[:PART_OF*0..10]-(loc:Park)
			  WHERE $deep OR loc = p
			  RETURN sum(COUNT { (loc)<-[:LOCATED_IN]-(:Enterprise) }) AS total
			}
			RETURN id AS key, total""";

	/** One statement per distinct (page, deep) among the keys, plus one for totals when selected. */
	Map<ParkEnterprisesKey, EnterpriseConnection> enterprisePages(Set<ParkEnterprisesKey> keys) {
		Map<ParkEnterprisesKey, EnterpriseConnection> result = new HashMap<>();
		Map<List<Object>, List<ParkEnterprisesKey>> groups = keys.stream()
			.collect(Collectors.groupingBy(k -> List.of(k.page(), k.deep())));
		groups.forEach((group, members) -> {
			KeysetPage page = members.get(0).page();
			boolean deep = members.get(0).deep();
			List<String> ids = members.stream().map(ParkEnterprisesKey::parkId).distinct().toList();
			Map<String, Object> parameters = new HashMap<>(page.parameters());
			parameters.put("ids", ids);
			parameters.put("deep", deep);
			Map<String, List<EnterpriseEdge>> edges = this.graph.grouped(ENTERPRISE_PAGE, parameters,
					r -> EnterpriseEdge.of(Enterprise.from(r.get("e")), null, null));
			Map<String, Integer> totals = page.withTotal()
					? this.graph.keyed(ENTERPRISE_TOTAL, Map.of("ids", ids, "deep", deep), r -> r.get("total").asInt())
					: Map.of();
			for (ParkEnterprisesKey key : members) {
				result.put(key, EnterpriseConnection.of(page, edges.getOrDefault(key.parkId(), new ArrayList<>()),
						page.withTotal() ? totals.getOrDefault(key.parkId(), 0) : null, this.cursors));
			}
		});
		return result;
	}

	/** Batch key for Park.enterprises: the park and the field's arguments. */
	record ParkEnterprisesKey(String parkId, KeysetPage page, boolean deep) {
	}

}
