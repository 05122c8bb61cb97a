package io.chaingraph.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.Driver;
import org.neo4j.driver.EagerResult;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.Record;
import org.neo4j.driver.RoutingControl;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The one door to the database for the API's reads: each call is one Cypher statement, sent with
 * its values as parameters, routed to a reader in a cluster, and bounded by the query timeout; inside
 * a GraphQL request by the time the request has left ({@link RequestDeadline}).
 * It counts statements, which the tests use to prove that nested GraphQL queries do not fan out.
 */
@Component
public class Graph {

	private final Driver driver;

	private final SessionConfig readSession;

	private final QueryConfig writeConfig;

	/** Least bound on a write transaction (see {@link #write(String, Map)}). */
	static final java.time.Duration MIN_WRITE_TIMEOUT = java.time.Duration.ofMinutes(2);

	private final AtomicLong statements = new AtomicLong();

	private final String database;

	private final java.time.Duration timeout;

	Graph(Driver driver, DatabaseProperties databaseProperties, QueryProperties properties) {
		String database = databaseProperties.database();
		this.driver = driver;
		this.database = StringUtils.hasText(database) ? database : null;
		this.timeout = properties.query().timeout();
		SessionConfig.Builder read = SessionConfig.builder()
			.withDefaultAccessMode(AccessMode.READ)
			.withBookmarkManager(driver.executableQueryBookmarkManager());
		// writes are start-up and import bookkeeping, never a client request: not bound by the (short) query timeout
		QueryConfig.Builder write = QueryConfig.builder()
			.withRouting(RoutingControl.WRITE)
			.withTimeout(max(properties.query().timeout(), MIN_WRITE_TIMEOUT));
		if (StringUtils.hasText(database)) {
			read.withDatabase(database);
			write.withDatabase(database);
		}
		this.readSession = read.build();
		this.writeConfig = write.build();
	}

	/** Runs a read statement and maps every record. */
	public <T> List<T> list(String cypher, Map<String, ?> parameters, Function<Record, T> mapper) {
		return read(cypher, parameters).stream().map(mapper).toList();
	}

	/** Runs a read statement expected to return at most one record. */
	public <T> Optional<T> one(String cypher, Map<String, ?> parameters, Function<Record, T> mapper) {
		List<Record> records = read(cypher, parameters);
		return records.isEmpty() ? Optional.empty() : Optional.of(mapper.apply(records.get(0)));
	}

	/**
	 * Runs a read statement whose records carry a {@code key} column (the parent's id) and groups the
	 * mapped records by it, keeping the statement's order within each group.
	 */
	public <T> Map<String, List<T>> grouped(String cypher, Map<String, ?> parameters, Function<Record, T> mapper) {
		Map<String, List<T>> grouped = new java.util.LinkedHashMap<>();
		for (Record record : read(cypher, parameters)) {
			grouped.computeIfAbsent(record.get("key").asString(), k -> new java.util.ArrayList<>()).add(mapper.apply(record));
		}
		return grouped;
	}

	/** Like {@link #grouped} for at most one value per key. */
	public <T> Map<String, T> keyed(String cypher, Map<String, ?> parameters, Function<Record, T> mapper) {
		Map<String, T> keyed = new java.util.LinkedHashMap<>();
		for (Record record : read(cypher, parameters)) {
			keyed.put(record.get("key").asString(), mapper.apply(record));
		}
		return keyed;
	}

