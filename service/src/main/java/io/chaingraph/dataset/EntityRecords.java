package io.chaingraph.dataset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stored form of an entity or relationship record, written by the importer and the curation
 * mutations alike: names with their normalised search forms ({@code normName}, {@code aliasText},
 * {@code normText}), the record's columns, {@code source}, and a {@code fingerprint} of it all. A
 * record stored by a mutation with the same values and source as an import row has the same
 * fingerprint, so that import sees it as unchanged.
 */
public final class EntityRecords {

	/** The properties (other than id, name, aliases, source) each label stores, from its file's columns. */
	public static final Map<String, List<String>> PROPERTIES = Map.of("Park", List.of("kind", "region", "description"),
			"Chain", List.of("description"), "ChainNode", List.of("stage", "description"), "Enterprise",
			List.of("creditCode", "region", "tags", "founded", "employees", "revenue", "description", "stockCode",
					"registeredCapital", "legalRepresentative", "industry", "address", "businessScope"),
			"Platform",
			List.of("kind", "level", "description"));

	/** The property keys that are bookkeeping, not part of a record's fingerprint. */
	private static final List<String> NOT_FINGERPRINTED = List.of("fingerprint", "importRun", "version");

	private EntityRecords() {
	}

	/**
	 * The properties of an entity node: {@code typed} holds the record's typed values (as
	 * {@link RecordRules#record} gives them); only the label's own columns are kept.
	 */
	public static Map<String, Object> nodeProps(String label, String id, String name, List<String> aliases,
			Map<String, Object> typed, String source) {
		Map<String, Object> props = new TreeMap<>();
		props.put("id", id);
		props.put("name", name);
		props.put("aliases", new ArrayList<>(aliases));
		String normName = NameNormalizer.normalize(name);
		props.put("normName", normName);
		props.put("aliasText", String.join(" / ", aliases));
		props.put("normText", String.join(" / ", NameNormalizer.formsOf(normName, aliases)));
		for (String column : PROPERTIES.getOrDefault(label, List.of())) {
			Object value = typed.get(column);
			if (value != null) {
				props.put(column, value);
			}
		}
		if (label.equals("Enterprise") && !props.containsKey("tags")) {
			props.put("tags", List.of());
		}
		props.put("source", source);
		props.put("fingerprint", fingerprint(props));
		return props;
	}

	/** Every key {@link #nodeProps} can give a node of {@code label}, sorted. */
	public static List<String> nodeKeys(String label) {
		java.util.SortedSet<String> keys = new java.util.TreeSet<>(
				List.of("id", "name", "aliases", "normName", "aliasText", "normText", "source", "fingerprint"));
		keys.addAll(PROPERTIES.getOrDefault(label, List.of()));
		return List.copyOf(keys);
	}

	/** Every key {@link #relProps} can give a relationship with these columns, sorted. */
	public static List<String> relKeys(List<String> columns) {
		java.util.SortedSet<String> keys = new java.util.TreeSet<>(List.of("source", "fingerprint"));
		keys.addAll(columns);
		return List.copyOf(keys);
	}

	/** The properties of a relationship: the given columns that have a value, source, fingerprint. */
	public static Map<String, Object> relProps(Map<String, Object> typed, String source, String... columns) {
		Map<String, Object> props = new TreeMap<>();
		for (String column : columns) {
			Object value = typed.get(column);
			if (value != null) {
				props.put(column, value);
			}
		}
		props.put("source", source);
		props.put("fingerprint", fingerprint(props));
		return props;
	}

	/** A stable hash of the properties (sorted keys), so an unchanged record is recognised without diffing. */
	public static String fingerprint(Map<String, Object> props) {
		StringBuilder canonical = new StringBuilder();
		new TreeMap<>(props).forEach((key, value) -> {
			if (!NOT_FINGERPRINTED.contains(key)) {
				canonical.append(key).append('=');
				if (value instanceof List<?> list) {
					list.forEach(item -> canonical.append(item).append('\u001f'));
				}
				else {
					canonical.append(value.getClass().getSimpleName()).append(':').append(value);
				}
				canonical.append('\u001e');
			}
		});
		return sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 32);
	}

	public static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
