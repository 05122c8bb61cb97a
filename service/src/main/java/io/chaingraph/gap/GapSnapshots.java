package io.chaingraph.gap;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.chaingraph.config.Graph;
import io.chaingraph.gap.GapModel.GapReport;
import io.chaingraph.gap.GapModel.SegmentStatus;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Coverage over time (docs/design.md, "Gap history"): after every committed import run, curation
 * mutation or accepted proposal, a {@code :GapSnapshot} of each affected park's report on each of its
 * focus chains, when it differs from the one before.
 *
 * <p>The committed writes are read from the audit trail: every write records a {@code :Change} in its
 * own transaction (an import run one when it finishes), so a change that can be read has committed,
 * whoever made it and through whichever client. A background thread reads the changes since the last
 * ones it saw every {@code chaingraph.gap-history.poll} (one indexed read); a write never waits for a
 * snapshot. The changes read together are worked out together: the parks they touch (an enterprise's
 * park before and after, and the parks above; every park for an import run or a change of a park,
 * chain or segment), one report per focus chain for those parks ({@link GapService}: from the kept
 * counts, read once, and the kept structure rows of {@link GapStructures} when nothing but enterprises
 * changed), one read of the parks' enterprises and last snapshots, and one write
 * transaction. Each park's enterprises (its own and its sub-parks') are kept on one
 * {@code :ParkMembers} node, so a snapshot names the enterprises that came or went.
 *
 * <p>Each snapshot records the change (or the import run) that caused it. What changed is published
 * as a {@link Written} event (segment transitions, enterprise moves) for the watches.
 */
