package io.chaingraph.importing.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
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

	/**
	 * A file that can be read: its header and how many rows it has; {@code values} of a row align with
	 * the header; {@code charset} is its encoding (UTF-8, or GB18030 for a CSV file that is not UTF-8);
	 * {@code table} reads the rows of sheets of another layout (null for a format v1 file).
	 */
	public record FileInfo(String fileName, FileSpec spec, List<String> header, int rows, Charset charset, Table table) {

		public FileInfo(String fileName, FileSpec spec, List<String> header, int rows, Charset charset) {
			this(fileName, spec, header, rows, charset, null);
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
				checksums.put(fileName, digestAndDecode(source.location(), fileName, entry.getValue(), false, problems,
						new Charset[] { StandardCharsets.UTF_8 }));
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
			Charset[] charset = { StandardCharsets.UTF_8 };
			String checksum = digestAndDecode(source.location(), fileName, entry.getValue(), read, problems, charset);
			checksums.put(fileName, checksum);
			if (!read || checksum == null) {
				continue;
			}
			List<String> header = new ArrayList<>();
			int[] rows = { 0 };
			boolean readable;
			try (Reader text = open(entry.getValue(), charset[0])) {
				readable = jsonl ? scanJsonLines(fileName, spec, text, problems, header, true, row -> rows[0]++)
						: scanCsv(fileName, spec, text, problems, header, true, row -> rows[0]++);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + source.location() + "/" + fileName, ex);
			}
			if (readable) {
				files.put(baseName, new FileInfo(fileName, spec, List.copyOf(header), rows[0], charset[0]));
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
				files.put(table.baseName(), new FileInfo(table.name(), spec, table.header(), rows, StandardCharsets.UTF_8, table));
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
		try (Reader text = open(source.files().get(file.fileName()), file.charset())) {
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

	/** GB18030: what a CSV saved by a spreadsheet program on a Chinese system is encoded in, when not UTF-8. */
	static final Charset GB18030 = Charset.forName("GB18030");

	/**
	 * The file's sha256, finding on the way (when {@code decode}) its encoding: strict UTF-8 (a BOM is
	 * fine), else, for a CSV file, strict GB18030 ({@code charset[0]}). A JSON Lines file must be UTF-8.
	 * Reports a file that is neither, where it is not, and returns null.
	 *
	 * <p>Not a statistical detector: valid UTF-8 is UTF-8 (GB18030 text practically never is), and a
	 * byte sequence GB18030 does not define, or a NUL byte (UTF-16), means neither. Detectors guess on
	 * short files (two-line GB18030 files were taken for KOI8-R or ISO-8859-5), and only these two
	 * encodings are accepted anyway.
	 */
	private static String digestAndDecode(String location, String fileName, DatasetSource.Content content,
			boolean decode, List<Problem> problems, Charset[] charset) {
		Decoded utf8 = decodePass(location, fileName, content, decode ? StandardCharsets.UTF_8 : null);
		if (utf8.badByte() < 0) {
			return utf8.checksum();
		}
		if (utf8.nonAscii() >= UTF8_EVIDENCE) {
			// UTF-8 until a broken byte (a damaged or cut file), not text in another encoding
			problems.add(Problem.error(fileName, (int) utf8.line(), "-", "the file is UTF-8 up to byte " + utf8.offset()
					+ ", where byte 0x" + String.format("%02X", utf8.badByte())
					+ " is not (a damaged file?); repair it or save it as UTF-8 again"));
			return null;
		}
		if (fileName.endsWith(".jsonl")) {
			problems.add(Problem.error(fileName, (int) utf8.line(), "-", "the file is not UTF-8 (invalid byte 0x"
					+ String.format("%02X", utf8.badByte()) + " at byte " + utf8.offset()
					+ "); JSON Lines must be UTF-8: save it as UTF-8, e.g. iconv -f GB18030 -t UTF-8 " + fileName + " > "
					+ fileName + ".utf8 && mv " + fileName + ".utf8 " + fileName));
			return null;
		}
		Decoded gb = decodePass(location, fileName, content, GB18030);
		if (gb.badByte() < 0) {
			charset[0] = GB18030;
			return gb.checksum();
		}
		Decoded at = gb;
		String utf16 = (at.offset() == 0 || at.badByte() == 0) ? " (UTF-16? a spreadsheet's \"Unicode text\")" : "";
		problems.add(Problem.error(fileName, (int) at.line(), "-", "文件编码无法识别 the file is neither UTF-8 nor GB18030"
				+ utf16 + ": invalid byte 0x" + String.format("%02X", at.badByte()) + " at byte " + at.offset()
				+ "; save " + fileName + " as UTF-8 (in a spreadsheet: CSV UTF-8)"));
		return null;
	}

	/**
	 * One pass over a file: its sha256 and, with a {@code charset}, a strict decode that stops at the
	 * first byte it cannot read (or a NUL, which no text file of a dataset has).
	 *
	 * @param badByte the unreadable byte, or -1 when the whole file was read
	 */
	private record Decoded(String checksum, int badByte, long offset, long line, long nonAscii) {
	}

	/**
	 * A file with this many non-ASCII characters that are valid UTF-8 before an invalid byte is a broken
	 * UTF-8 file: GB18030 text read as UTF-8 fails at once (three characters in a row that happen to be
	 * valid UTF-8 are about one in two thousand).
	 */
	private static final int UTF8_EVIDENCE = 3;

	private static Decoded decodePass(String location, String fileName, DatasetSource.Content content,
			Charset charset) {
		MessageDigest digest = sha256();
		CharsetDecoder decoder = (charset == null) ? null
				: charset.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.allocate(CHUNK);
		CharBuffer out = CharBuffer.allocate(CHUNK + 1);
		long consumed = 0;
		long newlines = 0;
		long nonAscii = 0;
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
				if (decoder == null) {
					in.clear();
					continue;
				}
				in.flip();
				int nul = indexOfNul(in.array(), in.position(), in.limit());
				int end = in.limit();
				if (nul >= 0) {
					in.limit(nul); // decode up to the NUL, to report what comes first
				}
				CoderResult result;
				do {
					int start = in.position();
					result = decoder.decode(in, out, eof || nul >= 0);
					out.flip();
					while (out.hasRemaining()) {
						if (out.get() > 0x7f) {
							nonAscii++;
						}
					}
					out.clear();
					if (result.isError()) {
						int at = in.position();
						long line = newlines + countNewlines(in.array(), start, at) + 1;
						return new Decoded(null, in.get(at) & 0xff, consumed + (at - start), line, nonAscii);
					}
					newlines += countNewlines(in.array(), start, in.position());
					consumed += in.position() - start;
				}
				while (result.isOverflow());
				if (nul >= 0) {
					in.limit(end);
					return new Decoded(null, 0, consumed, newlines + 1, nonAscii);
				}
				in.compact();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + location + "/" + fileName, ex);
		}
		return new Decoded(HexFormat.of().formatHex(digest.digest()), -1, consumed, newlines, nonAscii);
	}

	private static int indexOfNul(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] == 0) {
				return i;
			}
		}
		return -1;
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

	/**
	 * A CSV file of another layout (an enterprise sheet saved as CSV) as text: strict UTF-8 if it is
	 * UTF-8, else strict GB18030, the same rule as a format v1 file's ({@link #digestAndDecode}).
	 */
	public static Reader open(DatasetSource.Content content) throws IOException {
		return open(content, isUtf8(content) ? StandardCharsets.UTF_8 : GB18030);
	}

	private static boolean isUtf8(DatasetSource.Content content) throws IOException {
		CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (Reader text = new InputStreamReader(content.open(), strict)) {
			char[] buffer = new char[CHUNK];
			while (text.read(buffer) >= 0) {
				// decode to the end: a malformed byte anywhere throws
			}
			return true;
		}
		catch (java.nio.charset.CharacterCodingException notUtf8) {
			return false;
		}
	}

	/** The file as text (strict, in the encoding found before), a leading BOM dropped. */
	private static Reader open(DatasetSource.Content content, Charset charset) throws IOException {
		CharsetDecoder decoder = charset.newDecoder()
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
