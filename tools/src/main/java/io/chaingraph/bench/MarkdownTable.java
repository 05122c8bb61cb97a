package io.chaingraph.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A result table: a title, a header, rows of cells and notes below it, rendered as GitHub Markdown
 * with aligned columns (readable as plain text on a terminal too).
 */
public final class MarkdownTable {

	private final String title;

	private final List<String> header;

	private final List<List<String>> rows = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	public MarkdownTable(String title, String... header) {
		this.title = title;
		this.header = List.of(header);
	}

	public MarkdownTable row(Object... cells) {
		if (cells.length != this.header.size()) {
			throw new IllegalArgumentException("expected " + this.header.size() + " cells, got " + cells.length);
		}
		this.rows.add(Arrays.stream(cells).map(String::valueOf).toList());
		return this;
	}

	public MarkdownTable note(String note) {
		this.notes.add(note);
		return this;
	}

	public String title() {
		return this.title;
	}

	public List<List<String>> rows() {
		return List.copyOf(this.rows);
	}

	public String render() {
		int[] widths = new int[this.header.size()];
		for (int c = 0; c < widths.length; c++) {
			widths[c] = Math.max(3, width(this.header.get(c)));
			for (List<String> row : this.rows) {
				widths[c] = Math.max(widths[c], width(row.get(c)));
			}
		}
		StringBuilder out = new StringBuilder();
		out.append("### ").append(this.title).append("\n\n");
		line(out, this.header, widths);
		out.append('|');
		for (int width : widths) {
			out.append('-').append("-".repeat(width)).append("-|");
		}
		out.append('\n');
		for (List<String> row : this.rows) {
			line(out, row, widths);
		}
		if (!this.notes.isEmpty()) {
			out.append('\n');
			for (String note : this.notes) {
				out.append(note).append('\n');
			}
		}
		return out.toString();
	}

	private static void line(StringBuilder out, List<String> cells, int[] widths) {
		out.append('|');
		for (int c = 0; c < widths.length; c++) {
			String cell = cells.get(c);
			out.append(' ').append(cell).append(" ".repeat(widths[c] - width(cell))).append(" |");
		}
		out.append('\n');
	}

	/** Display width: CJK characters take two columns on a terminal. */
	static int width(String s) {
		int width = 0;
		for (int i = 0; i < s.length(); i++) {
			char ch = s.charAt(i);
			width += (ch >= 0x1100 && (ch <= 0x115F || (ch >= 0x2E80 && ch <= 0xA4CF) || (ch >= 0xAC00 && ch <= 0xD7A3)
					|| (ch >= 0xF900 && ch <= 0xFAFF) || (ch >= 0xFF00 && ch <= 0xFF60))) ? 2 : 1;
		}
		return width;
	}

}
