package io.chaingraph.importing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.chaingraph.importing.DatasetFormat.Column;
import io.chaingraph.importing.DatasetReader.RawFile;
import io.chaingraph.importing.DatasetReader.RawRow;
import io.chaingraph.importing.LoadPlan.NodeRow;
import io.chaingraph.importing.LoadPlan.NodeStep;
import io.chaingraph.importing.LoadPlan.RelRow;
import io.chaingraph.importing.LoadPlan.RelStep;
import io.chaingraph.importing.LoadPlan.Step;

/**
 * Checks a whole dataset at once against format v1 and the graph it will be loaded into, and
 * builds the load plan. Every problem is collected; the plan is only usable when none is an error.
 */
final class DatasetValidator {

	/** What the validator needs to know about the graph: existing entities by id, and PART_OF ancestry. */
	interface GraphView {

		/** id → existing entity (label, name, aliases), for the given ids that exist. */
		Map<String, Existing> existing(Set<String> ids);

		/** id → its PART_OF ancestors in the graph, nearest first. */
		Map<String, List<String>> ancestors(Set<String> ids);

	}

	record Existing(String label, String name, List<String> aliases) {
	}

	record Result(LoadPlan plan, List<Problem> problems) {

		boolean hasErrors() {
			return this.problems.stream().anyMatch(Problem::isError);
		}

	}

	/** Entity files in the format's order, so that "first defined at" is the same on every run. */
	private static final Map<String, String> LABEL_OF_FILE = RecordRules.LABEL_OF_FILE;

	private static final int MAX_PART_OF_DEPTH = RecordRules.MAX_PART_OF_DEPTH;

	private final DatasetSource source;

	private final GraphView graph;

	private final List<Problem> problems = new ArrayList<>();

	/** Typed rows per file base name. */
	private final Map<String, List<Typed>> typed = new LinkedHashMap<>();

	/** Dataset id → where it is defined. */
	private final Map<String, Definition> defined = new HashMap<>();

	private Map<String, Existing> existing = Map.of();

	/** Labels whose file could not be read: references to them are not checked (they would all fail). */
	private final Set<String> unreadableLabels = new HashSet<>();

	private record Typed(String file, int line, Map<String, Object> values) {

		String str(String column) {
			Object value = this.values.get(column);
			return (value instanceof String s) ? s : null;
		}

	}

	private record Definition(String label, String file, int line) {
	}

	private DatasetValidator(DatasetSource source, GraphView graph) {
		this.source = source;
		this.graph = graph;
	}

	static Result validate(DatasetSource source, GraphView graph) {
		return new DatasetValidator(source, graph).run();
	}

	private Result run() {
		DatasetReader.Result read = DatasetReader.read(this.source);
		this.problems.addAll(read.problems());
		if (read.files().isEmpty() && read.problems().stream().noneMatch(Problem::isError)) {
			this.problems.add(Problem.error(this.source.location(), 0, "-",
					"no dataset files found (expected parks.csv, enterprises.csv, ... or .jsonl)"));
		}
		read.files().forEach((base, file) -> this.typed.put(base, typeRows(file)));
		for (String base : this.source.files().keySet()) {
			String name = base.substring(0, base.lastIndexOf('.'));
			if (LABEL_OF_FILE.containsKey(name) && !read.files().containsKey(name)) {
				this.unreadableLabels.add(LABEL_OF_FILE.get(name));
			}
		}
		collectDefinitions();
		Set<String> lookup = new HashSet<>(this.defined.keySet());
		lookup.addAll(references());
		this.existing = lookup.isEmpty() ? Map.of() : this.graph.existing(lookup);
		checkLabelsAgainstGraph();
		checkReferences();
		checkFeedsSelfLoops();
		checkPartOfCycles("parks", "Park");
		checkPartOfCycles("chain_nodes", "ChainNode");
		checkCreditCodes();
		checkSameNames();
		boolean errors = this.problems.stream().anyMatch(Problem::isError);
		LoadPlan plan = errors ? null : buildPlan();
		List<Problem> sorted = new ArrayList<>(this.problems);
		sorted.sort(java.util.Comparator.comparing(Problem::severity).thenComparing(Problem::file)
			.thenComparingInt(Problem::line));
		return new Result(plan, sorted);
	}

	// ---- typing

	private List<Typed> typeRows(RawFile file) {
		List<Typed> rows = new ArrayList<>();
		for (RawRow row : file.rows()) {
			Map<String, Object> raw = new HashMap<>();
			for (Column column : file.spec().columns()) {
				int index = file.index(column.name());
				if (index >= 0) {
					raw.put(column.name(), row.values()[index]);
				}
			}
			Map<String, Object> values = RecordRules.record(file.spec(), raw,
					(column, message) -> error(file.fileName(), row.line(), column, message));
			rows.add(new Typed(file.fileName(), row.line(), values));
		}
		return rows;
	}

