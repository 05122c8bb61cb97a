package io.chaingraph.monitor;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.chaingraph.audit.Actor;
import io.chaingraph.common.NotFoundException;
import io.chaingraph.config.Graph;
import io.chaingraph.entity.Chain;
import io.chaingraph.entity.ChainNode;
import io.chaingraph.entity.Enterprise;
import io.chaingraph.entity.Park;
import io.chaingraph.gap.GapKind;
import io.chaingraph.gap.GapSnapshots;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Watches and the alerts they fire (docs/design.md, "Watches and alerts"). A watch on a park's chain
 * fires when a segment of it becomes BROKEN or MISSING; a watch on a park fires when an enterprise
 * tagged LEADING leaves it (or a sub-park). Both are told by the gap history
 * ({@link GapSnapshots.Written}), which compares consecutive snapshots: an alert per transition, not
 * per write. Alerts are kept as {@code :Alert} nodes, listed by {@code alerts(status)}, and sent to the
 * webhook when one is configured.
 */
@Component
class Alerts {

	private static final Logger log = LoggerFactory.getLogger(Alerts.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The most alerts one answer lists. */
	static final int MAX_ALERTS = 500;

	enum WatchKind {
		/** a segment of the chain in the park becomes BROKEN or MISSING */
		SEGMENT_GAP,
		/** an enterprise tagged LEADING leaves the park */
		LEADING_LEAVES
	}

	enum AlertStatus {
		OPEN, ACKNOWLEDGED
	}

	record Watch(String id, WatchKind kind, Park park, Chain chain, String actor, OffsetDateTime created) {
	}

	record Alert(String id, WatchKind kind, String watchId, Park park, Chain chain, String nodeId, ChainNode node,
			String enterpriseId, Enterprise enterprise, GapKind from, GapKind to, OffsetDateTime at, String cause,
			GapSnapshots.Cause causeKind, AlertStatus status, String delivery, int attempts) {

		/** The alert in words, Chinese first with English beside it. */
		public String message() {
			String parkName = (this.park != null) ? this.park.name() : "?";
			if (this.kind == WatchKind.LEADING_LEAVES) {
				String name = (this.enterprise != null) ? this.enterprise.name() : this.enterpriseId;
				return "龙头企业 " + name + " 离开 " + parkName + " · Leading enterprise " + name + " left " + parkName;
			}
			String segment = (this.node != null) ? this.node.name() : this.nodeId;
			String chainName = (this.chain != null) ? this.chain.name() : "?";
			String zh = (this.to == GapKind.BROKEN) ? "断链" : "缺链";
			return parkName + "「" + chainName + "」环节 " + segment + " 变为" + zh + " · segment " + segment + " of "
					+ chainName + " in " + parkName + " became " + this.to;
		}

	}

	static final String CREATE_WATCH = """
			MATCH (p:Park {id: $parkId})
			OPTIONAL MATCH (c:Chain {id: $chainId})
			WITH p, c WHERE $chainId IS NULL OR c IS NOT NULL
			CREATE (w:Watch {id: $id, kind: $kind, park: p.id, chain: c.id, actor: $actor, created: datetime()})
			RETURN w, p AS park, c AS chain""";

	static final String WATCHES = """
			MATCH (w:Watch)
			WITH w ORDER BY w.created, w.id LIMIT 1000
			RETURN w, head(COLLECT { MATCH (p:Park {id: w.park}) RETURN p }) AS park,
			       head(COLLECT { MATCH (c:Chain {id: w.chain}) RETURN c }) AS chain""";

	static final String WATCHES_OF = """
			MATCH (w:Watch) WHERE w.park IN $parks
			RETURN w.id AS id, w.kind AS kind, w.park AS park, w.chain AS chain""";

	static final String UNWATCH = "MATCH (w:Watch {id: $id}) DELETE w RETURN count(*) AS n";

	static final String FIRE = """
			UNWIND $alerts AS a
			CREATE (x:Alert) SET x = a.props, x.at = a.at""";

	static final String ALERTS = """
			MATCH (a:Alert) WHERE $status IS NULL OR a.status = $status
			WITH a ORDER BY a.at DESC, a.id DESC LIMIT $first
			RETURN a, head(COLLECT { MATCH (p:Park {id: a.park}) RETURN p }) AS park,
			       head(COLLECT { MATCH (c:Chain {id: a.chain}) RETURN c }) AS chain,
			       head(COLLECT { MATCH (n:ChainNode {id: a.node}) RETURN n }) AS node,
			       head(COLLECT { MATCH (e:Enterprise {id: a.enterprise}) RETURN e }) AS enterprise""";

	static final String ACKNOWLEDGE = """
			MATCH (a:Alert {id: $id})
			SET a.status = 'ACKNOWLEDGED', a.acknowledgedBy = $actor, a.acknowledgedAt = datetime()
			WITH a
			RETURN a, head(COLLECT { MATCH (p:Park {id: a.park}) RETURN p }) AS park,
			       head(COLLECT { MATCH (c:Chain {id: a.chain}) RETURN c }) AS chain,
			       head(COLLECT { MATCH (n:ChainNode {id: a.node}) RETURN n }) AS node,
			       head(COLLECT { MATCH (e:Enterprise {id: a.enterprise}) RETURN e }) AS enterprise""";

	private final Graph graph;

	private final Webhook webhook;

	Alerts(Graph graph, Webhook webhook) {
		this.graph = graph;
		this.webhook = webhook;
	}

	Watch watch(WatchKind kind, String parkId, String chainId, Actor actor) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", "watch-" + UUID.randomUUID());
		parameters.put("kind", kind.name());
		parameters.put("parkId", parkId);
		parameters.put("chainId", chainId);
		parameters.put("actor", actor.name());
		return this.graph.inWriteTransaction(tx -> {
			List<Record> rows = tx.run(CREATE_WATCH, parameters).list();
			if (rows.isEmpty()) {
				boolean park = tx.run("MATCH (p:Park {id: $id}) RETURN p", Map.of("id", parkId)).hasNext();
				throw new NotFoundException(park ? "No chain with id '" + chainId + "'" : "No park with id '" + parkId + "'");
			}
			return watch(rows.get(0));
		});
	}

