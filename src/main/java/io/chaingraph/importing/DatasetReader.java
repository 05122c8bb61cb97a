package io.chaingraph.importing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.chaingraph.importing.DatasetFormat.FileSpec;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the raw files of a dataset into header + rows of strings, CSV and JSON Lines alike,
 * reporting encoding and syntax problems with their line numbers. Typing and cross-checks are the
 * validator's job.
 */
final class DatasetReader {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** One file's header and rows; {@code values} of a row are aligned with {@code header}. */
	record RawFile(String fileName, FileSpec spec, List<String> header, List<RawRow> rows) {

		int index(String column) {
			return this.header.indexOf(column);
		}

	}

	record RawRow(int line, String[] values) {
	}

	record Result(Map<String, RawFile> files, List<Problem> problems) {
	}

	private DatasetReader() {
	}

	static Result read(DatasetSource source) {
		List<Problem> problems = new ArrayList<>();
		Map<String, RawFile> files = new LinkedHashMap<>();
		Map<String, String> seenBase = new LinkedHashMap<>();
		for (Map.Entry<String, byte[]> entry : source.files().entrySet()) {
			String fileName = entry.getKey();
			boolean jsonl = fileName.endsWith(".jsonl");
			String baseName = fileName.substring(0, fileName.lastIndexOf('.'));
			FileSpec spec = DatasetFormat.spec(baseName).orElse(null);
			if (spec == null) {
				problems.add(Problem.warning(fileName, 0, "-", "not a file of dataset format v1, ignored (expected one of "
						+ DatasetFormat.FILES.stream().map(FileSpec::baseName).toList() + " as .csv or .jsonl)"));
				continue;
			}
			if (seenBase.containsKey(baseName)) {
				problems.add(Problem.error(fileName, 0, "-", "the dataset has both " + seenBase.get(baseName) + " and "
						+ fileName + "; keep one of them"));
				continue;
			}
			seenBase.put(baseName, fileName);
			String text = decode(fileName, entry.getValue(), problems);
			if (text == null) {
				continue;
			}
			RawFile file = jsonl ? readJsonLines(fileName, spec, text, problems) : readCsv(fileName, spec, text, problems);
			if (file != null) {
				files.put(baseName, file);
			}
		}
		return new Result(files, problems);
	}

	/** Strict UTF-8; a BOM is accepted and dropped. */
	private static String decode(String fileName, byte[] bytes, List<Problem> problems) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			String text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (MalformedInputException ex) {
			int offset = firstMalformedOffset(bytes);
			int line = 1;
			for (int i = 0; i < offset && i < bytes.length; i++) {
				if (bytes[i] == '\n') {
					line++;
				}
			}
			problems.add(Problem.error(fileName, line, "-", "the file is not UTF-8 (invalid byte 0x"
					+ String.format("%02X", bytes[Math.min(offset, bytes.length - 1)] & 0xff)
					+ " at byte " + offset + "); save it as UTF-8, e.g. iconv -f GB18030 -t UTF-8 " + fileName
					+ " > " + fileName + ".utf8 && mv " + fileName + ".utf8 " + fileName));
			return null;
		}
		catch (CharacterCodingException ex) {
			problems.add(Problem.error(fileName, 1, "-", "the file is not UTF-8: " + ex.getMessage()));
			return null;
		}
	}

	private static int firstMalformedOffset(byte[] bytes) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
		decoder.decode(in, out, true);
		return in.position();
	}

	private static RawFile readCsv(String fileName, FileSpec spec, String text, List<Problem> problems) {
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true)
			.setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL).setTrim(false).get();
		int[] lineStarts = lineStarts(text);
		List<RawRow> rows = new ArrayList<>();
		List<String> header;
		try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
			header = parser.getHeaderNames().stream().map(String::strip).toList();
			if (!checkHeader(fileName, spec, header, problems)) {
				return null;
			}
			for (CSVRecord record : parser) {
				int line = lineOf(lineStarts, record.getCharacterPosition());
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
				rows.add(new RawRow(line, values));
			}
		}
		catch (UncheckedIOException | IllegalStateException | IllegalArgumentException ex) {
			String message = (ex.getCause() != null) ? ex.getCause().getMessage() : ex.getMessage();
			problems.add(Problem.error(fileName, lineFromMessage(message), "-", "malformed CSV: " + message));
			return null;
		}
		catch (IOException ex) {
			problems.add(Problem.error(fileName, 0, "-", "malformed CSV: " + ex.getMessage()));
			return null;
		}
		return new RawFile(fileName, spec, header, rows);
	}

	private static RawFile readJsonLines(String fileName, FileSpec spec, String text, List<Problem> problems) {
		List<String> header = new ArrayList<>();
		List<Map<String, String>> records = new ArrayList<>();
		List<Integer> lines = new ArrayList<>();
		String[] physical = text.split("\n", -1);
		for (int i = 0; i < physical.length; i++) {
			String line = physical[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			JsonNode node;
			try {
				node = JSON.readTree(line);
			}
			catch (JacksonException ex) {
				problems.add(Problem.error(fileName, i + 1, "-", "malformed JSON: " + ex.getOriginalMessage()));
				continue;
			}
			if (node == null || !node.isObject()) {
				problems.add(Problem.error(fileName, i + 1, "-", "each line must be one JSON object"));
				continue;
			}
			Map<String, String> values = new LinkedHashMap<>();
			boolean valid = true;
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				if (!header.contains(field.getKey())) {
					header.add(field.getKey());
				}
				String problem = notAValue(field.getValue());
				if (problem != null) {
					// was: an object's JSON text became the value (an id '{"nested":true}'), a nested array threw an
					// exception out of the importer; found by DatasetFuzzTest
					problems.add(Problem.error(fileName, i + 1, field.getKey(), problem));
					valid = false;
					continue;
				}
				values.put(field.getKey(), text(field.getValue()));
			}
			if (valid) {
				records.add(values);
				lines.add(i + 1);
			}
		}
		if (!checkHeader(fileName, spec, header, problems)) {
			return null;
		}
		List<RawRow> rows = new ArrayList<>();
		for (int r = 0; r < records.size(); r++) {
			String[] values = new String[header.size()];
			for (int c = 0; c < values.length; c++) {
				values[c] = records.get(r).getOrDefault(header.get(c), "");
			}
			rows.add(new RawRow(lines.get(r), values));
		}
		return new RawFile(fileName, spec, header, rows);
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

	private static int[] lineStarts(String text) {
		List<Integer> starts = new ArrayList<>();
		starts.add(0);
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				starts.add(i + 1);
			}
		}
		return starts.stream().mapToInt(Integer::intValue).toArray();
	}

	private static int lineOf(int[] lineStarts, long position) {
		int index = java.util.Arrays.binarySearch(lineStarts, (int) position);
		return (index >= 0 ? index : -index - 2) + 1;
	}

	private static int lineFromMessage(String message) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("line (\\d+)").matcher(String.valueOf(message));
		return m.find() ? Integer.parseInt(m.group(1)) : 0;
	}

}
