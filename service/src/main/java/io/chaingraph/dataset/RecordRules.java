package io.chaingraph.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.chaingraph.dataset.DatasetFormat.Column;
import io.chaingraph.dataset.DatasetFormat.FileSpec;

/**
 * The rules of a record of dataset format v1, shared by the importer (a row of a file) and the
 * curation mutations (a GraphQL input): required values, value types and ranges, enum values,
 * credit codes, references to existing entities of the right label, self-loops, PART_OF cycles,
 * one id under one label, a sub-segment in its parent's chain. Each rule returns or reports the
 * same message for both, so an edit is refused for exactly the reasons an import row would be.
 */
public final class RecordRules {

	/** Where a rule reports a problem of one column (field) of the record. */
	@FunctionalInterface
	public interface Sink {

		/** For a pass over rows whose problems an earlier pass already reported. */
		Sink REPORTED_BEFORE = (column, message) -> {
		};

		void error(String column, String message);

	}

	/** Entity files in the format's order, and the label each defines. */
	public static final Map<String, String> LABEL_OF_FILE = orderedLabels();

	/**
	 * A column that references an entity: (file base, column, expected label); a null label means it
	 * depends on the row's link kind (platform_links.targetId).
	 */
	public record Reference(String file, String column, String label) {
	}

	public static final List<Reference> REFERENCES = List.of(new Reference("parks", "parentId", "Park"),
			new Reference("chain_nodes", "chainId", "Chain"), new Reference("chain_nodes", "parentId", "ChainNode"),
			new Reference("chain_links", "fromId", "ChainNode"), new Reference("chain_links", "toId", "ChainNode"),
			new Reference("park_chains", "parkId", "Park"), new Reference("park_chains", "chainId", "Chain"),
			new Reference("enterprises", "parkId", "Park"),
			new Reference("enterprise_nodes", "enterpriseId", "Enterprise"),
			new Reference("enterprise_nodes", "nodeId", "ChainNode"),
			new Reference("supplies", "supplierId", "Enterprise"), new Reference("supplies", "customerId", "Enterprise"),
			new Reference("platforms", "parkId", "Park"), new Reference("platform_links", "platformId", "Platform"),
			new Reference("platform_links", "targetId", null));

	/** PART_OF deeper than this only rolls up so far (a warning in the importer). */
	public static final int MAX_PART_OF_DEPTH = 10;

	/**
	 * Longest text value (and list item), in characters: ids, names, aliases and codes are looked up,
	 * indexed and shown in lists, so a 100 KB "name" is a broken file rather than a name.
	 */
	public static final int MAX_TEXT = 1_000;

	/** Longest {@code description}. */
	public static final int MAX_DESCRIPTION = 20_000;

	private RecordRules() {
	}

	public static FileSpec spec(String fileBase) {
		return DatasetFormat.spec(fileBase).orElseThrow(() -> new IllegalArgumentException(fileBase));
	}

	// ---- one record

	/**
	 * Checks and types a whole record: every column of the file, required values present, values of
	 * the right type, range and enum, credit codes valid. Values may be typed already (GraphQL
	 * input: numbers, lists) or raw text (a CSV cell). Returns the typed values of the columns that
	 * have one; absent, null and blank values are left out (no value).
	 */
	public static Map<String, Object> record(FileSpec spec, Map<String, ?> values, Sink sink) {
		Map<String, Object> typed = new LinkedHashMap<>();
		for (Column column : spec.columns()) {
			Object raw = values.get(column.name());
			Object value = value(column, raw, sink);
			if (value == null) {
				// an invalid value was reported by value(); only a missing one is "empty"
				if (column.required() && isEmpty(raw)) {
					sink.error(column.name(), "required value is empty");
				}
				continue;
			}
			if (column.name().equals("creditCode")) {
				String problem = creditCodeProblem((String) value);
				if (problem != null) {
					sink.error(column.name(), problem);
					continue;
				}
			}
			typed.put(column.name(), value);
		}
		return typed;
	}