	// ---- ids and references

	private void collectDefinitions() {
		for (Map.Entry<String, String> entry : LABEL_OF_FILE.entrySet()) {
			for (Typed row : this.typed.getOrDefault(entry.getKey(), List.of())) {
				String id = row.str("id");
				if (id == null) {
					continue;
				}
				Definition first = this.defined.get(id);
				if (first == null) {
					this.defined.put(id, new Definition(entry.getValue(), row.file(), row.line()));
				}
				else if (first.label().equals(entry.getValue())) {
					error(row.file(), row.line(), "id", "duplicate id '" + id + "' (first defined at " + first.file()
							+ ":" + first.line() + ")");
				}
				else {
					error(row.file(), row.line(), "id", "id '" + id + "' is already used by a " + first.label() + " at "
							+ first.file() + ":" + first.line() + "; ids must be unique across all labels");
				}
			}
		}
	}

	private Set<String> references() {
		Set<String> ids = new HashSet<>();
		for (RecordRules.Reference ref : RecordRules.REFERENCES) {
			for (Typed row : this.typed.getOrDefault(ref.file(), List.of())) {
				String id = row.str(ref.column());
				if (id != null && !this.defined.containsKey(id)) {
					ids.add(id);
				}
			}
		}
		return ids;
	}

	private void checkLabelsAgainstGraph() {
		this.defined.forEach((id, definition) -> {
			Existing there = this.existing.get(id);
			String problem = (there != null)
					? RecordRules.idInGraphProblem(id, definition.label(), there.label(), there.name()) : null;
			if (problem != null) {
				error(definition.file(), definition.line(), "id", problem);
			}
		});
	}

	private void checkReferences() {
		for (RecordRules.Reference ref : RecordRules.REFERENCES) {
			for (Typed row : this.typed.getOrDefault(ref.file(), List.of())) {
				String id = row.str(ref.column());
				if (id == null) {
					continue;
				}
				String expected = ref.label();
				String kind = null;
				if (expected == null) {
					kind = row.str("kind");
					if (kind == null) {
						continue;
					}
					expected = RecordRules.targetLabelOf(kind);
				}
				String actual = labelOf(id);
				if (actual == null && this.unreadableLabels.contains(expected)) {
					continue;
				}
				String problem = RecordRules.referenceProblem(id, expected, actual, kind);
				if (problem != null) {
					error(row.file(), row.line(), ref.column(), problem);
				}
			}
		}
		// A sub-segment belongs to the same chain as its parent.
		Map<String, String> chainOf = new HashMap<>();
		for (Typed row : this.typed.getOrDefault("chain_nodes", List.of())) {
			if (row.str("id") != null && row.str("chainId") != null) {
				chainOf.put(row.str("id"), row.str("chainId"));
			}
		}
		for (Typed row : this.typed.getOrDefault("chain_nodes", List.of())) {
			String parent = row.str("parentId");
			String problem = (parent != null)
					? RecordRules.parentChainProblem(parent, chainOf.get(parent), row.str("chainId")) : null;
			if (problem != null) {
				error(row.file(), row.line(), "parentId", problem);
			}
		}
	}

	private String labelOf(String id) {
		Definition definition = this.defined.get(id);
		if (definition != null) {
			return definition.label();
		}
		Existing there = this.existing.get(id);
		return (there != null) ? there.label() : null;
	}

	private void checkFeedsSelfLoops() {
		for (String[] link : new String[][] { { "chain_links", "fromId", "toId" },
				{ "supplies", "supplierId", "customerId" } }) {
			for (Typed row : this.typed.getOrDefault(link[0], List.of())) {
				String problem = RecordRules.selfLoopProblem(link[0], row.str(link[1]), row.str(link[2]));
				if (problem != null) {
					error(row.file(), row.line(), RecordRules.selfLoopColumn(link[0]), problem);
				}
			}
		}
	}

