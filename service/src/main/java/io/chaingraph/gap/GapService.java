package io.chaingraph.gap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.chaingraph.common.Connection;
import io.chaingraph.common.Cursors;
import io.chaingraph.common.NotFoundException;
import io.chaingraph.config.Limits;
import io.chaingraph.entity.Chain;
import io.chaingraph.entity.ChainNode;
import io.chaingraph.entity.Enterprise;
import io.chaingraph.entity.Park;
import io.chaingraph.entity.Platform;
import io.chaingraph.entity.Stage;
import io.chaingraph.gap.GapModel.Gap;
import io.chaingraph.gap.GapModel.GapCounts;
import io.chaingraph.gap.GapModel.GapReport;
import io.chaingraph.gap.GapModel.NeighbourStatus;
import io.chaingraph.gap.GapModel.ParkComparison;
import io.chaingraph.gap.GapModel.SegmentStatus;
import io.chaingraph.gap.GapModel.StageCount;
import io.chaingraph.graph.GraphEdge;
import io.chaingraph.graph.GraphNode;
import io.chaingraph.graph.Subgraph;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Service;

/**
 * Gap diagnosis (docs/design.md, "Gap semantics") from one statement per report: classification of every segment of a
 * chain for a park, and ranking of the outside enterprises that could fill one.
 */
@Service
class GapService {

	static final int MAX_COMPARED_PARKS = 10;

	private final GapRepository gaps;

	private final GapReportCache cache;

	private final GapStats stats;

	private final GapStructures structures;

	private final Limits limits;

	private final Cursors cursors;

	GapService(GapRepository gaps, GapReportCache cache, GapStats stats, GapStructures structures, Limits limits,
			Cursors cursors) {
		this.gaps = gaps;
		this.structures = structures;
		this.cache = cache;
		this.stats = stats;
		this.limits = limits;
		this.cursors = cursors;
	}

	/**
	 * The reports of some parks for one chain, as computed by one statement: per park its report,
	 * its local enterprises per stage and in all. Weight = segments held (the cache's bound).
	 */
	record Reports(List<GapReport> reports, Map<String, List<StageCount>> perStage,
			Map<String, Integer> localEnterprises) {

		Reports {
			reports = List.copyOf(reports);
			perStage = Map.copyOf(perStage);
			localEnterprises = Map.copyOf(localEnterprises);
		}

		int weight() {
			return 1 + this.reports.stream().mapToInt(r -> r.segments().size()).sum();
		}

	}

	GapReport chainGaps(String parkId, String chainId, int weakBelow) {
		return chainGaps(parkId, chainId, weakBelow, false);
	}

	/** @param noCache compute the report afresh even if a kept one still holds */
	GapReport chainGaps(String parkId, String chainId, int weakBelow, boolean noCache) {
		return reports(List.of(parkId), chainId, weakBelow, noCache).reports().get(0);
	}

	/**
	 * The report of every chain the park focuses on ({@code FOCUSES_ON}), highest priority first, then by
	 * chain name; an unknown park is a NotFoundException, a park without focus chains gives none.
	 */
	List<GapReport> parkGaps(String parkId, int weakBelow, boolean noCache) {
		List<String> chains = this.gaps.focusChains(parkId)
			.orElseThrow(() -> new NotFoundException("No park with id '" + parkId + "'"));
		List<GapReport> reports = new ArrayList<>();
		for (String chainId : chains) {
			reports.add(chainGaps(parkId, chainId, weakBelow, noCache));
		}
		return reports;
	}

	List<ParkComparison> compare(List<String> parkIds, String chainId, int weakBelow) {
		return compare(parkIds, chainId, weakBelow, false);
	}