@Component
public class GapSnapshots implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(GapSnapshots.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The changes read per statement; more are read in further rounds. */
	private static final int BATCH = 2000;

	/**
	 * Changes are read from this long before the newest one seen: a change's time is its transaction's,
	 * and a longer transaction may commit after a shorter one that began later.
	 */
	private static final java.time.Duration LOOKBACK = java.time.Duration.ofSeconds(60);

	/** The default weak threshold: the kinds a snapshot keeps are those of {@code chainGaps} without one. */
	static final int WEAK_BELOW = 2;

	/** Relationship and entity labels whose changes do not touch a gap report's counts or kinds. */
	private static final Set<String> NO_GAP_EFFECT = Set.of("Platform", "SUPPLIES", "SERVES", "INCUBATES", "INVESTS_IN",
			"TRANSFERS_TECH_TO");

	/** What caused a snapshot. */
	public enum Cause {

		/** an import run (the id is the run's) */
		IMPORT,
		/** a curation mutation (the id is the change's) */
		CURATION,
		/** an accepted proposal of a document or rule (the id is the change's) */
		PROPOSAL

	}

	/** A segment whose kind changed between two snapshots of a park's report. */
	public record SegmentTransition(String parkId, String chainId, String nodeId, GapKind from, GapKind to,
			int fromCount, int toCount, OffsetDateTime at, String cause, Cause causeKind) {
	}

	/** An enterprise that came to a park (or a sub-park) or left it. */
	public record EnterpriseMove(String parkId, String enterpriseId, boolean came, List<String> tags, OffsetDateTime at,
			String cause, Cause causeKind) {
	}

	/** What one round wrote: published as an application event when it holds a transition or a move. */
	public record Written(int snapshots, List<SegmentTransition> transitions, List<EnterpriseMove> moves) {
	}

	/** A committed write, as its change records it. */
	private record ChangeRow(String id, ZonedDateTime at, String operation, String label, String entityId,
			Map<String, Object> before, Map<String, Object> after) {

		Cause cause() {
			if ("IMPORT".equals(this.operation)) {
				return Cause.IMPORT;
			}
			String source = String.valueOf(this.after != null ? this.after.get("source")
					: (this.before != null) ? this.before.get("source") : null);
			return (source.startsWith("document:") || source.startsWith("rule:")) ? Cause.PROPOSAL : Cause.CURATION;
		}

		String causeId() {
			return (cause() == Cause.IMPORT) ? this.entityId : this.id;
		}

	}

	/** The state a snapshot keeps of one park's report on one chain. */
	private record State(List<String> segments, List<String> kinds, List<Long> counts) {
	}

	/** The changes after a point, except those already worked out ({@code $seen}: their ids). */
	static final String CHANGES = """
			MATCH (c:Change) WHERE c.at >= $since AND (c.at > $since OR c.id > $afterId) AND NOT c.id IN $seen
			RETURN c.id AS id, c.at AS at, c.operation AS operation, c.label AS label, c.entityId AS entityId,
			       c.before AS before, c.after AS after
			ORDER BY c.at, c.id LIMIT $limit""";

	static final String START = """
			RETURN datetime() AS now, EXISTS { MATCH (:GapSnapshot) } AS kept,
			       COLLECT { MATCH (c:Change) RETURN c.at AS at ORDER BY c.at DESC LIMIT 1 } AS newest""";

	static final String SCOPES = """
			UNWIND $ids AS id
			OPTIONAL MATCH (n:Entity {id: id})
			WITH id, CASE WHEN n IS NULL THEN [] WHEN n:Park THEN [n] ELSE [(n)-[:LOCATED_IN]->(q:Park) | q] END AS starts
			RETURN id, COLLECT { UNWIND starts AS s MATCH (s)-[:PART_OF*0..10]->(p:Park) RETURN DISTINCT p.id } AS parks""";

	static final String ALL_PARKS = "MATCH (p:Park) RETURN collect(p.id) AS ids";

	/** Per park: whether its enterprises were kept, its focus chains and its latest snapshots. */
	static final String STATE = """
			UNWIND $parks AS pid
			MATCH (p:Park {id: pid})
			RETURN pid AS park, EXISTS { MATCH (:ParkMembers {park: pid}) } AS kept,
			       COLLECT { MATCH (p)-[:FOCUSES_ON]->(c:Chain) RETURN c.id } AS chains,
			       COLLECT { MATCH (s:LatestGapSnapshot {park: pid})
			                 RETURN s {.chain, .segments, .kinds, .counts} } AS latest""";

	/** Per park: its enterprises now (located in it or a sub-park) and as last kept. */
	static final String MEMBERS = """
			UNWIND $parks AS pid
			MATCH (p:Park {id: pid})
			OPTIONAL MATCH (m:ParkMembers {park: pid})
			RETURN pid AS park, m.ids AS stored,
			       COLLECT { MATCH (e:Enterprise)-[:LOCATED_IN]->(:Park)-[:PART_OF*0..10]->(p) RETURN DISTINCT e.id } AS members""";

	static final String TAGS = """
			UNWIND $ids AS id
			MATCH (e:Enterprise {id: id})
			RETURN e.id AS id, coalesce(e.tags, []) AS tags""";

	/**
	 * The new latest snapshots; each carries how many snapshots its park and chain keep ({@code kept}:
	 * the one before's plus one, counted once where a snapshot from before has none), so the oldest are
	 * deleted only when there are more than {@code $keep} (at most {@link #PRUNE} a time), found through the
	 * index in time order.
	 */
	static final String WRITE_SNAPSHOTS = """
			UNWIND $snapshots AS s
			CALL (s) {
			  OPTIONAL MATCH (old:LatestGapSnapshot {park: s.park, chain: s.chain})
			  REMOVE old:LatestGapSnapshot
			  RETURN CASE WHEN old IS NULL THEN 0
			              ELSE coalesce(old.kept, COUNT { MATCH (x:GapSnapshot {park: s.park, chain: s.chain}) }) END AS before
			}
			CREATE (n:GapSnapshot:LatestGapSnapshot)
			SET n = s.props, n.at = s.at, n.kept = before + 1
			WITH s, n, before + 1 - $keep AS excess
			CALL (s, n, excess) {
			  MATCH (x:GapSnapshot)
			  WHERE excess > 0 AND x.park = s.park AND x.chain = s.chain AND x.at IS NOT NULL AND x <> n
			  WITH n, excess, x ORDER BY x.at, x.id LIMIT $prune
			  WITH n, excess, collect(x) AS oldest
			  UNWIND oldest[0..excess] AS x
			  DETACH DELETE x
			  WITH n, count(*) AS deleted
			  SET n.kept = n.kept - deleted
			}""";

	/** The oldest snapshots deleted at most per new one (more only when {@code keep} was lowered). */
	static final int PRUNE = 10;

	static final String WRITE_MEMBERS = """
			UNWIND $members AS m
			MERGE (x:ParkMembers {park: m.park})
			SET x.ids = m.ids""";

	private final Graph graph;

	private final GapService gaps;

	/** The longest a round waits for the counts' recount before it counts its reports from the graph. */
	static final java.time.Duration PENDING_WAIT = java.time.Duration.ofMinutes(2);

	/** Since when the rounds have waited for the counts ({@link System#nanoTime()}), 0 when they do not wait. */
	private long pendingSince;

	private final ApplicationEventPublisher events;

	private final GapHistoryProperties properties;

	/** The newest change time seen; null until the first read. */
	private ZonedDateTime cursor;

	/** Changes already worked out, within {@link #LOOKBACK} of the cursor. */
	private final Map<String, ZonedDateTime> seen = new LinkedHashMap<>();

	private ThreadPoolTaskScheduler executor;

	/** Snapshots written so far, and the time spent in rounds that wrote any (for tests and the bench). */
	private long written;

	private long nanos;

	/** Where the current round's time went, step by step (logged at debug level). */
	private final Map<String, Long> laps = new LinkedHashMap<>();

	private long lapStarted;

	GapSnapshots(Graph graph, GapService gaps, ApplicationEventPublisher events, GapHistoryProperties properties) {
		this.graph = graph;
		this.gaps = gaps;
		this.events = events;
		this.properties = properties;
	}

	@Override
	public synchronized void start() {
		if (this.cursor == null) {
			// changes made before this start are not worked out (the first round reads back LOOKBACK), except
			// on a graph without snapshots: there its newest change (the first import) gives the first ones
			this.cursor = this.graph.one(START, Map.of(), r -> {
				ZonedDateTime now = r.get("now").asZonedDateTime();
				List<Value> newest = r.get("newest").asList(v -> v);
				return (r.get("kept").asBoolean() || newest.isEmpty()) ? now : newest.get(0).asZonedDateTime();
			}).orElseGet(ZonedDateTime::now);
		}
		if (this.executor != null || this.properties.poll().isZero() || this.properties.poll().isNegative()) {
			return;
		}
		this.executor = new ThreadPoolTaskScheduler();
		this.executor.setThreadNamePrefix("chaingraph-gap-history-");
		this.executor.setDaemon(true);
		this.executor.initialize();
		this.executor.scheduleWithFixedDelay(this::poll, Instant.now().plus(this.properties.poll()),
				this.properties.poll());
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdown();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	/** One poll; never throws, or the executor would stop polling. */
	private void poll() {
		try {
			catchUp();
		}
		catch (RuntimeException ex) {
			log.warn("Gap history: snapshots not taken this time, tried again at the next poll ({})", ex.toString());
		}
	}

	/**
	 * Works out every committed change not seen yet: snapshots written, watches told. Called by the
	 * poller; tests call it to have the snapshots of their writes now.
	 */
	public synchronized Written catchUp() {
		if (this.cursor == null) {
			start();
		}
		// after a bulk write (an import's batches) the counts wait for one recount: the round waits for it
		// too rather than count every report from the graph, for at most PENDING_WAIT
		if (this.gaps.countsPending()) {
			long now = System.nanoTime();
			if (this.pendingSince == 0) {
				this.pendingSince = now;
			}
			if (now - this.pendingSince < PENDING_WAIT.toNanos()) {
				return new Written(0, List.of(), List.of());
			}
		}
		else {
			this.pendingSince = 0;
		}
		List<SegmentTransition> transitions = new ArrayList<>();
		List<EnterpriseMove> moves = new ArrayList<>();
		int snapshots = 0;
		this.laps.clear();
		this.lapStarted = System.nanoTime();
		long roundStarted = this.lapStarted;
		// pages in (time, id) order from LOOKBACK before the newest change seen
		ZonedDateTime since = this.cursor.minus(LOOKBACK);
		String afterId = "";
		while (true) {
			List<ChangeRow> rows = this.graph.list(CHANGES,
					Map.of("since", since, "afterId", afterId, "limit", BATCH, "seen", List.copyOf(this.seen.keySet())),
					r -> new ChangeRow(r.get("id").asString(), r.get("at").asZonedDateTime(), r.get("operation").asString(),
							r.get("label").asString(), r.get("entityId").asString(null), json(r.get("before")),
							json(r.get("after"))));
			List<ChangeRow> fresh = rows.stream().filter(c -> !this.seen.containsKey(c.id())).toList();
			lap("changes");
			if (!fresh.isEmpty()) {
				long started = System.nanoTime();
				Written round = workOut(fresh);
				if (round.snapshots() > 0) {
					this.nanos += System.nanoTime() - started;
				}
				snapshots += round.snapshots();
				transitions.addAll(round.transitions());
				moves.addAll(round.moves());
				for (ChangeRow row : fresh) {
					this.seen.put(row.id(), row.at());
					if (row.at().isAfter(this.cursor)) {
						this.cursor = row.at();
					}
				}
				ZonedDateTime horizon = this.cursor.minus(LOOKBACK);
				this.seen.values().removeIf(at -> at.isBefore(horizon));
			}
			if (rows.size() < BATCH) {
				break;
			}
			since = rows.get(rows.size() - 1).at();
			afterId = rows.get(rows.size() - 1).id();
		}
		Written written = new Written(snapshots, transitions, moves);
		this.written += snapshots;
		if (snapshots > 0 && log.isDebugEnabled()) {
			StringBuilder steps = new StringBuilder();
			this.laps.forEach((step, n) -> steps.append(steps.isEmpty() ? "" : ", ").append(step).append(' ')
				.append(String.format(java.util.Locale.ROOT, "%.1f", n / 1e6)).append(" ms"));
			log.debug("Gap history: {} snapshot(s) in {} ms ({})", snapshots,
					String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - roundStarted) / 1e6), steps);
		}
		if (!transitions.isEmpty() || !moves.isEmpty()) {
			this.events.publishEvent(written);
		}
		return written;
	}

	/** Adds the time since the last lap to a step of the round. */
	private void lap(String step) {
		long now = System.nanoTime();
		this.laps.merge(step, now - this.lapStarted, Long::sum);
		this.lapStarted = now;
	}

	/** Snapshots written since the start. */
	public synchronized long snapshotsWritten() {
		return this.written;
	}

	/** Milliseconds spent in rounds that wrote snapshots, since the start. */
	public synchronized long millisSpent() {
		return this.nanos / 1_000_000;
	}

	private static Map<String, Object> json(Value value) {
		if (value.isNull()) {
			return null;
		}
		try {
			@SuppressWarnings("unchecked")
			Map<String, Object> map = JSON.readValue(value.asString(), Map.class);
			return map;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** The parks some changes touch, each with the last change that touched it; snapshots of them. */
	private Written workOut(List<ChangeRow> changes) {
		// per change: every park, or seeds (parks, enterprises) whose parks and the parks above are touched
		Set<String> seeds = new HashSet<>();
		Map<String, List<String>> tagsBefore = new HashMap<>();
		boolean anyAll = false;
		for (ChangeRow change : changes) {
			seedsOf(change).ifPresent(seeds::addAll);
			anyAll |= seedsOf(change).isEmpty();
			if ("Enterprise".equals(change.label()) && change.before() != null && change.before().get("tags") instanceof List<?> tags) {
				tagsBefore.put(change.entityId(), tags.stream().map(String::valueOf).toList());
			}
		}
		List<String> allParks = anyAll ? this.graph.one(ALL_PARKS, Map.of(), r -> r.get("ids").asList(Value::asString))
			.orElse(List.of()) : List.of();
		Map<String, List<String>> scopes = new HashMap<>();
		if (!seeds.isEmpty()) {
			this.graph.list(SCOPES, Map.of("ids", List.copyOf(seeds)),
					r -> scopes.put(r.get("id").asString(), r.get("parks").asList(Value::asString)));
		}
		lap("scopes");
		boolean mayMove = changes.stream().anyMatch(GapSnapshots::mayMoveEnterprises);
		Map<String, ChangeRow> causeOf = new LinkedHashMap<>();
		for (ChangeRow change : changes) {
			java.util.Optional<Set<String>> own = seedsOf(change);
			Collection<String> parks = own.isEmpty() ? allParks
					: own.get().stream().flatMap(id -> scopes.getOrDefault(id, List.of()).stream()).toList();
			parks.forEach(park -> causeOf.put(park, change));
		}
		if (causeOf.isEmpty()) {
			return new Written(0, List.of(), List.of());
		}
		return snapshot(causeOf, tagsBefore, mayMove);
	}

	/** Labels of changes that never move an enterprise into or out of a park. */
	private static final Set<String> KEEPS_MEMBERS = Set.of("OPERATES_IN", "Chain", "ChainNode", "FEEDS", "IN_CHAIN",
			"FOCUSES_ON");

	/**
	 * Whether a change may move enterprises into or out of parks (an import; an enterprise created, deleted or
	 * moved; a location, a park or a park's parent changed): only then are the parks' enterprises read.
	 */
	private static boolean mayMoveEnterprises(ChangeRow change) {
		if ("IMPORT".equals(change.operation())) {
			return true;
		}
		String label = change.label();
		if (NO_GAP_EFFECT.contains(label) || KEEPS_MEMBERS.contains(label)) {
			return false;
		}
		if ("Enterprise".equals(label) && change.before() != null && change.after() != null) {
			return !Objects.equals(change.before().get("parkId"), change.after().get("parkId"));
		}
		return true;
	}

	/**
	 * The ids whose parks a change touches: an enterprise's park before and after and where it is
	 * now; empty for none; no value for every park (an import run, a park, chain or segment changed).
	 */
	private static java.util.Optional<Set<String>> seedsOf(ChangeRow change) {
		if ("IMPORT".equals(change.operation())) {
			return java.util.Optional.empty();
		}
		String label = change.label();
		Set<String> seeds = new HashSet<>();
		if (NO_GAP_EFFECT.contains(label)) {
			return java.util.Optional.of(seeds);
		}
		if ("Enterprise".equals(label)) {
			for (Map<String, Object> record : java.util.Arrays.asList(change.before(), change.after())) {
				if (record != null && record.get("parkId") != null) {
					seeds.add(String.valueOf(record.get("parkId")));
				}
			}
			seeds.add(change.entityId());
			return java.util.Optional.of(seeds);
		}
		if ("OPERATES_IN".equals(label) || "LOCATED_IN".equals(label)) {
			seeds.add(change.entityId());
			return java.util.Optional.of(seeds);
		}
		return java.util.Optional.empty();
	}

	/**
	 * @param mayMove whether a change may have moved enterprises: then every park's enterprises are read and
	 * compared with those kept; otherwise only those of parks that have none kept yet
	 */
	private Written snapshot(Map<String, ChangeRow> causeOf, Map<String, List<String>> tagsBefore, boolean mayMove) {
		List<String> parks = List.copyOf(causeOf.keySet());
		Map<String, Set<String>> members = new HashMap<>();
		Map<String, Set<String>> stored = new HashMap<>();
		Map<String, List<String>> chainsOf = new HashMap<>();
		Map<String, Map<String, State>> latest = new HashMap<>();
		List<String> unkept = new ArrayList<>();
		this.graph.list(STATE, Map.of("parks", parks), r -> {
			String park = r.get("park").asString();
			if (!r.get("kept").asBoolean()) {
				unkept.add(park);
			}
			chainsOf.put(park, r.get("chains").asList(Value::asString));
			Map<String, State> byChain = new HashMap<>();
			for (Value s : r.get("latest").values()) {
				byChain.put(s.get("chain").asString(), new State(s.get("segments").asList(Value::asString),
						s.get("kinds").asList(Value::asString), s.get("counts").asList(Value::asLong)));
			}
			latest.put(park, byChain);
			return park;
		});
		lap("state");
		List<String> read = mayMove ? parks : unkept;
		if (!read.isEmpty()) {
			this.graph.list(MEMBERS, Map.of("parks", read), r -> {
				String park = r.get("park").asString();
				members.put(park, new TreeSet<>(r.get("members").asList(Value::asString)));
				if (!r.get("stored").isNull()) {
					stored.put(park, new TreeSet<>(r.get("stored").asList(Value::asString)));
				}
				return park;
			});
		}
		// enterprises that came or left, per park (none without an earlier list to compare with)
		Map<String, List<String>> came = new HashMap<>();
		Map<String, List<String>> went = new HashMap<>();
		List<Map<String, Object>> memberWrites = new ArrayList<>();
		Set<String> gone = new TreeSet<>();
		members.forEach((park, now) -> {
			Set<String> before = stored.get(park);
			if (before != null && before.equals(now)) {
				return;
			}
			if (before != null) {
				came.put(park, now.stream().filter(id -> !before.contains(id)).toList());
				List<String> left = before.stream().filter(id -> !now.contains(id)).toList();
				went.put(park, left);
				gone.addAll(left);
			}
			memberWrites.add(Map.of("park", park, "ids", List.copyOf(now)));
		});
		Map<String, List<String>> tags = new HashMap<>(tagsBefore);
		if (!gone.isEmpty()) {
			this.graph.list(TAGS, Map.of("ids", List.copyOf(gone)),
					r -> tags.putIfAbsent(r.get("id").asString(), r.get("tags").asList(Value::asString)));
		}
		lap("members");
		// the reports now, one statement per chain for all the parks focusing on it
		Map<String, List<String>> parksByChain = new LinkedHashMap<>();
		chainsOf.forEach((park, chains) -> chains.forEach(c -> parksByChain.computeIfAbsent(c, k -> new ArrayList<>()).add(park)));
		Map<String, Map<String, GapReport>> reports = new HashMap<>();
		this.gaps.reportsOf(parksByChain).forEach((chainId, chainReports) -> {
			for (GapReport report : chainReports) {
				reports.computeIfAbsent(report.park().id(), k -> new HashMap<>()).put(chainId, report);
			}
		});
		lap("reports");
		List<Map<String, Object>> snapshots = new ArrayList<>();
		List<SegmentTransition> transitions = new ArrayList<>();
		List<EnterpriseMove> moves = new ArrayList<>();
		int listed = this.properties.listedEnterprises();
		for (String park : parks) {
			ChangeRow cause = causeOf.get(park);
			OffsetDateTime at = cause.at().toOffsetDateTime();
			List<String> in = came.getOrDefault(park, List.of());
			List<String> out = went.getOrDefault(park, List.of());
			in.forEach(id -> moves.add(new EnterpriseMove(park, id, true, tags.getOrDefault(id, List.of()), at,
					cause.causeId(), cause.cause())));
			out.forEach(id -> moves.add(new EnterpriseMove(park, id, false, tags.getOrDefault(id, List.of()), at,
					cause.causeId(), cause.cause())));
			for (Map.Entry<String, GapReport> entry : reports.getOrDefault(park, Map.of()).entrySet()) {
				String chainId = entry.getKey();
				GapReport report = entry.getValue();
				State now = state(report);
				State last = latest.getOrDefault(park, Map.of()).get(chainId);
				if (now.equals(last) && in.isEmpty() && out.isEmpty()) {
					continue;
				}
				if (last != null) {
					transitions.addAll(transitions(park, chainId, last, now, at, cause));
				}
				Map<String, Object> props = new HashMap<>();
				props.put("id", "snapshot-" + UUID.randomUUID());
				props.put("park", park);
				props.put("chain", chainId);
				props.put("cause", cause.causeId());
				props.put("causeKind", cause.cause().name());
				props.put("coverage", report.coverage());
				props.put("segments", now.segments());
				props.put("kinds", now.kinds());
				props.put("counts", now.counts());
				props.put("present", report.counts().present());
				props.put("missing", report.counts().missing());
				props.put("broken", report.counts().broken());
				props.put("weak", report.counts().weak());
				props.put("came", in.subList(0, Math.min(listed, in.size())));
				props.put("went", out.subList(0, Math.min(listed, out.size())));
				props.put("cameTotal", in.size());
				props.put("wentTotal", out.size());
				snapshots.add(Map.of("park", park, "chain", chainId, "at", cause.at(), "props", props));
			}
		}
		lap("compare");
		if (!snapshots.isEmpty() || !memberWrites.isEmpty()) {
			this.graph.inWriteTransaction(tx -> {
				if (!snapshots.isEmpty()) {
					tx.run(WRITE_SNAPSHOTS, Map.of("snapshots", snapshots, "keep", this.properties.keep(), "prune", PRUNE)).consume();
				}
				if (!memberWrites.isEmpty()) {
					tx.run(WRITE_MEMBERS, Map.of("members", memberWrites)).consume();
				}
				return null;
			});
			lap("write");
		}
		return new Written(snapshots.size(), transitions, moves);
	}

	/** The segments, kinds (at the default threshold; "" for held well) and local counts of a report. */
	private static State state(GapReport report) {
		List<String> segments = new ArrayList<>();
		List<String> kinds = new ArrayList<>();
		List<Long> counts = new ArrayList<>();
		for (SegmentStatus segment : report.segments()) {
			segments.add(segment.node().id());
			kinds.add((segment.kind() == null) ? "" : segment.kind().name());
			counts.add((long) segment.localCount());
		}
		return new State(segments, kinds, counts);
	}

	private static List<SegmentTransition> transitions(String park, String chainId, State last, State now,
			OffsetDateTime at, ChangeRow cause) {
		Map<String, Integer> before = new HashMap<>();
		for (int i = 0; i < last.segments().size(); i++) {
			before.put(last.segments().get(i), i);
		}
		List<SegmentTransition> found = new ArrayList<>();
		for (int i = 0; i < now.segments().size(); i++) {
			Integer j = before.get(now.segments().get(i));
			if (j == null || Objects.equals(last.kinds().get(j), now.kinds().get(i))) {
				continue;
			}
			found.add(new SegmentTransition(park, chainId, now.segments().get(i), kind(last.kinds().get(j)),
					kind(now.kinds().get(i)), last.counts().get(j).intValue(), now.counts().get(i).intValue(), at,
					cause.causeId(), cause.cause()));
		}
		return found;
	}

	static GapKind kind(String stored) {
		return (stored == null || stored.isEmpty()) ? null : GapKind.valueOf(stored);
	}

}
