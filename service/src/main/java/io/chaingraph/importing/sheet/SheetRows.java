package io.chaingraph.importing.sheet;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.chaingraph.dataset.Problem;
import io.chaingraph.importing.read.DatasetReader;
import io.chaingraph.importing.read.DatasetReader.RawRow;
import io.chaingraph.importing.read.Table;
import io.chaingraph.importing.sheet.EnterpriseSheets.Sheet;
import io.chaingraph.importing.sheet.Workbook.Row;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The enterprise sheets of a dataset read as one format v1 file: {@code enterprises} (a row per sheet
 * row) or {@code enterprise_nodes} (a row per segment named in a sheet row). The sheets are read
 * anew on every pass, a chunk of rows at a time resolved against the dataset and the graph
 * ({@link Resolver}); nothing but the chunk is held. A row comes with its sheet and row number.
 */
final class SheetRows implements Table {

	enum Kind {

		ENTERPRISES, SEGMENTS

	}

	/** Rows resolved per round of graph lookups. */
	static final int CHUNK = 500;

	private static final Pattern LIST_SEPARATORS = Pattern.compile("[|、;；,，\\n]");

	private static final Pattern YEAR = Pattern.compile("^\\s*((?:1[89]|20)\\d\\d)(?:\\D.*)?$", Pattern.DOTALL);

	private final Kind kind;

	private final List<Sheet> sheets;

	private final Set<String> files;

	private final Resolver resolver;

	/** What finding the sheets reported (reported by the enterprises table's check). */
	private final List<Problem> found;

	private final List<String> header;

	/**
	 * The rows the checking pass resolved, written to a temporary file that every later pass reads instead
	 * of parsing the sheets and resolving their rows again (rows stream through it: memory stays flat);
	 * deleted when this table is collected, or at exit. Null until the checking pass succeeded.
	 */
	private volatile Path spool;

	private static final Cleaner CLEANER = Cleaner.create();

	SheetRows(Kind kind, List<Sheet> sheets, Set<String> files, Resolver resolver, List<Problem> found) {
		this.kind = kind;
		this.sheets = List.copyOf(sheets);
		this.files = Set.copyOf(files);
		this.resolver = resolver;
		this.found = List.copyOf(found);
		this.header = (kind == Kind.SEGMENTS) ? List.of("enterpriseId", "nodeId", "source") : enterpriseHeader(sheets);
	}

	/** id, name, the columns any sheet has (in {@link Field} order), source. */
	private static List<String> enterpriseHeader(List<Sheet> sheets) {
		List<String> header = new ArrayList<>(List.of("id", "name"));
		for (Field field : Field.values()) {
			if (field != Field.ID && field != Field.NAME && field != Field.SEGMENT && field != Field.SOURCE
					&& sheets.stream().anyMatch(s -> s.has(field))) {
				header.add(field.column);
			}
		}
		header.add("source");
		return List.copyOf(header);
	}

	@Override
	public String name() {
		List<String> names = this.sheets.stream().map(Sheet::name).toList();
		return names.isEmpty() ? "enterprise sheets" : String.join(" + ", names);
	}

	@Override
	public String baseName() {
		return (this.kind == Kind.SEGMENTS) ? "enterprise_nodes" : "enterprises";
	}

	@Override
	public List<String> header() {
		return this.header;
	}

	@Override
	public Set<String> files() {
		return this.files;
	}