	List<ParkComparison> compare(List<String> parkIds, String chainId, int weakBelow, boolean noCache) {
		if (parkIds.isEmpty() || parkIds.size() > MAX_COMPARED_PARKS) {
			throw new IllegalArgumentException("compareParks takes 1 to " + MAX_COMPARED_PARKS + " parks, got " + parkIds.size());
		}
		java.util.Set<String> seen = new java.util.HashSet<>();
		for (String parkId : parkIds) {
			if (!seen.add(parkId)) {
				throw new IllegalArgumentException("compareParks lists park '" + parkId + "' twice; give each park once");
			}
		}
		List<ParkComparison> comparisons = new ArrayList<>();
		Reports reports = reports(parkIds, chainId, weakBelow, noCache);
		List<GapReport> all = reports.reports();
		List<Set<String>> held = all.stream().map(GapService::held).toList();
		for (int i = 0; i < all.size(); i++) {
			GapReport report = all.get(i);
			List<ChainNode> heldOnlyHere = new ArrayList<>();
			List<ChainNode> lackedHeldElsewhere = new ArrayList<>();
			for (SegmentStatus segment : report.segments()) {
				boolean heldElsewhere = false;
				for (int j = 0; j < all.size() && !heldElsewhere; j++) {
					heldElsewhere = j != i && held.get(j).contains(segment.node().id());
				}
				if (segment.localCount() > 0 && !heldElsewhere && all.size() > 1) {
					heldOnlyHere.add(segment.node());
				}
				else if (segment.localCount() == 0 && heldElsewhere) {
					lackedHeldElsewhere.add(segment.node());
				}
			}
			comparisons.add(new ParkComparison(report.park(), report.coverage(), report.counts(),
					reports.perStage().getOrDefault(report.park().id(), emptyStages()),
					reports.localEnterprises().getOrDefault(report.park().id(), 0), report.segments(),
					List.copyOf(heldOnlyHere), List.copyOf(lackedHeldElsewhere)));
		}
		return comparisons;
	}

	/** The ids of the segments a report's park holds (local count above 0). */
	private static Set<String> held(GapReport report) {
		Set<String> ids = new HashSet<>();
		for (SegmentStatus segment : report.segments()) {
			if (segment.localCount() > 0) {
				ids.add(segment.node().id());
			}
		}
		return ids;
	}

	private Reports reports(List<String> parkIds, String chainId, int weakBelow, boolean noCache) {
		if (weakBelow < 1) {
			throw new IllegalArgumentException("weakBelow must be at least 1, was " + weakBelow);
		}
		List<String> distinctParks = parkIds.stream().distinct().toList();
		return this.cache.get(new GapReportCache.Key(distinctParks, chainId, weakBelow), noCache,
				() -> compute(distinctParks, chainId, weakBelow, noCache));
	}

	/** Whether the kept counts wait for a recount (after a bulk write); reports count from the graph meanwhile. */
	boolean countsPending() {
		return this.stats.pending();
	}

	/**
	 * The reports of some parks on each of several chains at the default weak threshold, as chainGaps
	 * answers them, computed now (gap history): not through the cache, whose entries and recent keys are the
	 * clients'. The kept counts of all the parks are read once. A chain that is not found has no entry.
	 */
	Map<String, List<GapReport>> reportsOf(Map<String, List<String>> parksByChain) {
		List<String> allParks = parksByChain.values().stream().flatMap(List::stream).distinct().toList();
		java.util.Optional<GapStats.Snapshot> kept = this.stats.read(allParks);
		Map<String, List<GapReport>> reports = new java.util.LinkedHashMap<>();
		parksByChain.forEach((chainId, parkIds) -> {
			List<String> distinctParks = parkIds.stream().distinct().toList();
			try {
				reports.put(chainId, kept.isPresent()
						? computeFromStats(distinctParks, chainId, GapSnapshots.WEAK_BELOW, kept.get(), false).reports()
						: computeFromGraph(distinctParks, chainId, GapSnapshots.WEAK_BELOW).reports());
			}
			catch (NotFoundException ex) {
				// a chain deleted since the parks' focus was read: no report
			}
		});
		return reports;
	}

	/**
	 * Makes sure the reports of a key are kept at the graph's current version: computed now unless they
	 * already are ({@link GapReportRefresher}).
	 */
	void refresh(GapReportCache.Key key) {
		this.cache.refresh(key, () -> compute(key.parkIds(), key.chainId(), key.weakBelow(), false));
	}

	/**
	 * The reports from the kept counts ({@link GapStats}) and the structure statement when the counts
	 * are ready, otherwise from the report statement, which counts from the graph. Both give the same
	 * reports.
	 */
	private Reports compute(List<String> distinctParks, String chainId, int weakBelow, boolean fresh) {
		java.util.Optional<GapStats.Snapshot> kept = this.stats.read(distinctParks);
		return kept.isPresent() ? computeFromStats(distinctParks, chainId, weakBelow, kept.get(), fresh)
				: computeFromGraph(distinctParks, chainId, weakBelow);
	}

