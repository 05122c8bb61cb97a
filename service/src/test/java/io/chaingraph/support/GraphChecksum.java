package io.chaingraph.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

import io.chaingraph.config.Graph;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

/**
 * A canonical text form of the graph's facts, and its SHA-256: every node with its sorted labels and
 * properties, every relationship with its type, its ends' ids and its properties, in a sorted order
 * that does not depend on internal ids or on the order things were written. Left out is what differs
 * between two runs that load the same facts: the bookkeeping nodes ({@link #BOOKKEEPING}: import runs,
 * schema migrations, the audit trail, the sort keys' collator, the gap history's snapshots) and the run-specific properties ({@link #RUN_SPECIFIC}). Two
 * graphs with the same dump (or checksum) hold the same facts, whichever process or database wrote them.
 */
public final class GraphChecksum {

	/** Labels of bookkeeping nodes, left out with their relationships. */
	public static final Set<String> BOOKKEEPING = Set.of("ImportRun", "SchemaMigration", "Change", "GapStats", "GapStatsMeta",
			"NameKeys", "GapSnapshot", "LatestGapSnapshot", "ParkMembers");

	/** Properties naming the run that wrote a node or relationship, left out. */
	public static final Set<String> RUN_SPECIFIC = Set.of("importRun");

	private static final String NODES = """
			MATCH (n) WHERE none(l IN labels(n) WHERE l IN $bookkeeping)
			RETURN labels(n) AS labels, properties(n) AS props""";

	private static final String RELATIONSHIPS = """
			MATCH (a)-[r]->(b) WHERE none(l IN labels(a) + labels(b) WHERE l IN $bookkeeping)
			RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props""";

	private GraphChecksum() {
	}

	/** The canonical dump of the graph behind the application's {@link Graph}. */
	public static String dump(Graph graph) {
		return dump((cypher, parameters) -> graph.list(cypher, parameters, r -> r));
	}

	/** The canonical dump of the default database behind {@code driver} (another process's store, say). */
	public static String dump(Driver driver) {
		return dump(query(driver));
	}

	public static String of(Graph graph) {
		return sha256(dump(graph));
	}

	public static String of(Driver driver) {
		return sha256(dump(driver));
	}

	/**
	 * SHA-256 of everything, bookkeeping and run-specific properties included: unchanged only when
	 * nothing at all was written (no audit record, no import run either).
	 */
	public static String ofEverything(Driver driver) {
		return sha256(dump(query(driver), Set.of(), Set.of()));
	}

	/**
	 * What two loads of the same dataset into empty databases legitimately differ in, by label: the
	 * import run's id and times, and its printed report (it names the run and its duration); the audit
	 * entry's id, time and the run it names; when each schema migration was applied and how long it took;
	 * a gap snapshot's id, time and the run that caused it (its report, coverage and members are compared).
	 * With {@link #RUN_SPECIFIC} on every node and relationship, nothing else.
	 */
	public static final Map<String, Set<String>> RUN_RECORDS = Map.of("ImportRun",
			Set.of("id", "started", "finished", "heartbeat", "report"), "Change", Set.of("id", "at", "entityId"),
			"SchemaMigration", Set.of("appliedAt", "durationMs"), "GapSnapshot", Set.of("id", "at", "cause"));

	private static final String ALL_NODES = "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props";

	private static final String ALL_RELATIONSHIPS = """
			MATCH (a)-[r]->(b)
			RETURN coalesce(a.id, a.version) AS a, type(r) AS type, coalesce(b.id, b.version) AS b, properties(r) AS props""";

	/**
	 * The canonical dump of everything in the default database behind {@code driver}, bookkeeping
	 * included, less exactly what differs between two loads of the same dataset ({@link #RUN_SPECIFIC}
	 * everywhere, {@link #RUN_RECORDS} on the bookkeeping nodes).
	 */
	public static String dumpOfEverythingButRuns(Driver driver) {
		List<String> nodes = new ArrayList<>();
		for (Record r : query(driver).apply(ALL_NODES, Map.of())) {
			List<String> labels = r.get("labels").asList(v -> v.asString()).stream().sorted().toList();
			Set<String> skip = new java.util.HashSet<>(RUN_SPECIFIC);
			labels.forEach(label -> skip.addAll(RUN_RECORDS.getOrDefault(label, Set.of())));
			nodes.add(labels + " " + canonical(r.get("props").asMap(), skip));
		}
		List<String> relationships = new ArrayList<>();
		for (Record r : query(driver).apply(ALL_RELATIONSHIPS, Map.of())) {
			relationships.add(String.valueOf(r.get("a").asObject()) + " -" + r.get("type").asString() + "-> "
					+ String.valueOf(r.get("b").asObject()) + " " + canonical(r.get("props").asMap(), RUN_SPECIFIC));
		}
		StringBuilder out = new StringBuilder();
		nodes.stream().sorted().forEach(line -> out.append(line).append('\n'));
		relationships.stream().sorted().forEach(line -> out.append(line).append('\n'));
		return out.toString();
	}

	/**
	 * The schema of the default database behind {@code driver}: every constraint and every index by
	 * name, type, what it covers, its configuration and state.
	 */
	public static String schema(Driver driver) {
		StringBuilder out = new StringBuilder();
		for (Record r : query(driver).apply("""
				SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties
				RETURN name, type, entityType, labelsOrTypes, properties ORDER BY name""", Map.of())) {
			out.append("constraint ").append(new TreeMap<>(r.asMap())).append('\n');
		}
		for (Record r : query(driver).apply("""
				SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, options, state, owningConstraint
				RETURN name, type, entityType, labelsOrTypes, properties, options.indexConfig AS config, state,
				       owningConstraint ORDER BY name""", Map.of())) {
			out.append("index ").append(new TreeMap<>(r.asMap())).append('\n');
		}
		return out.toString();
	}

	private static BiFunction<String, Map<String, Object>, List<Record>> query(Driver driver) {
		return (cypher, parameters) -> driver.executableQuery(cypher).withParameters(parameters).execute().records();
	}

	/** Dumps through {@code query} (Cypher and parameters in, records out): one line per node, then per relationship. */
	public static String dump(BiFunction<String, Map<String, Object>, List<Record>> query) {
		return dump(query, BOOKKEEPING, RUN_SPECIFIC);
	}

	private static String dump(BiFunction<String, Map<String, Object>, List<Record>> query, Set<String> skipLabels,
			Set<String> skipProperties) {
		Map<String, Object> parameters = Map.of("bookkeeping", List.copyOf(skipLabels));
		List<String> nodes = new ArrayList<>();
		for (Record r : query.apply(NODES, parameters)) {
			nodes.add(r.get("labels").asList(v -> v.asString()).stream().sorted().toList() + " "
					+ canonical(r.get("props").asMap(), skipProperties));
		}
		List<String> relationships = new ArrayList<>();
		for (Record r : query.apply(RELATIONSHIPS, parameters)) {
			relationships.add(String.valueOf(r.get("a").asObject()) + " -" + r.get("type").asString() + "-> "
					+ String.valueOf(r.get("b").asObject()) + " " + canonical(r.get("props").asMap(), skipProperties));
		}
		StringBuilder out = new StringBuilder();
		nodes.stream().sorted().forEach(line -> out.append(line).append('\n'));
		relationships.stream().sorted().forEach(line -> out.append(line).append('\n'));
		return out.toString();
	}

	public static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String canonical(Map<String, Object> props, Set<String> skipProperties) {
		Map<String, Object> copy = new TreeMap<>(props);
		copy.keySet().removeAll(skipProperties);
		return copy.toString();
	}

}
