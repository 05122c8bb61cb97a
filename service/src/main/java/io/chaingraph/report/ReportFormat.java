package io.chaingraph.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** The files a chain report is written as: an {@code .xlsx} workbook and a printable HTML page. */
public enum ReportFormat {

	XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),

	HTML("html", "text/html;charset=UTF-8");

	private final String extension;

	private final String mediaType;

	ReportFormat(String extension, String mediaType) {
		this.extension = extension;
		this.mediaType = mediaType;
	}

	public String extension() {
		return this.extension;
	}

	public String mediaType() {
		return this.mediaType;
	}

	/** The file name of a report in this format: {@code report-PARK-CHAIN.EXT}. */
	public String fileName(ChainReport report) {
		return ReportPage.fileStem(report) + "." + this.extension;
	}

	public void write(ChainReport report, OutputStream out) throws IOException {
		switch (this) {
			case XLSX -> ReportWorkbook.write(report, out);
			case HTML -> out.write(ReportPage.html(report).getBytes(StandardCharsets.UTF_8));
		}
	}

	/** The format named {@code name} (its extension, any case). */
	public static Optional<ReportFormat> of(String name) {
		String wanted = name.strip().toLowerCase(Locale.ROOT);
		for (ReportFormat format : values()) {
			if (format.extension.equals(wanted)) {
				return Optional.of(format);
			}
		}
		return Optional.empty();
	}

}
