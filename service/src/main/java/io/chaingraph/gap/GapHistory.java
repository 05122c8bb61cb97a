package io.chaingraph.gap;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.chaingraph.common.NotFoundException;
import io.chaingraph.config.Graph;
import io.chaingraph.entity.Chain;
import io.chaingraph.entity.ChainNode;
import io.chaingraph.entity.Enterprise;
import io.chaingraph.entity.Park;
import io.chaingraph.gap.GapModel.Gap;
import io.chaingraph.gap.GapModel.GapCounts;
import io.chaingraph.gap.GapModel.GapReport;
import io.chaingraph.gap.GapModel.SegmentStatus;
import io.chaingraph.gap.GapSnapshots.Cause;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Component;

/**
 * Reads of the gap history (docs/design.md, "Gap history"), one statement each: a park's snapshots on
 * one chain in a time range, what changed in a park since a time, and a report as of a time.
 */
@Component
public class GapHistory {

	/** At most this many snapshots in one answer. */
	static final int MAX_SNAPSHOTS = 1000;

	/** One segment of a snapshot; {@code node} is null for a segment deleted since. */
	record SnapshotSegment(String nodeId, ChainNode node, int localCount, GapKind kind) {
	}

	/** One kept snapshot of a park's report on one chain. */
	record Snapshot(String id, OffsetDateTime at, String cause, Cause causeKind, double coverage, GapCounts counts,
			List<SnapshotSegment> segments, List<String> enterprisesCame, List<String> enterprisesWent, int cameCount,
			int wentCount) {
	}

	/** A segment whose kind changed between two snapshots. */
	record SegmentChange(Chain chain, String nodeId, ChainNode node, GapKind from, GapKind to, int fromCount, int toCount,
			OffsetDateTime at, String cause, Cause causeKind) {
	}

	/** An enterprise that came to the park or left it. */
	record EnterpriseChange(String enterpriseId, Enterprise enterprise, String direction, OffsetDateTime at,
			String cause, Cause causeKind) {
	}

	record GapChanges(Park park, OffsetDateTime since, List<SegmentChange> segments,
			List<EnterpriseChange> enterprises) {
	}

	static final String HISTORY = """
			MATCH (p:Park {id: $parkId})
			MATCH (c:Chain {id: $chainId})
			CALL (p, c) {
			  OPTIONAL MATCH (s:GapSnapshot {park: p.id, chain: c.id})
			  WHERE s.at >= coalesce($from, s.at) AND s.at <= coalesce($to, s.at)
			  WITH s ORDER BY s.at DESC, s.id DESC LIMIT $first
			  RETURN collect(s) AS snapshots
			}
			RETURN snapshots, COLLECT { MATCH (n:ChainNode)-[:IN_CHAIN]->(c) RETURN n } AS nodes""";

	static final String AS_OF = """
			MATCH (p:Park {id: $parkId})
			MATCH (c:Chain {id: $chainId})
			OPTIONAL CALL (p, c) {
			  MATCH (s:GapSnapshot {park: p.id, chain: c.id}) WHERE s.at <= $asOf
			  RETURN s ORDER BY s.at DESC, s.id DESC LIMIT 1
			}
			RETURN p AS park, c AS chain, s AS snapshot,
			       [id IN coalesce(s.segments, []) | head(COLLECT { MATCH (n:ChainNode {id: id}) RETURN n })] AS nodes""";

