package io.chaingraph.importing.validate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.chaingraph.config.Graph;
import io.chaingraph.dataset.DatasetFormat;
import io.chaingraph.dataset.DatasetFormat.Column;
import io.chaingraph.dataset.NameNormalizer;
import io.chaingraph.dataset.Problem;
import io.chaingraph.dataset.RecordRules;
import io.chaingraph.importing.read.DatasetReader;
import io.chaingraph.importing.read.DatasetReader.FileInfo;
import io.chaingraph.importing.read.DatasetReader.RawRow;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.importing.read.ProblemList;
import io.chaingraph.importing.read.ReadAhead;
import io.chaingraph.importing.sheet.EnterpriseSheets;
import io.chaingraph.importing.validate.LoadPlan.NodeStep;
import io.chaingraph.importing.validate.LoadPlan.RelStep;
import io.chaingraph.importing.validate.LoadPlan.Step;
import io.chaingraph.importing.validate.PlanRows.Link;
import io.chaingraph.importing.validate.PlanRows.Typed;

/**
 * Checks a whole dataset against format v1 and the graph it will be loaded into, and builds the
 * load plan. Every problem is collected; the plan is only usable when none is an error.
 *
 * <p>It streams over the files instead of holding them: {@link DatasetReader#check} (checksums,
 * encoding, syntax), then a typing pass (each row's values; ids with where they are defined, looked
 * up in the graph a chunk at a time; PART_OF parents; credit codes and names for the duplicate
 * warnings; a hash of every link), then a pass for what needs every id first (references, parent
 * chains, self-loops, repeated links). Per row it keeps only what those checks need.
 */
public final class DatasetValidator {

	/** What the validator needs to know about the graph: existing entities by id, and PART_OF ancestry. */
	interface GraphView {

		/** id → existing entity (label, name, aliases), for the given ids that exist. */
		Map<String, Existing> existing(Set<String> ids);

		/** id → its PART_OF ancestors in the graph, nearest first. */
		Map<String, List<String>> ancestors(Set<String> ids);

	}

	record Existing(String label, String name, List<String> aliases) {
	}

	public record Result(LoadPlan plan, List<Problem> problems) {

		public boolean hasErrors() {
			return this.problems.stream().anyMatch(Problem::isError);
		}

	}

	/** Ids asked of the graph per statement. */
	static final int LOOKUP_CHUNK = 10_000;

	/** Entity files in the format's order, so that "first defined at" is the same on every run. */
	private static final Map<String, String> LABEL_OF_FILE = RecordRules.LABEL_OF_FILE;

	private static final int MAX_PART_OF_DEPTH = RecordRules.MAX_PART_OF_DEPTH;

	/**
	 * The checks in the order they report; problems of one file and line are listed in this order
	 * (the report is sorted by severity, file and line).
	 */
	private enum Check {

		READ, TYPE, DEFINE, GRAPH_LABEL, REFERENCE, PARENT_CHAIN, SELF_LOOP, CYCLE, CREDIT_CODE, SAME_NAME,
		REPEATED_LINK

	}

	private final DatasetSource source;

	private final GraphView graph;

	private final Map<Check, ProblemList> problems = new EnumMap<>(Check.class);

	/** The readable files by base name. */
	private Map<String, FileInfo> files = Map.of();

	/** Labels whose file could not be read: references to them are not checked (they would all fail). */
	private final Set<String> unreadableLabels = new HashSet<>();

	/** Dataset id → where it is first defined. */
	private final Map<String, Definition> defined = new HashMap<>();

	/** Ids (defined or referenced) that the graph holds → their label there. */
	private final Map<String, String> inGraph = new HashMap<>();

	/** Referenced ids that are neither defined nor in the graph. */
	private final Set<String> missing = new HashSet<>();

	/** Ids whose name in the graph differs from the dataset's: the graph's entity. */
	private final Map<String, Existing> renamed = new HashMap<>();

	private final List<NameVariant> variants = new ArrayList<>();

	/** First definitions not yet looked up in the graph. */
	private final List<Pending> lookups = new ArrayList<>();

	/** References to ids not defined in the dataset, waiting for their graph lookup. */
	private final List<Reference> references = new ArrayList<>();