	private static Watch watch(Record r) {
		Value w = r.get("w");
		return new Watch(w.get("id").asString(), WatchKind.valueOf(w.get("kind").asString()),
				r.get("park").isNull() ? null : Park.from(r.get("park")),
				r.get("chain").isNull() ? null : Chain.from(r.get("chain")), w.get("actor").asString(),
				w.get("created").asZonedDateTime().toOffsetDateTime());
	}

	List<Watch> watches() {
		return this.graph.list(WATCHES, Map.of(), Alerts::watch);
	}

	boolean unwatch(String id) {
		int removed = this.graph.inWriteTransaction(tx -> tx.run(UNWATCH, Map.of("id", id)).single().get("n").asInt());
		if (removed == 0) {
			throw new NotFoundException("No watch with id '" + id + "'");
		}
		return true;
	}

	List<Alert> alerts(AlertStatus status, int first) {
		if (first < 1 || first > MAX_ALERTS) {
			throw new IllegalArgumentException("first must be 1 to " + MAX_ALERTS + ", was " + first);
		}
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("status", (status != null) ? status.name() : null);
		parameters.put("first", first);
		return this.graph.list(ALERTS, parameters, Alerts::alert);
	}

	Alert acknowledge(String id, Actor actor) {
		return this.graph.inWriteTransaction(tx -> {
			List<Record> rows = tx.run(ACKNOWLEDGE, Map.of("id", id, "actor", actor.name())).list();
			if (rows.isEmpty()) {
				throw new NotFoundException("No alert with id '" + id + "'");
			}
			return alert(rows.get(0));
		});
	}

