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
 * schema migrations, the audit trail) and the run-specific properties ({@link #RUN_SPECIFIC}). Two
 * graphs with the same dump (or checksum) hold the same facts, whichever process or database wrote them.
 */
public final class GraphChecksum {

	/** Labels of bookkeeping nodes, left out with their relationships. */
	public static final Set<String> BOOKKEEPING = Set.of("ImportRun", "SchemaMigration", "Change", "GapStats", "GapStatsMeta");

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