	/** parks / chain_nodes: id → parent id, id → its line (the last row with the id, as before). */
	private final Map<String, Map<String, String>> parentOf = new HashMap<>();

	private final Map<String, Map<String, Integer>> lineOf = new HashMap<>();

	/** chain_nodes: id → chain id. */
	private final Map<String, String> chainOf = new HashMap<>();

	private final Map<String, First> byCreditCode = new HashMap<>();

	/** Per entity file: normalised name → the first row with it. */
	private final Map<String, Map<String, First>> byName = new HashMap<>();

	/** Per link: a hash of (from, to) of every row, to find repeated links without keeping the pairs. */
	private final Map<Link, LongList> linkHashes = new HashMap<>();

	/** Per link: the hashes seen more than once (candidates, compared exactly in the second pass). */
	private final Map<Link, Set<Long>> repeatedHashes = new HashMap<>();

	/** Per link: (from, to) of the candidate rows → first line, last line. */
	private final Map<Link, Map<List<String>, int[]>> repeatedLines = new HashMap<>();

	private final Map<Link, Integer> uniqueLinks = new HashMap<>();

	private record Definition(String label, String file, int line) {
	}

	private record Pending(String id, String label, String name, String file, int line) {
	}

	private record Reference(String file, int line, String column, String id, String expected, String kind) {
	}

	private record First(String id, int line) {
	}

	private DatasetValidator(DatasetSource source, GraphView graph) {
		this.source = source;
		this.graph = graph;
		for (Check check : Check.values()) {
			this.problems.put(check, new ProblemList());
		}
	}

	/** Validates the dataset against format v1 and the graph it will be loaded into. */
	public static Result validate(DatasetSource source, Graph graph) {
		return validate(EnterpriseSheets.attach(source, graph), new GraphLookups(graph));
	}

	static Result validate(DatasetSource source, GraphView graph) {
		return new DatasetValidator(source, graph).run();
	}

	private Result run() {
		DatasetReader.Result read = DatasetReader.check(this.source);
		this.problems.get(Check.READ).addAll(read.problems());
		this.problems.get(Check.READ).addAll(io.chaingraph.importing.read.UnreadFiles.warnings(this.source));
		this.files = read.files();
		if (read.files().isEmpty() && !this.problems.get(Check.READ).hasErrors()) {
			this.problems.get(Check.READ).add(Problem.error(this.source.location(), 0, "-",
					"no dataset files found (expected parks.csv, enterprises.csv, ... or .jsonl)"));
		}
		for (String base : this.source.files().keySet()) {
			String name = base.substring(0, base.lastIndexOf('.'));
			if (LABEL_OF_FILE.containsKey(name) && !read.files().containsKey(name)) {
				this.unreadableLabels.add(LABEL_OF_FILE.get(name));
			}
		}
		typingPass();
		checkPartOfCycles("parks");
		checkPartOfCycles("chain_nodes");
		findRepeatedHashes();
		crossCheckPass();
		boolean errors = this.problems.values().stream().anyMatch(ProblemList::hasErrors);
		if (errors) {
			this.problems.get(Check.REPEATED_LINK).clear();
		}
		LoadPlan plan = errors ? null : buildPlan(read.checksums());
		List<Problem> sorted = new ArrayList<>();
		this.problems.values().forEach(checked -> sorted.addAll(checked.listed()));
		sorted.sort(java.util.Comparator.comparing(Problem::severity).thenComparing(Problem::file)
			.thenComparingInt(Problem::line));
		return new Result(plan, sorted);
	}

	/** A row's values by column, typed and checked ({@link RecordRules#record}); problems go to {@code sink}. */
	static Map<String, Object> type(FileInfo file, RawRow row, RecordRules.Sink sink) {
		Map<String, Object> raw = new HashMap<>();
		for (Column column : file.spec().columns()) {
			int index = file.index(column.name());
			if (index >= 0) {
				raw.put(column.name(), row.values()[index]);
			}
		}
		return RecordRules.record(file.spec(), raw, sink);
	}