	/** @param fresh whether the structure is read now rather than taken from the kept rows ({@link GapStructures}) */
	Reports computeFromStats(List<String> distinctParks, String chainId, int weakBelow, GapStats.Snapshot stats,
			boolean fresh) {
		Map<String, List<StageCount>> perStage = new HashMap<>();
		Map<String, Integer> localEnterprises = new HashMap<>();
		java.util.function.Supplier<java.util.Optional<Record>> read = () -> this.gaps.structure(distinctParks, chainId);
		Record row = (fresh ? read.get() : this.structures.row(chainId, distinctParks, read)).orElse(null);
		Map<String, Value> parksFound = parksById(row);
		List<GapReport> reports = new ArrayList<>();
		for (String parkId : distinctParks) {
			Value park = parksFound.get(parkId);
			if (park == null) {
				reports.add(emptyReport(parkId, chainId));
				continue;
			}
			GapStats.Counts counts = stats.park(parkId);
			Map<String, Integer> local = new HashMap<>();
			counts.segments.forEach((id, n) -> local.put(id, n.intValue()));
			Map<String, Integer> total = new HashMap<>();
			stats.global().segments.forEach((id, n) -> total.put(id, n.intValue()));
			reports.add(report(Chain.from(row.get("chain")), park, local, total, row.get("nodes").asList(v -> v),
					weakBelow));
			List<StageCount> stages = new ArrayList<>();
			for (Stage stage : Stage.values()) {
				stages.add(new StageCount(stage, (int) counts.stage(chainId, stage.name())));
			}
			perStage.put(parkId, stages);
			localEnterprises.put(parkId, (int) counts.chain(chainId));
		}
		return new Reports(reports, perStage, localEnterprises);
	}

	/** The parks of a report or structure statement's row, by id (none for no row). */
	private static Map<String, Value> parksById(Record row) {
		Map<String, Value> parks = new HashMap<>();
		if (row != null) {
			for (Value park : row.get("parks").values()) {
				parks.put(park.get("park").get("id").asString(), park);
			}
		}
		return parks;
	}

	/** The report statement's row, read into reports (an unknown park or chain is a NotFoundException). */
	Reports computeFromGraph(List<String> distinctParks, String chainId, int weakBelow) {
		Map<String, List<StageCount>> perStage = new HashMap<>();
		Map<String, Integer> localEnterprises = new HashMap<>();
		Record row = this.gaps.report(distinctParks, chainId, weakBelow).orElse(null);
		Map<String, Value> parksFound = parksById(row);
		List<GapReport> reports = new ArrayList<>();
		for (String parkId : distinctParks) {
			Value park = parksFound.get(parkId);
			if (park == null) {
				reports.add(emptyReport(parkId, chainId));
				continue;
			}
			Map<String, Integer> local = new HashMap<>();
			for (Value entry : park.get("locals").values()) {
				local.put(entry.get("id").asString(), entry.get("n").asInt());
			}
			Map<String, Integer> total = new HashMap<>();
			for (Value node : row.get("nodes").values()) {
				if (!node.get("total").isNull()) {
					total.put(node.get("node").get("id").asString(), node.get("total").asInt());
				}
			}
			reports.add(report(Chain.from(row.get("chain")), park, local, total, row.get("nodes").asList(v -> v),
					weakBelow));
			perStage.put(parkId, stages(park.get("perStage")));
			localEnterprises.put(parkId, park.get("localEnterprises").asInt());
		}
		return new Reports(reports, perStage, localEnterprises);
	}

	/** No report row: an unknown id, or a chain without segments. */
	private GapReport emptyReport(String parkId, String chainId) {
		Map<String, String> labels = this.gaps.labels(List.of(parkId, chainId));
		if (!"Park".equals(labels.get(parkId))) {
			throw new NotFoundException("No park with id '" + parkId + "'"
					+ (labels.get(parkId) != null ? " ('" + parkId + "' is a " + labels.get(parkId) + ")" : ""));
		}
		if (!"Chain".equals(labels.get(chainId))) {
			throw new NotFoundException("No chain with id '" + chainId + "'"
					+ (labels.get(chainId) != null ? " ('" + chainId + "' is a " + labels.get(chainId) + ")" : ""));
		}
		Park park = new Park(parkId, parkId, List.of(), null, null, null, null, 0);
		Chain chain = new Chain(chainId, chainId, List.of(), null, null, 0);
		return new GapReport(park, chain, 0, List.of(), List.of(), new GapCounts(0, 0, 0, 0, 0));
	}

