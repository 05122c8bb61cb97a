package io.chaingraph.importing.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import io.chaingraph.dataset.DatasetFormat;
import io.chaingraph.dataset.DatasetFormat.FileSpec;
import io.chaingraph.dataset.Problem;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the files of a dataset as header + rows of strings, CSV and JSON Lines alike, streaming:
 * {@link #check} reads every file once for its checksum and encoding and once more for its syntax,
 * reporting problems with their line numbers and keeping no rows; {@link #rows} reads a file that
 * passed again, one row at a time. Typing and cross-checks are the validator's job.
 */
public final class DatasetReader {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int CHUNK = 64 * 1024;

	/** A file that can be read: its header and how many rows it has; {@code values} of a row align with the header. */
	public record FileInfo(String fileName, FileSpec spec, List<String> header, int rows, Table table) {

		public FileInfo(String fileName, FileSpec spec, List<String> header, int rows) {
			this(fileName, spec, header, rows, null);
		}

		public int index(String column) {
			return this.header.indexOf(column);
		}

		public String baseName() {
			return this.spec.baseName();
		}

	}

	/** @param file where the row comes from when that is not the file it is read as (a sheet of a {@link Table}), else null */
	public record RawRow(int line, String[] values, String file) {

		public RawRow(int line, String[] values) {
			this(line, values, null);
		}

		/** The file the row comes from: its own, or {@code fileName} (the file it is read as). */
		public String fileOr(String fileName) {
			return (this.file != null) ? this.file : fileName;
		}

	}

	/**
	 * @param files base name → the readable file, in file-name order
	 * @param checksums file name → sha256 of every file of the source (null when one is not UTF-8)
	 */
	public record Result(Map<String, FileInfo> files, List<Problem> problems, Map<String, String> checksums) {
	}

	private DatasetReader() {
	}

	/** Checksums, encoding and syntax of every file; keeps no rows. */
	public static Result check(DatasetSource source) {
		List<Problem> problems = new ProblemList();
		Map<String, FileInfo> files = new LinkedHashMap<>();
		Map<String, String> seenBase = new LinkedHashMap<>();
		Map<String, String> checksums = new TreeMap<>();
		Set<String> readByTables = new HashSet<>();
		source.tables().forEach(table -> readByTables.addAll(table.files()));
		for (Map.Entry<String, DatasetSource.Content> entry : source.files().entrySet()) {
			String fileName = entry.getKey();
			if (readByTables.contains(fileName)) {
				checksums.put(fileName, digestAndDecode(source.location(), fileName, entry.getValue(), false, problems));
				continue;
			}
			boolean jsonl = fileName.endsWith(".jsonl");
			String baseName = fileName.substring(0, fileName.lastIndexOf('.'));
			FileSpec spec = DatasetFormat.spec(baseName).orElse(null);
			boolean read = false;
			if (spec == null) {
				problems.add(Problem.warning(fileName, 0, "-", "not a file of dataset format v1, ignored (expected one of "
						+ DatasetFormat.FILES.stream().map(FileSpec::baseName).toList() + " as .csv or .jsonl)"));
			}
			else if (seenBase.containsKey(baseName)) {
				problems.add(Problem.error(fileName, 0, "-", "the dataset has both " + seenBase.get(baseName) + " and "
						+ fileName + "; keep one of them"));
			}
			else {
				seenBase.put(baseName, fileName);
				read = true;
			}
			String checksum = digestAndDecode(source.location(), fileName, entry.getValue(), read, problems);
			checksums.put(fileName, checksum);
			if (!read || checksum == null) {
				continue;
			}
			List<String> header = new ArrayList<>();
			int[] rows = { 0 };
			boolean readable;
			try (Reader text = open(entry.getValue())) {
				readable = jsonl ? scanJsonLines(fileName, spec, text, problems, header, true, row -> rows[0]++)
						: scanCsv(fileName, spec, text, problems, header, true, row -> rows[0]++);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + source.location() + "/" + fileName, ex);
			}
			if (readable) {
				files.put(baseName, new FileInfo(fileName, spec, List.copyOf(header), rows[0]));
			}
		}
		for (Table table : source.tables()) {
			FileSpec spec = DatasetFormat.spec(table.baseName()).orElseThrow();
			if (seenBase.containsKey(table.baseName())) {
				problems.add(Problem.error(seenBase.get(table.baseName()), 0, "-", "the dataset has both "
						+ seenBase.get(table.baseName()) + " and the sheet(s) " + table.name() + " giving "
						+ table.baseName() + "; keep one of them"));
				continue;
			}
			seenBase.put(table.baseName(), table.name());
			int rows = table.check(problems);
			if (rows >= 0) {
				files.put(table.baseName(), new FileInfo(table.name(), spec, table.header(), rows, table));
			}
		}
		return new Result(files, problems, checksums);
	}

	/**
	 * Reads a file that {@link #check} found readable again, handing over its well-formed rows in
	 * order (the problems of the others were reported by {@link #check}).
	 */
	public static void rows(DatasetSource source, FileInfo file, Consumer<RawRow> each) {
		if (file.table() != null) {
			file.table().rows(each);
			return;
		}
		List<Problem> reportedBefore = new ProblemList();
		try (Reader text = open(source.files().get(file.fileName()))) {
			if (file.fileName().endsWith(".jsonl")) {
				scanJsonLines(file.fileName(), file.spec(), text, reportedBefore, new ArrayList<>(file.header()), false, each);
			}
			else {
				scanCsv(file.fileName(), file.spec(), text, reportedBefore, new ArrayList<>(), false, each);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + source.location() + "/" + file.fileName(), ex);
		}
	}

	// ---- bytes: checksum and encoding

	/**
	 * The file's sha256, checking on the way (when {@code decode}) that it is strict UTF-8; reports
	 * where it is not and returns null.
	 */
	private static String digestAndDecode(String location, String fileName, DatasetSource.Content content,
			boolean decode, List<Problem> problems) {
		MessageDigest digest = sha256();
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.allocate(CHUNK);
		CharBuffer out = CharBuffer.allocate(CHUNK + 1);
		long consumed = 0;
		long newlines = 0;
		try (InputStream stream = new DigestInputStream(content.open(), digest)) {
			boolean eof = false;
			while (!eof) {
				int n = stream.read(in.array(), in.position(), in.remaining());
				if (n < 0) {
					eof = true;
				}
				else {
					in.position(in.position() + n);
				}
				if (!decode) {
					in.clear();
					continue;
				}
				in.flip();
				CoderResult result;
				do {
					int start = in.position();
					result = decoder.decode(in, out, eof);
					out.clear();
					if (result.isError()) {
						int at = in.position();
						long offset = consumed + (at - start);
						long line = newlines + countNewlines(in.array(), start, at) + 1;
						if (result.isMalformed()) {
							problems.add(Problem.error(fileName, (int) line, "-", "the file is not UTF-8 (invalid byte 0x"
									+ String.format("%02X", in.get(at) & 0xff) + " at byte " + offset
									+ "); save it as UTF-8, e.g. iconv -f GB18030 -t UTF-8 " + fileName + " > " + fileName
									+ ".utf8 && mv " + fileName + ".utf8 " + fileName));
						}
						else {
							problems.add(Problem.error(fileName, 1, "-", "the file is not UTF-8: Input length = "
									+ result.length()));
						}
						return null;
					}
					newlines += countNewlines(in.array(), start, in.position());
					consumed += in.position() - start;
				}
				while (result.isOverflow());
				in.compact();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + location + "/" + fileName, ex);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static int countNewlines(byte[] bytes, int from, int to) {
		int count = 0;
		for (int i = from; i < to; i++) {
			if (bytes[i] == '\n') {
				count++;
			}
		}
		return count;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The file as text (strict UTF-8, checked before), a leading BOM dropped. */
	public static Reader open(DatasetSource.Content content) throws IOException {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		PushbackReader text = new PushbackReader(new InputStreamReader(content.open(), decoder), 1);
		int first = text.read();
		if (first >= 0 && first != '\uFEFF') {
			text.unread(first);
		}
		return text;
	}

	// ---- CSV

	/**
	 * Reads CSV rows into {@code each}; the header goes into {@code header} (checked when
	 * {@code checkHeader}). False when the file cannot be read as CSV.
	 */
	private static boolean scanCsv(String fileName, FileSpec spec, Reader text, List<Problem> problems,
			List<String> header, boolean checkHeader, Consumer<RawRow> each) {
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true)
			.setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL).setTrim(false).get();
		LineTrackingReader lines = new LineTrackingReader(text);
		try (CSVParser parser = CSVParser.builder().setReader(lines).setFormat(format).get()) {
			header.addAll(parser.getHeaderNames().stream().map(String::strip).toList());
			if (checkHeader && !checkHeader(fileName, spec, header, problems)) {
				return false;
			}
			for (CSVRecord record : parser) {
				int line = lines.lineOf(record.getCharacterPosition());
				if (record.size() == 1 && record.get(0).isBlank()) {
					continue;
				}
				if (record.size() != header.size()) {
					problems.add(Problem.error(fileName, line, "-", "malformed CSV: " + record.size()
							+ " fields where the header has " + header.size()));
					continue;
				}
				String[] values = new String[header.size()];
				for (int i = 0; i < values.length; i++) {
					values[i] = record.get(i);
				}
				each.accept(new RawRow(line, values));
			}
		}
		catch (UncheckedIOException | IllegalStateException | IllegalArgumentException ex) {
			String message = (ex.getCause() != null) ? ex.getCause().getMessage() : ex.getMessage();
			problems.add(Problem.error(fileName, lineFromMessage(message), "-", "malformed CSV: " + message));
			return false;
		}
		catch (IOException ex) {
			problems.add(Problem.error(fileName, 0, "-", "malformed CSV: " + ex.getMessage()));
			return false;
		}
		return true;
	}

	/**
	 * Passes text through, remembering where its line feeds are until asked for the line of a
	 * position: line = 1 + the line feeds before it (the CSV parser reads ahead a buffer at most).
	 */
	private static final class LineTrackingReader extends Reader {

		private final Reader in;

		private long position;

		private long[] feeds = new long[1024];

		private int head;

		private int tail;

		private int linesBefore;

		LineTrackingReader(Reader in) {
			this.in = in;
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			for (int i = 0; i < n; i++) {
				if (buffer[offset + i] == '\n') {
					add(this.position + i);
				}
			}
			if (n > 0) {
				this.position += n;
			}
			return n;
		}

		private void add(long at) {
			if (this.tail == this.feeds.length) {
				int pending = this.tail - this.head;
				long[] target = (pending * 2 > this.feeds.length) ? new long[this.feeds.length * 2] : this.feeds;
				System.arraycopy(this.feeds, this.head, target, 0, pending);
				this.feeds = target;
				this.head = 0;
				this.tail = pending;
			}
			this.feeds[this.tail++] = at;
		}

		/** The line of a character position; positions must not go back. */
		int lineOf(long characterPosition) {
			while (this.head < this.tail && this.feeds[this.head] < characterPosition) {
				this.head++;
				this.linesBefore++;
			}
			return this.linesBefore + 1;
		}

		@Override
		public void close() throws IOException {
			this.in.close();
		}

	}

	// ---- JSON Lines

	/**
	 * Reads JSON Lines rows into {@code each}. With {@code collectHeader} every key met is added to
	 * {@code header} and the header is checked at the end (rows are then aligned with the header
	 * known so far, i.e. only useful for counting); otherwise {@code header} is the file's, found by
	 * an earlier read. False when the header is not valid.
	 */
	private static boolean scanJsonLines(String fileName, FileSpec spec, Reader text, List<Problem> problems,
			List<String> header, boolean collectHeader, Consumer<RawRow> each) throws IOException {
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			index.put(header.get(i), i);
		}
		char[] buffer = new char[CHUNK];
		StringBuilder current = new StringBuilder();
		int lineNumber = 1;
		int n;
		while ((n = text.read(buffer)) >= 0) {
			int start = 0;
			for (int i = 0; i < n; i++) {
				if (buffer[i] == '\n') {
					current.append(buffer, start, i - start);
					jsonLine(fileName, lineNumber++, current.toString(), problems, header, index, collectHeader, each);
					current.setLength(0);
					start = i + 1;
				}
			}
			current.append(buffer, start, n - start);
		}
		jsonLine(fileName, lineNumber, current.toString(), problems, header, index, collectHeader, each);
		return !collectHeader || checkHeader(fileName, spec, header, problems);
	}

	private static void jsonLine(String fileName, int lineNumber, String physical, List<Problem> problems,
			List<String> header, Map<String, Integer> index, boolean collectHeader, Consumer<RawRow> each) {
		String line = physical.strip();
		if (line.isEmpty()) {
			return;
		}
		JsonNode node;
		try {
			node = JSON.readTree(line);
		}
		catch (JacksonException ex) {
			problems.add(Problem.error(fileName, lineNumber, "-", "malformed JSON: " + ex.getOriginalMessage()));
			return;
		}
		if (node == null || !node.isObject()) {
			problems.add(Problem.error(fileName, lineNumber, "-", "each line must be one JSON object"));
			return;
		}
		Map<String, String> values = new HashMap<>();
		boolean valid = true;
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			if (collectHeader && !index.containsKey(field.getKey())) {
				index.put(field.getKey(), header.size());
				header.add(field.getKey());
			}
			String problem = notAValue(field.getValue());
			if (problem != null) {
				// was: an object's JSON text became the value (an id '{"nested":true}'), a nested array threw an
				// exception out of the importer; found by DatasetFuzzTest
				problems.add(Problem.error(fileName, lineNumber, field.getKey(), problem));
				valid = false;
				continue;
			}
			values.put(field.getKey(), text(field.getValue()));
		}
		if (valid) {
			String[] row = new String[header.size()];
			for (int c = 0; c < row.length; c++) {
				row[c] = values.getOrDefault(header.get(c), "");
			}
			each.accept(new RawRow(lineNumber, row));
		}
	}

	/** Why a JSON value cannot be a cell (an object, or a list holding objects or lists), or null. */
	private static String notAValue(JsonNode value) {
		if (value == null || value.isValueNode()) {
			return null;
		}
		if (value.isObject()) {
			return "a JSON object is not a value: use text, a number, or an array of them";
		}
		for (JsonNode item : value) {
			if (item.isContainer()) {
				return "list items must be text or numbers, not " + (item.isArray() ? "arrays" : "objects");
			}
		}
		return null;
	}

	private static String text(JsonNode value) {
		if (value == null || value.isNull()) {
			return "";
		}
		if (value.isArray()) {
			List<String> items = new ArrayList<>();
			for (JsonNode item : value) {
				items.add(item.isNull() ? "" : item.asString());
			}
			return String.join("|", items);
		}
		if (value.isIntegralNumber()) {
			return value.bigIntegerValue().toString();
		}
		if (value.isNumber()) {
			java.math.BigDecimal decimal = value.decimalValue();
			// 2010.0 in JSON is the whole number 2010
			return (decimal.stripTrailingZeros().scale() <= 0) ? decimal.toBigInteger().toString() : decimal.toPlainString();
		}
		return value.isValueNode() ? value.asString() : value.toString();
	}

	/** Required columns present, unknown ones warned about, no duplicates. */
	private static boolean checkHeader(String fileName, FileSpec spec, List<String> header, List<Problem> problems) {
		boolean ok = true;
		Set<String> seen = new HashSet<>();
		for (String column : header) {
			if (column.isEmpty()) {
				problems.add(Problem.error(fileName, 1, "-", "the header has an empty column name"));
				ok = false;
			}
			else if (!seen.add(column)) {
				problems.add(Problem.error(fileName, 1, column, "column appears twice in the header"));
				ok = false;
			}
			else if (spec.column(column).isEmpty()) {
				problems.add(Problem.warning(fileName, 1, column, "unknown column, ignored (known: "
						+ spec.columns().stream().map(DatasetFormat.Column::name).toList() + ")"));
			}
		}
		for (DatasetFormat.Column column : spec.columns()) {
			if (column.required() && !header.contains(column.name())) {
				problems.add(Problem.error(fileName, 1, column.name(), "required column is missing"));
				ok = false;
			}
		}
		return ok;
	}

	private static int lineFromMessage(String message) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("line (\\d+)").matcher(String.valueOf(message));
		return m.find() ? Integer.parseInt(m.group(1)) : 0;
	}

}
