package io.chaingraph.gap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.chaingraph.config.EmbeddedNeo4j;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.Record;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.LabelEntry;
import org.neo4j.graphdb.event.PropertyEntry;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListener;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The rows of the structure statement ({@code cypher/queries/chain-gaps-structure.cypher}) kept until a
 * committed transaction changes what they are read from (docs/design.md, "Gap statistics"): chains,
 * segments, parks and platforms, their properties, and the IN_CHAIN, FEEDS, PART_OF, SERVES and
 * platforms' LOCATED_IN relationships. A link of an enterprise, a move, an import of enterprises changes
 * none of them, so the report after such a write (a gap-history round, the next {@code chainGaps}) reads
 * only the kept counts.
 *
 * <p>A listener on the embedded database sees every transaction, whoever writes it: one that changes
 * the structure counts as in flight from before its commit until after it, and moves the epoch on when
 * it has committed. A row is kept under the epoch read before it was computed and found only under that
 * epoch; while a structural transaction is in flight nothing is looked up or kept. So a row found was
 * computed after the last structural commit. With an external server (no listener) nothing is kept.
 */
@Component
class GapStructures implements DisposableBean {

	/** Rows kept at most (a row is one chain's structure for a set of parks), least recently used out first. */
	static final int ROWS = 256;

	/** The labels of the nodes whose properties or existence a structure row reads. */
	private static final Set<String> NODES = Set.of("Chain", "ChainNode", "Park", "Platform");

	/** The relationship types a structure row follows (LOCATED_IN only from a platform, see {@link #reads}). */
	private static final Set<String> RELATIONSHIPS = Set.of("IN_CHAIN", "FEEDS", "PART_OF", "SERVES");

	private record Key(String chainId, List<String> parkIds) {
	}

	private record Kept(long epoch, Optional<Record> row) {
	}

	private final DatabaseManagementService dbms;

	private final Listener listener = new Listener();

	/** Structural transactions between their before-commit and their after-commit (or rollback). */
	private final AtomicLong inFlight = new AtomicLong();

	/** Moved on by each structural commit. */
	private final AtomicLong epoch = new AtomicLong();

	/** Rows found kept (for tests). */
	private final AtomicLong hits = new AtomicLong();

	private final Map<Key, Kept> rows = new LinkedHashMap<>(64, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
			return size() > ROWS;
		}
	};

	GapStructures(ObjectProvider<EmbeddedNeo4j> embedded) {
		EmbeddedNeo4j neo4j = embedded.getIfAvailable();
		this.dbms = (neo4j != null) ? neo4j.service() : null;
		if (this.dbms != null) {
			this.dbms.registerTransactionEventListener(GraphDatabaseSettings.DEFAULT_DATABASE_NAME, this.listener);
		}
	}

	@Override
	public void destroy() {
		if (this.dbms != null) {
			GapStats.unregister(this.dbms, this.listener);
		}
	}

	/** The row for a chain and parks: kept, or computed now (and kept when nothing structural is in flight). */
	Optional<Record> row(String chainId, List<String> parkIds, Supplier<Optional<Record>> compute) {
		if (this.dbms == null || this.inFlight.get() > 0) {
			return compute.get();
		}
		long at = this.epoch.get();
		Key key = new Key(chainId, List.copyOf(parkIds));
		synchronized (this.rows) {
			Kept kept = this.rows.get(key);
			if (kept != null && kept.epoch() == at) {
				this.hits.incrementAndGet();
				return kept.row();
			}
		}
		Optional<Record> row = compute.get();
		synchronized (this.rows) {
			this.rows.put(key, new Kept(at, row));
		}
		return row;
	}

	/** Structural commits seen so far (for tests). */
	long epoch() {
		return this.epoch.get();
	}

	/** Rows found kept so far (for tests). */
	long hits() {
		return this.hits.get();
	}

	/** Whether a transaction changes anything a structure row reads. */
	static boolean reads(TransactionData data) {
		for (LabelEntry entry : data.assignedLabels()) {
			if (NODES.contains(entry.label().name())) {
				return true;
			}
		}
		for (LabelEntry entry : data.removedLabels()) {
			if (NODES.contains(entry.label().name())) {
				return true;
			}
		}
		if (changesStructure(data.createdRelationships()) || changesStructure(data.deletedRelationships())) {
			return true;
		}
		return structuralProperty(data.assignedNodeProperties()) || structuralProperty(data.removedNodeProperties());
	}

	private static boolean changesStructure(Iterable<Relationship> relationships) {
		for (Relationship r : relationships) {
			String type = r.getType().name();
			if (RELATIONSHIPS.contains(type)) {
				return true;
			}
			// a platform's location (a deleted platform's labels were seen above)
			if (type.equals("LOCATED_IN") && isLivePlatform(r.getStartNode())) {
				return true;
			}
		}
		return false;
	}

	private static boolean isLivePlatform(Node node) {
		try {
			return node.hasLabel(org.neo4j.graphdb.Label.label("Platform"));
		}
		catch (RuntimeException deleted) {
			return false;
		}
	}

	private static boolean structuralProperty(Iterable<PropertyEntry<Node>> entries) {
		String last = null;
		for (PropertyEntry<Node> entry : entries) {
			Node node = entry.entity();
			String id = node.getElementId();
			if (id.equals(last)) {
				continue; // a node's properties come together: its labels are looked at once
			}
			last = id;
			try {
				for (org.neo4j.graphdb.Label label : node.getLabels()) {
					if (NODES.contains(label.name())) {
						return true;
					}
				}
			}
			catch (RuntimeException deleted) {
				// a node deleted in this transaction: its labels were seen among the removed ones
			}
		}
		return false;
	}

	private final class Listener implements TransactionEventListener<Boolean> {

		@Override
		public Boolean beforeCommit(TransactionData data, Transaction transaction, GraphDatabaseService databaseService) {
			if (!reads(data)) {
				return null;
			}
			GapStructures.this.inFlight.incrementAndGet();
			return Boolean.TRUE;
		}

		@Override
		public void afterCommit(TransactionData data, Boolean structural, GraphDatabaseService databaseService) {
			if (Boolean.TRUE.equals(structural)) {
				GapStructures.this.epoch.incrementAndGet();
				GapStructures.this.inFlight.decrementAndGet();
			}
		}

		@Override
		public void afterRollback(TransactionData data, Boolean structural, GraphDatabaseService databaseService) {
			if (Boolean.TRUE.equals(structural)) {
				GapStructures.this.inFlight.decrementAndGet();
			}
		}

	}

}