	/** PART_OF must stay a forest: the dataset's parents, plus the graph's for nodes the dataset does not redefine. */
	private void checkPartOfCycles(String fileBase, String label) {
		Map<String, String> parentOf = new HashMap<>();
		Map<String, Typed> rowOf = new HashMap<>();
		for (Typed row : this.typed.getOrDefault(fileBase, List.of())) {
			String id = row.str("id");
			if (id != null) {
				rowOf.put(id, row);
				if (row.str("parentId") != null) {
					parentOf.put(id, row.str("parentId"));
				}
			}
		}
		if (parentOf.isEmpty()) {
			return;
		}
		Set<String> outside = new HashSet<>();
		for (String parent : parentOf.values()) {
			if (!rowOf.containsKey(parent)) {
				outside.add(parent);
			}
		}
		Map<String, List<String>> graphAncestors = outside.isEmpty() ? Map.of() : this.graph.ancestors(outside);
		Set<String> reported = new HashSet<>();
		for (String start : parentOf.keySet()) {
			Typed row = rowOf.get(start);
			List<String> cycle = RecordRules.partOfCycle(start, parentOf, rowOf.keySet(), graphAncestors);
			if (cycle != null && reported.add(new java.util.TreeSet<>(cycle).toString())) {
				error(row.file(), row.line(), "parentId", RecordRules.partOfCycleMessage(cycle));
			}
			if (cycle == null
					&& RecordRules.partOfDepth(start, parentOf, rowOf.keySet(), graphAncestors) > MAX_PART_OF_DEPTH) {
				warning(row.file(), row.line(), "parentId", "PART_OF chain is deeper than " + MAX_PART_OF_DEPTH
						+ " levels; roll-ups only follow " + MAX_PART_OF_DEPTH);
			}
		}
	}

	private void checkCreditCodes() {
		Map<String, Typed> byCode = new HashMap<>();
		for (Typed row : this.typed.getOrDefault("enterprises", List.of())) {
			String code = row.str("creditCode");
			if (code == null) {
				continue;
			}
			// an invalid code was reported (and dropped) when the row was typed (RecordRules.record)
			Typed first = byCode.putIfAbsent(code, row);
			if (first != null) {
				warning(row.file(), row.line(), "creditCode", "credit code " + code + " is also given to '"
						+ first.str("id") + "' at line " + first.line() + "; the same company under two ids?");
			}
		}
	}

	/** Different ids with the same normalised name within one file: probably the same entity twice. */
	private void checkSameNames() {
		for (String base : LABEL_OF_FILE.keySet()) {
			Map<String, Typed> byName = new HashMap<>();
			for (Typed row : this.typed.getOrDefault(base, List.of())) {
				String name = row.str("name");
				String id = row.str("id");
				if (name == null || id == null) {
					continue;
				}
				Typed first = byName.putIfAbsent(NameNormalizer.normalize(name), row);
				if (first != null && !id.equals(first.str("id"))) {
					warning(row.file(), row.line(), "name", "'" + name + "' has the same normalised name as '"
							+ first.str("id") + "' at line " + first.line() + "; the same entity under two ids?");
				}
			}
		}
	}

	// ---- the plan

	private LoadPlan buildPlan() {
		List<Step> nodeSteps = new ArrayList<>();
		List<Step> relSteps = new ArrayList<>();
		List<NameVariant> variants = new ArrayList<>();
		Map<String, Integer> rowsPerFile = new LinkedHashMap<>();
		for (DatasetFormat.FileSpec spec : DatasetFormat.FILES) {
			List<Typed> rows = this.typed.get(spec.baseName());
			if (rows != null) {
				rowsPerFile.put(rows.isEmpty() ? spec.baseName() : rows.get(0).file(), rows.size());
			}
		}
		node("parks", "Park", nodeSteps, variants, "kind", "region", "description");
		node("chains", "Chain", nodeSteps, variants, "description");
		node("chain_nodes", "ChainNode", nodeSteps, variants, "stage", "description");
		node("enterprises", "Enterprise", nodeSteps, variants, "creditCode", "region", "tags", "founded", "employees",
				"revenue", "description");
		node("platforms", "Platform", nodeSteps, variants, "kind", "level", "description");

		parentRel("parks", "id", "parentId", "PART_OF", "Park", "Park", relSteps);
		parentRel("chain_nodes", "id", "chainId", "IN_CHAIN", "ChainNode", "Chain", relSteps);
		parentRel("chain_nodes", "id", "parentId", "PART_OF", "ChainNode", "ChainNode", relSteps);
		rel("chain_links", "fromId", "toId", "FEEDS", "ChainNode", "ChainNode", null, relSteps);
		rel("park_chains", "parkId", "chainId", "FOCUSES_ON", "Park", "Chain", null, relSteps, "priority");
		parentRel("enterprises", "id", "parkId", "LOCATED_IN", "Enterprise", "Park", relSteps);
		rel("enterprise_nodes", "enterpriseId", "nodeId", "OPERATES_IN", "Enterprise", "ChainNode", null, relSteps,
				"weight", "confidence");
		rel("supplies", "supplierId", "customerId", "SUPPLIES", "Enterprise", "Enterprise", null, relSteps, "product",
				"since");
		parentRel("platforms", "id", "parkId", "LOCATED_IN", "Platform", "Park", relSteps);
		for (String kind : DatasetFormat.LINK_KINDS) {
			rel("platform_links", "platformId", "targetId", kind, "Platform",
					"SERVES".equals(kind) ? "ChainNode" : "Enterprise", kind, relSteps, "since");
		}
		List<Step> steps = new ArrayList<>(nodeSteps);
		steps.addAll(relSteps);
		Map<String, String> checksums = new TreeMap<>();
		this.source.files().forEach((name, bytes) -> checksums.put(name, EntityRecords.sha256(bytes)));
		return new LoadPlan(steps, variants, checksums, rowsPerFile);
	}

