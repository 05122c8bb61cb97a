package io.chaingraph.importing.sheet;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.chaingraph.config.Graph;
import io.chaingraph.dataset.DatasetFormat;
import io.chaingraph.dataset.Problem;
import io.chaingraph.importing.read.DatasetReader;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.importing.read.Table;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Finds the enterprise sheets of a dataset (each sheet of its .xlsx workbooks, and CSV files that
 * are not format v1 files) by their header row, and attaches them to the source as format v1
 * {@code enterprises} rows (and {@code enterprise_nodes} rows for a segment column), read through
 * {@link SheetRows}: the validator and the loader then treat them as they treat enterprises.csv
 * (docs/importing.md, "Enterprise sheets").
 */
public final class EnterpriseSheets {

	/** Rows before the header that may be blank (a title row, notes). */
	static final int HEADER_SEARCH_ROWS = 20;

	private EnterpriseSheets() {
	}

	/** One sheet to read: its workbook (or CSV) file, name, and which column holds which field. */
	record Sheet(String file, String sheet, String name, DatasetSource.Content content, int headerRow,
			Map<Integer, Field> columns, Map<Integer, String> headers, List<String> unmapped) {

		boolean isCsv() {
			return this.sheet == null;
		}

		boolean has(Field field) {
			return this.columns.containsValue(field);
		}

	}

	/** The source with its enterprise sheets attached, resolved against the dataset and the graph. */
	public static DatasetSource attach(DatasetSource source, Graph graph) {
		return attach(source, new SheetLookups(graph));
	}

	static DatasetSource attach(DatasetSource source, SheetLookups lookups) {
		boolean any = source.files().keySet().stream().anyMatch(f -> f.endsWith(".xlsx") || isOtherCsv(f));
		if (!any) {
			return source;
		}
		List<Problem> problems = new ArrayList<>();
		SheetMapping mapping = SheetMapping.read(source, problems);
		List<Sheet> sheets = new ArrayList<>();
		Set<String> files = new LinkedHashSet<>();
		for (Map.Entry<String, DatasetSource.Content> entry : source.files().entrySet()) {
			String file = entry.getKey();
			if (file.endsWith(".xlsx")) {
				files.add(file);
				workbook(file, entry.getValue(), mapping, sheets, problems);
			}
			else if (isOtherCsv(file)) {
				Sheet sheet = csv(file, entry.getValue(), mapping, problems);
				if (sheet != null) {
					files.add(file);
					sheets.add(sheet);
				}
			}
		}
		if (files.isEmpty()) {
			return source;
		}
		if (source.files().containsKey(DatasetSource.MAPPING_FILE)) {
			files.add(DatasetSource.MAPPING_FILE);
		}
		Resolver resolver = new Resolver(source, lookups);
		List<Table> tables = new ArrayList<>();
		tables.add(new SheetRows(SheetRows.Kind.ENTERPRISES, sheets, files, resolver, problems));
		if (sheets.stream().anyMatch(s -> s.has(Field.SEGMENT))) {
			tables.add(new SheetRows(SheetRows.Kind.SEGMENTS, sheets, files, resolver, List.of()));
		}
		return source.withTables(tables);
	}

	/** A CSV file that is not one of format v1's: maybe an enterprise sheet saved as CSV. */
	private static boolean isOtherCsv(String file) {
		return file.endsWith(".csv") && DatasetFormat.spec(file.substring(0, file.length() - 4)).isEmpty();
	}

