package io.chaingraph.importing.bulk;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.chaingraph.dataset.DatasetFormat;
import io.chaingraph.dataset.EntityRecords;
import io.chaingraph.importing.load.FileSummary;
import io.chaingraph.importing.validate.LoadPlan;
import io.chaingraph.importing.validate.LoadPlan.NodeRow;
import io.chaingraph.importing.validate.LoadPlan.NodeStep;
import io.chaingraph.importing.validate.LoadPlan.RelRow;
import io.chaingraph.importing.validate.LoadPlan.RelStep;
import io.chaingraph.importing.validate.LoadPlan.Step;

/**
 * Writes a validated dataset's load plan as the CSV files of Neo4j's batch importer: one file of
 * nodes per node step, one of relationships per relationship step, with the properties the
 * transactional importer writes for a new record ({@code PlanLoader}: the row's properties,
 * {@code importRun}, {@code version} 1). Every entity id lives in one id space, {@value #ID_SPACE}
 * (ids are unique across labels, the validation checks it). Arrays are split on
 * {@value #ARRAY_DELIMITER_NAME}, a character no validated value holds.
 * <p>
 * The importer cannot write an empty array (it leaves the property out), so the keys whose value was
 * an empty list somewhere are returned ({@link Written#emptyNodeLists}): the bulk load sets them after the
 * store is written. That is only sound for a key every row of the label has, which is checked here.
 */
public final class BulkFiles {

	public static final String ID_SPACE = "Entity";

	static final char ARRAY_DELIMITER = '\u001F';

	/** The importer's spelling of {@link #ARRAY_DELIMITER}. */
	public static final String ARRAY_DELIMITER_NAME = "U+001F";

	private static final int BATCH = 10_000;

	/** The importer's type of each column: the dataset format's, strings where it does not say. */
	private static final Map<String, String> TYPES = types();

	/**
	 * The files written, in load order (nodes, then relationships).
	 *
	 * @param summaries what each dataset file creates, as the transactional importer counts it
	 * @param nodes the node files (absolute paths)
	 * @param relationships the relationship files (absolute paths)
	 * @param emptyNodeLists label → the keys some of whose values are empty lists
	 * @param emptyRelationshipLists relationship type → the keys some of whose values are empty lists
	 * @param multiline a value holds a line break (the importer must then read fields across lines)
	 */
	public record Written(List<String> nodes, List<String> relationships, List<FileSummary> summaries,
			Map<String, List<String>> emptyNodeLists, Map<String, List<String>> emptyRelationshipLists,
			boolean multiline, long nodeCount, long relationshipCount) {
	}

	private final Path dir;

	private final String runId;

	private final Map<String, Set<String>> emptyLists = new TreeMap<>();

	/** label or type → keys some row left out (a key both left out and empty cannot be restored) */
	private final Map<String, Set<String>> absent = new HashMap<>();

	private final Set<String> relationshipTypes = new HashSet<>();

	private boolean multiline;

	private BulkFiles(Path dir, String runId) {
		this.dir = dir;
		this.runId = runId;
	}

	/** Writes the plan's files into {@code dir} (created if need be), each row stamped with {@code runId}. */
	public static Written write(LoadPlan plan, Path dir, String runId) {
		return new BulkFiles(dir, runId).write(plan);
	}

