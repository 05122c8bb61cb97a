package io.chaingraph.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.chaingraph.audit.Actor;
import io.chaingraph.config.Graph;
import io.chaingraph.dataset.NameNormalizer;
import io.chaingraph.document.DocumentService;
import io.chaingraph.importing.ImportProgress;
import io.chaingraph.importing.ImportReport;
import io.chaingraph.importing.ImportService;
import io.chaingraph.importing.ImportStatus;
import io.chaingraph.importing.read.DatasetSource;

/**
 * Mention finding against a labelled set (docs/documents.md, "How well names are found"): Chinese news
 * and policy paragraphs whose park, enterprise, platform and chain names were marked by hand, each
 * paragraph ingested as a document into a database holding the sample dataset and the set's own graph,
 * and the names the document's proposals give (MENTION and NEW_ENTITY, what a reviewer sees) compared
 * with the marked ones, paragraph by paragraph. Precision: the share of proposed names that are marked;
 * recall: the share of marked names that are proposed, apart for names the graph holds (found by the
 * dictionary: target precision ≥ 0.9, recall ≥ 0.8) and names it does not (found by pattern).
 */
public final class MentionsPart implements BenchPart {

	/** Where the set lies in the repository, relative to its root (the bench's usual working folder). */
	public static final Path DEFAULT_SET = Path.of("service/src/test/resources/documents/labelled");

	static final double TARGET_PRECISION = 0.9;

	static final double TARGET_RECALL = 0.8;

	static final String PARAGRAPHS = "paragraphs.txt";

	static final String GRAPH = "graph";

	static final List<String> LABELS = List.of("Park", "Enterprise", "Platform", "Chain");

	private static final Map<String, String> KINDS = Map.of("P", "Park", "E", "Enterprise", "L", "Platform", "C",
			"Chain");

	private static final Pattern MARK = Pattern.compile("\\[\\[([^\\[\\]|]+)\\|([PELC])(?::([\\w.-]+))?]]");

	private static final String NAMES = """
			MATCH (n) WHERE n:Park OR n:Enterprise OR n:Platform OR n:Chain
			RETURN n.id AS id, n.name AS name, coalesce(n.aliases, []) AS aliases""";

	private static final String PROPOSED = """
			MATCH (p:Proposal)-[:FROM]->(:Document {id: $document})
			WHERE p.kind IN ['MENTION', 'NEW_ENTITY']
			RETURN p.kind AS kind, p.subjectId AS id, p.subjectName AS name, p.subjectLabel AS label""";

	@Override
	public String name() {
		return "mentions";
	}

	/** A name marked in a paragraph: its text as written, its kind, and its entity's id when the graph has one. */
	record Marked(String surface, String label, String id) {

		String normalized() {
			return NameNormalizer.normalize(this.surface);
		}

	}

	/**
	 * A labelled paragraph: its text without the marks, and the marked names; {@code heldOut}: labelled
	 * after the finder's rules were tuned, never used to tune them.
	 */
	record Paragraph(String key, String title, String source, boolean heldOut, String text, List<Marked> names) {
	}

	/** A name a document's proposals give: an entity of the graph ({@code id}) or a new name. */
	record Proposed(String kind, String id, String name, String label) {
	}

	/** What one paragraph gave: each marked name found or not, each proposal right or wrong. */
	record Outcome(Paragraph paragraph, Map<Marked, Boolean> marked, Map<Proposed, Boolean> proposed,
			Set<Marked> knownNames) {
	}

	/** The figures over the set, per kind and in total. */
	record Score(List<Outcome> outcomes) {

		/** The figures over the held-out paragraphs only. */
		Score heldOut() {
			return new Score(this.outcomes.stream().filter(o -> o.paragraph().heldOut()).toList());
		}

		long known(String label, boolean found) {
			return count(label, true, found);
		}

		long unknown(String label, boolean found) {
			return count(label, false, found);
		}

		private long count(String label, boolean known, boolean foundOnly) {
			long n = 0;
			for (Outcome o : this.outcomes) {
				for (Map.Entry<Marked, Boolean> e : o.marked().entrySet()) {
					if ((label == null || e.getKey().label().equals(label)) && o.knownNames().contains(e.getKey()) == known
							&& (!foundOnly || e.getValue())) {
						n++;
					}
				}
			}
			return n;
		}

