package io.chaingraph.platform;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chaingraph.common.Props;
import io.chaingraph.config.Graph;
import io.chaingraph.entity.ChainNode;
import io.chaingraph.entity.Enterprise;
import io.chaingraph.entity.Park;
import io.chaingraph.entity.Platform;
import io.chaingraph.entity.PlatformLinkKind;

import org.springframework.stereotype.Repository;

@Repository
class PlatformRepository {

	/** Cap on links listed per platform. */
	static final int LIST_CAP = 1000;

	private final Graph graph;

	PlatformRepository(Graph graph) {
		this.graph = graph;
	}

	Optional<Platform> findById(String id) {
		return this.graph.one("MATCH (pl:Platform {id: $id}) RETURN pl", Map.of("id", id),
				r -> Platform.from(r.get("pl")));
	}

	Map<String, Park> parks(List<String> ids) {
		return this.graph.keyed("""
				UNWIND $ids AS id
				MATCH (:Platform {id: id})-[:LOCATED_IN]->(p:Park)
				RETURN id AS key, p""", Map.of("ids", ids), r -> Park.from(r.get("p")));
	}

	Map<String, List<PlatformLink>> links(List<String> ids) {
		return this.graph.grouped("""
				UNWIND $ids AS id
				MATCH (pl:Platform {id: id})
				CALL {
				  WITH pl
				  MATCH (pl)-[r:SERVES|INCUBATES|INVESTS_IN|TRANSFERS_TECH_TO]->(t)
				  RETURN r, t ORDER BY type(r), t.name, t.id LIMIT $cap
				}
				RETURN id AS key, type(r) AS kind, r.since AS since, r.source AS source, t""",
				Map.of("ids", ids, "cap", LIST_CAP), r -> {
					PlatformLinkKind kind = PlatformLinkKind.valueOf(r.get("kind").asString());
					return new PlatformLink(kind, Props.integer(r, "since"), Props.str(r, "source"),
							kind.targetsEnterprise() ? Enterprise.from(r.get("t")) : null,
							kind.targetsEnterprise() ? null : ChainNode.from(r.get("t")));
				});
	}

}
