package io.chaingraph.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * A SHA-256 over everything the database holds: every node (its sorted labels and sorted
 * properties) and every relationship (its type, properties and both ends), in a canonical order.
 * Nothing is left out (audit :Change nodes, :ImportRun and :SchemaMigration nodes included), so any
 * write changes it; two equal checksums mean the same graph, whatever the internal ids.
 */
public final class GraphChecksum {

	private GraphChecksum() {
	}

	public static String of(Driver driver) {
		List<String> lines = new ArrayList<>();
		for (Record r : driver.executableQuery("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
			.execute()
			.records()) {
			lines.add("N " + node(r.get("labels"), r.get("props")));
		}
		for (Record r : driver.executableQuery("""
				MATCH (a)-[r]->(b)
				RETURN labels(a) AS al, properties(a) AS ap, type(r) AS type, properties(r) AS props,
				       labels(b) AS bl, properties(b) AS bp""").execute().records()) {
			lines.add("R " + node(r.get("al"), r.get("ap")) + " -[" + r.get("type").asString() + " "
					+ canonical(r.get("props").asMap()) + "]-> " + node(r.get("bl"), r.get("bp")));
		}
		lines.sort(null);
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (String line : lines) {
				sha.update(line.getBytes(StandardCharsets.UTF_8));
				sha.update((byte) '\n');
			}
			return lines.size() + ":" + HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String node(Value labels, Value props) {
		return labels.asList(Value::asString).stream().sorted().toList() + canonical(props.asMap());
	}

	private static String canonical(Map<String, Object> props) {
		return new TreeMap<>(props).toString();
	}

}