		long proposed(String label, boolean rightOnly) {
			return proposed(label, null, rightOnly);
		}

		/** @param kind MENTION (a name of the graph) or NEW_ENTITY (a name by pattern), or null for both */
		long proposed(String label, String kind, boolean rightOnly) {
			long n = 0;
			for (Outcome o : this.outcomes) {
				for (Map.Entry<Proposed, Boolean> e : o.proposed().entrySet()) {
					if ((label == null || label.equals(e.getKey().label()))
							&& (kind == null || kind.equals(e.getKey().kind())) && (!rightOnly || e.getValue())) {
						n++;
					}
				}
			}
			return n;
		}

		double precision() {
			return ratio(proposed(null, true), proposed(null, false));
		}

		double knownRecall() {
			return ratio(known(null, true), known(null, false));
		}

		double unknownRecall() {
			return ratio(unknown(null, true), unknown(null, false));
		}

		static double ratio(long part, long whole) {
			return (whole == 0) ? Double.NaN : (double) part / whole;
		}

	}

	@Override
	public List<MarkdownTable> run(BenchContext context) throws Exception {
		Path set = context.labelled();
		if (context.sizes().stream().allMatch(s -> s.label().equals(BenchSize.SMOKE.label()))) {
			MarkdownTable table = new MarkdownTable("Mention finding", "result");
			table.row("not run with --smoke (about 35 s; the build's MentionsPartTest measures the same set)");
			return List.of(table);
		}
		if (!Files.isRegularFile(set.resolve(PARAGRAPHS))) {
			MarkdownTable table = new MarkdownTable("Mention finding", "result");
			table.row("not measured: no " + PARAGRAPHS + " in " + set.toAbsolutePath().normalize()
					+ " (run from the repository's root, or give --labelled DIR)");
			return List.of(table);
		}
		Score score;
		long started = System.nanoTime();
		try (BenchDatabase db = context.database(null, false)) {
			score = evaluate(set, db.bean(ImportService.class), db.bean(DocumentService.class), db.bean(Graph.class));
		}
		context.log().printf("Mentions: %d labelled paragraphs ingested and compared in %.1f s%n",
				score.outcomes().size(), (System.nanoTime() - started) / 1e9);
		return List.of(table(score, set));
	}

	/**
	 * Loads the sample dataset and the set's graph into the (empty) database, ingests every paragraph as a
	 * document and compares its proposals with the marks.
	 */
	static Score evaluate(Path set, ImportService imports, DocumentService documents, Graph graph) {
		load(imports, DatasetSource.fromClasspath("sample/wenzhou"));
		load(imports, DatasetSource.fromDirectory(set.resolve(GRAPH)));
		Map<String, Set<String>> forms = new HashMap<>();
		graph.list(NAMES, Map.of(), r -> r).forEach(r -> forms.put(r.get("id").asString(), new LinkedHashSet<>(
				NameNormalizer.normalizeAll(r.get("name").asString(), r.get("aliases").asList(v -> v.asString())))));
		List<Outcome> outcomes = new ArrayList<>();
		for (Paragraph paragraph : read(set.resolve(PARAGRAPHS))) {
			Set<Marked> knownNames = new LinkedHashSet<>();
			for (Marked m : paragraph.names()) {
				if (m.id() == null) {
					continue;
				}
				Set<String> entity = forms.get(m.id());
				if (entity == null) {
					throw new IllegalArgumentException(paragraph.key() + ": " + m.surface() + " is marked as " + m.id()
							+ ", which is neither in the sample dataset nor in " + GRAPH + "/");
				}
				if (entity.contains(m.normalized())) {
					knownNames.add(m);
				}
			}
			String document = documents
				.ingest(paragraph.key() + ".txt", paragraph.text().getBytes(StandardCharsets.UTF_8), Actor.CLI)
				.id();
			List<Proposed> proposed = graph.list(PROPOSED, Map.of("document", document),
					r -> new Proposed(r.get("kind").asString(), r.get("id").asString(null), r.get("name").asString(),
							r.get("label").asString(null)));
			outcomes.add(compare(paragraph, proposed, knownNames));
		}
		return new Score(outcomes);
	}

