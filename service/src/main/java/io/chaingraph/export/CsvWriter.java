package io.chaingraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.chaingraph.export.ExportGraph.Column;
import io.chaingraph.export.ExportGraph.Type;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel shows Chinese without an import dialog),
 * comma-separated, quoted where needed (RFC 4180), one header row with the column names; a list's items
 * joined by {@code ;}, a null value an empty cell. Text that a spreadsheet would run as a formula (starting
 * with {@code = + - @}, a tab or a carriage return) gets a leading {@code '}. A subgraph is a zip of
 * {@code nodes.csv} and {@code edges.csv}; a table on its own is one file.
 */
final class CsvWriter {

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

	private CsvWriter() {
	}

	/** A zip holding {@code nodes.csv} and {@code edges.csv}. */
	static void zip(ExportGraph graph, OutputStream out) throws IOException {
		ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		zip.putNextEntry(new ZipEntry("nodes.csv"));
		table(graph.nodeColumns(), graph.nodes(), zip);
		zip.closeEntry();
		zip.putNextEntry(new ZipEntry("edges.csv"));
		table(graph.edgeColumns(), graph.edges(), zip);
		zip.closeEntry();
		zip.finish();
	}

	/** One table (the stream is left open). */
	static void table(List<Column> columns, List<Map<String, Object>> rows, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		CSVPrinter printer = new CSVPrinter(writer, FORMAT);
		printer.printRecord(columns.stream().map(Column::name).toList());
		for (Map<String, Object> row : rows) {
			List<String> cells = new ArrayList<>(columns.size());
			for (Column column : columns) {
				Object value = row.get(column.name());
				cells.add((value == null) ? "" : cell(column.type(), ExportGraph.text(value)));
			}
			printer.printRecord(cells);
		}
		printer.flush();
	}

	private static String cell(Type type, String text) {
		boolean textual = type == Type.STRING || type == Type.LIST;
		if (textual && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			return "'" + text;
		}
		return text;
	}

}