	static final String CHANGES = """
			MATCH (p:Park {id: $parkId})
			CALL (p) {
			  OPTIONAL MATCH (s:GapSnapshot {park: p.id}) WHERE s.at > $since
			  WITH s ORDER BY s.at, s.id LIMIT $limit
			  WITH s.chain AS chain, collect(s) AS snaps
			  WHERE chain IS NOT NULL
			  OPTIONAL CALL (p, chain) {
			    MATCH (b:GapSnapshot {park: p.id, chain: chain}) WHERE b.at <= $since
			    RETURN b ORDER BY b.at DESC, b.id DESC LIMIT 1
			  }
			  RETURN collect({chain: head(COLLECT { MATCH (c:Chain {id: chain}) RETURN c }), chainId: chain, before: b,
			                  snaps: snaps, nodes: COLLECT { MATCH (n:ChainNode)-[:IN_CHAIN]->(:Chain {id: chain}) RETURN n }}) AS chains
			}
			WITH p, chains, reduce(ids = [], x IN chains | ids + reduce(a = [], s IN x.snaps | a + s.came + s.went)) AS ids
			RETURN p AS park, chains,
			       COLLECT { UNWIND ids AS id MATCH (e:Enterprise {id: id}) RETURN DISTINCT e } AS enterprises""";

	private final Graph graph;

	GapHistory(Graph graph) {
		this.graph = graph;
	}

	/** A park's snapshots on one chain from {@code from} to {@code to} (either open), oldest first, the newest {@code first}. */
	List<Snapshot> history(String parkId, String chainId, OffsetDateTime from, OffsetDateTime to, int first) {
		if (first < 1 || first > MAX_SNAPSHOTS) {
			throw new IllegalArgumentException("first must be 1 to " + MAX_SNAPSHOTS + ", was " + first);
		}
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("parkId", parkId);
		parameters.put("chainId", chainId);
		parameters.put("from", from);
		parameters.put("to", to);
		parameters.put("first", first);
		List<Snapshot> snapshots = this.graph.one(HISTORY, parameters, r -> {
			Map<String, ChainNode> nodes = nodes(r.get("nodes"));
			List<Snapshot> found = new ArrayList<>();
			for (Value s : r.get("snapshots").values()) {
				found.add(snapshot(s, nodes));
			}
			return found;
		}).orElseThrow(() -> notFound(parkId, chainId));
		List<Snapshot> oldestFirst = new ArrayList<>(snapshots);
		java.util.Collections.reverse(oldestFirst);
		return oldestFirst;
	}

	/** A park's coverage of a chain at one kept snapshot, and what caused the snapshot. */
	public record CoveragePoint(OffsetDateTime at, double coverage, String causeLabel, String cause) {
	}

	/**
	 * A park's coverage of one chain at its kept snapshots, oldest first (the newest {@code first}): the trend a
	 * report draws. Coverage does not depend on the weak threshold, so every snapshot counts.
	 */
	public List<CoveragePoint> coverage(String parkId, String chainId, int first) {
		if (first < 1 || first > MAX_SNAPSHOTS) {
			throw new IllegalArgumentException("first must be 1 to " + MAX_SNAPSHOTS + ", was " + first);
		}
		// only what a trend needs: not the snapshots' segment lists, not the chain's nodes
		List<CoveragePoint> newestFirst = this.graph.list("""
				MATCH (s:GapSnapshot {park: $parkId, chain: $chainId})
				WITH s ORDER BY s.at DESC, s.id DESC LIMIT $first
				RETURN s.at AS at, s.coverage AS coverage, s.causeKind AS causeKind, s.cause AS cause""",
				Map.of("parkId", parkId, "chainId", chainId, "first", first),
				r -> new CoveragePoint(r.get("at").asZonedDateTime().toOffsetDateTime(), r.get("coverage").asDouble(),
						causeLabel(Cause.valueOf(r.get("causeKind").asString())), r.get("cause").asString()));
		List<CoveragePoint> oldestFirst = new ArrayList<>(newestFirst);
		java.util.Collections.reverse(oldestFirst);
		return oldestFirst;
	}

	private static String causeLabel(Cause cause) {
		return switch (cause) {
			case IMPORT -> "导入 Import";
			case CURATION -> "编辑 Curation";
			case PROPOSAL -> "采纳建议 Accepted proposal";
		};
	}

