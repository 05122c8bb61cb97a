package io.chaingraph.importing.validate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import io.chaingraph.dataset.DatasetFormat;
import io.chaingraph.dataset.EntityRecords;
import io.chaingraph.dataset.RecordRules;
import io.chaingraph.importing.read.DatasetReader;
import io.chaingraph.importing.read.DatasetReader.FileInfo;
import io.chaingraph.importing.read.DatasetReader.RawRow;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.importing.validate.DatasetValidator.Existing;
import io.chaingraph.importing.validate.LoadPlan.Batches;
import io.chaingraph.importing.validate.LoadPlan.NodeRow;
import io.chaingraph.importing.validate.LoadPlan.RelRow;

/**
 * The rows of a validated dataset's load steps, read from its files again when they are written:
 * typed, with their properties, fingerprints and whether they are new to the graph. Holds only what
 * that needs beyond the files: the ids that were in the graph at validation (none for a first
 * import), the graph's names kept for ids the dataset renames, and which rows of repeated links win.
 */
final class PlanRows {

	/**
	 * A relationship file (or, for platform links, one kind of its rows): its columns, type, labels
	 * and the columns that become properties.
	 */
	record Link(String base, String fromColumn, String toColumn, String type, String fromLabel, String toLabel,
			String kind, List<String> columns) {
	}

	/** The relationship files' links, in load order among themselves. */
	static final List<Link> LINKS = links();

	private final DatasetSource source;

	private final Map<String, FileInfo> files;

	private final Set<String> inGraph;

	private final Map<String, Existing> renamed;

	private final Map<Link, Map<List<String>, Integer>> lastLineOfRepeated;

	/**
	 * @param inGraph ids that were in the graph at validation
	 * @param renamed id → the graph's entity, where the dataset gives it another name
	 * @param lastLineOfRepeated per link: (from, to) given on several rows → the line of the last (which wins)
	 */
	PlanRows(DatasetSource source, Map<String, FileInfo> files, Set<String> inGraph, Map<String, Existing> renamed,
			Map<Link, Map<List<String>, Integer>> lastLineOfRepeated) {
		this.source = source;
		this.files = files;
		this.inGraph = inGraph;
		this.renamed = renamed;
		this.lastLineOfRepeated = lastLineOfRepeated;
	}

	/** MERGE nodes of a file; the graph's name is kept for a renamed id, the dataset's becomes an alias. */
	Batches<NodeRow> nodes(String base, String label) {
		// the record keys this file sets: name, and every column of the label that its header has
		Set<String> given = new java.util.HashSet<>(List.of("name"));
		for (String column : this.files.get(base).header()) {
			if (column.equals("aliases") || EntityRecords.PROPERTIES.getOrDefault(label, List.of()).contains(column)) {
				given.add(column);
			}
		}
		return batches(base, (row) -> {
			Map<String, Object> values = row.values();
			String id = (String) values.get("id");
			String name = (String) values.get("name");
			List<String> aliases = new ArrayList<>(listOf(values.get("aliases")));
			Existing there = this.renamed.get(id);
			if (there != null && !there.name().equals(name)) {
				Set<String> merged = new LinkedHashSet<>(there.aliases());
				merged.addAll(aliases);
				merged.add(name);
				merged.remove(there.name());
				aliases = new ArrayList<>(merged);
				name = there.name();
			}
			Map<String, Object> props = EntityRecords.nodeProps(label, id, name, aliases, values, sourceOf(row));
			Set<String> present = new java.util.HashSet<>(given);
			present.removeAll(row.absent());
			if (there != null) {
				present.add("aliases"); // the graph's aliases were merged in above
			}
			addSource(present, row);
			return new NodeRow(id, props, present, row.line(), !this.inGraph.contains(id));
		});
	}

	/** The single-valued relationship an entity row gives (LOCATED_IN, PART_OF, IN_CHAIN); no target only removes. */
	Batches<RelRow> parentRels(String base, String targetColumn) {
		return batches(base, (row) -> {
			if (row.absent().contains(targetColumn)) {
				return null; // this row's sheet has no such column: the relationship stays as it is
			}
			String id = (String) row.values().get("id");
			Map<String, Object> props = EntityRecords.relProps(Map.of(), sourceOf(row));
			Set<String> present = new java.util.HashSet<>();
			addSource(present, row);
			return new RelRow(id, (String) row.values().get(targetColumn), props, present, row.line(),
					!this.inGraph.contains(id));
		});
	}