	private static java.time.Duration max(java.time.Duration a, java.time.Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	/**
	 * Runs a write statement in its own transaction, bounded by the query timeout but by at least
	 * {@link #MIN_WRITE_TIMEOUT}.
	 */
	public EagerResult write(String cypher, Map<String, ?> parameters) {
		this.statements.incrementAndGet();
		return this.driver.executableQuery(cypher).withParameters(cast(parameters)).withConfig(this.writeConfig).execute();
	}

	/** Runs a write statement in its own transaction with its own timeout (import batches). */
	public EagerResult write(String cypher, Map<String, ?> parameters, java.time.Duration timeout) {
		this.statements.incrementAndGet();
		QueryConfig.Builder config = QueryConfig.builder().withRouting(RoutingControl.WRITE).withTimeout(timeout);
		if (this.database != null) {
			config.withDatabase(this.database);
		}
		return this.driver.executableQuery(cypher).withParameters(cast(parameters)).withConfig(config.build()).execute();
	}

	/**
	 * Runs a write statement that commits as it goes ({@code CALL { ... } IN TRANSACTIONS}) in an
	 * auto-commit transaction, the only kind such a statement may run in; bounded by {@code timeout} as a
	 * whole. Used by the bulk load to finish what the batch importer cannot write.
	 */
	public org.neo4j.driver.summary.ResultSummary writeInTransactions(String cypher, Map<String, ?> parameters,
			java.time.Duration timeout) {
		org.neo4j.driver.SessionConfig.Builder session = org.neo4j.driver.SessionConfig.builder()
			.withDefaultAccessMode(AccessMode.WRITE)
			.withBookmarkManager(this.driver.executableQueryBookmarkManager());
		if (this.database != null) {
			session.withDatabase(this.database);
		}
		this.statements.incrementAndGet();
		try (Session s = this.driver.session(session.build())) {
			return s.run(cypher, cast(parameters), TransactionConfig.builder().withTimeout(timeout).build()).consume();
		}
	}

	/**
	 * Runs {@code work} in one write transaction (retried by the driver on transient failures such as
	 * deadlocks, so {@code work} must not have side effects outside the transaction), bounded by the
	 * query timeout. Used by curation, whose check of a version and its write must commit together.
	 */
	public <T> T inWriteTransaction(java.util.function.Function<org.neo4j.driver.TransactionContext, T> work) {
		return inWriteTransaction(work, this.timeout);
	}

	/** {@link #inWriteTransaction(java.util.function.Function)} with its own timeout (import batches). */
	public <T> T inWriteTransaction(java.util.function.Function<org.neo4j.driver.TransactionContext, T> work,
			java.time.Duration timeout) {
		org.neo4j.driver.SessionConfig.Builder session = org.neo4j.driver.SessionConfig.builder();
		if (this.database != null) {
			session.withDatabase(this.database);
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		for (int attempt = 1;; attempt++) {
			try (org.neo4j.driver.Session s = this.driver.session(session.build())) {
				return s.executeWrite(tx -> {
					this.statements.incrementAndGet();
					return work.apply(tx);
				}, org.neo4j.driver.TransactionConfig.builder().withTimeout(timeout).build());
			}
			catch (org.neo4j.driver.exceptions.TransientException ex) {
				// The driver retries for spring.neo4j.max-transaction-retry-time only (short, so a read fails
				// fast in an outage). Writers that merge onto shared nodes side by side can deadlock again and
				// again on a busy machine; a deadlock rolls the transaction back whole, so it is tried again
				// here, after a growing random pause, until the transaction's own timeout has passed.
				long pause = java.util.concurrent.ThreadLocalRandom.current().nextLong(50, 200) * Math.min(attempt, 10);
				if (!DEADLOCK.equals(ex.code()) || System.nanoTime() + pause * 1_000_000 > deadline) {
					throw ex;
				}
				log.debug("Deadlock in a write transaction (attempt {}), trying again in {} ms", attempt, pause);
				try {
					Thread.sleep(pause);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

	private static final String DEADLOCK = "Neo.TransientError.Transaction.DeadlockDetected";

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Graph.class);

	/**
	 * The database's version as its server reports it: the bookmark of an empty read. Every committed
	 * write changes it, whoever made it (this service, an import, another instance, an operator's
	 * Cypher), and reads leave it as it is; so a result computed after reading version V is still
	 * true while the version is V ({@code gap.GapReportCache}). One round trip; only equality means
	 * anything (a bookmark is opaque).
	 */
	public String version() {
		TransactionConfig config = readConfig();
		this.statements.incrementAndGet();
		try (Session session = this.driver.session(this.readSession)) {
			session.run("RETURN 1", Map.of(), config).consume();
			return session.lastBookmarks().stream().map(Bookmark::value).sorted().collect(Collectors.joining(","));
		}
	}

	/**
	 * Runs {@code work}, a request outside GraphQL (a download), within the query timeout as a whole: each of
	 * its statements gets only the time left ({@link #timeLeft()}), and none is sent once it has run out.
	 */
	public <T> T withinTimeout(java.util.function.Supplier<T> work) {
		return RequestDeadline.within(this.timeout, work);
	}

	/** Number of statements sent so far (for round-trip tests and metrics). */
	public long statementCount() {
		return this.statements.get();
	}

	public Driver driver() {
		return this.driver;
	}

	/**
	 * One read statement in an auto-commit transaction: RUN and PULL go out together and the answer
	 * comes back in one round trip, where a managed transaction ({@code executableQuery},
	 * {@code executeRead}) waits for BEGIN, RUN, PULL and COMMIT in turn (about 0.3 ms less per
	 * statement on loopback). A single read statement loses nothing by it: it is atomic on its own and
	 * reads no uncommitted state; the session shares {@code executableQuery}'s bookmark manager, so a
	 * read still sees the writes {@link #write} committed before it, in a cluster too. What it does not
	 * get is the driver's retry of transient errors: a read that fails is reported to the client, who
	 * may ask again (a managed transaction would retry for {@code spring.neo4j.max-transaction-retry-time}).
	 */
	private List<Record> read(String cypher, Map<String, ?> parameters) {
		TransactionConfig config = readConfig();
		this.statements.incrementAndGet();
		try (Session session = this.driver.session(this.readSession)) {
			return session.run(cypher, cast(parameters), config).list();
		}
	}

	/** The read timeout: see {@link #timeLeft()}. */
	private TransactionConfig readConfig() {
		return TransactionConfig.builder().withTimeout(timeLeft()).build();
	}

	/**
	 * How long a read may take now: the query timeout, or inside a GraphQL request the time the
	 * request has left if that is less (whole milliseconds; none left is a {@link RequestTimeoutException}).
	 */
	public java.time.Duration timeLeft() {
		java.time.Duration remaining = RequestDeadline.remaining();
		if (remaining == null || remaining.compareTo(this.timeout) >= 0) {
			return this.timeout;
		}
		// inside a GraphQL request: the transaction gets only the time the request has left
		if (remaining.toMillis() < 1) {
			throw new RequestTimeoutException(this.timeout);
		}
		// whole milliseconds: the driver rounds a fraction up itself and logs that at INFO for every statement
		return java.time.Duration.ofMillis(remaining.toMillis());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> cast(Map<String, ?> parameters) {
		return (Map<String, Object>) parameters;
	}

}