	/**
	 * A marked name is found when a proposal names its entity or (a name the graph lacks) gives the same
	 * normalised name; a proposal is right when it names an entity marked in the paragraph or a marked name.
	 */
	static Outcome compare(Paragraph paragraph, List<Proposed> proposed, Set<Marked> knownNames) {
		Set<String> ids = new LinkedHashSet<>();
		Set<String> names = new LinkedHashSet<>();
		for (Marked m : paragraph.names()) {
			if (m.id() != null) {
				ids.add(m.id());
			}
			names.add(m.normalized());
		}
		Map<Proposed, Boolean> right = new LinkedHashMap<>();
		Set<String> foundIds = new LinkedHashSet<>();
		Set<String> foundNames = new LinkedHashSet<>();
		for (Proposed p : proposed) {
			boolean ok = (p.id() != null) ? ids.contains(p.id()) : names.contains(NameNormalizer.normalize(p.name()));
			right.put(p, ok);
			if (p.id() != null) {
				foundIds.add(p.id());
			}
			else {
				foundNames.add(NameNormalizer.normalize(p.name()));
			}
		}
		Map<Marked, Boolean> found = new LinkedHashMap<>();
		for (Marked m : paragraph.names()) {
			boolean byId = m.id() != null && foundIds.contains(m.id());
			found.put(m, byId || foundNames.contains(m.normalized()));
		}
		return new Outcome(paragraph, found, right, knownNames);
	}

	private static void load(ImportService imports, DatasetSource source) {
		ImportReport report = imports.run(source, false, ImportProgress.NONE);
		if (report.status() != ImportStatus.SUCCEEDED) {
			throw new IllegalStateException("import of " + source + " ended " + report.status() + ": "
					+ report.problems().stream().limit(5).map(p -> p.format()).toList());
		}
	}