	private static void workbook(String file, DatasetSource.Content content, SheetMapping mapping, List<Sheet> sheets,
			List<Problem> problems) {
		List<String> names;
		try {
			names = Workbook.sheetNames(content);
		}
		catch (Workbook.Unreadable ex) {
			problems.add(Problem.error(file, 0, "-", ex.getMessage()));
			return;
		}
		for (String name : names) {
			String display = file + ":" + name;
			if (mapping.ignores(name) || mapping.ignores(display)) {
				continue;
			}
			List<Workbook.Row> found = new ArrayList<>(1);
			int[] seen = { 0 };
			try {
				Workbook.rows(content, name, row -> {
					if (row.isBlank()) {
						return ++seen[0] < HEADER_SEARCH_ROWS;
					}
					found.add(row);
					return false;
				});
			}
			catch (Workbook.Unreadable ex) {
				problems.add(Problem.error(display, 0, "-", ex.getMessage()));
				continue;
			}
			if (found.isEmpty()) {
				continue; // an empty sheet
			}
			String key = mapping.maps(display) ? display : name;
			Sheet sheet = layout(file, name, display, content, found.get(0), key, mapping, problems);
			if (sheet != null) {
				sheets.add(sheet);
			}
		}
	}

	private static Sheet csv(String file, DatasetSource.Content content, SheetMapping mapping, List<Problem> problems) {
		if (mapping.ignores(file)) {
			return null;
		}
		Workbook.Row header = null;
		try (Reader text = DatasetReader.open(content); CSVParser parser = CSVParser.builder().setReader(text)
			.setFormat(CSVFormat.RFC4180).get()) {
			for (CSVRecord record : parser) {
				List<String> cells = record.toList();
				Workbook.Row row = new Workbook.Row((int) parser.getCurrentLineNumber(), cells);
				if (!row.isBlank()) {
					header = row;
					break;
				}
			}
		}
		catch (CharacterCodingException ex) {
			problems.add(notUtf8(file));
			return null;
		}
		catch (UncheckedIOException ex) {
			if (ex.getCause() instanceof CharacterCodingException) {
				problems.add(notUtf8(file));
			}
			return null;
		}
		catch (IOException | IllegalStateException ex) {
			return null; // not readable as CSV: the reader reports it as a file it does not know
		}
		if (header == null) {
			return null;
		}
		boolean named = header.cells().stream().anyMatch(h -> Field.of(h).orElse(null) == Field.NAME);
		if (!named && !mapping.maps(file)) {
			return null; // not an enterprise sheet: the reader warns that it is not a format v1 file
		}
		return layout(file, null, file, content, header, file, mapping, problems);
	}

	static Problem notUtf8(String file) {
		return Problem.error(file, 0, "-", "the file is not UTF-8; save it as UTF-8 (CSV UTF-8 in Excel)");
	}

	/** Which column is which field; null (with an error) when the header is not an enterprise sheet's. */
	private static Sheet layout(String file, String sheetName, String display, DatasetSource.Content content,
			Workbook.Row header, String mappingKey, SheetMapping mapping, List<Problem> problems) {
		Map<Integer, Field> columns = new TreeMap<>();
		Map<Integer, String> headers = new TreeMap<>();
		List<String> unmapped = new ArrayList<>();
		for (int c = 0; c < header.cells().size(); c++) {
			String text = header.cell(c).strip();
			if (text.isEmpty()) {
				continue;
			}
			headers.put(c, text);
			var mapped = mapping.field(mappingKey, text);
			Field field = mapped.isPresent() ? mapped.get().orElse(null) : Field.of(text).orElse(null);
			if (mapped.isPresent() && field == null) {
				continue; // mapped to ignore
			}
			if (field == null) {
				unmapped.add(text);
			}
			else if (columns.containsValue(field)) {
				problems.add(Problem.error(display, header.number(), text, "a second column for "
						+ field.column + " (" + field.header() + "); keep one, or map one to ignore in mapping.yml"));
				return null;
			}
			else {
				columns.put(c, field);
			}
		}
		if (!columns.containsValue(Field.NAME)) {
			problems.add(Problem.error(display, header.number(), "-", "no recognisable enterprise header: 未识别的表头 "
					+ headers.values() + "; the header row needs a name column (企业名称/公司名称/名称/name), "
					+ "or map the columns in mapping.yml, or map the sheet to ignore"));
			return null;
		}
		return new Sheet(file, sheetName, display, content, header.number(), columns, headers, List.copyOf(unmapped));
	}

}