	/** A link file's relationships; of a link given on several rows only the last is written. */
	Batches<RelRow> links(Link link) {
		Set<String> given = new java.util.HashSet<>(link.columns());
		given.retainAll(this.files.get(link.base()).header());
		Map<List<String>, Integer> repeated = this.lastLineOfRepeated.getOrDefault(link, Map.of());
		return batches(link.base(), (row) -> {
			Map<String, Object> values = row.values();
			if (link.kind() != null && !link.kind().equals(values.get("kind"))) {
				return null;
			}
			String from = (String) values.get(link.fromColumn());
			String to = (String) values.get(link.toColumn());
			Integer last = repeated.isEmpty() ? null : repeated.get(Arrays.asList(from, to));
			if (last != null && last != row.line()) {
				return null;
			}
			Map<String, Object> props = EntityRecords.relProps(values, sourceOf(row),
					link.columns().toArray(String[]::new));
			Set<String> present = new java.util.HashSet<>(given);
			present.removeAll(row.absent());
			addSource(present, row);
			return new RelRow(from, to, props, present, row.line(),
					!this.inGraph.contains(from) || !this.inGraph.contains(to));
		});
	}

	/**
	 * A typed row of a file: {@code file} is where it comes from (a sheet for a row of a table),
	 * {@code base} the format v1 file it is read as.
	 */
	/**
	 * @param absent the header's columns this row's own file does not have (a null raw value: the sheets of
	 * a workbook may differ in columns); they keep the stored values like a column the file lacks
	 */
	record Typed(String file, int line, Map<String, Object> values, String base, Set<String> absent) {
	}

	private static Set<String> absent(FileInfo file, RawRow raw) {
		Set<String> absent = null;
		String[] values = raw.values();
		for (int i = 0; i < values.length && i < file.header().size(); i++) {
			if (values[i] == null) {
				if (absent == null) {
					absent = new java.util.HashSet<>();
				}
				absent.add(file.header().get(i));
			}
		}
		return (absent != null) ? absent : Set.of();
	}

	/** Reads the file, types each row and hands over the non-null results of {@code toRow} in batches. */
	private <T> Batches<T> batches(String base, Function<Typed, T> toRow) {
		FileInfo file = this.files.get(base);
		return (batchSize, each) -> {
			Batcher<T> batcher = new Batcher<>(batchSize, each);
			DatasetReader.rows(this.source, file, (RawRow raw) -> batcher.add(toRow.apply(
					new Typed(raw.fileOr(file.fileName()), raw.line(), DatasetValidator.type(file, raw, RecordRules.Sink.REPORTED_BEFORE), file.baseName(),
							absent(file, raw)))));
			batcher.flush();
		};
	}

	/** Collects rows and hands each full batch over (then forgets it). */
	private static final class Batcher<T> {

		private final int size;

		private final Consumer<List<T>> each;

		private List<T> batch;

		Batcher(int size, Consumer<List<T>> each) {
			this.size = size;
			this.each = each;
			this.batch = new ArrayList<>(size);
		}

		void add(T row) {
			if (row != null) {
				this.batch.add(row);
				if (this.batch.size() == this.size) {
					flush();
				}
			}
		}

		void flush() {
			if (!this.batch.isEmpty()) {
				List<T> full = this.batch;
				this.batch = new ArrayList<>(this.size);
				this.each.accept(full);
			}
		}

	}

	/** A row that names its source sets it; otherwise the default applies only to what the row changes. */
	private static void addSource(Set<String> present, Typed row) {
		if (row.values().get("source") instanceof String) {
			present.add("source");
		}
	}

	private String sourceOf(Typed row) {
		Object given = row.values().get("source");
		// the file's name without extension: not the folder's, so that the same file imported from another
		// folder (or uploaded under another name) is unchanged, and a CSV and a JSON Lines copy of a dataset
		// give the same graph; the import run (importRun) says which dataset it was
		return (given instanceof String s) ? s : row.file().substring(0, row.file().lastIndexOf('.'));
	}

	@SuppressWarnings("unchecked")
	private static List<String> listOf(Object value) {
		return (value instanceof List<?> list) ? (List<String>) list : List.of();
	}

	private static List<Link> links() {
		List<Link> links = new ArrayList<>();
		links.add(new Link("chain_links", "fromId", "toId", "FEEDS", "ChainNode", "ChainNode", null, List.of()));
		links.add(new Link("park_chains", "parkId", "chainId", "FOCUSES_ON", "Park", "Chain", null, List.of("priority")));
		links.add(new Link("enterprise_nodes", "enterpriseId", "nodeId", "OPERATES_IN", "Enterprise", "ChainNode", null,
				List.of("weight", "confidence")));
		links.add(new Link("supplies", "supplierId", "customerId", "SUPPLIES", "Enterprise", "Enterprise", null,
				List.of("product", "since")));
		for (String kind : DatasetFormat.LINK_KINDS) {
			links.add(new Link("platform_links", "platformId", "targetId", kind, "Platform",
					RecordRules.targetLabelOf(kind), kind, List.of("since")));
		}
		return List.copyOf(links);
	}

}
