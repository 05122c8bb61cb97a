package io.chaingraph.enterprise;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chaingraph.common.Cursors;
import io.chaingraph.common.KeysetPage;
import io.chaingraph.common.Props;
import io.chaingraph.config.Graph;
import io.chaingraph.config.NamedQueries;
import io.chaingraph.entity.ChainNode;
import io.chaingraph.entity.Enterprise;
import io.chaingraph.entity.Park;
import io.chaingraph.entity.Platform;
import io.chaingraph.entity.PlatformLinkKind;
import io.chaingraph.entity.Stage;
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

	/**
	 * Where the enterprises a filter can match are read from: with a park, walked from the park (an
	 * enterprise is located in at most one park, parks form a tree, so none comes twice); without one, every
	 * enterprise, for a page by name with no other condition in the order of the {@code (name, id)} index,
	 * so that the page ends once it is full instead of after sorting them all. On L (a million enterprises),
	 * checking every enterprise for the park runs past the 10 s timeout; walked from a small park, its page
	 * takes milliseconds.
	 */
	private static String source(EnterpriseFilter filter, EnterpriseSort sort) {
		if (filter.parkId() != null) {
			return """
					MATCH (scope:Park {id: $parkId})<-[:PART_OF*0..10]-(loc:Park)<-[:LOCATED_IN]-(e:Enterprise)
					WHERE ($subParks OR loc = scope)
					""";
		}
		if (sort != null && sort.inNameOrder() && filter.onlyPark()) {
			return """
					MATCH (e:Enterprise)
					USING INDEX e:Enterprise(name, id)
					WHERE e.name IS NOT NULL AND e.id IS NOT NULL
					""";
		}
		return """
				MATCH (e:Enterprise)
				WHERE true
				""";
	}

	/** A page of a park's enterprises by name, see {@code cypher/queries/park-enterprises-page.cypher}. */
	private static final String PARK_PAGE = NamedQueries.load("park-enterprises-page.cypher");

	/**
	 * The filter's conditions other than the park's, each true when its value is not given. They come in one
	 * map parameter, {@code $where}: Neo4j caches a plan per statement and combination of parameter types, and
	 * a value left out is a null, a type of its own, so separate parameters would plan the same statement
	 * again for every combination of filters a user tries (0.2–0.4 s each on L, see BENCHMARKS.md).
	 */
	private static final String CONDITIONS = """
			  AND ($where.region IS NULL OR e.region STARTS WITH $where.region)
			  AND ($where.employeesMin IS NULL OR e.employees >= $where.employeesMin)
			  AND ($where.employeesMax IS NULL OR e.employees <= $where.employeesMax)
			  AND ($where.revenueMin IS NULL OR e.revenue >= $where.revenueMin)
			  AND ($where.revenueMax IS NULL OR e.revenue <= $where.revenueMax)
			  AND ($where.foundedMin IS NULL OR e.founded >= $where.foundedMin)
			  AND ($where.foundedMax IS NULL OR e.founded <= $where.foundedMax)
			  AND ($where.nodeId IS NULL
			       OR EXISTS { (e)-[:OPERATES_IN]->(:ChainNode)-[:PART_OF*0..10]->(:ChainNode {id: $where.nodeId}) })
			  AND all(wanted IN $where.tags WHERE any(t IN e.tags WHERE toLower(t) = wanted))
			  AND ($where.stage IS NULL OR EXISTS { (e)-[:OPERATES_IN]->(:ChainNode {stage: $where.stage}) })
			""";

	/** The enterprises matching a filter, as {@code e}; a sort in name order reads them in that order. */
	private static String filtered(EnterpriseFilter filter, EnterpriseSort sort) {
		return source(filter, sort) + CONDITIONS;
	}

	/**
	 * Enterprises matching every given filter, a keyset page in the sort's order, and the total when asked.
	 * @param after the decoded cursor of the sort's list, or null for the first page
	 */
	EnterpriseConnection filter(EnterpriseFilter filter, EnterpriseSort sort, int first, Cursors.Position after,
			boolean withTotal) {
		Map<String, Object> parameters = new java.util.HashMap<>(sort.parameters(after));
		parameters.putAll(filter.parameters());
		parameters.put("limit", first + 1);
		List<EnterpriseEdge> edges;
		if (filter.parkId() != null && filter.onlyPark() && sort.inNameOrder() && !sort.descending()) {
			// the park's page the way Park.enterprises reads it: a large park in the name index's order
			Map<String, Object> page = new java.util.HashMap<>();
			page.put("ids", List.of(filter.parkId()));
			page.put("deep", filter.includeSubParks());
			page.put("afterName", parameters.get("after0"));
			page.put("afterId", parameters.get("after1"));
			page.put("limit", first + 1);
			edges = this.graph.list(PARK_PAGE, page, r -> {
				Enterprise e = Enterprise.from(r.get("e"));
				return new EnterpriseEdge(sort.cursor(this.cursors, List.of(e.name(), e.id())), e, null, null);
			});
		}
		else {
			edges = this.graph.list(filtered(filter, sort) + sort.after(after) + "RETURN e, " + sort.values()
					+ " AS keys ORDER BY " + sort.orderBy() + " LIMIT $limit", parameters,
					r -> new EnterpriseEdge(sort.cursor(this.cursors, r.get("keys").asList(v -> v.asObject())),
							Enterprise.from(r.get("e")), null, null));
		}
		Integer total = withTotal
				? this.graph.one(filtered(filter, null) + "RETURN count(e) AS total", parameters, r -> r.get("total").asInt()).orElse(0)
				: null;
		return EnterpriseConnection.ofEdges(edges, first, after != null, total);
	}

	/**
	 * Counts of the enterprises matching a filter: in all, per tag, per stage, per segment and per park
	 * (the 100 largest of each), in one statement.
	 */
	EnterpriseStats stats(EnterpriseFilter filter) {
		return this.graph.one(filtered(filter, null) + """
				WITH collect(e) AS es
				CALL {
				  WITH es
				  UNWIND es AS e
				  UNWIND coalesce(e.tags, []) AS tag
				  WITH tag, count(*) AS n ORDER BY n DESC, tag LIMIT $cap
				  RETURN collect({key: tag, n: n}) AS byTag
				}
				CALL {
				  WITH es
				  UNWIND es AS e
				  MATCH (e)-[:OPERATES_IN]->(s:ChainNode)
				  WITH s.stage AS stage, count(DISTINCT e) AS n ORDER BY n DESC, stage
				  RETURN collect({key: stage, n: n}) AS byStage
				}
				CALL {
				  WITH es
				  UNWIND es AS e
				  MATCH (e)-[:OPERATES_IN]->(s:ChainNode)
				  WITH s, count(DISTINCT e) AS n ORDER BY n DESC, s.name, s.id LIMIT $cap
				  RETURN collect({node: s, n: n}) AS bySegment
				}
				CALL {
				  WITH es
				  UNWIND es AS e
				  MATCH (e)-[:LOCATED_IN]->(p:Park)
				  WITH p, count(DISTINCT e) AS n ORDER BY n DESC, p.name, p.id LIMIT $cap
				  RETURN collect({park: p, n: n}) AS byPark
				}
				RETURN size(es) AS total, byTag, byStage, bySegment, byPark""", withCap(filter.parameters()), r -> new EnterpriseStats(
				r.get("total").asInt(),
				r.get("byTag").asList(v -> new EnterpriseStats.TagCount(v.get("key").asString(), v.get("n").asInt())),
				r.get("byStage").asList(v -> new EnterpriseStats.StageCount(Stage.valueOf(v.get("key").asString()),
						v.get("n").asInt())),
				r.get("bySegment").asList(v -> new EnterpriseStats.SegmentCount(ChainNode.from(v.get("node")), v.get("n").asInt())),
				r.get("byPark").asList(v -> new EnterpriseStats.ParkCount(Park.from(v.get("park")), v.get("n").asInt()))))
			.orElseThrow();
	}

	private static Map<String, Object> withCap(Map<String, Object> parameters) {
		Map<String, Object> all = new java.util.HashMap<>(parameters);
		all.put("cap", EnterpriseStats.CAP);
		return all;
	}

	/**
	 * Filters of the enterprises query; null (or no tags) means "any"; every tag must be carried, in any
	 * case; ranges are inclusive and an enterprise without the value is outside any range.
	 */
	record EnterpriseFilter(String parkId, boolean includeSubParks, String nodeId, List<String> tags, String stage,
			String region, IntRange employees, FloatRange revenue, IntRange founded) {

		EnterpriseFilter {
			tags = (tags != null) ? tags : List.of();
			employees = (employees != null) ? employees : IntRange.ANY;
			revenue = (revenue != null) ? revenue : FloatRange.ANY;
			founded = (founded != null) ? founded : IntRange.ANY;
		}

		/**
		 * Whether nothing but (at most) the park is asked for. Only then is a page read in the name index's
		 * order: with another condition it may match few or none, and the index would be read to its end.
		 */
		boolean onlyPark() {
			return this.nodeId == null && this.tags.isEmpty() && this.stage == null
					&& (this.region == null || this.region.isBlank()) && this.employees.equals(IntRange.ANY)
					&& this.revenue.equals(FloatRange.ANY) && this.founded.equals(IntRange.ANY);
		}

		/** {@code $parkId}, {@code $subParks} and the other conditions as one map, {@code $where}. */
		Map<String, Object> parameters() {
			Map<String, Object> where = new java.util.HashMap<>();
			where.put("nodeId", this.nodeId);
			where.put("tags", this.tags.stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)).distinct().toList());
			where.put("stage", this.stage);
			where.put("region", (this.region == null || this.region.isBlank()) ? null : this.region.strip());
			where.put("employeesMin", this.employees.min());
			where.put("employeesMax", this.employees.max());
			where.put("revenueMin", this.revenue.min());
			where.put("revenueMax", this.revenue.max());
			where.put("foundedMin", this.founded.min());
			where.put("foundedMax", this.founded.max());
			Map<String, Object> parameters = new java.util.HashMap<>();
			parameters.put("parkId", this.parkId);
			parameters.put("subParks", this.includeSubParks);
			parameters.put("where", where);
			return parameters;
		}

	}

	/** An inclusive range of whole numbers; a null end is open. */
	record IntRange(Integer min, Integer max) {

		static final IntRange ANY = new IntRange(null, null);

	}

	/** An inclusive range of numbers; a null end is open. */
	record FloatRange(Double min, Double max) {

		static final FloatRange ANY = new FloatRange(null, null);

	}

	private static SupplyTie supplyTie(Record r) {
		return new SupplyTie(Enterprise.from(r.get("other")), Props.str(r, "product"), Props.integer(r, "since"),
				Props.str(r, "source"));
	}

}