	@Override
	public int check(List<Problem> problems) {
		problems.addAll(this.found);
		if (this.kind == Kind.ENTERPRISES) {
			for (Sheet sheet : this.sheets) {
				if (!sheet.unmapped().isEmpty()) {
					problems.add(Problem.warning(sheet.name(), sheet.headerRow(), "-", "columns not read: 未导入的列 "
							+ sheet.unmapped() + " (map them in mapping.yml if they are fields)"));
				}
			}
		}
		int[] rows = { 0 };
		Path file;
		try {
			file = Files.createTempFile("chaingraph-sheet-", ".rows");
		}
		catch (IOException ex) {
			// no spool: every pass reads the sheets
			return read(problems, row -> rows[0]++) ? rows[0] : -1;
		}
		file.toFile().deleteOnExit();
		boolean readable;
		try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
			readable = read(problems, row -> {
				rows[0]++;
				writeRow(out, row);
			});
			out.writeBoolean(false); // the end
		}
		catch (IOException ex) {
			readable = read(problems, row -> { });
			deleteQuietly(file);
			return readable ? rows[0] : -1;
		}
		if (!readable) {
			deleteQuietly(file);
			return -1;
		}
		Path before = this.spool;
		this.spool = file;
		CLEANER.register(this, () -> deleteQuietly(file));
		if (before != null) {
			deleteQuietly(before);
		}
		return rows[0];
	}

	@Override
	public void rows(Consumer<RawRow> each) {
		Path file = this.spool;
		if (file == null) {
			read(null, each);
			return;
		}
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
			while (in.readBoolean()) {
				int line = in.readInt();
				String sheet = readText(in);
				String[] values = new String[in.readInt()];
				for (int i = 0; i < values.length; i++) {
					values[i] = readText(in);
				}
				each.accept(new RawRow(line, values, sheet));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the resolved rows of " + this.files, ex);
		}
	}

	private static void writeRow(DataOutputStream out, RawRow row) {
		try {
			out.writeBoolean(true);
			out.writeInt(row.line());
			writeText(out, row.file());
			out.writeInt(row.values().length);
			for (String value : row.values()) {
				writeText(out, value);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Text as length and UTF-8 bytes; -1 for null (a column the row's sheet does not have). */
	private static void writeText(DataOutputStream out, String text) throws IOException {
		if (text == null) {
			out.writeInt(-1);
			return;
		}
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	private static String readText(DataInputStream in) throws IOException {
		int length = in.readInt();
		if (length < 0) {
			return null;
		}
		byte[] bytes = new byte[length];
		in.readFully(bytes);
		return new String(bytes, StandardCharsets.UTF_8);
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ignored) {
			// a temporary file; deleteOnExit has it too
		}
	}

	/** Reads every sheet, chunk by chunk; reports row problems when {@code problems} is given. */
	private boolean read(List<Problem> problems, Consumer<RawRow> each) {
		boolean readable = true;
		for (Sheet sheet : this.sheets) {
			List<Row> chunk = new ArrayList<>(CHUNK);
			try {
				forEachRow(sheet, row -> {
					chunk.add(row);
					if (chunk.size() == CHUNK) {
						emit(sheet, chunk, problems, each);
						chunk.clear();
					}
				});
			}
			catch (Unreadable ex) {
				// found while reading the rows (the header above it was fine): a zip bomb, a damaged part
				if (problems == null) {
					throw ex;
				}
				if (this.kind == Kind.ENTERPRISES) {
					problems.add(Problem.error(sheet.name(), 0, "-", ex.getMessage()));
				}
				readable = false;
				continue;
			}
			emit(sheet, chunk, problems, each);
		}
		return readable;
	}

	/** A sheet that could not be read to its end. */
	static final class Unreadable extends RuntimeException {

		Unreadable(String message) {
			super(message);
		}

	}

	/** The sheet's rows below its header, blank rows skipped. */
	private static void forEachRow(Sheet sheet, Consumer<Row> each) {
		if (sheet.isCsv()) {
			try (Reader text = DatasetReader.open(sheet.content()); CSVParser parser = CSVParser.builder()
				.setReader(text)
				.setFormat(CSVFormat.RFC4180)
				.get()) {
				for (CSVRecord record : parser) {
					Row row = new Row((int) parser.getCurrentLineNumber(), record.toList());
					if (row.number() > sheet.headerRow() && !row.isBlank()) {
						each.accept(row);
					}
				}
			}
			catch (IOException | UncheckedIOException | IllegalStateException ex) {
				throw new Unreadable("cannot read the CSV file: " + ex.getMessage());
			}
			return;
		}
		try {
			Workbook.rows(sheet.content(), sheet.sheet(), row -> {
				if (row.number() > sheet.headerRow() && !row.isBlank()) {
					each.accept(row);
				}
				return true;
			});
		}
		catch (Workbook.Unreadable ex) {
			throw new Unreadable(ex.getMessage());
		}
	}

	private void emit(Sheet sheet, List<Row> chunk, List<Problem> problems, Consumer<RawRow> each) {
		if (chunk.isEmpty()) {
			return;
		}
		List<Resolver.Pending> pending = new ArrayList<>(chunk.size());
		for (Row row : chunk) {
			pending.add(new Resolver.Pending(cell(sheet, row, Field.ID), cell(sheet, row, Field.NAME),
					creditCode(cell(sheet, row, Field.CREDIT_CODE)), cell(sheet, row, Field.STOCK_CODE)));
		}
		this.resolver.enterprises(pending);
		for (int i = 0; i < chunk.size(); i++) {
			Row row = chunk.get(i);
			Resolver.Pending enterprise = pending.get(i);
			String source = cell(sheet, row, Field.SOURCE).isBlank() ? sheet.name() : cell(sheet, row, Field.SOURCE);
			if (problems != null && enterprise.problem != null) {
				problems.add(Problem.error(sheet.name(), row.number(), headerOf(sheet, Field.NAME), enterprise.problem));
			}
			if (this.kind == Kind.SEGMENTS) {
				if (sheet.has(Field.SEGMENT)) {
					// one link per segment, however often the cell names it (by id and by name)
					Set<String> ids = new java.util.LinkedHashSet<>();
					for (String segment : split(cell(sheet, row, Field.SEGMENT))) {
						Resolver.Resolution resolved = this.resolver.segment(segment);
						if (resolved.id() != null) {
							ids.add(resolved.id());
						}
					}
					for (String id : ids) {
						each.accept(new RawRow(row.number(), new String[] { enterprise.id, id, source }, sheet.name()));
					}
				}
				continue;
			}
			String[] values = new String[this.header.size()];
			for (int c = 0; c < values.length; c++) {
				values[c] = value(sheet, row, this.header.get(c), enterprise, source, problems);
			}
			if (problems != null && sheet.has(Field.SEGMENT)) {
				for (String segment : split(cell(sheet, row, Field.SEGMENT))) {
					String problem = this.resolver.segment(segment).problem();
					if (problem != null) {
						problems.add(Problem.error(sheet.name(), row.number(), headerOf(sheet, Field.SEGMENT), problem));
					}
				}
			}
			each.accept(new RawRow(row.number(), values, sheet.name()));
		}
	}

	/** The format v1 value of a column for a sheet row; null when the sheet has no such column. */
	private String value(Sheet sheet, Row row, String column, Resolver.Pending enterprise, String source,
			List<Problem> problems) {
		switch (column) {
			case "id":
				return enterprise.id;
			case "source":
				return source;
			default:
				break;
		}
		Field field = fieldOf(column);
		if (!sheet.has(field)) {
			return null;
		}
		String cell = cell(sheet, row, field);
		switch (field) {
			case CREDIT_CODE:
				return creditCode(cell);
			case ALIASES:
			case TAGS:
				return String.join("|", split(cell));
			case FOUNDED: {
				Matcher year = YEAR.matcher(cell);
				return year.matches() ? year.group(1) : cell;
			}
			case PARK: {
				if (cell.isBlank()) {
					return "";
				}
				Resolver.Resolution park = this.resolver.park(cell);
				if (park.problem() != null && problems != null) {
					problems.add(Problem.error(sheet.name(), row.number(), headerOf(sheet, Field.PARK), park.problem()));
				}
				return (park.id() != null) ? park.id() : "";
			}
			default:
				return cell;
		}
	}

	private static Field fieldOf(String column) {
		for (Field field : Field.values()) {
			if (field.column.equals(column)) {
				return field;
			}
		}
		throw new IllegalArgumentException(column);
	}

	private static String cell(Sheet sheet, Row row, Field field) {
		for (Map.Entry<Integer, Field> column : sheet.columns().entrySet()) {
			if (column.getValue() == field) {
				return row.cell(column.getKey()).strip();
			}
		}
		return "";
	}

	private static String headerOf(Sheet sheet, Field field) {
		for (Map.Entry<Integer, Field> column : sheet.columns().entrySet()) {
			if (column.getValue() == field) {
				return sheet.headers().get(column.getKey());
			}
		}
		return field.column;
	}

	/** Credit codes are upper case, without spaces. */
	private static String creditCode(String cell) {
		return cell.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
	}

	private static List<String> split(String cell) {
		List<String> items = new ArrayList<>();
		for (String item : LIST_SEPARATORS.split(cell)) {
			if (!item.isBlank()) {
				items.add(item.strip());
			}
		}
		return items;
	}

}