	private static Alert alert(Record r) {
		Value a = r.get("a");
		return new Alert(a.get("id").asString(), WatchKind.valueOf(a.get("kind").asString()), a.get("watch").asString(),
				r.get("park").isNull() ? null : Park.from(r.get("park")),
				r.get("chain").isNull() ? null : Chain.from(r.get("chain")), a.get("node").asString(null),
				r.get("node").isNull() ? null : ChainNode.from(r.get("node")), a.get("enterprise").asString(null),
				r.get("enterprise").isNull() ? null : Enterprise.from(r.get("enterprise")),
				a.get("from").isNull() ? null : GapKind.valueOf(a.get("from").asString()),
				a.get("to").isNull() ? null : GapKind.valueOf(a.get("to").asString()),
				a.get("at").asZonedDateTime().toOffsetDateTime(), a.get("cause").asString(null),
				GapSnapshots.Cause.valueOf(a.get("causeKind").asString()), AlertStatus.valueOf(a.get("status").asString()),
				a.get("delivery").asString(), a.get("attempts").asInt(0));
	}

	/**
	 * Fires the alerts of a round of snapshots: one per watch and transition (into BROKEN or MISSING)
	 * or per watch and LEADING enterprise that left; written in one statement, then queued for the webhook.
	 */
	@EventListener
	void on(GapSnapshots.Written written) {
		Set<String> parks = new TreeSet<>();
		written.transitions().forEach(t -> parks.add(t.parkId()));
		written.moves().forEach(m -> parks.add(m.parkId()));
		List<Map<String, Object>> watches = this.graph.list(WATCHES_OF, Map.of("parks", List.copyOf(parks)), r -> {
			Map<String, Object> w = new HashMap<>();
			w.put("id", r.get("id").asString());
			w.put("kind", r.get("kind").asString());
			w.put("park", r.get("park").asString());
			w.put("chain", r.get("chain").asString(null));
			return w;
		});
		if (watches.isEmpty()) {
			return;
		}
		List<Map<String, Object>> alerts = new ArrayList<>();
		for (GapSnapshots.SegmentTransition t : written.transitions()) {
			if (t.to() != GapKind.BROKEN && t.to() != GapKind.MISSING) {
				continue;
			}
			for (Map<String, Object> w : watches) {
				if (WatchKind.SEGMENT_GAP.name().equals(w.get("kind")) && t.parkId().equals(w.get("park"))
						&& t.chainId().equals(w.get("chain"))) {
					Map<String, Object> props = props(w, t.at(), t.cause(), t.causeKind());
					props.put("chain", t.chainId());
					props.put("node", t.nodeId());
					props.put("from", (t.from() != null) ? t.from().name() : null);
					props.put("to", t.to().name());
					alerts.add(Map.of("props", props, "at", t.at()));
				}
			}
		}
		for (GapSnapshots.EnterpriseMove m : written.moves()) {
			if (m.came() || !m.tags().contains("LEADING")) {
				continue;
			}
			for (Map<String, Object> w : watches) {
				if (WatchKind.LEADING_LEAVES.name().equals(w.get("kind")) && m.parkId().equals(w.get("park"))) {
					Map<String, Object> props = props(w, m.at(), m.cause(), m.causeKind());
					props.put("enterprise", m.enterpriseId());
					alerts.add(Map.of("props", props, "at", m.at()));
				}
			}
		}
		if (alerts.isEmpty()) {
			return;
		}
		this.graph.write(FIRE, Map.of("alerts", alerts));
		log.info("Alerts: {} fired", alerts.size());
		for (Map<String, Object> alert : alerts) {
			@SuppressWarnings("unchecked")
			Map<String, Object> props = new LinkedHashMap<>((Map<String, Object>) alert.get("props"));
			props.put("at", alert.get("at").toString());
			props.remove("delivery");
			props.remove("attempts");
			this.webhook.deliver((String) props.get("id"), JSON.writeValueAsString(props));
		}
	}

	private Map<String, Object> props(Map<String, Object> watch, OffsetDateTime at, String cause,
			GapSnapshots.Cause causeKind) {
		Map<String, Object> props = new HashMap<>();
		props.put("id", "alert-" + UUID.randomUUID());
		props.put("watch", watch.get("id"));
		props.put("kind", watch.get("kind"));
		props.put("park", watch.get("park"));
		props.put("cause", cause);
		props.put("causeKind", causeKind.name());
		props.put("status", AlertStatus.OPEN.name());
		props.put("delivery", this.webhook.configured() ? "PENDING" : "NONE");
		props.put("attempts", 0);
		return props;
	}

}
