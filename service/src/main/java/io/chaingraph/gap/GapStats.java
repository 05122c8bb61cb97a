package io.chaingraph.gap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.chaingraph.config.EmbeddedNeo4j;
import io.chaingraph.config.SchemaMigrations;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.LabelEntry;
import org.neo4j.graphdb.event.PropertyEntry;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The local enterprise counts gap reports need, kept on write (docs/design.md, "Gap statistics"): per
 * park, for every segment the distinct enterprises located in the park or its sub-parks that operate
 * in the segment or a descendant, per chain those that operate in one of its segments, per chain and
 * stage those that operate in a segment of that stage; and for the whole graph (park {@code ""}) per
 * segment every enterprise that operates in it or a descendant. One {@code :GapStats} node per park
 * holds them as parallel lists, so a report reads O(segments) instead of every local enterprise.
 *
 * <p>Every transaction of the embedded database that changes an enterprise's {@code LOCATED_IN} or
 * {@code OPERATES_IN} relationships (import, curation, accepted proposals, an operator's Cypher over
 * Bolt alike) updates them before it commits, from its own changes: the enterprise's contribution
 * after the transaction minus its contribution before. Such a transaction first locks the one
 * {@code :GapStatsMeta} node, so updates and recounts never interleave. A change of the structure
 * (a park's or segment's {@code PART_OF}, a segment's {@code IN_CHAIN} or stage, a park, segment or
 * chain deleted) counts everything again: in that same transaction on a graph of at most
 * {@link #RECOUNT_IN_PLACE} enterprises, otherwise it marks the counts not ready and a recount in the
 * background makes them ready again; so does every start (the store may have been written while no
 * listener ran: the bulk importer, an offline tool). A bulk write ({@link #BULK_CHANGES}) on such a graph
 * leaves them to one recount after its writes have settled or its import run has ended. While they are not
 * ready, and always against an external
 * server (whose writes no listener of this process sees), reports are computed from the graph itself
 * by {@code chain-gaps.cypher}: a report is never computed from counts that could be wrong.
 */
@Component
class GapStats implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(GapStats.class);

	static final Label STATS = Label.label("GapStats");

	static final Label META = Label.label("GapStatsMeta");

	/** The park key of the whole graph's counts. */
	static final String GLOBAL = "";

	private static final Label ENTERPRISE = Label.label("Enterprise");

	private static final Label PARK = Label.label("Park");

	private static final Label CHAIN_NODE = Label.label("ChainNode");

	private static final Label CHAIN = Label.label("Chain");

	private static final RelationshipType LOCATED_IN = RelationshipType.withName("LOCATED_IN");

	private static final RelationshipType OPERATES_IN = RelationshipType.withName("OPERATES_IN");

	private static final RelationshipType PART_OF = RelationshipType.withName("PART_OF");

	private static final RelationshipType IN_CHAIN = RelationshipType.withName("IN_CHAIN");

	/** An import's bookkeeping node: its {@code status} leaves these when the run's writes are over. */
	private static final Label IMPORT_RUN = Label.label("ImportRun");

	private static final Set<Object> UNFINISHED = Set.of("RUNNING", "QUEUED");

	/** The depth bound of the report's PART_OF roll-ups ({@code PART_OF*0..10}). */
	private static final int DEPTH = 10;

	/** Bound of a recount's transaction: a whole graph's enterprises are read. */
	private static final long RECOUNT_TIMEOUT_MINUTES = 60;

	/**
	 * Up to this many enterprises a recount runs where it is needed (in the writing transaction, at the
	 * start) and takes milliseconds; above it, in the background while reports count from the graph.
	 */
	static final long RECOUNT_IN_PLACE = 20_000;

	/**
	 * A transaction that changes the relationships of more enterprises than this (an import's batch, an
	 * operator's bulk Cypher) on a graph above {@link #RECOUNT_IN_PLACE} enterprises does not update the
	 * counts: it marks them not ready, and one recount follows once the writes have settled. Updating
	 * them batch by batch rewrote every touched park's lists each time (an L import took four times as
	 * long).
	 */
	static final int BULK_CHANGES = 100;

	/** How long no such write must have committed before the recount they wait for starts. */
	static final long SETTLE_MILLIS = 3_000;

	private final DatabaseManagementService dbms;

	private final GraphDatabaseService db;

	private final Listener listener = new Listener();

	private final ExecutorService recounter;

	private final AtomicBoolean recountQueued = new AtomicBoolean();

	/** {@link #RECOUNT_IN_PLACE}, lowered by tests to see the background recount. */
	volatile long recountInPlace = RECOUNT_IN_PLACE;

	/** {@link #SETTLE_MILLIS}, shortened by tests. */
	volatile long settleMillis = SETTLE_MILLIS;

	/** When the last write that left the counts to a recount committed ({@link System#nanoTime()}). */
	private volatile long lastDeferred = System.nanoTime() - TimeUnit.DAYS.toNanos(1);

	/** {@code migrations}: the constraints the counts rely on exist before the listener runs. */
	GapStats(ObjectProvider<EmbeddedNeo4j> embedded, SchemaMigrations migrations, GapProperties properties) {
		EmbeddedNeo4j neo4j = embedded.getIfAvailable();
		if (neo4j == null || !properties.keepCounts()) {
			this.dbms = null;
			this.db = null;
			this.recounter = null;
			log.info("Gap statistics are not kept ({}): reports count from the graph",
					(neo4j == null) ? "external server" : "chaingraph.gaps.keep-counts=false");
			return;
		}
		this.dbms = neo4j.service();
		this.db = this.dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
		this.recounter = Executors.newSingleThreadExecutor(r -> {
			Thread thread = new Thread(r, "gap-stats-recount");
			thread.setDaemon(true);
			return thread;
		});
		this.dbms.registerTransactionEventListener(GraphDatabaseSettings.DEFAULT_DATABASE_NAME, this.listener);
		// written while no listener ran? counted afresh before anything trusts them
		boolean inPlace;
		try (Transaction tx = this.db.beginTx(RECOUNT_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
			Node meta = meta(tx);
			inPlace = enterprises(tx) <= this.recountInPlace;
			if (inPlace) {
				recount(tx, meta);
			}
			else {
				meta.setProperty("ready", false);
			}
			tx.commit();
		}
		if (!inPlace) {
			recountLater();
		}
	}

	/** Whether counts are kept at all (embedded database). */
	boolean kept() {
		return this.db != null;
	}

	@Override
	public void destroy() {
		if (this.dbms != null) {
			unregister(this.dbms, this.listener);
			this.recounter.shutdownNow();
		}
	}

	/** Takes a listener off the default database; one gone with the database already is no error. */
	static void unregister(DatabaseManagementService dbms, TransactionEventListener<?> listener) {
		try {
			dbms.unregisterTransactionEventListener(GraphDatabaseSettings.DEFAULT_DATABASE_NAME, listener);
		}
		catch (RuntimeException ex) {
			log.debug("Listener already gone with the database", ex);
		}
	}

	// ---------------------------------------------------------------- the counts

	/** Counts of one park (or of the whole graph: segments only). Keys of {@link #stages}: chain id, U+001F, stage. */
	static final class Counts {

		final Map<String, Long> segments = new HashMap<>();

		final Map<String, Long> chains = new HashMap<>();

		final Map<String, Long> stages = new HashMap<>();

		static String stageKey(String chainId, String stage) {
			return chainId + '\u001f' + stage;
		}

		long segment(String id) {
			return this.segments.getOrDefault(id, 0L);
		}

		long chain(String id) {
			return this.chains.getOrDefault(id, 0L);
		}

		long stage(String chainId, String stage) {
			return this.stages.getOrDefault(stageKey(chainId, stage), 0L);
		}

		boolean isEmpty() {
			return this.segments.isEmpty() && this.chains.isEmpty() && this.stages.isEmpty();
		}

		private static void add(Map<String, Long> map, Collection<String> keys, int sign) {
			for (String key : keys) {
				map.merge(key, (long) sign, Long::sum);
			}
		}

		void addTo(Map<String, Long> into, Map<String, Long> from) {
			from.forEach((key, n) -> into.merge(key, n, Long::sum));
		}

		void add(Counts other) {
			addTo(this.segments, other.segments);
			addTo(this.chains, other.chains);
			addTo(this.stages, other.stages);
		}

		static Counts read(Node node) {
			Counts counts = new Counts();
			readInto(counts.segments, node, "segments", "segmentCounts");
			readInto(counts.chains, node, "chains", "chainCounts");
			readInto(counts.stages, node, "stages", "stageCounts");
			return counts;
		}

		private static void readInto(Map<String, Long> map, Node node, String keys, String values) {
			String[] ids = (String[]) node.getProperty(keys, new String[0]);
			long[] ns = (long[]) node.getProperty(values, new long[0]);
			for (int i = 0; i < ids.length; i++) {
				map.put(ids[i], ns[i]);
			}
		}

		void write(Node node) {
			writeFrom(this.segments, node, "segments", "segmentCounts");
			writeFrom(this.chains, node, "chains", "chainCounts");
			writeFrom(this.stages, node, "stages", "stageCounts");
		}

		private static void writeFrom(Map<String, Long> map, Node node, String keys, String values) {
			map.values().removeIf(n -> n == 0);
			String[] ids = map.keySet().stream().sorted().toArray(String[]::new);
			long[] ns = new long[ids.length];
			for (int i = 0; i < ids.length; i++) {
				ns[i] = map.get(ids[i]);
			}
			node.setProperty(keys, ids);
			node.setProperty(values, ns);
		}

	}

	/** The counts of some parks and of the whole graph, as read together. */
	record Snapshot(Map<String, Counts> parks, Counts global) {

		Counts park(String id) {
			return this.parks.getOrDefault(id, new Counts());
		}

	}

	/**
	 * The counts of these parks and of the whole graph; empty when none are kept or they are not ready
	 * (a recount is pending: reports then count from the graph).
	 */
	Optional<Snapshot> read(List<String> parkIds) {
		if (this.db == null) {
			return Optional.empty();
		}
		try (Transaction tx = this.db.beginTx()) {
			Node meta = tx.findNode(META, "key", "gap");
			if (meta == null || !Boolean.TRUE.equals(meta.getProperty("ready", false))) {
				return Optional.empty(); // a recount is under way, or the counts were deleted with the graph
			}
			// every write of the counts holds the meta node's write lock until it commits: with the read
			// lock held, no count node changes while it is read (reads alone are read-committed, so one
			// node's keys and values could come from two commits)
			tx.acquireReadLock(meta);
			if (!Boolean.TRUE.equals(meta.getProperty("ready", false))) {
				return Optional.empty();
			}
			Map<String, Counts> parks = new HashMap<>();
			for (String parkId : parkIds) {
				Node node = tx.findNode(STATS, "park", parkId);
				parks.put(parkId, (node == null) ? new Counts() : Counts.read(node));
			}
			Node global = tx.findNode(STATS, "park", GLOBAL);
			return Optional.of(new Snapshot(parks, (global == null) ? new Counts() : Counts.read(global)));
		}
		catch (org.neo4j.graphdb.NotFoundException ex) {
			// the meta node went with a wipe of the graph between finding and locking it:
			// this report counts from the graph, as while a recount is pending
			return Optional.empty();
		}
	}

	/** Whether the counts are ready (kept and no recount pending). */
	boolean ready() {
		if (this.db == null) {
			return false;
		}
		try (Transaction tx = this.db.beginTx()) {
			Node meta = tx.findNode(META, "key", "gap");
			return meta != null && Boolean.TRUE.equals(meta.getProperty("ready", false));
		}
	}

	/** Queues a recount unless one is queued already. */
	void recountLater() {
		if (this.recounter == null || !this.recountQueued.compareAndSet(false, true)) {
			return;
		}
		try {
			this.recounter.execute(() -> {
				settle();
				this.recountQueued.set(false);
				for (int attempt = 1; attempt <= 3 && !ready(); attempt++) {
					try {
						recount();
					}
					catch (RuntimeException ex) {
						// a node deleted under the recount by a transaction that deleted the counts too (a wipe)
						log.warn("Gap statistics recount failed (attempt {} of 3); reports count from the graph meanwhile",
								attempt, ex);
					}
				}
			});
		}
		catch (java.util.concurrent.RejectedExecutionException ex) {
			this.recountQueued.set(false); // shutting down
		}
	}

	/**
	 * Waits until no write that leaves the counts to a recount has committed for {@link #settleMillis}:
	 * an import's batches, one after another, get one recount after the last.
	 */
	private void settle() {
		try {
			while (true) {
				long quietFor = (System.nanoTime() - this.lastDeferred) / 1_000_000;
				if (quietFor >= this.settleMillis) {
					return;
				}
				Thread.sleep(Math.min(this.settleMillis - quietFor, 100)); // an import's end may cut it short
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Whether the counts are kept but wait for a recount (reports count from the graph meanwhile). */
	boolean pending() {
		return kept() && !ready();
	}

	/**
	 * Counts everything afresh from the graph in one transaction that first locks the meta node, so
	 * no write that changes the counts commits meanwhile; then the counts are ready.
	 */
	void recount() {
		if (this.db == null) {
			return;
		}
		try (Transaction tx = this.db.beginTx(RECOUNT_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
			recount(tx, meta(tx));
			tx.commit();
		}
	}

	/** The number of enterprises (from the count store). */
	private static long enterprises(Transaction tx) {
		try (var result = tx.execute("MATCH (e:Enterprise) RETURN count(e) AS n")) {
			return (Long) result.next().get("n");
		}
	}

	/** Counts everything afresh in {@code tx}, whose {@code meta} node is locked; then they are ready. */
	private static void recount(Transaction tx, Node meta) {
		long started = System.nanoTime();
		int enterprises = 0;
		{
			Structure structure = new Structure(tx);
			Map<String, Counts> all = new HashMap<>();
			try (ResourceIterator<Node> nodes = tx.findNodes(ENTERPRISE)) {
				while (nodes.hasNext()) {
					Node e = nodes.next();
					structure.contribute(ends(e, LOCATED_IN, PARK), ends(e, OPERATES_IN, CHAIN_NODE), 1, all);
					enterprises++;
				}
			}
			List<Node> old = new ArrayList<>();
			try (ResourceIterator<Node> nodes = tx.findNodes(STATS)) {
				nodes.forEachRemaining(old::add);
			}
			old.forEach(Node::delete);
			for (Map.Entry<String, Counts> entry : all.entrySet()) {
				Node node = tx.createNode(STATS);
				node.setProperty("park", entry.getKey());
				entry.getValue().write(node);
			}
			meta.setProperty("ready", true);
		}
		long ms = (System.nanoTime() - started) / 1_000_000;
		if (ms >= 1000) {
			log.info("Gap statistics counted afresh: {} enterprises in {} ms", enterprises, ms);
		}
	}

	/** The meta node, created if missing (MERGE: one even when two transactions create it), write-locked. */
	private static Node meta(Transaction tx) {
		Node meta;
		try (var result = tx.execute("MERGE (m:GapStatsMeta {key: 'gap'}) ON CREATE SET m.ready = false RETURN m")) {
			meta = (Node) result.next().get("m");
		}
		tx.acquireWriteLock(meta);
		return meta;
	}

	/** The element ids of the nodes with {@code label} at the end of the node's outgoing {@code type}. */
	private static Map<String, Integer> ends(Node node, RelationshipType type, Label label) {
		Map<String, Integer> ends = new HashMap<>();
		for (Relationship r : node.getRelationships(Direction.OUTGOING, type)) {
			Node end = r.getEndNode();
			if (end.hasLabel(label)) {
				ends.merge(end.getElementId(), 1, Integer::sum);
			}
		}
		return ends;
	}

	/** Parks' ancestors and segments' ancestors, chains and stage, read once per transaction. */
	private static final class Structure {

		private final Transaction tx;

		private final Map<String, Set<String>> parkScopes = new HashMap<>();

		private final Map<String, Segment> segments = new HashMap<>();

		record Segment(Set<String> rolledUpTo, Set<String> chains, String stage) {
		}

		Structure(Transaction tx) {
			this.tx = tx;
		}

		/** Ids of the node and its PART_OF ancestors of the same label, at most {@link #DEPTH} up. */
		private Set<String> ancestors(Node start, Label label) {
			Set<String> ids = new LinkedHashSet<>();
			Set<String> seen = new HashSet<>();
			ArrayDeque<Node> level = new ArrayDeque<>(List.of(start));
			seen.add(start.getElementId());
			for (int depth = 0; depth <= DEPTH && !level.isEmpty(); depth++) {
				ArrayDeque<Node> next = new ArrayDeque<>();
				for (Node node : level) {
					ids.add((String) node.getProperty("id"));
					if (depth < DEPTH) {
						for (Relationship r : node.getRelationships(Direction.OUTGOING, PART_OF)) {
							Node parent = r.getEndNode();
							if (parent.hasLabel(label) && seen.add(parent.getElementId())) {
								next.add(parent);
							}
						}
					}
				}
				level = next;
			}
			return ids;
		}

		Set<String> parkScope(String elementId) {
			return this.parkScopes.computeIfAbsent(elementId,
					id -> ancestors(this.tx.getNodeByElementId(id), PARK));
		}

		Segment segment(String elementId) {
			return this.segments.computeIfAbsent(elementId, id -> {
				Node node = this.tx.getNodeByElementId(id);
				Set<String> chains = new HashSet<>();
				for (Relationship r : node.getRelationships(Direction.OUTGOING, IN_CHAIN)) {
					if (r.getEndNode().hasLabel(CHAIN)) {
						chains.add((String) r.getEndNode().getProperty("id"));
					}
				}
				return new Segment(ancestors(node, CHAIN_NODE), chains, (String) node.getProperty("stage", null));
			});
		}

		/**
		 * Adds {@code sign} times one enterprise's contribution: located in these parks, operating in
		 * these segments (element ids with a count above 0).
		 */
		void contribute(Map<String, Integer> parks, Map<String, Integer> operates, int sign, Map<String, Counts> into) {
			Set<String> scope = new HashSet<>();
			parks.forEach((id, n) -> {
				if (n > 0) {
					scope.addAll(parkScope(id));
				}
			});
			Set<String> rolled = new HashSet<>();
			Set<String> chains = new HashSet<>();
			Set<String> stages = new HashSet<>();
			operates.forEach((id, n) -> {
				if (n > 0) {
					Segment segment = segment(id);
					rolled.addAll(segment.rolledUpTo());
					chains.addAll(segment.chains());
					if (segment.stage() != null) {
						segment.chains().forEach(c -> stages.add(Counts.stageKey(c, segment.stage())));
					}
				}
			});
			if (rolled.isEmpty()) {
				return;
			}
			Counts.add(into.computeIfAbsent(GLOBAL, k -> new Counts()).segments, rolled, sign);
			for (String parkId : scope) {
				Counts counts = into.computeIfAbsent(parkId, k -> new Counts());
				Counts.add(counts.segments, rolled, sign);
				Counts.add(counts.chains, chains, sign);
				Counts.add(counts.stages, stages, sign);
			}
		}

	}

	// ---------------------------------------------------------------- on write

	/** The relationship changes of one enterprise in a transaction: end node element id → +created −deleted. */
	private static final class Changes {

		final Map<String, Integer> located = new HashMap<>();

		final Map<String, Integer> operates = new HashMap<>();

	}

	/**
	 * Before a transaction commits: its changes to the counts, written in it. Returns true when a
	 * recount should follow its commit.
	 */
	private Boolean beforeCommit(TransactionData data, Transaction tx) {
		Map<String, Set<String>> deletedLabels = new HashMap<>();
		Set<String> deleted = new HashSet<>();
		for (Node node : data.deletedNodes()) {
			deleted.add(node.getElementId());
		}
		boolean structural = false;
		for (LabelEntry entry : data.removedLabels()) {
			String id = entry.node().getElementId();
			String label = entry.label().name();
			if (deleted.contains(id)) {
				deletedLabels.computeIfAbsent(id, k -> new HashSet<>()).add(label);
				if (label.equals(META.name())) {
					return null; // the counts themselves are deleted (a wipe): nothing to keep
				}
			}
			if (label.equals("Park") || label.equals("ChainNode") || label.equals("Chain")
					|| (label.equals("Enterprise") && !deleted.contains(id))) {
				structural = true;
			}
		}
		Set<String> created = null;
		for (LabelEntry entry : data.assignedLabels()) {
			String label = entry.label().name();
			if (created == null) {
				created = new HashSet<>();
				for (Node node : data.createdNodes()) {
					created.add(node.getElementId());
				}
			}
			if (!created.contains(entry.node().getElementId()) && (label.equals("Park") || label.equals("ChainNode") || label.equals("Chain")
					|| label.equals("Enterprise"))) {
				structural = true;
			}
		}
		Map<String, Changes> enterprises = new HashMap<>();
		for (Relationship r : data.createdRelationships()) {
			structural |= classify(r, 1, deleted, deletedLabels, enterprises);
		}
		for (Relationship r : data.deletedRelationships()) {
			structural |= classify(r, -1, deleted, deletedLabels, enterprises);
		}
		boolean runEnded = false;
		for (PropertyEntry<Node> entry : data.assignedNodeProperties()) {
			if (entry.key().equals("stage") && !Objects.equals(entry.previouslyCommittedValue(), entry.value())
					&& entry.entity().hasLabel(CHAIN_NODE)) {
				structural = true;
			}
			else if (entry.key().equals("status") && !UNFINISHED.contains(entry.value())
					&& entry.entity().hasLabel(IMPORT_RUN)) {
				runEnded = true; // the import's writes are over: its recount need not wait for them to settle
			}
		}
		for (PropertyEntry<Node> entry : data.removedNodeProperties()) {
			if (entry.key().equals("stage") && !deleted.contains(entry.entity().getElementId())
					&& entry.entity().hasLabel(CHAIN_NODE)) {
				structural = true;
			}
		}
		if (!structural && enterprises.isEmpty()) {
			return runEnded ? Boolean.FALSE : null;
		}
		Node meta = meta(tx);
		boolean ready = Boolean.TRUE.equals(meta.getProperty("ready", false));
		if (!ready || structural) {
			if (enterprises(tx) <= this.recountInPlace) {
				recount(tx, meta); // counts this transaction's changes too
				return null;
			}
			if (ready) {
				meta.setProperty("ready", false);
			}
			return Boolean.TRUE; // a recount after the commit sees this transaction's changes
		}
		if (enterprises.size() > BULK_CHANGES && enterprises(tx) > this.recountInPlace) {
			meta.setProperty("ready", false);
			return Boolean.TRUE; // a bulk write: one recount once such writes have settled
		}
		Structure structure = new Structure(tx);
		Map<String, Counts> delta = new HashMap<>();
		enterprises.forEach((id, changes) -> {
			Map<String, Integer> locatedAfter = deleted.contains(id) ? new HashMap<>()
					: ends(tx.getNodeByElementId(id), LOCATED_IN, PARK);
			Map<String, Integer> operatesAfter = deleted.contains(id) ? new HashMap<>()
					: ends(tx.getNodeByElementId(id), OPERATES_IN, CHAIN_NODE);
			structure.contribute(locatedAfter, operatesAfter, 1, delta);
			structure.contribute(before(locatedAfter, changes.located), before(operatesAfter, changes.operates), -1,
					delta);
		});
		delta.forEach((parkId, counts) -> {
			counts.segments.values().removeIf(n -> n == 0);
			counts.chains.values().removeIf(n -> n == 0);
			counts.stages.values().removeIf(n -> n == 0);
			if (counts.isEmpty()) {
				return;
			}
			Node node = tx.findNode(STATS, "park", parkId);
			if (node == null) {
				node = tx.createNode(STATS);
				node.setProperty("park", parkId);
			}
			Counts stored = Counts.read(node);
			stored.add(counts);
			stored.write(node);
		});
		return runEnded ? Boolean.FALSE : null;
	}

	/** The ends before the transaction: those after it minus the created plus the deleted. */
	private static Map<String, Integer> before(Map<String, Integer> after, Map<String, Integer> changes) {
		Map<String, Integer> before = new HashMap<>(after);
		changes.forEach((id, n) -> before.merge(id, -n, Integer::sum));
		return before;
	}

	/**
	 * Records a created ({@code sign} 1) or deleted (−1) relationship of an enterprise; returns whether
	 * it changes the structure instead.
	 */
	private static boolean classify(Relationship r, int sign, Set<String> deleted, Map<String, Set<String>> deletedLabels,
			Map<String, Changes> enterprises) {
		String type = r.getType().name();
		if (type.equals(PART_OF.name()) || type.equals(IN_CHAIN.name())) {
			return true;
		}
		boolean located = type.equals(LOCATED_IN.name());
		if (!located && !type.equals(OPERATES_IN.name())) {
			return false;
		}
		Node start = r.getStartNode();
		Node end = r.getEndNode();
		if (!hasLabel(start, ENTERPRISE, deleted, deletedLabels)
				|| !hasLabel(end, located ? PARK : CHAIN_NODE, deleted, deletedLabels)) {
			return false;
		}
		if (deleted.contains(end.getElementId())) {
			return true; // a park or segment deleted: the structure changes
		}
		Changes changes = enterprises.computeIfAbsent(start.getElementId(), k -> new Changes());
		(located ? changes.located : changes.operates).merge(end.getElementId(), sign, Integer::sum);
		return false;
	}

	private static boolean hasLabel(Node node, Label label, Set<String> deleted, Map<String, Set<String>> deletedLabels) {
		String id = node.getElementId();
		if (deleted.contains(id)) {
			return deletedLabels.getOrDefault(id, Set.of()).contains(label.name());
		}
		return node.hasLabel(label);
	}

	private final class Listener implements TransactionEventListener<Boolean> {

		@Override
		public Boolean beforeCommit(TransactionData data, Transaction transaction, GraphDatabaseService databaseService) {
			return GapStats.this.beforeCommit(data, transaction);
		}

		@Override
		public void afterCommit(TransactionData data, Boolean recount, GraphDatabaseService databaseService) {
			if (Boolean.TRUE.equals(recount)) {
				GapStats.this.lastDeferred = System.nanoTime();
				recountLater();
			}
			else if (Boolean.FALSE.equals(recount)) {
				// an import run ended: a recount its batches left pending starts now (none if the counts are ready)
				GapStats.this.lastDeferred = System.nanoTime() - TimeUnit.DAYS.toNanos(1);
				recountLater();
			}
		}

		@Override
		public void afterRollback(TransactionData data, Boolean state, GraphDatabaseService databaseService) {
		}

	}

}