	/**
	 * Reads the labelled paragraphs: blocks opened by {@code ## KEY TITLE}, a {@code source:} line, then the
	 * paragraph on one line with its names marked {@code [[name|K]]} or {@code [[name|K:id]]} (K: P park, E
	 * enterprise, L platform, C chain); lines starting with {@code #} alone are comments. A name marked twice
	 * in a paragraph counts once.
	 */
	static List<Paragraph> read(Path file) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<Paragraph> paragraphs = new ArrayList<>();
		Set<String> keys = new LinkedHashSet<>();
		String key = null;
		String title = null;
		String source = null;
		boolean heldOut = false;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			String where = file.getFileName() + ":" + (i + 1) + ": ";
			if (line.isEmpty() || (line.startsWith("#") && !line.startsWith("## "))) {
				continue;
			}
			if (line.startsWith("## ")) {
				String[] head = line.substring(3).strip().split("\\s+", 2);
				key = head[0];
				title = (head.length > 1) ? head[1] : "";
				source = null;
				heldOut = false;
				if (!keys.add(key)) {
					throw new IllegalArgumentException(where + "paragraph " + key + " twice");
				}
			}
			else if (line.startsWith("source:")) {
				source = line.substring("source:".length()).strip();
			}
			else if (line.startsWith("split:")) {
				String split = line.substring("split:".length()).strip();
				if (!split.equals("held-out")) {
					throw new IllegalArgumentException(where + "split is 'held-out' or absent, not '" + split + "'");
				}
				heldOut = true;
			}
			else {
				if (key == null || source == null) {
					throw new IllegalArgumentException(where + "a paragraph needs a '## KEY' line and a 'source:' line before it");
				}
				paragraphs.add(paragraph(key, title, source, heldOut, line, where));
				key = null;
			}
		}
		return paragraphs;
	}

	static Paragraph paragraph(String key, String title, String source, boolean heldOut, String marked, String where) {
		StringBuilder text = new StringBuilder();
		Map<String, Marked> names = new LinkedHashMap<>();
		Matcher m = MARK.matcher(marked);
		int last = 0;
		while (m.find()) {
			text.append(marked, last, m.start()).append(m.group(1));
			Marked name = new Marked(m.group(1), KINDS.get(m.group(2)), m.group(3));
			names.putIfAbsent(name.id() != null ? "id:" + name.id() : "name:" + name.normalized(), name);
			last = m.end();
		}
		text.append(marked.substring(last));
		if (text.indexOf("[[") >= 0 || text.indexOf("]]") >= 0) {
			throw new IllegalArgumentException(where + "a mark is not of the form [[name|K]] or [[name|K:id]] (K: P, E, L or C)");
		}
		return new Paragraph(key, title, source, heldOut, text.toString(), List.copyOf(names.values()));
	}

	static MarkdownTable table(Score score, Path set) {
		MarkdownTable table = new MarkdownTable("Mention finding on " + score.outcomes().size()
				+ " labelled paragraphs", "kind", "names in the graph", "found", "recall", "names not in the graph",
				"found by pattern", "recall", "names proposed", "right", "precision");
		for (String label : LABELS) {
			table.row(label, score.known(label, false), score.known(label, true),
					fmt(Score.ratio(score.known(label, true), score.known(label, false))), score.unknown(label, false),
					score.unknown(label, true), fmt(Score.ratio(score.unknown(label, true), score.unknown(label, false))),
					score.proposed(label, false), score.proposed(label, true),
					fmt(Score.ratio(score.proposed(label, true), score.proposed(label, false))));
		}
		table.row("**all**", score.known(null, false), score.known(null, true), "**" + fmt(score.knownRecall()) + "**",
				score.unknown(null, false), score.unknown(null, true), fmt(score.unknownRecall()),
				score.proposed(null, false), score.proposed(null, true), "**" + fmt(score.precision()) + "**");
		Score held = score.heldOut();
		table.row("held out (" + held.outcomes().size() + " paragraphs)", held.known(null, false), held.known(null, true),
				fmt(held.knownRecall()), held.unknown(null, false), held.unknown(null, true), fmt(held.unknownRecall()),
				held.proposed(null, false), held.proposed(null, true), fmt(held.precision()));
		table.note(String.format(Locale.ROOT,
				"Targets: precision ≥ %.1f (%s), recall ≥ %.1f for names already in the graph (%s). Set: %s; each "
						+ "paragraph ingested as one document; a name counts once per paragraph. Held out: paragraphs "
						+ "labelled after the finder's rules were tuned on the others, and not used to tune them.",
				TARGET_PRECISION, score.precision() >= TARGET_PRECISION ? "met" : "MISSED", TARGET_RECALL,
				score.knownRecall() >= TARGET_RECALL ? "met" : "MISSED", set.toAbsolutePath().normalize()));
		table.note(String.format(Locale.ROOT,
				"By how a name was found: names of the graph (MENTION) %d of %d right (%s), held out %d of %d; names by "
						+ "pattern (NEW_ENTITY) %d of %d right (%s), held out %d of %d.",
				score.proposed(null, "MENTION", true), score.proposed(null, "MENTION", false),
				fmt(Score.ratio(score.proposed(null, "MENTION", true), score.proposed(null, "MENTION", false))),
				held.proposed(null, "MENTION", true), held.proposed(null, "MENTION", false),
				score.proposed(null, "NEW_ENTITY", true), score.proposed(null, "NEW_ENTITY", false),
				fmt(Score.ratio(score.proposed(null, "NEW_ENTITY", true), score.proposed(null, "NEW_ENTITY", false))),
				held.proposed(null, "NEW_ENTITY", true), held.proposed(null, "NEW_ENTITY", false)));
		table.note("A name in the graph is one the graph holds as a name or alias of the marked entity (after "
				+ "normalisation); an entity the text calls otherwise counts among the names not in the graph.");
		List<String> misses = new ArrayList<>();
		List<String> wrong = new ArrayList<>();
		for (Outcome o : score.outcomes()) {
			o.marked().forEach((m, found) -> {
				if (!found) {
					misses.add(o.paragraph().key() + " " + m.surface() + " (" + m.label()
							+ (o.knownNames().contains(m) ? ", in the graph" : "") + ")");
				}
			});
			o.proposed().forEach((p, ok) -> {
				if (!ok) {
					wrong.add(o.paragraph().key() + " " + p.name() + " (" + p.kind() + " " + p.label() + ")");
				}
			});
		}
		table.note("Not found: " + (misses.isEmpty() ? "none" : String.join("; ", misses)) + ".");
		table.note("Proposed wrongly: " + (wrong.isEmpty() ? "none" : String.join("; ", wrong)) + ".");
		return table;
	}

	private static String fmt(double value) {
		return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
	}

}
