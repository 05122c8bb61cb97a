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
 * {@code normText}, {@code searchKeys}; an enterprise's {@code nameKey}, {@link NameCollation}), the record's columns, {@code source}, and a {@code fingerprint} of it all. A
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
	private static final List<String> NOT_FINGERPRINTED = List.of("fingerprint", "importRun", "version", "searchKeys",
			"nameKey");

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
		if (label.equals("Enterprise")) {
			props.put("nameKey", NameCollation.key(name));
		}
		props.put("searchKeys", searchKeys(id, NameNormalizer.formsOf(normName, aliases), props.get("stockCode"),
				props.get("creditCode")));
		props.put("source", source);
		props.put("fingerprint", fingerprint(props));
		return props;
	}

	/**
	 * The exact keys search finds an entity by ({@code searchKeys}, full-text index {@code entity_keys}
	 * with the keyword analyzer: each key one term): its normalised name and aliases, and normalised
	 * like them its id and an enterprise's listing and credit codes. Derived, so not fingerprinted: a
	 * record's fingerprint is the same with or without them.
	 */
	public static List<String> searchKeys(String id, List<String> forms, Object stockCode, Object creditCode) {
		java.util.Set<String> keys = new java.util.LinkedHashSet<>();
		for (String form : forms) {
			if (!form.isEmpty()) {
				keys.add(form);
			}
		}
		for (Object key : new Object[] { id, stockCode, creditCode }) {
			if (key instanceof String text && !NameNormalizer.normalize(text).isEmpty()) {
				keys.add(NameNormalizer.normalize(text));
			}
		}
		return new ArrayList<>(keys);
	}

	/** Every key {@link #nodeProps} can give a node of {@code label}, sorted. */
	public static List<String> nodeKeys(String label) {
		java.util.SortedSet<String> keys = new java.util.TreeSet<>(List.of("id", "name", "aliases", "normName",
				"aliasText", "normText", "searchKeys", "source", "fingerprint"));
		keys.addAll(PROPERTIES.getOrDefault(label, List.of()));
		if (label.equals("Enterprise")) {
			keys.add("nameKey");
		}
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

	/**
	 * The record an import row makes of a stored one: the row's {@code present} keys (the columns its
	 * file has, name and aliases) replace the stored values, and a present key without a value clears
	 * it; every other stored value stays. {@code source} is provenance rather than a fact: a row that
	 * names no source ({@code present} without "source") keeps the stored source when the record is
	 * otherwise unchanged, and takes the row's default source ({@code row}'s) when it changes it. The
	 * result has the fingerprint of the whole merged record, so it compares with the stored one as a
	 * record written by a curation mutation with the same values does.
	 *
	 * @param stored the stored node's properties
	 * @param row the properties the row alone gives ({@link #nodeProps})
	 */
	public static Map<String, Object> mergeNode(String label, Map<String, Object> stored, Map<String, Object> row,
			java.util.Set<String> present) {
		Map<String, Object> typed = new TreeMap<>();
		for (String column : PROPERTIES.getOrDefault(label, List.of())) {
			Object value = present.contains(column) ? row.get(column) : stored.get(column);
			if (value != null) {
				typed.put(column, value);
			}
		}
		String name = (String) (present.contains("name") ? row.get("name") : stored.getOrDefault("name", row.get("name")));
		List<String> aliases = strings(present.contains("aliases") ? row.get("aliases") : stored.get("aliases"));
		String id = (String) row.get("id");
		if (present.contains("source") || !(stored.get("source") instanceof String storedSource)) {
			return nodeProps(label, id, name, aliases, typed, (String) row.get("source"));
		}
		Map<String, Object> kept = nodeProps(label, id, name, aliases, typed, storedSource);
		return kept.get("fingerprint").equals(stored.get("fingerprint")) ? kept
				: nodeProps(label, id, name, aliases, typed, (String) row.get("source"));
	}

	/** {@link #mergeNode} for a relationship with these property columns ({@link #relProps}). */
	public static Map<String, Object> mergeRel(Map<String, Object> stored, Map<String, Object> row,
			java.util.Set<String> present, List<String> columns) {
		Map<String, Object> typed = new TreeMap<>();
		for (String column : columns) {
			Object value = present.contains(column) ? row.get(column) : stored.get(column);
			if (value != null) {
				typed.put(column, value);
			}
		}
		String[] names = columns.toArray(String[]::new);
		if (present.contains("source") || !(stored.get("source") instanceof String storedSource)) {
			return relProps(typed, (String) row.get("source"), names);
		}
		Map<String, Object> kept = relProps(typed, storedSource, names);
		return kept.get("fingerprint").equals(stored.get("fingerprint")) ? kept
				: relProps(typed, (String) row.get("source"), names);
	}

	/** The keys of a record a person reads (no derived search forms, no bookkeeping), sorted. */
	public static List<String> recordKeys(String label) {
		java.util.SortedSet<String> keys = new java.util.TreeSet<>(List.of("name", "aliases", "source"));
		keys.addAll(PROPERTIES.getOrDefault(label, List.of()));
		return List.copyOf(keys);
	}

	private static List<String> strings(Object value) {
		List<String> items = new ArrayList<>();
		if (value instanceof List<?> list) {
			list.forEach(item -> items.add(String.valueOf(item)));
		}
		return items;
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