	/**
	 * Reads the readable files in the format's order (entity files in {@link #LABEL_OF_FILE}'s), typing
	 * each row. Reading and typing run on a thread of their own ({@link ReadAhead}); the rows, with the
	 * typing problems of each, come back here in order, so the checks and their state stay on this thread.
	 */
	private void forEachRow(boolean report, Set<String> bases, Consumer<Typed> each) {
		ReadAhead.<TypedRow>forEach(emit -> {
			for (DatasetFormat.FileSpec spec : DatasetFormat.FILES) {
				FileInfo file = this.files.get(spec.baseName());
				if (file == null || !bases.contains(spec.baseName())) {
					continue;
				}
				DatasetReader.rows(this.source, file, raw -> {
					List<String[]> problems = report ? new ArrayList<>(0) : List.of();
					RecordRules.Sink sink = report ? (column, message) -> problems.add(new String[] { column, message })
							: RecordRules.Sink.REPORTED_BEFORE;
					emit.accept(new TypedRow(new Typed(raw.fileOr(file.fileName()), raw.line(), type(file, raw, sink), file.baseName(),
							Set.of()), problems));
				});
			}
		}, typed -> {
			Typed row = typed.row();
			typed.problems().forEach(problem -> error(Check.TYPE, row.file(), row.line(), problem[0], problem[1]));
			each.accept(row);
		});
	}

	/** A typed row and what typing it found wrong (column, message), reported before the row is checked. */
	private record TypedRow(Typed row, List<String[]> problems) {
	}

	// ---- first pass: typing, definitions and what the whole-dataset checks keep

	private void typingPass() {
		Set<String> all = new HashSet<>();
		DatasetFormat.FILES.forEach(spec -> all.add(spec.baseName()));
		forEachRow(true, all, row -> {
			String base = row.base();
			String label = LABEL_OF_FILE.get(base);
			if (label != null) {
				define(base, label, row);
			}
			for (Link link : PlanRows.LINKS) {
				if (link.base().equals(base) && (link.kind() == null || link.kind().equals(str(row, "kind")))) {
					this.linkHashes.computeIfAbsent(link, l -> new LongList())
						.add(hash(str(row, link.fromColumn()), str(row, link.toColumn())));
				}
			}
		});
		lookUpDefinitions();
	}

	private void define(String base, String label, Typed row) {
		String id = str(row, "id");
		if (base.equals("enterprises") && str(row, "creditCode") != null) {
			// an invalid code was reported (and dropped) when the row was typed (RecordRules.record)
			String code = str(row, "creditCode");
			First firstWithCode = this.byCreditCode.putIfAbsent(code, new First(id, row.line()));
			if (firstWithCode != null) {
				warning(Check.CREDIT_CODE, row.file(), row.line(), "creditCode", "credit code " + code
						+ " is also given to '" + firstWithCode.id() + "' at line " + firstWithCode.line()
						+ "; the same company under two ids?");
			}
		}
		if (id == null) {
			return;
		}
		Definition first = this.defined.get(id);
		if (first == null) {
			this.defined.put(id, new Definition(label, row.file(), row.line()));
			this.lookups.add(new Pending(id, label, str(row, "name"), row.file(), row.line()));
			if (this.lookups.size() >= LOOKUP_CHUNK) {
				lookUpDefinitions();
			}
		}
		else if (first.label().equals(label)) {
			error(Check.DEFINE, row.file(), row.line(), "id", "duplicate id '" + id + "' (first defined at "
					+ Problem.at(first.file(), first.line()) + ")");
		}
		else {
			error(Check.DEFINE, row.file(), row.line(), "id", "id '" + id + "' is already used by a " + first.label()
					+ " at " + Problem.at(first.file(), first.line()) + "; ids must be unique across all labels");
		}
		if (base.equals("parks") || base.equals("chain_nodes")) {
			this.lineOf.computeIfAbsent(base, b -> new HashMap<>()).put(id, row.line());
			Map<String, String> parents = this.parentOf.computeIfAbsent(base, b -> new HashMap<>());
			if (str(row, "parentId") != null) {
				parents.put(id, str(row, "parentId"));
			}
			if (base.equals("chain_nodes") && str(row, "chainId") != null) {
				this.chainOf.put(id, str(row, "chainId"));
			}
		}
		// different ids with the same normalised name within one file: probably the same entity twice
		String name = str(row, "name");
		if (name != null) {
			First firstWithName = this.byName.computeIfAbsent(base, b -> new HashMap<>())
				.putIfAbsent(NameNormalizer.normalize(name), new First(id, row.line()));
			if (firstWithName != null && !id.equals(firstWithName.id())) {
				warning(Check.SAME_NAME, row.file(), row.line(), "name", "'" + name
						+ "' has the same normalised name as '" + firstWithName.id() + "' at line "
						+ firstWithName.line() + "; the same entity under two ids?");
			}
		}
	}