	/** Reports a text longer than its column allows (found by DatasetFuzzTest: 100 KB names were loaded). */
	private static boolean tooLong(Column column, String text, Sink sink) {
		int max = (column.name().equals("description") || column.name().equals("businessScope")) ? MAX_DESCRIPTION
				: MAX_TEXT;
		int length = text.codePointCount(0, text.length());
		if (length > max) {
			sink.error(column.name(), String.format(Locale.ROOT, "value is %,d characters long; at most %,d are allowed",
					length, max));
			return true;
		}
		return false;
	}

	/**
	 * One value of a column, typed and checked: TEXT stripped, LIST items stripped and de-duplicated
	 * (a CSV cell splits on {@code |}), INT a whole number (Long), DECIMAL a finite number (Double),
	 * FRACTION a number in 0..1, ENUM one of the column's values (case-insensitive, stored upper-case).
	 * Null, blank and empty lists give null (no value); an invalid value is reported and gives null.
	 */
	public static Object value(Column column, Object value, Sink sink) {
		if (value == null) {
			return null;
		}
		if (value instanceof String text && text.isBlank()) {
			return null;
		}
		switch (column.type()) {
			case TEXT: {
				String text = String.valueOf(value).strip();
				return tooLong(column, text, sink) ? null : text;
			}
			case LIST: {
				Collection<?> raw = (value instanceof Collection<?> items) ? items
						: Arrays.asList(String.valueOf(value).split("\\|"));
				List<String> items = new ArrayList<>(new LinkedHashSet<>(raw.stream()
					.filter(item -> item != null)
					.map(item -> String.valueOf(item).strip())
					.filter(s -> !s.isEmpty())
					.toList()));
				for (String item : items) {
					if (tooLong(column, item, sink)) {
						return null;
					}
				}
				return items.isEmpty() ? null : items;
			}
			case INT: {
				if (value instanceof Integer || value instanceof Long) {
					return ((Number) value).longValue();
				}
				String raw = String.valueOf(value).strip();
				java.util.regex.Matcher percent = PERCENT.matcher(raw);
				if (percent.matches()) {
					sink.error(column.name(), "'" + raw + "' 是百分比，不是整数 is a percentage, not a whole number; "
							+ "是否想写 did you mean " + percent.group(1) + "?");
					return null;
				}
				try {
					return Long.parseLong(raw);
				}
				catch (NumberFormatException ex) {
					sink.error(column.name(), "'" + raw + "' is not a whole number");
					return null;
				}
			}
			case DECIMAL:
			case FRACTION: {
				double number;
				String raw = String.valueOf(value).strip();
				java.util.regex.Matcher percent = PERCENT.matcher(raw);
				boolean percentage = !(value instanceof Number) && percent.matches();
				if (percentage && column.type() == DatasetFormat.Type.DECIMAL) {
					sink.error(column.name(), "'" + raw + "' 是百分比，不是数值 is a percentage, not an amount; 是否想写 did you mean "
							+ percent.group(1) + "?");
					return null;
				}
				if (value instanceof Number n) {
					number = n.doubleValue();
				}
				else {
					try {
						// a share written as a percentage: 80% is 0.8
						number = percentage ? Double.parseDouble(percent.group(1)) / 100 : Double.parseDouble(raw);
					}
					catch (NumberFormatException ex) {
						sink.error(column.name(), "'" + raw + "' is not a number");
						return null;
					}
				}
				if (Double.isNaN(number) || Double.isInfinite(number)) {
					sink.error(column.name(), "'" + raw + "' is not a finite number");
					return null;
				}
				if (column.type() == DatasetFormat.Type.FRACTION && (number < 0 || number > 1)) {
					// 80 where a share is expected is most likely 80 %; say so rather than guess
					boolean wholePercent = !percentage && number > 1 && number <= 100 && number == Math.rint(number);
					sink.error(column.name(), raw + " is outside 0..1" + (percentage ? " (0%..100%)" : "")
							+ (wholePercent ? "; 是否想写 did you mean " + (number / 100) + " (" + (long) number + "%)?" : ""));
					return null;
				}
				return number;
			}
			case ENUM: {
				String raw = String.valueOf(value).strip();
				String accepted = enumValue(column, raw);
				if (accepted == null) {
					sink.error(column.name(), unknownEnumValue(column, raw));
					return null;
				}
				return accepted;
			}
			default:
				throw new IllegalStateException(column.type().name());
		}
	}