	private void node(String base, String label, List<Step> steps, List<NameVariant> variants, String... columns) {
		List<Typed> rows = this.typed.get(base);
		if (rows == null || rows.isEmpty()) {
			return;
		}
		List<NodeRow> nodeRows = new ArrayList<>();
		for (Typed row : rows) {
			String id = row.str("id");
			String name = row.str("name");
			List<String> aliases = new ArrayList<>(listOf(row.values().get("aliases")));
			Existing there = this.existing.get(id);
			if (there != null && !there.name().equals(name)) {
				boolean script = NameNormalizer.normalize(there.name()).equals(NameNormalizer.normalize(name));
				variants.add(new NameVariant(row.file(), row.line(), label, id, there.name(), name, script));
				Set<String> merged = new LinkedHashSet<>(there.aliases());
				merged.addAll(aliases);
				merged.add(name);
				merged.remove(there.name());
				aliases = new ArrayList<>(merged);
				name = there.name();
			}
			Map<String, Object> props = EntityRecords.nodeProps(label, id, name, aliases, row.values(), sourceOf(row));
			nodeRows.add(new NodeRow(id, props, !this.existing.containsKey(id)));
		}
		steps.add(new NodeStep(rows.get(0).file(), label, nodeRows));
	}

	private void parentRel(String base, String idColumn, String targetColumn, String type, String fromLabel,
			String toLabel, List<Step> steps) {
		List<Typed> rows = this.typed.get(base);
		if (rows == null || rows.isEmpty()) {
			return;
		}
		List<RelRow> relRows = new ArrayList<>();
		for (Typed row : rows) {
			String target = row.str(targetColumn);
			Map<String, Object> props = EntityRecords.relProps(Map.of(), sourceOf(row));
			relRows.add(new RelRow(row.str(idColumn), target, props, !this.existing.containsKey(row.str(idColumn))));
		}
		steps.add(new RelStep(rows.get(0).file(), type, fromLabel, toLabel, true, relRows));
	}

	private void rel(String base, String fromColumn, String toColumn, String type, String fromLabel, String toLabel,
			String kindFilter, List<Step> steps, String... columns) {
		List<Typed> rows = this.typed.get(base);
		if (rows == null || rows.isEmpty()) {
			return;
		}
		Map<List<String>, RelRow> unique = new LinkedHashMap<>();
		Map<List<String>, Integer> firstLine = new HashMap<>();
		for (Typed row : rows) {
			if (kindFilter != null && !kindFilter.equals(row.str("kind"))) {
				continue;
			}
			Map<String, Object> props = EntityRecords.relProps(row.values(), sourceOf(row), columns);
			List<String> key = List.of(row.str(fromColumn), row.str(toColumn));
			if (unique.containsKey(key)) {
				warning(row.file(), row.line(), toColumn, "repeats the " + type + " link " + key.get(0) + " → "
						+ key.get(1) + " of line " + firstLine.get(key) + "; the later row wins");
			}
			else {
				firstLine.put(key, row.line());
			}
			unique.put(key, new RelRow(key.get(0), key.get(1), props,
					!this.existing.containsKey(key.get(0)) || !this.existing.containsKey(key.get(1))));
		}
		if (!unique.isEmpty()) {
			steps.add(new RelStep(rows.get(0).file(), type, fromLabel, toLabel, false, new ArrayList<>(unique.values())));
		}
	}

	private String sourceOf(Typed row) {
		String given = row.str("source");
		// dataset/file without extension, so a CSV and a JSON Lines copy of a dataset give the same graph
		return (given != null) ? given : this.source.name() + "/" + row.file().substring(0, row.file().lastIndexOf('.'));
	}

	@SuppressWarnings("unchecked")
	private static List<String> listOf(Object value) {
		return (value instanceof List<?> list) ? (List<String>) list : List.of();
	}

	private void error(String file, int line, String column, String message) {
		this.problems.add(Problem.error(file, line, column, message));
	}

	private void warning(String file, int line, String column, String message) {
		this.problems.add(Problem.warning(file, line, column, message));
	}

}
