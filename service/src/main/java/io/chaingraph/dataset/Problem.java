package io.chaingraph.dataset;

/**
 * One finding of validation, printed as {@code file:line: column: message} (warnings say so after
 * the column). {@code line} 0 means the file as a whole; {@code column} "-" means no single column.
 */
public record Problem(Severity severity, String file, int line, String column, String message) {

	public enum Severity {

		ERROR, WARNING

	}

	public static Problem error(String file, int line, String column, String message) {
		return new Problem(Severity.ERROR, file, line, column, message);
	}

	public static Problem warning(String file, int line, String column, String message) {
		return new Problem(Severity.WARNING, file, line, column, message);
	}

	public boolean isError() {
		return this.severity == Severity.ERROR;
	}

	public String format() {
		return at(this.file, this.line) + ": " + this.column + ": "
				+ (isError() ? "" : "warning: ") + this.message;
	}

	/**
	 * Where a row is: {@code file:line}, or {@code book.xlsx:SHEET!ROW} for a row of a workbook's sheet
	 * (its file is named {@code book.xlsx:SHEET}; a sheet's name cannot hold a colon).
	 */
	public static String at(String file, int line) {
		return file + (isSheet(file) ? "!" : ":") + line;
	}

	private static boolean isSheet(String file) {
		int colon = file.indexOf(':');
		return colon > 0 && file.regionMatches(true, colon - 5, ".xlsx", 0, 5);
	}

	@Override
	public String toString() {
		return format();
	}

}