	/**
	 * One park's report: {@code parkRow} holds the park and its local platforms, {@code local} its
	 * local counts by segment id, {@code total} the enterprises anywhere by segment id (at least for
	 * the gaps), {@code nodes} the chain's segments and their FEEDS neighbours elsewhere.
	 */
	private GapReport report(Chain chain, Value parkRow, Map<String, Integer> local, Map<String, Integer> total,
			List<Value> nodeRows, int weakBelow) {
		Park park = Park.from(parkRow.get("park"));
		Set<String> localPlatformIds = new HashSet<>(parkRow.get("localPlatforms").asList(Value::asString));
		Map<String, ChainNode> nodes = new HashMap<>();
		for (Value row : nodeRows) {
			ChainNode node = ChainNode.from(row.get("node"));
			nodes.put(node.id(), node);
		}
		List<Gap> gaps = new ArrayList<>();
		List<SegmentStatus> segments = new ArrayList<>();
		int present = 0;
		int[] byKind = new int[GapKind.values().length];
		for (Value row : nodeRows) {
			if (!row.get("inChain").asBoolean()) {
				continue;
			}
			ChainNode node = nodes.get(row.get("node").get("id").asString());
			int count = local.getOrDefault(node.id(), 0);
			List<String> ups = row.get("upstream").asList(Value::asString);
			List<String> downs = row.get("downstream").asList(Value::asString);
			GapKind kind = null;
			if (count == 0) {
				boolean fedByPresent = ups.stream().anyMatch(id -> local.getOrDefault(id, 0) > 0);
				boolean feedsPresent = downs.stream().anyMatch(id -> local.getOrDefault(id, 0) > 0);
				kind = (fedByPresent && feedsPresent) ? GapKind.BROKEN : GapKind.MISSING;
			}
			else if (count < weakBelow) {
				kind = GapKind.WEAK;
			}
			if (count > 0) {
				present++;
			}
			segments.add(new SegmentStatus(node, count, kind));
			if (kind == null) {
				continue;
			}
			byKind[kind.ordinal()]++;
			List<Platform> localPlatforms = new ArrayList<>();
			List<Platform> otherPlatforms = new ArrayList<>();
			for (Value value : row.get("platforms").values()) {
				Platform platform = Platform.from(value);
				(localPlatformIds.contains(platform.id()) ? localPlatforms : otherPlatforms).add(platform);
			}
			localPlatforms.sort(Comparator.comparing(Platform::name));
			otherPlatforms.sort(Comparator.comparing(Platform::name));
			int elsewhere = total.getOrDefault(node.id(), 0) - count;
			gaps.add(new Gap(node, kind, count, node.stage(), neighbours(ups, nodes, local),
					neighbours(downs, nodes, local), elsewhere, localPlatforms, otherPlatforms, localPlatforms.isEmpty()));
		}
		gaps.sort(Comparator.comparing(Gap::kind)
			.thenComparing(g -> g.stage() == null ? Integer.MAX_VALUE : g.stage().ordinal())
			.thenComparingInt(Gap::localCount)
			.thenComparing(g -> g.node().name())
			.thenComparing(g -> g.node().id()));
		segments.sort(Comparator.comparing((SegmentStatus s) -> s.node().stage() == null ? Integer.MAX_VALUE
				: s.node().stage().ordinal()).thenComparing(s -> s.node().name()).thenComparing(s -> s.node().id()));
		double coverage = segments.isEmpty() ? 0 : (double) present / segments.size();
		return new GapReport(park, chain, coverage, gaps, segments, new GapCounts(segments.size(), present,
				byKind[GapKind.MISSING.ordinal()], byKind[GapKind.BROKEN.ordinal()], byKind[GapKind.WEAK.ordinal()]));
	}