	/**
	 * Looks the pending first definitions up in the graph: one id under two labels is an error; an id
	 * the graph holds under another name keeps that name (a name variant).
	 */
	private void lookUpDefinitions() {
		if (this.lookups.isEmpty()) {
			return;
		}
		Set<String> ids = new HashSet<>();
		this.lookups.forEach(p -> ids.add(p.id()));
		Map<String, Existing> existing = this.graph.existing(ids);
		for (Pending pending : this.lookups) {
			Existing there = existing.get(pending.id());
			if (there == null) {
				continue;
			}
			this.inGraph.put(pending.id(), there.label());
			String problem = RecordRules.idInGraphProblem(pending.id(), pending.label(), there.label(), there.name());
			if (problem != null) {
				error(Check.GRAPH_LABEL, pending.file(), pending.line(), "id", problem);
			}
			else if (!there.name().equals(pending.name())) {
				this.renamed.put(pending.id(), there);
				boolean script = NameNormalizer.normalize(there.name()).equals(NameNormalizer.normalize(pending.name()));
				this.variants.add(new NameVariant(pending.file(), pending.line(), pending.label(), pending.id(),
						there.name(), pending.name(), script));
			}
		}
		this.lookups.clear();
	}

	/** PART_OF must stay a forest: the dataset's parents, plus the graph's for nodes the dataset does not redefine. */
	private void checkPartOfCycles(String base) {
		Map<String, String> parents = this.parentOf.getOrDefault(base, Map.of());
		if (parents.isEmpty()) {
			return;
		}
		Map<String, Integer> lines = this.lineOf.get(base);
		String file = this.files.get(base).fileName();
		List<String> outside = new ArrayList<>();
		for (String parent : new HashSet<>(parents.values())) {
			if (!lines.containsKey(parent)) {
				outside.add(parent);
			}
		}
		Map<String, List<String>> graphAncestors = new HashMap<>();
		for (int from = 0; from < outside.size(); from += LOOKUP_CHUNK) {
			graphAncestors.putAll(this.graph.ancestors(
					new HashSet<>(outside.subList(from, Math.min(outside.size(), from + LOOKUP_CHUNK)))));
		}
		Set<String> reported = new HashSet<>();
		for (String start : parents.keySet()) {
			int line = lines.get(start);
			List<String> cycle = RecordRules.partOfCycle(start, parents, lines.keySet(), graphAncestors);
			if (cycle != null && reported.add(new java.util.TreeSet<>(cycle).toString())) {
				error(Check.CYCLE, file, line, "parentId", RecordRules.partOfCycleMessage(cycle));
			}
			if (cycle == null
					&& RecordRules.partOfDepth(start, parents, lines.keySet(), graphAncestors) > MAX_PART_OF_DEPTH) {
				warning(Check.CYCLE, file, line, "parentId", "PART_OF chain is deeper than " + MAX_PART_OF_DEPTH
						+ " levels; roll-ups only follow " + MAX_PART_OF_DEPTH);
			}
		}
	}

	private void findRepeatedHashes() {
		this.linkHashes.forEach((link, hashes) -> {
			long[] sorted = hashes.toSortedArray();
			Set<Long> repeated = new HashSet<>();
			for (int i = 1; i < sorted.length; i++) {
				if (sorted[i] == sorted[i - 1]) {
					repeated.add(sorted[i]);
				}
			}
			this.repeatedHashes.put(link, repeated);
			this.uniqueLinks.put(link, sorted.length);
		});
		this.linkHashes.clear();
	}

	// ---- second pass: what needs every id first

