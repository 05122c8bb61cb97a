package io.chaingraph.importing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.chaingraph.config.Graph;
import io.chaingraph.dataset.Problem;
import io.chaingraph.dataset.RecordRules;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.support.DatasetDir;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.GraphChecksum;
import io.chaingraph.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the importer's entry point ({@link ImportService#run}) in-process with at least 1,000
 * malformed datasets, each the valid {@link DatasetDir#VALID} dataset with one random mutation of a
 * random kind: broken quoting, invalid UTF-8, UTF-16 and GBK files, missing required columns, blank
 * required cells, huge cells, wrong types, out-of-range numbers, dangling references, duplicate
 * ids, PART_OF cycles, FEEDS self-loops, bad credit codes, bad enum values, broken JSON Lines,
 * empty files, binary junk, wrong delimiters, rows with more cells than the header. Every such
 * dataset must be refused (status INVALID) with at least one error in {@code file:line: column:
 * message} form naming a file of the dataset, no exception may escape, and the graph's checksum is
 * unchanged. Kinds that keep the dataset valid on purpose (a UTF-8 BOM, CRLF line ends, an unknown
 * column, reordered columns, quoted cells) are run as dry runs and must pass with no error.
 * Seeded ({@code -Dfuzz.seed=…}); a failure prints the seed, the kind and the dataset's files.
 */
class DatasetFuzzTest extends IntegrationTest {

	static final int DATASETS = Integer.getInteger("fuzz.datasets", 1_000);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern PROBLEM = Pattern.compile("^[^:\\s][^:]*:\\d+: [^:]+: .+", Pattern.DOTALL);

	private static final Pattern LEAK = Pattern.compile(
			"\\b(java|javax|jakarta|org|io|com|tools)\\.[a-z_]\\w*\\.[\\w$.]+|Exception\\b|\\bat [\\w$.]+\\(|Neo\\.\\w+Error");

	@Autowired
	Graph graph;

	@Autowired
	Driver driver;

	@Autowired
	ImportService imports;

	/** One mutation: what it does, and whether the dataset stays valid by design. */
	record Mutation(String kind, boolean staysValid, Function<Random, Map<String, byte[]>> apply) {
	}

	@Test
	void malformedDatasetsAreRefusedWithFileLineColumnMessagesAndWriteNothing() {
		new Fixtures(this.graph).wipe();
		ImportReport base = this.imports.run(source(bytes(DatasetDir.VALID)), false, ImportProgress.NONE);
		assertThat(base.problems()).filteredOn(Problem::isError).isEmpty();
		String before = GraphChecksum.ofEverything(this.driver);
		long seed = Long.getLong("fuzz.seed", System.nanoTime());
		System.out.println("DatasetFuzzTest: seed " + seed + " (rerun with -Dfuzz.seed=" + seed + "), " + DATASETS + " datasets");
		List<Mutation> mutations = mutations();
		Map<String, int[]> perKind = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		for (int i = 0; i < DATASETS; i++) {
			long datasetSeed = seed * 1_000_003L + i;
			Random random = new Random(datasetSeed);
			Mutation mutation = mutations.get(random.nextInt(mutations.size()));
			Map<String, byte[]> files = mutation.apply().apply(random);
			perKind.computeIfAbsent(mutation.kind(), k -> new int[1])[0]++;
			List<String> problems = new ArrayList<>();
			ImportReport report = null;
			try {
				report = this.imports.run(source(files), mutation.staysValid(), ImportProgress.NONE);
			}
			catch (RuntimeException ex) {
				problems.add("exception escaped: " + ex);
			}
			if (report != null) {
				List<Problem> errors = report.problems().stream().filter(Problem::isError).toList();
				if (mutation.staysValid()) {
					if (!errors.isEmpty()) {
						problems.add("a valid dataset was refused: " + errors);
					}
				}
				else {
					if (report.status() != ImportStatus.INVALID || errors.isEmpty()) {
						problems.add("not refused: status " + report.status() + ", problems " + report.problems());
					}
				}
				for (Problem problem : report.problems()) {
					String text = problem.format();
					if (!PROBLEM.matcher(text).matches() || !files.containsKey(problem.file()) || problem.line() < 0
							|| problem.column().isBlank() || problem.message().isBlank()) {
						problems.add("not in file:line: column: message form (or names no file of the dataset): " + text);
					}
					if (LEAK.matcher(problem.message()).find()) {
						problems.add("leaks internals: " + text);
					}
				}
			}
			if (!problems.isEmpty() && failures.size() < 10) {
				failures.add("dataset seed " + datasetSeed + ", kind " + mutation.kind() + ": " + problems + "\n  files: "
						+ describe(files));
			}
		}
		System.out.println("DatasetFuzzTest: datasets per kind " + Map.copyOf(perKind).entrySet().stream()
			.map(e -> e.getKey() + "=" + e.getValue()[0]).sorted().toList());
		assertThat(failures).as("seed %d", seed).isEmpty();
		assertThat(perKind.keySet()).as("every kind ran").hasSize(mutations.size());
		assertThat(GraphChecksum.ofEverything(this.driver)).as("graph checksum (seed %d)", seed).isEqualTo(before);
	}

	// ---- the mutations ------------------------------------------------------------------------------

	private static final List<String> CSV_FILES = List.copyOf(DatasetDir.VALID.keySet());

	/** Entity files and their id column; link files and their reference columns. */
	private static final Map<String, List<String>> REFERENCES = Map.of("parks.csv", List.of("parentId"), "chain_nodes.csv",
			List.of("chainId", "parentId"), "chain_links.csv", List.of("fromId", "toId"), "park_chains.csv",
			List.of("parkId", "chainId"), "enterprises.csv", List.of("parkId"), "enterprise_nodes.csv",
			List.of("enterpriseId", "nodeId"), "supplies.csv", List.of("supplierId", "customerId"), "platforms.csv",
			List.of("parkId"), "platform_links.csv", List.of("platformId", "targetId"));

	private static final Map<String, List<String>> NUMBERS = Map.of("park_chains.csv", List.of("priority"),
			"enterprises.csv", List.of("founded", "employees", "revenue"), "enterprise_nodes.csv",
			List.of("weight", "confidence"), "supplies.csv", List.of("since"), "platform_links.csv", List.of("since"));

	private static final Map<String, List<String>> ENUMS = Map.of("chain_nodes.csv", List.of("stage"), "platforms.csv",
			List.of("kind", "level"), "platform_links.csv", List.of("kind"));

	private static final List<String> ENTITY_FILES = List.of("parks.csv", "chains.csv", "chain_nodes.csv",
			"enterprises.csv", "platforms.csv");

	private static List<Mutation> mutations() {
		List<Mutation> m = new ArrayList<>();
		m.add(new Mutation("unterminated quote", false, r -> {
			Table t = Table.pick(r);
			t.set(r, t.randomRow(r), t.randomColumn(r), "\"" + t.get(1, 0) + " no closing quote");
			return t.rawCells();
		}));
		m.add(new Mutation("neither UTF-8 nor GB18030", false, r -> {
			String file = pick(r, CSV_FILES);
			Map<String, byte[]> files = bytes(DatasetDir.VALID);
			byte[] content = files.get(file);
			int at = content.length / 2 + r.nextInt(content.length / 2);
			// bytes that neither encoding defines (E2 82 alone was invalid UTF-8 but is a GB18030 character)
			byte[] junk = pick(r, List.of(new byte[] { (byte) 0xC3, 0x28 }, new byte[] { (byte) 0xFF },
					new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, new byte[] { (byte) 0x81, 0x20 }));
			files.put(file, splice(content, at, junk));
			return files;
		}));
		m.add(new Mutation("other encoding", false, r -> {
			String file = pick(r, List.of("parks.csv", "chains.csv", "chain_nodes.csv", "enterprises.csv", "platforms.csv"));
			Map<String, byte[]> files = bytes(DatasetDir.VALID);
			// (GBK and GB18030 are read; Big5 bytes are GB18030 characters too: not told apart)
			Charset charset = Charset.forName(pick(r, List.of("UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32")));
			files.put(file, DatasetDir.VALID.get(file).getBytes(charset));
			return files;
		}));
		m.add(new Mutation("missing required column", false, r -> {
			Table t = Table.pick(r);
			t.dropColumn(pick(r, t.required()));
			return t.bytes();
		}));
		m.add(new Mutation("blank required cell", false, r -> {
			Table t = Table.pick(r);
			t.set(r, t.randomRow(r), pick(r, t.required()), pick(r, List.of("", " ", "\t")));
			return t.bytes();
		}));
		m.add(new Mutation("huge cell", false, r -> {
			Table t = Table.pick(ENTITY_FILES, r);
			String column = pick(r, List.of("name", "aliases", "description"));
			t.set(r, t.randomRow(r), column, pick(r, List.of("A", "基因", "x y ")).repeat(50_000 + r.nextInt(50_000)));
			return t.bytes();
		}));
		m.add(new Mutation("wrong type", false, r -> {
			Table t = Table.pick(List.copyOf(NUMBERS.keySet()), r);
			t.set(r, t.randomRow(r), pick(r, NUMBERS.get(t.file)), pick(r, List.of("many", "1,5", "12abc", "NaN",
					"Infinity", "0x10", "1e400", "--1", "true", "一百", "1.2.3")));
			return t.bytes();
		}));
		m.add(new Mutation("out of range", false, r -> {
			Table t = Table.pick(List.of("enterprise_nodes.csv", "enterprises.csv", "park_chains.csv"), r);
			String column = pick(r, NUMBERS.get(t.file));
			String value = switch (column) {
				case "weight", "confidence" -> pick(r, List.of("1.0001", "-0.1", "2", "100"));
				case "revenue" -> pick(r, List.of("1e309", "-1e309"));
				default -> pick(r, List.of("99999999999999999999", "1.5", "-9223372036854775809"));
			};
			t.set(r, t.randomRow(r), column, value);
			return t.bytes();
		}));
		m.add(new Mutation("dangling reference", false, r -> {
			Table t = Table.pick(List.copyOf(REFERENCES.keySet()), r);
			t.set(r, t.randomRow(r), pick(r, REFERENCES.get(t.file)), "nobody-" + r.nextInt(1000));
			return t.bytes();
		}));
		m.add(new Mutation("reference of the wrong kind", false, r -> {
			Table t = Table.of("enterprise_nodes.csv");
			t.set(r, t.randomRow(r), "nodeId", pick(r, List.of("t-park", "t-e2", "t-chain", "t-p1")));
			return t.bytes();
		}));
		m.add(new Mutation("duplicate id", false, r -> {
			Table t = Table.pick(ENTITY_FILES, r);
			t.duplicateRow(t.randomRow(r));
			return t.bytes();
		}));
		m.add(new Mutation("id under two labels", false, r -> {
			Table t = Table.pick(ENTITY_FILES, r);
			String other = Map.of("parks.csv", "t-e1", "chains.csv", "t-park", "chain_nodes.csv", "t-chain",
					"enterprises.csv", "t-p1", "platforms.csv", "t-n1").get(t.file);
			t.set(r, t.randomRow(r), "id", other);
			return t.bytes();
		}));
		m.add(new Mutation("cycle or self-loop", false, r -> {
			return switch (r.nextInt(3)) {
				case 0 -> { // t-park part of its own sub-park
					Table t = Table.of("parks.csv");
					t.set(r, 1, "parentId", "t-sub");
					yield t.bytes();
				}
				case 1 -> { // a segment feeds itself
					Table t = Table.of("chain_links.csv");
					String node = pick(r, List.of("t-n1", "t-n2", "t-n3"));
					int row = t.randomRow(r);
					t.set(r, row, "fromId", node);
					t.set(r, row, "toId", node);
					yield t.bytes();
				}
				default -> {
					Table t = Table.of("chain_nodes.csv");
					t.set(r, t.rowOf("id", "t-n2"), "parentId", "t-n2a");
					yield t.bytes();
				}
			};
		}));
		m.add(new Mutation("bad credit code", false, r -> {
			Table t = Table.of("enterprises.csv");
			String code = pick(r, List.of("91330300MA2CQKXN3A", "91330300MA2CQKXN3", "91330300MA2CQKXN3RR", "ABCDEFGHIJKLMNOPQR",
					"913303OOMA2CQKXN3R", "９１３３０３００ＭＡ２ＣＱＫＸＮ３Ｒ", "91330300ma2cqkxn3r!"));
			t.set(r, t.randomRow(r), "creditCode", code);
			return t.bytes();
		}));
		m.add(new Mutation("bad enum", false, r -> {
			Table t = Table.pick(List.copyOf(ENUMS.keySet()), r);
			t.set(r, t.randomRow(r), pick(r, ENUMS.get(t.file)), pick(r, List.of("SIDEWAYS", "UP STREAM", "1", "null", "ÜBER")));
			return t.bytes();
		}));
		m.add(new Mutation("bad JSON Lines", false, r -> {
			String file = pick(r, CSV_FILES);
			Table t = Table.of(file);
			Map<String, byte[]> files = bytes(DatasetDir.VALID);
			files.remove(file);
			List<String> lines = t.jsonLines();
			int at = r.nextInt(lines.size());
			String line = lines.get(at);
			lines.set(at, switch (r.nextInt(6)) {
				case 0 -> line.substring(0, line.length() / 2);
				case 1 -> "[" + line + "]";
				case 2 -> "42";
				case 3 -> line + " trailing";
				case 4 -> line.replaceFirst("\"([a-zA-Z]+)\":\"[^\"]*\"", "\"$1\":{\"nested\":true}");
				default -> "{\"" + t.header.get(0) + "\": [[1,2],[3]]}";
			});
			files.put(file.replace(".csv", ".jsonl"), String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
			return files;
		}));
		m.add(new Mutation("empty file", false, r -> {
			Map<String, byte[]> files = bytes(DatasetDir.VALID);
			files.put(pick(r, CSV_FILES).replace(".csv", pick(r, List.of(".csv", ".jsonl"))), new byte[0]);
			return files;
		}));
		m.add(new Mutation("binary junk", false, r -> {
			Map<String, byte[]> files = bytes(DatasetDir.VALID);
			byte[] junk = new byte[1 + r.nextInt(4096)];
			r.nextBytes(junk);
			files.put(pick(r, CSV_FILES), junk);
			return files;
		}));
		m.add(new Mutation("wrong delimiter", false, r -> {
			Map<String, byte[]> files = bytes(DatasetDir.VALID);
			String file = pick(r, CSV_FILES);
			files.put(file, DatasetDir.VALID.get(file).replace(',', pick(r, List.of(';', '\t', '|'))).getBytes(StandardCharsets.UTF_8));
			return files;
		}));
		m.add(new Mutation("more cells than the header", false, r -> {
			Table t = Table.pick(r);
			t.rows.get(t.randomRow(r) - 1).add("extra");
			return t.bytes();
		}));
		// valid on purpose: dry runs that must pass
		m.add(new Mutation("GB18030", true, r -> {
			String file = pick(r, CSV_FILES);
			Map<String, byte[]> files = bytes(DatasetDir.VALID);
			files.put(file, DatasetDir.VALID.get(file).getBytes(Charset.forName(pick(r, List.of("GB18030", "GBK")))));
			return files;
		}));
		m.add(new Mutation("UTF-8 BOM", true, r -> {
			Map<String, byte[]> files = bytes(DatasetDir.VALID);
			String file = pick(r, CSV_FILES);
			files.put(file, splice(files.get(file), 0, new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }));
			return files;
		}));
		m.add(new Mutation("CRLF line ends", true, r -> {
			Map<String, byte[]> files = bytes(DatasetDir.VALID);
			String file = pick(r, CSV_FILES);
			files.put(file, DatasetDir.VALID.get(file).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
			return files;
		}));
		m.add(new Mutation("unknown column", true, r -> {
			Table t = Table.pick(r);
			t.addColumn("colour", "blue");
			return t.bytes();
		}));
		m.add(new Mutation("reordered columns, quoted cells", true, r -> {
			Table t = Table.pick(r);
			t.shuffleColumns(r);
			t.quoteAll = true;
			return t.bytes();
		}));
		return m;
	}

	/** A CSV file of the valid dataset as a header and rows, to mutate by column name. */
	static final class Table {

		final String file;

		final List<String> header;

		final List<List<String>> rows = new ArrayList<>();

		boolean quoteAll;

		private String rawOverride;

		private Table(String file) {
			this.file = file;
			List<String> lines = DatasetDir.VALID.get(file).lines().toList();
			this.header = new ArrayList<>(Arrays.asList(lines.get(0).split(",", -1)));
			for (String line : lines.subList(1, lines.size())) {
				this.rows.add(new ArrayList<>(Arrays.asList(line.split(",", -1))));
			}
		}

		static Table of(String file) {
			return new Table(file);
		}

		static Table pick(Random r) {
			return new Table(DatasetFuzzTest.pick(r, CSV_FILES));
		}

		static Table pick(List<String> files, Random r) {
			return new Table(DatasetFuzzTest.pick(r, files));
		}

		List<String> required() {
			return RecordRules.spec(this.file.replace(".csv", ""))
				.columns()
				.stream()
				.filter(c -> c.required())
				.map(c -> c.name())
				.toList();
		}

		int randomRow(Random r) {
			return 1 + r.nextInt(this.rows.size());
		}

		String randomColumn(Random r) {
			return DatasetFuzzTest.pick(r, this.header);
		}

		int rowOf(String column, String value) {
			int c = this.header.indexOf(column);
			for (int i = 0; i < this.rows.size(); i++) {
				if (this.rows.get(i).get(c).equals(value)) {
					return i + 1;
				}
			}
			throw new IllegalArgumentException(value);
		}

		List<String> column(String name) {
			int c = this.header.indexOf(name);
			return this.rows.stream().map(row -> row.get(c)).toList();
		}

		String get(int row, int column) {
			return this.rows.get(row - 1).get(column);
		}

		void set(Random r, int row, String column, String value) {
			this.rows.get(row - 1).set(this.header.indexOf(column), value);
		}

		void dropColumn(String column) {
			int c = this.header.indexOf(column);
			this.header.remove(c);
			this.rows.forEach(row -> row.remove(c));
		}

		void addColumn(String column, String value) {
			this.header.add(column);
			this.rows.forEach(row -> row.add(value));
		}

		void duplicateRow(int row) {
			this.rows.add(new ArrayList<>(this.rows.get(row - 1)));
		}

		void shuffleColumns(Random r) {
			List<Integer> order = new ArrayList<>();
			for (int i = 0; i < this.header.size(); i++) {
				order.add(i);
			}
			java.util.Collections.shuffle(order, r);
			List<String> header = order.stream().map(this.header::get).toList();
			this.header.clear();
			this.header.addAll(header);
			for (List<String> row : this.rows) {
				List<String> copy = order.stream().map(row::get).toList();
				row.clear();
				row.addAll(copy);
			}
		}

		/** The dataset with this file's cells written as they are (no quoting: broken quotes stay broken). */
		Map<String, byte[]> rawCells() {
			StringBuilder b = new StringBuilder(String.join(",", this.header)).append('\n');
			this.rows.forEach(row -> b.append(String.join(",", row)).append('\n'));
			this.rawOverride = b.toString();
			Map<String, byte[]> files = DatasetFuzzTest.bytes(DatasetDir.VALID);
			files.put(this.file, this.rawOverride.getBytes(StandardCharsets.UTF_8));
			return files;
		}

		/** The dataset with this file written as RFC 4180 CSV. */
		Map<String, byte[]> bytes() {
			StringBuilder b = new StringBuilder(String.join(",", this.header.stream().map(this::cell).toList())).append('\n');
			this.rows.forEach(row -> b.append(String.join(",", row.stream().map(this::cell).toList())).append('\n'));
			Map<String, byte[]> files = DatasetFuzzTest.bytes(DatasetDir.VALID);
			files.put(this.file, b.toString().getBytes(StandardCharsets.UTF_8));
			return files;
		}

		private String cell(String value) {
			boolean quote = this.quoteAll || value.contains(",") || value.contains("\"") || value.contains("\n");
			return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
		}

		/** The rows as JSON Lines objects (lists as |-joined strings, empty cells left out). */
		List<String> jsonLines() {
			List<String> lines = new ArrayList<>();
			for (List<String> row : this.rows) {
				Map<String, String> object = new LinkedHashMap<>();
				for (int c = 0; c < this.header.size(); c++) {
					if (!row.get(c).isEmpty()) {
						object.put(this.header.get(c), row.get(c));
					}
				}
				lines.add(JSON.writeValueAsString(object));
			}
			return lines;
		}

	}

	// ---- helpers ------------------------------------------------------------------------------------

	static <T> T pick(Random random, List<T> list) {
		return list.get(random.nextInt(list.size()));
	}

	static Map<String, byte[]> bytes(Map<String, String> files) {
		Map<String, byte[]> out = new TreeMap<>();
		files.forEach((name, content) -> out.put(name, content.getBytes(StandardCharsets.UTF_8)));
		return out;
	}

	private static byte[] splice(byte[] content, int at, byte[] insert) {
		byte[] out = new byte[content.length + insert.length];
		System.arraycopy(content, 0, out, 0, at);
		System.arraycopy(insert, 0, out, at, insert.length);
		System.arraycopy(content, at, out, at + insert.length, content.length - at);
		return out;
	}

	private static DatasetSource source(Map<String, byte[]> files) {
		return DatasetSource.ofBytes("fuzz", "fuzz-dataset", files);
	}

	private static String describe(Map<String, byte[]> files) {
		StringBuilder b = new StringBuilder();
		files.forEach((name, content) -> {
			String text = new String(content, StandardCharsets.UTF_8);
			b.append("\n    ").append(name).append(" (").append(content.length).append(" bytes): ")
				.append(text.length() > 400 ? text.substring(0, 400) + "…" : text);
		});
		return b.toString();
	}

}