	private NotFoundException notFound(String parkId, String chainId) {
		boolean park = this.graph.one("MATCH (p:Park {id: $id}) RETURN p.id AS id", Map.of("id", parkId), r -> r)
			.isPresent();
		return new NotFoundException(park ? "No chain with id '" + chainId + "'" : "No park with id '" + parkId + "'");
	}

	private static Map<String, ChainNode> nodes(Value list) {
		Map<String, ChainNode> nodes = new HashMap<>();
		for (Value n : list.values()) {
			ChainNode node = ChainNode.from(n);
			nodes.put(node.id(), node);
		}
		return nodes;
	}

	private static Snapshot snapshot(Value s, Map<String, ChainNode> nodes) {
		List<String> ids = s.get("segments").asList(Value::asString);
		List<String> kinds = s.get("kinds").asList(Value::asString);
		List<Long> counts = s.get("counts").asList(Value::asLong);
		List<SnapshotSegment> segments = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			segments.add(new SnapshotSegment(ids.get(i), nodes.get(ids.get(i)), counts.get(i).intValue(),
					GapSnapshots.kind(kinds.get(i))));
		}
		GapCounts gapCounts = new GapCounts(ids.size(), s.get("present").asInt(), s.get("missing").asInt(),
				s.get("broken").asInt(), s.get("weak").asInt());
		return new Snapshot(s.get("id").asString(), s.get("at").asZonedDateTime().toOffsetDateTime(),
				s.get("cause").asString(), Cause.valueOf(s.get("causeKind").asString()), s.get("coverage").asDouble(),
				gapCounts, segments, s.get("came").asList(Value::asString), s.get("went").asList(Value::asString),
				s.get("cameTotal").asInt(), s.get("wentTotal").asInt());
	}

	/**
	 * The report of the snapshot in force at {@code asOf} (the newest at or before it): coverage, counts,
	 * segments and gaps with their node, kind, local count and stage. A snapshot keeps the kinds at the
	 * default threshold and every local count, so another {@code weakBelow} gives its WEAK segments too.
	 * The gaps' neighbours, platforms and candidates are not kept: empty, 0 and false.
	 */
	GapReport asOf(String parkId, String chainId, OffsetDateTime asOf, int weakBelow) {
		if (weakBelow < 1) {
			throw new IllegalArgumentException("weakBelow must be at least 1, was " + weakBelow);
		}
		Map<String, Object> parameters = Map.of("parkId", parkId, "chainId", chainId, "asOf", asOf);
		return this.graph.one(AS_OF, parameters, r -> {
			if (r.get("snapshot").isNull()) {
				throw new NotFoundException("No gap snapshot of park '" + parkId + "' on chain '" + chainId + "' at or before "
						+ asOf + " / 该时间之前没有缺口快照");
			}
			Value s = r.get("snapshot");
			List<String> ids = s.get("segments").asList(Value::asString);
			List<String> kinds = s.get("kinds").asList(Value::asString);
			List<Long> counts = s.get("counts").asList(Value::asLong);
			List<Value> nodes = r.get("nodes").asList(v -> v);
			List<SegmentStatus> segments = new ArrayList<>();
			List<Gap> gaps = new ArrayList<>();
			int present = 0;
			int[] byKind = new int[GapKind.values().length];
			for (int i = 0; i < ids.size(); i++) {
				ChainNode node = nodes.get(i).isNull() ? new ChainNode(ids.get(i), ids.get(i), List.of(), null, null, null, 0)
						: ChainNode.from(nodes.get(i));
				int count = counts.get(i).intValue();
				GapKind kind = (count == 0) ? GapSnapshots.kind(kinds.get(i)) : (count < weakBelow) ? GapKind.WEAK : null;
				if (count == 0 && kind == null) {
					kind = GapKind.MISSING;
				}
				if (count > 0) {
					present++;
				}
				segments.add(new SegmentStatus(node, count, kind));
				if (kind != null) {
					byKind[kind.ordinal()]++;
					gaps.add(new Gap(node, kind, count, node.stage(), List.of(), List.of(), 0, List.of(), List.of(), false));
				}
			}
			gaps.sort(Comparator.comparing(Gap::kind)
				.thenComparing(g -> g.stage() == null ? Integer.MAX_VALUE : g.stage().ordinal())
				.thenComparingInt(Gap::localCount)
				.thenComparing(g -> g.node().name())
				.thenComparing(g -> g.node().id()));
			double coverage = segments.isEmpty() ? 0 : (double) present / segments.size();
			return new GapReport(Park.from(r.get("park")), Chain.from(r.get("chain")), coverage, gaps, segments,
					new GapCounts(segments.size(), present, byKind[GapKind.MISSING.ordinal()],
							byKind[GapKind.BROKEN.ordinal()], byKind[GapKind.WEAK.ordinal()]));
		}).orElseThrow(() -> notFound(parkId, chainId));
	}

	/**
	 * What changed in a park after {@code since}: each segment whose kind changed from one snapshot to
	 * the next (on every chain with a snapshot since), and each enterprise that came or left, with the
	 * run or change that caused it; oldest first.
	 */
	GapChanges changes(String parkId, OffsetDateTime since) {
		Map<String, Object> parameters = Map.of("parkId", parkId, "since", since, "limit", 10 * MAX_SNAPSHOTS);
		return this.graph.one(CHANGES, parameters, r -> {
			Map<String, Enterprise> enterprises = new HashMap<>();
			for (Value e : r.get("enterprises").values()) {
				Enterprise enterprise = Enterprise.from(e);
				enterprises.put(enterprise.id(), enterprise);
			}
			List<SegmentChange> segments = new ArrayList<>();
			Set<EnterpriseChange> moves = new LinkedHashSet<>();
			for (Value chainRow : r.get("chains").values()) {
				Chain chain = chainRow.get("chain").isNull() ? null : Chain.from(chainRow.get("chain"));
				Map<String, ChainNode> nodes = nodes(chainRow.get("nodes"));
				Snapshot previous = chainRow.get("before").isNull() ? null : snapshot(chainRow.get("before"), nodes);
				for (Value s : chainRow.get("snaps").values()) {
					Snapshot snapshot = snapshot(s, nodes);
					if (previous != null) {
						Map<String, SnapshotSegment> before = new HashMap<>();
						previous.segments().forEach(seg -> before.put(seg.nodeId(), seg));
						for (SnapshotSegment seg : snapshot.segments()) {
							SnapshotSegment was = before.get(seg.nodeId());
							if (was != null && !Objects.equals(was.kind(), seg.kind())) {
								segments.add(new SegmentChange(chain, seg.nodeId(), seg.node(), was.kind(), seg.kind(),
										was.localCount(), seg.localCount(), snapshot.at(), snapshot.cause(), snapshot.causeKind()));
							}
						}
					}
					snapshot.enterprisesCame().forEach(id -> moves.add(new EnterpriseChange(id, enterprises.get(id), "CAME",
							snapshot.at(), snapshot.cause(), snapshot.causeKind())));
					snapshot.enterprisesWent().forEach(id -> moves.add(new EnterpriseChange(id, enterprises.get(id), "WENT",
							snapshot.at(), snapshot.cause(), snapshot.causeKind())));
					previous = snapshot;
				}
			}
			segments.sort(Comparator.comparing(SegmentChange::at).thenComparing(SegmentChange::nodeId));
			List<EnterpriseChange> sorted = new ArrayList<>(moves);
			sorted.sort(Comparator.comparing(EnterpriseChange::at).thenComparing(EnterpriseChange::enterpriseId));
			return new GapChanges(Park.from(r.get("park")), since, segments, sorted);
		}).orElseThrow(() -> new NotFoundException("No park with id '" + parkId + "'"));
	}

}