	private void crossCheckPass() {
		Set<String> bases = new HashSet<>();
		RecordRules.REFERENCES.forEach(ref -> bases.add(ref.file()));
		PlanRows.LINKS.forEach(link -> bases.add(link.base()));
		forEachRow(false, bases, row -> {
			String base = row.base();
			for (RecordRules.Reference ref : RecordRules.REFERENCES) {
				if (ref.file().equals(base)) {
					reference(row, ref);
				}
			}
			if (base.equals("chain_nodes")) {
				// a sub-segment belongs to the same chain as its parent
				String parent = str(row, "parentId");
				String problem = (parent != null)
						? RecordRules.parentChainProblem(parent, this.chainOf.get(parent), str(row, "chainId")) : null;
				if (problem != null) {
					error(Check.PARENT_CHAIN, row.file(), row.line(), "parentId", problem);
				}
			}
			if (base.equals("chain_links") || base.equals("supplies")) {
				String[] ends = base.equals("chain_links") ? new String[] { "fromId", "toId" }
						: new String[] { "supplierId", "customerId" };
				String problem = RecordRules.selfLoopProblem(base, str(row, ends[0]), str(row, ends[1]));
				if (problem != null) {
					error(Check.SELF_LOOP, row.file(), row.line(), RecordRules.selfLoopColumn(base), problem);
				}
			}
			for (Link link : PlanRows.LINKS) {
				if (link.base().equals(base) && (link.kind() == null || link.kind().equals(str(row, "kind")))) {
					repeatedLink(link, row);
				}
			}
		});
		checkReferences();
	}

	private void reference(Typed row, RecordRules.Reference ref) {
		String id = str(row, ref.column());
		if (id == null) {
			return;
		}
		String expected = ref.label();
		String kind = null;
		if (expected == null) {
			kind = str(row, "kind");
			if (kind == null) {
				return;
			}
			expected = RecordRules.targetLabelOf(kind);
		}
		this.references.add(new Reference(row.file(), row.line(), ref.column(), id, expected, kind));
		if (this.references.size() >= LOOKUP_CHUNK) {
			checkReferences();
		}
	}

	/** Checks the pending references, looking the ids the dataset does not define up in the graph. */
	private void checkReferences() {
		Set<String> ids = new HashSet<>();
		for (Reference ref : this.references) {
			if (!this.defined.containsKey(ref.id()) && !this.inGraph.containsKey(ref.id())
					&& !this.missing.contains(ref.id())) {
				ids.add(ref.id());
			}
		}
		if (!ids.isEmpty()) {
			Map<String, Existing> existing = this.graph.existing(ids);
			for (String id : ids) {
				Existing there = existing.get(id);
				if (there != null) {
					this.inGraph.put(id, there.label());
				}
				else {
					this.missing.add(id);
				}
			}
		}
		for (Reference ref : this.references) {
			String actual = labelOf(ref.id());
			if (actual == null && this.unreadableLabels.contains(ref.expected())) {
				continue;
			}
			String problem = RecordRules.referenceProblem(ref.id(), ref.expected(), actual, ref.kind());
			if (problem != null) {
				error(Check.REFERENCE, ref.file(), ref.line(), ref.column(), problem);
			}
		}
		this.references.clear();
	}

	private String labelOf(String id) {
		Definition definition = this.defined.get(id);
		return (definition != null) ? definition.label() : this.inGraph.get(id);
	}

	/** A link given again: warned about (the later row wins), remembered for the loader. */
	private void repeatedLink(Link link, Typed row) {
		String from = str(row, link.fromColumn());
		String to = str(row, link.toColumn());
		if (!this.repeatedHashes.getOrDefault(link, Set.of()).contains(hash(from, to))) {
			return;
		}
		List<String> key = Arrays.asList(from, to);
		int[] lines = this.repeatedLines.computeIfAbsent(link, l -> new LinkedHashMap<>()).get(key);
		if (lines == null) {
			this.repeatedLines.get(link).put(key, new int[] { row.line(), row.line() });
			return;
		}
		warning(Check.REPEATED_LINK, row.file(), row.line(), link.toColumn(), "repeats the " + link.type() + " link "
				+ from + " → " + to + " of line " + lines[0] + "; the later row wins");
		lines[1] = row.line();
		this.uniqueLinks.merge(link, -1, Integer::sum);
	}

	// ---- the plan