	private static List<NeighbourStatus> neighbours(List<String> ids, Map<String, ChainNode> nodes,
			Map<String, Integer> local) {
		return ids.stream()
			.filter(nodes::containsKey)
			.map(id -> new NeighbourStatus(nodes.get(id), local.getOrDefault(id, 0), local.getOrDefault(id, 0) > 0))
			.sorted(Comparator.comparing((NeighbourStatus n) -> n.node().name()).thenComparing(n -> n.node().id()))
			.toList();
	}

	private static List<StageCount> stages(Value perStage) {
		Map<Stage, Integer> counts = new LinkedHashMap<>();
		for (Stage stage : Stage.values()) {
			counts.put(stage, 0);
		}
		for (Value entry : perStage.values()) {
			if (!entry.get("stage").isNull()) {
				counts.merge(Stage.valueOf(entry.get("stage").asString()), entry.get("n").asInt(), Integer::sum);
			}
		}
		return counts.entrySet().stream().map(e -> new StageCount(e.getKey(), e.getValue())).toList();
	}

	private static List<StageCount> emptyStages() {
		return java.util.Arrays.stream(Stage.values()).map(s -> new StageCount(s, 0)).toList();
	}

	// ---- candidates

	/**
	 * A page of candidates.
	 * @param region null, or the start of the candidates' region ({@code 浙江省}); blank is null
	 * @param after the position to continue after, null for the first page
	 * @param withTotal whether to count every candidate too (a second statement)
	 */
	Connection<Candidate> candidates(String parkId, String nodeId, String region, int first, CandidateCursor after,
			boolean withTotal) {
		this.limits.first(first);
		String within = (region == null || region.isBlank()) ? null : region.strip();
		// one row more than the page: it shows whether a next page exists
		List<Record> rows = this.gaps.candidates(parkId, nodeId, within, after, first + 1);
		if (rows.isEmpty()) {
			Map<String, String> labels = this.gaps.labels(List.of(parkId, nodeId));
			if (!"Park".equals(labels.get(parkId))) {
				throw new NotFoundException("No park with id '" + parkId + "'");
			}
			if (!"ChainNode".equals(labels.get(nodeId))) {
				throw new NotFoundException("No chain segment with id '" + nodeId + "'");
			}
		}
		Integer total = withTotal ? this.gaps.candidateCount(parkId, nodeId, within) : null;
		return Connection.of(rows.stream().map(this::candidate).toList(), first, Candidate::cursor, after != null, total);
	}

	private Candidate candidate(Record row) {
		Enterprise e = Enterprise.from(row.get("e"));
		double score = row.get("score").asDouble();
		List<Reason> reasons = new ArrayList<>();
		for (String tag : e.tags()) {
			Reason reason = Reason.tag(tag);
			if (reason != null) {
				reasons.add(reason);
			}
		}
		if (e.employees() != null || e.revenue() != null) {
			reasons.add(Reason.size(e.employees(), e.revenue()));
		}
		List<String> segments = row.get("segments").asList(Value::asString).stream().sorted().toList();
		reasons.add(Reason.worksIn(segments, row.get("confidence").asDouble()));
		List<GraphNode> nodes = new ArrayList<>();
		List<GraphEdge> edges = new ArrayList<>();
		nodes.add(new GraphNode(e.id(), "Enterprise", e.name(), 0));
		for (Value tie : row.get("ties").values()) {
			String otherId = tie.get("id").asString();
			String otherName = tie.get("name").asString();
			boolean supplies = tie.get("supplies").asBoolean();
			reasons.add(Reason.tie(supplies, otherName, tie.get("product").isNull() ? null : tie.get("product").asString(),
					tie.get("since").isNull() ? null : tie.get("since").asLong()));
			if (nodes.stream().noneMatch(n -> n.id().equals(otherId))) {
				nodes.add(new GraphNode(otherId, "Enterprise", otherName, 1));
			}
			edges.add(supplies ? GraphEdge.of("SUPPLIES", e.id(), otherId) : GraphEdge.of("SUPPLIES", otherId, e.id()));
		}
		String parkName = row.get("parkName").asString(null);
		reasons.add(Reason.location(parkName));
		return new Candidate(e, score, reasons.stream().map(Reason::text).toList(), reasons, new Subgraph(nodes, edges, false),
				new CandidateCursor(score, e.name(), e.id()).encode(this.cursors));
	}


}
