package io.chaingraph.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Greps the main sources for Cypher built from strings: a Cypher text (a string or text block with
 * a Cypher keyword) that is {@code .formatted(…)}, passed to {@code String.format}, or joined with
 * {@code +} to anything but another literal. Values must travel as parameters.
 * <p>
 * The sites known are listed below with why each is safe; the test fails if one changes shape, if a
 * new site appears, or if a listed one disappears (so the list stays true). The named statements
 * under {@code cypher/queries/} are text files, not strings: the one text ever put into them is the
 * depth placeholder of the traversals ({@link NamedQueries#DEPTH}), and the second test holds that
 * to the files listed in {@link #DEPTH_PLACEHOLDERS}.
 */
class CypherStringBuildingTest {

	private static final Pattern CYPHER = Pattern
		.compile("\\b(MATCH|MERGE|CREATE|RETURN|UNWIND|DETACH DELETE|OPTIONAL MATCH|SET|REMOVE|CALL)\\b");

	/** file → number of string-built statements it may hold, and why. */
	private static final Map<String, Integer> KNOWN = Map.of(
			// Labels and relationship types of the load plan: constants of DatasetFormat, never dataset text
			// (the ninth: MISSING_ENDS, the ends a merge will lock).
			"io/chaingraph/importing/load/PlanLoader.java", 9,
			// The enterprises list, its total and its stats: where the enterprises are read from (the park's
			// walk, the name index's order, or all) is one of three fixed texts chosen by whether a park is
			// given and by the sort; the sort keys, keyset condition and ORDER BY are fixed fragments of
			// EnterpriseSort chosen by the orderBy enum, never request text; the park and the cursor's values are
			// parameters ($parkId, $after0, …).
			"io/chaingraph/enterprise/EnterpriseRepository.java", 3,
			// The benchmark's LOAD CSV reference loader: file names, column names, labels and relationship
			// types are constants of the benchmark, never request or dataset text; it serves no request.
			"io/chaingraph/bench/LoadCsvReference.java", 11);

	/**
	 * Named statements holding the depth placeholder. Path-length bounds must be literals in Cypher;
	 * {@link NamedQueries#withDepth} puts in an int it has checked to be in 1..DEPTH_CEILING, prepared
	 * once per depth when the traversal repository loads, never request text.
	 */
	private static final List<String> DEPTH_PLACEHOLDERS = List.of("downstream.cypher", "network.cypher", "upstream.cypher");

	/** A placeholder: a word in braces (Cypher's maps have a colon, its quantifiers digits). */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\s*[A-Za-z_]\\w*\\s*}");

	record Literal(int start, int end, String text) {
	}

	@Test
	void noCypherIsBuiltFromStrings() throws IOException {
		List<String> unexpected = new ArrayList<>();
		Map<String, Integer> found = new java.util.TreeMap<>();
		// Every module's main code: the service's and the tools'.
		for (Path root : List.of(Path.of("service/src/main/java"), Path.of("tools/src/main/java"))) {
			try (Stream<Path> files = Files.walk(root)) {
				for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
					String source = Files.readString(file);
					String name = root.relativize(file).toString().replace('\\', '/');
					for (String site : violations(source)) {
						found.merge(name, 1, Integer::sum);
						if (!KNOWN.containsKey(name)) {
							unexpected.add(name + ": " + site);
						}
					}
				}
			}
		}
		assertThat(unexpected).as("Cypher built from strings; pass values as parameters").isEmpty();
		assertThat(found).as("known sites (update KNOWN only with a reason)").isEqualTo(new java.util.TreeMap<>(KNOWN));
	}

	@Test
	void namedQueriesHoldNoPlaceholderButTheDepth() throws IOException {
		List<String> withDepth = new ArrayList<>();
		List<String> unexpected = new ArrayList<>();
		try (Stream<Path> files = Files.list(Path.of(NamedQueries.LOCATION))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".cypher")).sorted().toList()) {
				Matcher placeholder = PLACEHOLDER.matcher(Files.readString(file));
				boolean depth = false;
				while (placeholder.find()) {
					if (placeholder.group().equals(NamedQueries.DEPTH)) {
						depth = true;
					}
					else {
						unexpected.add(file.getFileName() + ": " + placeholder.group());
					}
				}
				if (depth) {
					withDepth.add(file.getFileName().toString());
				}
			}
		}
		assertThat(unexpected).as("text put into a named statement; pass values as parameters").isEmpty();
		assertThat(withDepth).as("statements with a depth placeholder (update DEPTH_PLACEHOLDERS only with a reason)")
			.isEqualTo(DEPTH_PLACEHOLDERS);
		String upstream = NamedQueries.withDepth(NamedQueries.load("upstream.cypher"), 3);
		assertThat(upstream).doesNotContain(NamedQueries.DEPTH).contains("{1,3}");
		assertThat(PLACEHOLDER.matcher(upstream).find()).isFalse();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> NamedQueries.withDepth(NamedQueries.load("upstream.cypher"), Limits.DEPTH_CEILING + 1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> NamedQueries.withDepth(NamedQueries.load("upstream.cypher"), 0));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> NamedQueries.withDepth(NamedQueries.load("search.cypher"), 3));
	}

	@Test
	void theGrepCatchesEachShape() {
		assertThat(violations("String q = \"MATCH (n {id: '\" + id + \"'}) RETURN n\";")).isNotEmpty();
		assertThat(violations("String q = \"\"\"\n  MATCH (n:%s) RETURN n\"\"\".formatted(label);")).hasSize(1);
		assertThat(violations("String q = String.format(\"MATCH (n:%s) RETURN n\", label);")).hasSize(1);
		assertThat(violations("String q = prefix + \"RETURN n\";")).hasSize(1);
		assertThat(violations("static final String Q = \"\"\"\n  MATCH (n:%s) RETURN n\"\"\";\n String q = Q.formatted(label);"))
			.hasSize(1);
		assertThat(violations("String q = \"CREATE INDEX x \" + \"FOR (n:A) ON (n.b)\";")).isEmpty();
		assertThat(violations("static final String F = \"MATCH (e) \";\n x(F + \"RETURN e\");")).isEmpty();
		assertThat(violations("graph.list(\"MATCH (n {id: $id}) RETURN n\", Map.of(\"id\", id));")).isEmpty();
		assertThat(violations("log.info(\"Loaded \" + count + \" rows\");")).isEmpty();
	}

	static List<String> violations(String source) {
		List<Literal> literals = literals(source);
		List<String> violations = new ArrayList<>();
		// constants holding Cypher (static final String X = "…"): joining two of them is still a constant
		Matcher constant = Pattern.compile("static final String (\\w+)\\s*=\\s*\"").matcher(source);
		java.util.Set<String> cypherConstants = new java.util.HashSet<>();
		while (constant.find()) {
			Literal literal = literals.stream().filter(l -> l.start() == constant.end() - 1).findFirst().orElse(null);
			if (literal != null && CYPHER.matcher(literal.text()).find()) {
				cypherConstants.add(constant.group(1));
			}
		}
		for (int i = 0; i < literals.size(); i++) {
			Literal literal = literals.get(i);
			if (!CYPHER.matcher(literal.text()).find()) {
				continue;
			}
			String after = source.substring(literal.end()).stripLeading();
			String before = source.substring(0, literal.start()).stripTrailing();
			boolean formatted = after.startsWith(".formatted(");
			boolean format = Pattern.compile("String\\s*\\.\\s*format\\s*\\(\\s*(Locale\\.\\w+\\s*,\\s*)?$").matcher(before).find();
			String next = after.startsWith("+") ? after.substring(1).stripLeading() : "";
			String previous = before.endsWith("+") ? before.substring(0, before.length() - 1).stripTrailing() : "";
			boolean joinedAfter = after.startsWith("+") && !next.startsWith("\"")
					&& !cypherConstants.contains(next.split("\\W", 2)[0]);
			boolean joinedBefore = before.endsWith("+") && !previous.endsWith("\"")
					&& !cypherConstants.contains(previous.replaceAll("(?s)^.*?(\\w+)$", "$1"));
			if (formatted || format || joinedAfter || joinedBefore) {
				violations.add(literal.text().strip().lines().findFirst().orElse(""));
			}
		}
		// a constant holding Cypher, formatted where it is used
		Matcher use = Pattern.compile("\\b(\\w+)\\s*\\.formatted\\(|String\\.format\\(\\s*(\\w+)\\s*[,)]").matcher(source);
		while (use.find()) {
			String name = (use.group(1) != null) ? use.group(1) : use.group(2);
			if (cypherConstants.contains(name) && !insideLiteral(literals, use.start())) {
				violations.add(name + ".formatted(…)");
			}
		}
		return violations;
	}

	private static boolean insideLiteral(List<Literal> literals, int position) {
		return literals.stream().anyMatch(l -> position >= l.start() && position < l.end());
	}

	/** String literals and text blocks with their positions (comments skipped). */
	static List<Literal> literals(String source) {
		List<Literal> literals = new ArrayList<>();
		int i = 0;
		while (i < source.length()) {
			char c = source.charAt(i);
			if (source.startsWith("//", i)) {
				i = source.indexOf('\n', i) < 0 ? source.length() : source.indexOf('\n', i);
			}
			else if (source.startsWith("/*", i)) {
				int end = source.indexOf("*/", i + 2);
				i = (end < 0) ? source.length() : end + 2;
			}
			else if (source.startsWith("\"\"\"", i)) {
				int end = source.indexOf("\"\"\"", i + 3);
				while (end > 0 && source.charAt(end - 1) == '\\') {
					end = source.indexOf("\"\"\"", end + 1);
				}
				end = (end < 0) ? source.length() : end + 3;
				literals.add(new Literal(i, end, source.substring(i + 3, Math.max(i + 3, end - 3))));
				i = end;
			}
			else if (c == '"') {
				int j = i + 1;
				while (j < source.length() && source.charAt(j) != '"') {
					j += (source.charAt(j) == '\\') ? 2 : 1;
				}
				literals.add(new Literal(i, Math.min(source.length(), j + 1), source.substring(i + 1, Math.min(source.length(), j))));
				i = j + 1;
			}
			else if (c == '\'') {
				int j = i + 1;
				while (j < source.length() && source.charAt(j) != '\'') {
					j += (source.charAt(j) == '\\') ? 2 : 1;
				}
				i = j + 1;
			}
			else {
				i++;
			}
		}
		return literals;
	}

}