	private LoadPlan buildPlan(Map<String, String> checksums) {
		Map<String, Integer> rowsPerFile = new LinkedHashMap<>();
		for (DatasetFormat.FileSpec spec : DatasetFormat.FILES) {
			FileInfo file = this.files.get(spec.baseName());
			if (file != null) {
				rowsPerFile.put((file.rows() == 0) ? spec.baseName() : file.fileName(), file.rows());
			}
		}
		Map<Link, Map<List<String>, Integer>> lastLines = new HashMap<>();
		this.repeatedLines.forEach((link, lines) -> {
			Map<List<String>, Integer> last = new HashMap<>();
			lines.forEach((key, firstAndLast) -> last.put(key, firstAndLast[1]));
			lastLines.put(link, last);
		});
		PlanRows rows = new PlanRows(this.source, this.files, Set.copyOf(this.inGraph.keySet()),
				Map.copyOf(this.renamed), lastLines);
		List<Step> steps = new ArrayList<>();
		LABEL_OF_FILE.forEach((base, label) -> {
			FileInfo file = this.files.get(base);
			if (file != null && file.rows() > 0) {
				steps.add(new NodeStep(file.fileName(), label, file.rows(), rows.nodes(base, label)));
			}
		});
		parentRel(rows, "parks", "parentId", "PART_OF", "Park", "Park", steps);
		parentRel(rows, "chain_nodes", "chainId", "IN_CHAIN", "ChainNode", "Chain", steps);
		parentRel(rows, "chain_nodes", "parentId", "PART_OF", "ChainNode", "ChainNode", steps);
		link(rows, "chain_links", steps);
		link(rows, "park_chains", steps);
		parentRel(rows, "enterprises", "parkId", "LOCATED_IN", "Enterprise", "Park", steps);
		link(rows, "enterprise_nodes", steps);
		link(rows, "supplies", steps);
		parentRel(rows, "platforms", "parkId", "LOCATED_IN", "Platform", "Park", steps);
		link(rows, "platform_links", steps);
		return new LoadPlan(steps, List.copyOf(this.variants), checksums, rowsPerFile);
	}

	private void parentRel(PlanRows rows, String base, String targetColumn, String type, String fromLabel,
			String toLabel, List<Step> steps) {
		FileInfo file = this.files.get(base);
		// a file without the column says nothing about that relationship: it stays as it is (an empty cell
		// in a present column removes it)
		if (file != null && file.rows() > 0 && file.index(targetColumn) >= 0) {
			steps.add(new RelStep(file.fileName(), type, fromLabel, toLabel, true, file.rows(), List.of(),
					rows.parentRels(base, targetColumn)));
		}
	}

	private void link(PlanRows rows, String base, List<Step> steps) {
		for (Link link : PlanRows.LINKS) {
			int size = this.uniqueLinks.getOrDefault(link, 0);
			if (link.base().equals(base) && size > 0) {
				steps.add(new RelStep(this.files.get(base).fileName(), link.type(), link.fromLabel(), link.toLabel(),
						false, size, link.columns(), rows.links(link)));
			}
		}
	}

	// ---- helpers

	private static String str(Typed row, String column) {
		Object value = row.values().get(column);
		return (value instanceof String s) ? s : null;
	}

	/** A 64-bit hash of a link's ends (FNV-1a); equal hashes are compared exactly afterwards. */
	private static long hash(String from, String to) {
		long h = 0xcbf29ce484222325L;
		for (String part : new String[] { from, to }) {
			String text = String.valueOf(part);
			for (int i = 0; i < text.length(); i++) {
				h = (h ^ text.charAt(i)) * 0x100000001b3L;
			}
			h = (h ^ 0xffff) * 0x100000001b3L;
		}
		return h;
	}

	/** A growing list of longs (link hashes: 8 bytes a row). */
	private static final class LongList {

		private long[] values = new long[1024];

		private int size;

		void add(long value) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = value;
		}

		long[] toSortedArray() {
			long[] sorted = Arrays.copyOf(this.values, this.size);
			Arrays.sort(sorted);
			return sorted;
		}

	}

	private void error(Check check, String file, int line, String column, String message) {
		this.problems.get(check).add(Problem.error(file, line, column, message));
	}

	private void warning(Check check, String file, int line, String column, String message) {
		this.problems.get(check).add(Problem.warning(file, line, column, message));
	}

}
