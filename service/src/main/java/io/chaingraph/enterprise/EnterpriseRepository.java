package io.chaingraph.enterprise;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chaingraph.common.Cursors;
import io.chaingraph.common.KeysetPage;
import io.chaingraph.common.Props;
import io.chaingraph.config.Graph;
import io.chaingraph.entity.ChainNode;
import io.chaingraph.entity.Enterprise;
import io.chaingraph.entity.Park;
import io.chaingraph.entity.Platform;
import io.chaingraph.entity.PlatformLinkKind;
import org.neo4j.driver.Record;

import org.springframework.stereotype.Repository;

/** Enterprise reads; batch methods take every parent id of one GraphQL level at once. */
@Repository
class EnterpriseRepository {

	/** Cap on one-hop lists per enterprise (chain nodes, suppliers, customers, platforms). */
	static final int LIST_CAP = 1000;

	private final Graph graph;

	private final Cursors cursors;

	EnterpriseRepository(Graph graph, Cursors cursors) {
		this.graph = graph;
		this.cursors = cursors;
	}

	Optional<Enterprise> findById(String id) {
		return this.graph.one("MATCH (e:Enterprise {id: $id}) RETURN e", Map.of("id", id),
				r -> Enterprise.from(r.get("e")));
	}

	/** The entity label of each id that exists. */
	Map<String, String> labels(List<String> ids) {
		return this.graph.keyed("""
				UNWIND $ids AS id
				MATCH (n:Entity {id: id})
				RETURN id AS key, [l IN labels(n) WHERE l <> 'Entity'][0] AS label""", Map.of("ids", ids),
				r -> r.get("label").asString());
	}

	Map<String, Park> parks(List<String> ids) {
		return this.graph.keyed("""
				UNWIND $ids AS id
				MATCH (:Enterprise {id: id})-[:LOCATED_IN]->(p:Park)
				RETURN id AS key, p""", Map.of("ids", ids), r -> Park.from(r.get("p")));
	}

	Map<String, List<ChainNodeLink>> chainNodes(List<String> ids) {
		return this.graph.grouped("""
				UNWIND $ids AS id
				MATCH (e:Enterprise {id: id})
				CALL {
				  WITH e
				  MATCH (e)-[o:OPERATES_IN]->(n:ChainNode)
				  RETURN n, o ORDER BY coalesce(o.weight, 0) DESC, n.name, n.id LIMIT $cap
				}
				RETURN id AS key, n, o.weight AS weight, o.confidence AS confidence, o.source AS source""",
				Map.of("ids", ids, "cap", LIST_CAP), r -> new ChainNodeLink(ChainNode.from(r.get("n")),
						Props.dbl(r, "weight"), Props.dbl(r, "confidence"), Props.str(r, "source")));
	}

	Map<String, List<SupplyTie>> suppliers(List<String> ids) {
		return this.graph.grouped("""
				UNWIND $ids AS id
				MATCH (e:Enterprise {id: id})
				CALL {
				  WITH e
				  MATCH (e)<-[s:SUPPLIES]-(other:Enterprise)
				  RETURN s, other ORDER BY other.name, other.id LIMIT $cap
				}
				RETURN id AS key, other, s.product AS product, s.since AS since, s.source AS source""",
				Map.of("ids", ids, "cap", LIST_CAP), EnterpriseRepository::supplyTie);
	}

	Map<String, List<SupplyTie>> customers(List<String> ids) {
		return this.graph.grouped("""
				UNWIND $ids AS id
				MATCH (e:Enterprise {id: id})
				CALL {
				  WITH e
				  MATCH (e)-[s:SUPPLIES]->(other:Enterprise)
				  RETURN s, other ORDER BY other.name, other.id LIMIT $cap
				}
				RETURN id AS key, other, s.product AS product, s.since AS since, s.source AS source""",
				Map.of("ids", ids, "cap", LIST_CAP), EnterpriseRepository::supplyTie);
	}