	/** A percentage: a number followed by % (or the full-width ％). */
	private static final java.util.regex.Pattern PERCENT = java.util.regex.Pattern
		.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))\\s*[%％]");

	/**
	 * The stored value of an enum column for a cell: one of its values, case-insensitive, or its Chinese
	 * name ({@link DatasetFormat#CHINESE}, in simplified or traditional script); null when neither.
	 */
	public static String enumValue(Column column, String raw) {
		String upper = raw.strip().toUpperCase(Locale.ROOT);
		if (column.values().contains(upper)) {
			return upper;
		}
		String chinese = NameNormalizer.normalize(raw);
		for (String value : column.values()) {
			if (NameNormalizer.normalize(DatasetFormat.CHINESE.getOrDefault(value, value)).equals(chinese)) {
				return value;
			}
		}
		return null;
	}

	/**
	 * Why a value is not one of an enum column's: the accepted values (Chinese and English), and the
	 * nearest one when a value is close (a typo, or a Chinese name with more words around it).
	 */
	public static String unknownEnumValue(Column column, String raw) {
		StringBuilder accepted = new StringBuilder();
		for (String value : column.values()) {
			accepted.append(accepted.isEmpty() ? "" : ", ").append(DatasetFormat.CHINESE.getOrDefault(value, "")).append(' ')
				.append(value);
		}
		String nearest = nearestEnumValue(column, raw);
		return "未知取值 unknown value '" + raw + "'"
				+ ((nearest != null) ? "; 是否想写 did you mean " + DatasetFormat.CHINESE.getOrDefault(nearest, "") + " "
						+ nearest + "?" : "")
				+ "; 可选 expected one of " + accepted.toString().strip();
	}

	private static String nearestEnumValue(Column column, String raw) {
		String upper = raw.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
		String chinese = NameNormalizer.normalize(raw);
		String nearest = null;
		int best = Integer.MAX_VALUE;
		for (String value : column.values()) {
			String name = NameNormalizer.normalize(DatasetFormat.CHINESE.getOrDefault(value, value));
			if (!chinese.isEmpty() && (chinese.contains(name) || name.contains(chinese))) {
				return value;
			}
			int distance = editDistance(upper, value);
			if (distance < best) {
				best = distance;
				nearest = value;
			}
		}
		// a typo: at most a third of the letters off
		return (nearest != null && best <= Math.max(1, nearest.length() / 3)) ? nearest : null;
	}

	private static int editDistance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	private static boolean isEmpty(Object raw) {
		return raw == null || (raw instanceof String text && text.isBlank())
				|| (raw instanceof java.util.Collection<?> items
						&& items.stream().allMatch(item -> item == null || String.valueOf(item).isBlank()));
	}

	/** Why a credit code is invalid ({@code 'code': reason}), or null. */
	public static String creditCodeProblem(String code) {
		String problem = CreditCode.problem(code);
		return (problem != null) ? "'" + code + "': " + problem : null;
	}

	// ---- references and ids

	/** The label a platform link of this kind points at. */
	public static String targetLabelOf(String linkKind) {
		return "SERVES".equals(linkKind) ? "ChainNode" : "Enterprise";
	}

	/**
	 * Why a reference to {@code id} is wrong, or null: {@code actual} is the label of the entity with
	 * that id (null when there is none).
	 */
	public static String referenceProblem(String id, String expected, String actual, String linkKind) {
		if (actual == null) {
			return "unknown " + describe(expected) + " '" + id + "' (neither in this dataset nor in the graph)";
		}
		if (!actual.equals(expected)) {
			return "'" + id + "' is a " + describe(actual) + ", expected a " + describe(expected)
					+ ((linkKind != null) ? " for kind " + linkKind : "");
		}
		return null;
	}

	/** The message for an id that the graph already holds under another label (null when it is the same label). */
	public static String idInGraphProblem(String id, String label, String existingLabel, String existingName) {
		if (existingLabel == null || existingLabel.equals(label)) {
			return null;
		}
		return "id '" + id + "' already exists in the graph as a " + existingLabel + " ('" + existingName
				+ "'); ids must be unique across all labels";
	}

	/** The self-loop a relationship row would make, or null: FEEDS and SUPPLIES may not point at their own start. */
	public static String selfLoopProblem(String fileBase, String from, String to) {
		if (from == null || !from.equals(to)) {
			return null;
		}
		return switch (fileBase) {
			case "chain_links" -> "FEEDS self-loop: '" + from + "' feeds itself";
			case "supplies" -> "an enterprise cannot supply itself ('" + from + "')";
			default -> null;
		};
	}

	/** The column a self-loop is reported on. */
	public static String selfLoopColumn(String fileBase) {
		return "supplies".equals(fileBase) ? "customerId" : "toId";
	}

	/** A sub-segment must belong to its parent's chain. */
	public static String parentChainProblem(String parentId, String parentChain, String chain) {
		if (parentChain == null || chain == null || parentChain.equals(chain)) {
			return null;
		}
		return "parent segment '" + parentId + "' belongs to chain '" + parentChain + "', this segment to '" + chain
				+ "'";
	}

	/**
	 * The PART_OF cycle that setting parents would close through {@code start}, or null. The record(s)
	 * being written define {@code parentOf} (id → new parent); for every other id the graph's
	 * ancestors apply ({@code graphAncestors}: id → its ancestors nearest first), until an ancestor
	 * that the records redefine. Returns the path start → … → start.
	 */
	public static List<String> partOfCycle(String start, Map<String, String> parentOf, Set<String> redefined,
			Map<String, List<String>> graphAncestors) {
		List<String> path = new ArrayList<>();
		path.add(start);
		String current = parentOf.get(start);
		while (current != null) {
			if (current.equals(start)) {
				path.add(current);
				return path;
			}
			if (path.contains(current) || path.size() > 1000) {
				return null; // a cycle not through start; reported from one of its members
			}
			path.add(current);
			if (redefined.contains(current)) {
				current = parentOf.get(current);
			}
			else {
				current = firstRedefinedOrEnd(graphAncestors.getOrDefault(current, List.of()), redefined, path);
			}
		}
		return null;
	}

	/** How many PART_OF levels lie above {@code start} (for the importer's depth warning). */
	public static int partOfDepth(String start, Map<String, String> parentOf, Set<String> redefined,
			Map<String, List<String>> graphAncestors) {
		List<String> path = new ArrayList<>();
		path.add(start);
		String current = parentOf.get(start);
		while (current != null && !path.contains(current) && path.size() <= 1000) {
			path.add(current);
			current = redefined.contains(current) ? parentOf.get(current)
					: firstRedefinedOrEnd(graphAncestors.getOrDefault(current, List.of()), redefined, path);
		}
		return path.size() - 1;
	}

	public static String partOfCycleMessage(List<String> path) {
		return "PART_OF cycle: " + String.join(" → ", path);
	}

	/** Walks graph ancestors until one that the records redefine (whose new parent then applies). */
	private static String firstRedefinedOrEnd(List<String> ancestors, Set<String> redefined, List<String> path) {
		for (String ancestor : ancestors) {
			if (redefined.contains(ancestor) || path.contains(ancestor)) {
				return ancestor;
			}
			path.add(ancestor);
		}
		return null;
	}

	public static String describe(String label) {
		return switch (label) {
			case "Park" -> "park";
			case "Chain" -> "chain";
			case "ChainNode" -> "chain segment";
			case "Enterprise" -> "enterprise";
			case "Platform" -> "platform";
			default -> label;
		};
	}

	private static Map<String, String> orderedLabels() {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("parks", "Park");
		labels.put("chains", "Chain");
		labels.put("chain_nodes", "ChainNode");
		labels.put("enterprises", "Enterprise");
		labels.put("platforms", "Platform");
		return Collections.unmodifiableMap(labels);
	}

}
