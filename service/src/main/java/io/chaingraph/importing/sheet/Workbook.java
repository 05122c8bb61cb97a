package io.chaingraph.importing.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.chaingraph.importing.read.DatasetSource;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads an .xlsx workbook streaming: the package is opened from its file (read-only, entries
 * inflated under POI's zip-bomb limits), shared strings read-only, and each sheet parsed with SAX
 * ({@link XSSFSheetXMLHandler}), handing over one row at a time, so memory does not grow with the
 * rows. Cells come as text: numbers in the General format as plain numbers (2010, not 2010.0),
 * dates as {@code yyyy-MM-dd}, other formats as Excel shows them (a code formatted 000000 keeps its
 * zeros).
 */
final class Workbook {

	/** One row: its 1-based number in the sheet and its cells by column (null for a cell not given). */
	record Row(int number, List<String> cells) {

		boolean isBlank() {
			return this.cells.stream().allMatch(c -> c == null || c.isBlank());
		}

		String cell(int column) {
			return (column < this.cells.size() && this.cells.get(column) != null) ? this.cells.get(column) : "";
		}

	}

	/** Receives a sheet's rows; returns false to stop reading the sheet. */
	@FunctionalInterface
	interface RowHandler {

		boolean row(Row row);

	}

	/** A workbook that cannot be read, with why, in words for the person who gave it. */
	static final class Unreadable extends Exception {

		Unreadable(String message) {
			super(message);
		}

	}

	private Workbook() {
	}

	/** The names of the workbook's sheets, in order. */
	static List<String> sheetNames(DatasetSource.Content content) throws Unreadable {
		List<String> names = new ArrayList<>();
		read(content, null, (sheet, in) -> names.add(sheet));
		return names;
	}

	/** Reads the rows of one sheet (all of them unless {@code handler} stops). */
	static void rows(DatasetSource.Content content, String sheet, RowHandler handler) throws Unreadable {
		read(content, sheet, (name, in) -> parse(in, handler));
	}

	@FunctionalInterface
	private interface SheetReader {

		void read(String sheet, SheetStream in) throws Exception;

	}

	/** A sheet's XML with what its cells need (shared strings, styles). */
	record SheetStream(InputStream xml, ReadOnlySharedStringsTable strings, StylesTable styles) {
	}

	private static void read(DatasetSource.Content content, String only, SheetReader each) throws Unreadable {
		Path temp = null;
		try {
			Path file = content.path();
			if (file == null) {
				temp = Files.createTempFile("chaingraph-workbook-", ".xlsx");
				try (InputStream in = content.open()) {
					Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
				}
				file = temp;
			}
			notOle2(file);
			try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
				ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
				XSSFReader reader = new XSSFReader(pkg);
				StylesTable styles = reader.getStylesTable();
				XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
				while (sheets.hasNext()) {
					try (InputStream xml = sheets.next()) {
						String name = sheets.getSheetName();
						if (only == null || only.equals(name)) {
							each.read(name, new SheetStream(xml, strings, styles));
						}
					}
				}
			}
		}
		catch (Unreadable ex) {
			throw ex;
		}
		catch (NotOfficeXmlFileException ex) {
			throw new Unreadable("not an .xlsx workbook, or a damaged one (" + ex.getMessage() + ")");
		}
		catch (Exception ex) {
			throw new Unreadable(describe(ex));
		}
		finally {
			if (temp != null) {
				try {
					Files.deleteIfExists(temp);
				}
				catch (IOException ignored) {
					// a temporary copy; the system's temporary folder is cleaned anyway
				}
			}
		}
	}

	/** An OLE2 file named .xlsx: a password-protected workbook, or an old .xls. */
	private static void notOle2(Path file) throws IOException, Unreadable {
		try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
			if (FileMagic.valueOf(in) != FileMagic.OLE2) {
				return;
			}
		}
		boolean encrypted;
		try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
			encrypted = fs.getRoot().hasEntry("EncryptedPackage") || fs.getRoot().hasEntry("EncryptionInfo");
		}
		catch (IOException | RuntimeException ex) {
			throw new Unreadable("not an .xlsx workbook, or a damaged one (" + ex.getMessage() + ")");
		}
		throw new Unreadable(encrypted
				? "the workbook is password-protected (encrypted): 工作簿有密码保护, remove the password in Excel "
						+ "(File → Info → Protect Workbook → Encrypt with Password, empty) and save it again"
				: "an Excel 97–2003 workbook (.xls) under an .xlsx name: open it in Excel and save it as .xlsx");
	}

	private static String describe(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String message = String.valueOf(cause.getMessage());
			if (message.contains("Zip bomb") || message.contains("max. ratio") || message.contains("exceed the max")) {
				return "the workbook inflates far beyond its size (a zip bomb?): refused under POI's limits ("
						+ message.lines().findFirst().orElse("") + ")";
			}
		}
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return "the workbook is damaged or not an .xlsx file (" + root.getClass().getSimpleName() + ": "
				+ root.getMessage() + ")";
	}

	private static void parse(SheetStream sheet, RowHandler handler) throws Exception {
		XMLReader parser = XMLHelper.newXMLReader();
		Collector collector = new Collector(handler);
		parser.setContentHandler(new XSSFSheetXMLHandler(sheet.styles(), null, sheet.strings(), collector,
				new PlainFormatter(), false));
		try {
			parser.parse(new InputSource(sheet.xml()));
		}
		catch (Stop stop) {
			// the handler had enough
		}
	}

	/** Thrown through the parser to stop reading a sheet. */
	private static final class Stop extends RuntimeException {

		Stop() {
			super(null, null, false, false);
		}

	}

	/** Gathers one row's cells at a time. */
	private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final RowHandler handler;

		private List<String> cells = new ArrayList<>();

		Collector(RowHandler handler) {
			this.handler = handler;
		}

		@Override
		public void startRow(int rowNum) {
			this.cells = new ArrayList<>();
		}

		@Override
		public void endRow(int rowNum) {
			if (!this.handler.row(new Row(rowNum + 1, this.cells))) {
				throw new Stop();
			}
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			int column = (reference != null) ? new CellReference(reference).getCol() : this.cells.size();
			while (this.cells.size() < column) {
				this.cells.add(null);
			}
			if (this.cells.size() == column) {
				this.cells.add(value);
			}
			else {
				this.cells.set(column, value);
			}
		}

	}

	/** Numbers in the General format as plain numbers, dates as ISO dates, others as formatted. */
	private static final class PlainFormatter extends DataFormatter {

		PlainFormatter() {
			super(Locale.ROOT);
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			return formatRawCellContents(value, formatIndex, formatString, false);
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString,
				boolean use1904Windowing) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				LocalDateTime date = DateUtil.getLocalDateTime(value, use1904Windowing);
				return date.toLocalDate().toString();
			}
			if (formatIndex == 0 || formatString == null || "General".equalsIgnoreCase(formatString)) {
				BigDecimal number = BigDecimal.valueOf(value).stripTrailingZeros();
				return (number.scale() < 0) ? number.setScale(0).toPlainString() : number.toPlainString();
			}
			return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
		}

	}

}