	private Written write(LoadPlan plan) {
		try {
			Files.createDirectories(this.dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create " + this.dir, ex);
		}
		Map<String, FileSummary> summaries = new LinkedHashMap<>();
		plan.rowsPerFile().forEach((file, rows) -> summaries.put(file, new FileSummary(file, rows, 0, 0, 0, 0, 0, 0, 0)));
		List<String> nodes = new ArrayList<>();
		List<String> relationships = new ArrayList<>();
		long nodeCount = 0;
		long relationshipCount = 0;
		int index = 0;
		for (Step step : plan.steps()) {
			index++;
			if (step instanceof NodeStep nodeStep) {
				Path file = this.dir.resolve(String.format("%02d-nodes-%s.csv", index, nodeStep.label()));
				long n = writeNodes(nodeStep, file);
				nodes.add(file.toAbsolutePath().toString());
				nodeCount += n;
				summaries.merge(step.file(), new FileSummary(step.file(), 0, n, 0, 0, 0, 0, 0, 0), FileSummary::plus);
			}
			else {
				RelStep relStep = (RelStep) step;
				Path file = this.dir.resolve(String.format("%02d-relationships-%s.csv", index, relStep.type()));
				long n = writeRelationships(relStep, file);
				relationships.add(file.toAbsolutePath().toString());
				this.relationshipTypes.add(relStep.type());
				relationshipCount += n;
				summaries.merge(step.file(), new FileSummary(step.file(), 0, 0, 0, 0, n, 0, 0, 0), FileSummary::plus);
			}
		}
		Map<String, List<String>> emptyNodes = new TreeMap<>();
		Map<String, List<String>> emptyRelationships = new TreeMap<>();
		this.emptyLists.forEach((owner, keys) -> {
			Set<String> both = new TreeSet<>(keys);
			both.retainAll(this.absent.getOrDefault(owner, Set.of()));
			if (!both.isEmpty()) {
				throw new IllegalStateException(owner + " " + both
						+ ": some rows have an empty list, others no value; the batch importer cannot tell them apart");
			}
			(this.relationshipTypes.contains(owner) ? emptyRelationships : emptyNodes).put(owner, List.copyOf(keys));
		});
		return new Written(List.copyOf(nodes), List.copyOf(relationships), List.copyOf(summaries.values()),
				emptyNodes, emptyRelationships, this.multiline, nodeCount, relationshipCount);
	}

	private long writeNodes(NodeStep step, Path file) {
		List<String> keys = EntityRecords.nodeKeys(step.label()).stream().filter(k -> !k.equals("id")).toList();
		List<String> header = new ArrayList<>(List.of("id:ID(" + ID_SPACE + ")", ":LABEL"));
		keys.forEach(key -> header.add(key + ":" + type(key)));
		header.add("importRun:string");
		header.add("version:long");
		String labels = step.label() + ARRAY_DELIMITER + ID_SPACE;
		long[] written = { 0 };
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(String.join(",", header));
			out.write('\n');
			step.rows().forEach(BATCH, batch -> {
				StringBuilder lines = new StringBuilder();
				for (NodeRow row : batch) {
					Map<String, Object> props = row.props();
					check(step.label(), keys, props, "id");
					lines.append(quote(row.id())).append(',').append(labels);
					for (String key : keys) {
						lines.append(',');
						append(lines, step.label(), key, props.get(key));
					}
					lines.append(',').append(quote(this.runId)).append(",1\n");
					written[0]++;
				}
				write(out, lines);
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
		return written[0];
	}

	private long writeRelationships(RelStep step, Path file) {
		List<String> keys = EntityRecords.relKeys(step.columns());
		List<String> header = new ArrayList<>(List.of(":START_ID(" + ID_SPACE + ")", ":END_ID(" + ID_SPACE + ")", ":TYPE"));
		keys.forEach(key -> header.add(key + ":" + type(key)));
		header.add("importRun:string");
		header.add("version:long");
		long[] written = { 0 };
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(String.join(",", header));
			out.write('\n');
			step.rows().forEach(BATCH, batch -> {
				StringBuilder lines = new StringBuilder();
				for (RelRow row : batch) {
					if (row.to() == null) {
						// a row without a target only removes an old one: nothing to remove in an empty graph
						continue;
					}
					check(step.type(), keys, row.props(), null);
					lines.append(quote(row.from())).append(',').append(quote(row.to())).append(',').append(step.type());
					for (String key : keys) {
						lines.append(',');
						append(lines, step.type(), key, row.props().get(key));
					}
					lines.append(',').append(quote(this.runId)).append(",1\n");
					written[0]++;
				}
				write(out, lines);
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
		return written[0];
	}

	private static void write(BufferedWriter out, CharSequence lines) {
		try {
			out.append(lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every property of the row has a column: a value under any other key would be lost. */
	private static void check(String owner, List<String> keys, Map<String, Object> props, String alsoKnown) {
		for (String key : props.keySet()) {
			if (!key.equals(alsoKnown) && !keys.contains(key)) {
				throw new IllegalStateException(owner + ": property " + key + " is not among " + keys);
			}
		}
	}

	/** One field: empty for no value, numbers as they are, text and arrays quoted. */
	private void append(StringBuilder line, String owner, String key, Object value) {
		if (value == null) {
			this.absent.computeIfAbsent(owner, o -> new LinkedHashSet<>()).add(key);
			return;
		}
		String type = type(key);
		switch (type) {
			case "long" -> line.append(((Number) typed(owner, key, value, Long.class)).longValue());
			case "double" -> line.append(((Number) typed(owner, key, value, Double.class)).doubleValue());
			case "string[]" -> {
				List<?> items = (List<?>) typed(owner, key, value, List.class);
				if (items.isEmpty()) {
					this.emptyLists.computeIfAbsent(owner, o -> new TreeSet<>()).add(key);
					return;
				}
				StringBuilder joined = new StringBuilder();
				for (Object item : items) {
					String text = String.valueOf(item);
					if (text.indexOf(ARRAY_DELIMITER) >= 0) {
						throw new IllegalStateException(owner + "." + key + ": an item holds the array delimiter "
								+ ARRAY_DELIMITER_NAME);
					}
					joined.append((joined.length() == 0) ? "" : String.valueOf(ARRAY_DELIMITER)).append(text);
				}
				line.append(quote(joined.toString()));
			}
			default -> line.append(quote((String) typed(owner, key, value, String.class)));
		}
	}

	private static Object typed(String owner, String key, Object value, Class<?> expected) {
		if (expected == Long.class ? !(value instanceof Long || value instanceof Integer) : !expected.isInstance(value)) {
			throw new IllegalStateException(owner + "." + key + ": a " + value.getClass().getSimpleName()
					+ " where the importer's column is " + type(key));
		}
		return value;
	}

	private String quote(String text) {
		if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			this.multiline = true;
		}
		return '"' + text.replace("\"", "\"\"") + '"';
	}

	static String type(String key) {
		return TYPES.getOrDefault(key, "string");
	}

	private static Map<String, String> types() {
		Map<String, String> types = new HashMap<>();
		for (DatasetFormat.FileSpec file : DatasetFormat.FILES) {
			for (DatasetFormat.Column column : file.columns()) {
				String type = switch (column.type()) {
					case LIST -> "string[]";
					case INT -> "long";
					case DECIMAL, FRACTION -> "double";
					default -> "string";
				};
				String before = types.putIfAbsent(column.name(), type);
				if (before != null && !before.equals(type)) {
					throw new IllegalStateException("column " + column.name() + " has two types: " + before + ", " + type);
				}
			}
		}
		// derived properties the dataset files do not have as columns
		types.put("searchKeys", "string[]");
		types.put("nameKey", "string");
		return Map.copyOf(types);
	}

}