	Map<String, List<PlatformTie>> platforms(List<String> ids) {
		return this.graph.grouped("""
				UNWIND $ids AS id
				MATCH (e:Enterprise {id: id})
				CALL {
				  WITH e
				  MATCH (e)<-[r:INCUBATES|INVESTS_IN|TRANSFERS_TECH_TO]-(pl:Platform)
				  RETURN r, pl ORDER BY pl.name, type(r) LIMIT $cap
				}
				RETURN id AS key, pl, type(r) AS kind, r.since AS since, r.source AS source""",
				Map.of("ids", ids, "cap", LIST_CAP), r -> new PlatformTie(Platform.from(r.get("pl")),
						PlatformLinkKind.valueOf(r.get("kind").asString()), Props.integer(r, "since"),
						Props.str(r, "source")));
	}

	/**
	 * Segments feeding (upstream) or fed by (downstream) the segments an enterprise works in or the
	 * segments those are part of (a sub-segment inherits its parent's FEEDS links), not its own segments.
	 */
	Map<String, List<ChainNode>> chainNeighbours(List<String> ids, boolean upstream) {
		return this.graph.grouped(upstream ? UPSTREAM_SEGMENTS : DOWNSTREAM_SEGMENTS,
				Map.of("ids", ids, "cap", LIST_CAP), r -> ChainNode.from(r.get("m")));
	}

	private static final String UPSTREAM_SEGMENTS = """
			UNWIND $ids AS id
			MATCH (e:Enterprise {id: id})
			CALL {
			  WITH e
			  MATCH (e)-[:OPERATES_IN]->(:ChainNode)-[:PART_OF*0..10]->(:ChainNode)<-[:FEEDS]-(m:ChainNode)
			  WHERE NOT (e)-[:OPERATES_IN]->(m)
			  RETURN DISTINCT m ORDER BY m.name, m.id LIMIT $cap
			}
			RETURN id AS key, m""";

	private static final String DOWNSTREAM_SEGMENTS = """
			UNWIND $ids AS id
			MATCH (e:Enterprise {id: id})
			CALL {
			  WITH e
			  MATCH (e)-[:OPERATES_IN]->(:ChainNode)-[:PART_OF*0..10]->(:ChainNode)-[:FEEDS]->(m:ChainNode)
			  WHERE NOT (e)-[:OPERATES_IN]->(m)
			  RETURN DISTINCT m ORDER BY m.name, m.id LIMIT $cap
			}
			RETURN id AS key, m""";

	private static final String FILTER = """
			MATCH (e:Enterprise)
			WHERE ($parkId IS NULL OR EXISTS { (e)-[:LOCATED_IN]->(:Park)-[:PART_OF*0..10]->(:Park {id: $parkId}) })
			  AND ($nodeId IS NULL
			       OR EXISTS { (e)-[:OPERATES_IN]->(:ChainNode)-[:PART_OF*0..10]->(:ChainNode {id: $nodeId}) })
			  AND all(wanted IN $tags WHERE any(t IN e.tags WHERE toLower(t) = wanted))
			  AND ($stage IS NULL OR EXISTS { (e)-[:OPERATES_IN]->(:ChainNode {stage: $stage}) })
			""";

	/** Enterprises matching every given filter, a keyset page by (name, id), and the total when asked. */
	EnterpriseConnection filter(EnterpriseFilter filter, KeysetPage page) {
		Map<String, Object> parameters = new java.util.HashMap<>(page.parameters());
		parameters.put("parkId", filter.parkId());
		parameters.put("nodeId", filter.nodeId());
		parameters.put("tags", filter.tags().stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)).distinct().toList());
		parameters.put("stage", filter.stage());
		List<EnterpriseEdge> edges = this.graph.list(FILTER + """
				  AND ($afterName IS NULL OR e.name > $afterName OR (e.name = $afterName AND e.id > $afterId))
				RETURN e ORDER BY e.name, e.id LIMIT $limit""", parameters,
				r -> EnterpriseEdge.of(Enterprise.from(r.get("e")), null, null));
		Integer total = page.withTotal()
				? this.graph.one(FILTER + "RETURN count(e) AS total", parameters, r -> r.get("total").asInt()).orElse(0)
				: null;
		return EnterpriseConnection.of(page, edges, total, this.cursors);
	}

	/** Filters of the enterprises query; null (or no tags) means "any"; every tag must be carried, in any case. */
	record EnterpriseFilter(String parkId, String nodeId, List<String> tags, String stage) {
	}

	private static SupplyTie supplyTie(Record r) {
		return new SupplyTie(Enterprise.from(r.get("other")), Props.str(r, "product"), Props.integer(r, "since"),
				Props.str(r, "source"));
	}

}
