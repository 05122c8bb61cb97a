package io.chaingraph.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.Collectors;

import io.chaingraph.gap.Candidate;
import io.chaingraph.gap.GapModel.Gap;
import io.chaingraph.gap.GapModel.SegmentStatus;
import io.chaingraph.gap.Reason;
import io.chaingraph.report.ChainReport.GapCandidates;
import io.chaingraph.report.ChainReport.RunSource;
import io.chaingraph.report.ChainReport.SourceCount;
import io.chaingraph.report.ChainReport.TrendPoint;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A chain report as an {@code .xlsx} workbook, written streaming (Apache POI's SXSSF: rows go to a temporary
 * file as they are written, whatever the number of candidates). Four sheets, Chinese first with English beside
 * it: the summary (park, chain, date, coverage and counts, data sources, import runs), the segments with their
 * status and local counts, the candidates of every gap with their reasons, and the coverage trend. Figures are
 * number cells (coverage as a fraction shown as a percentage), ids are text cells beside the names.
 */
public final class ReportWorkbook {

	static final String SUMMARY = "概要 Summary";

	static final String SEGMENTS = "环节 Segments";

	static final String CANDIDATES = "候选企业 Candidates";

	static final String TREND = "趋势 Trend";

	static final List<String> SEGMENT_HEADERS = List.of("环节编号 Segment ID", "环节 Segment", "阶段 Stage",
			"本地企业数 Local enterprises", "状态 Status", "状态代码 Status code", "园区外企业数 Enterprises elsewhere");

	static final List<String> CANDIDATE_HEADERS = List.of("缺口环节编号 Segment ID", "缺口环节 Segment", "缺口类型 Gap",
			"名次 Rank", "企业编号 Enterprise ID", "企业 Enterprise", "地区 Region", "得分 Score", "理由代码 Reason codes",
			"理由 Reasons", "理由（英文） Reasons in English");

	static final List<String> TREND_HEADERS = List.of("时间 Time", "覆盖率 Coverage", "说明 Note");

	/** Rows of the candidates sheet kept in memory while writing; older ones go to the temporary file. */
	private static final int WINDOW = 200;

	private ReportWorkbook() {
	}

	public static void write(ChainReport report, OutputStream out) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
		try (workbook) {
			workbook.setCompressTempFiles(true);
			Styles styles = new Styles(workbook);
			summary(workbook.createSheet(SUMMARY), report, styles);
			segments(workbook.createSheet(SEGMENTS), report, styles);
			candidates(workbook.createSheet(CANDIDATES), report, styles);
			trend(workbook.createSheet(TREND), report.trend(), styles);
			workbook.write(out);
		}
	}

	private static void summary(SXSSFSheet sheet, ChainReport report, Styles styles) {
		sheet.setColumnWidth(0, 34 * 256);
		sheet.setColumnWidth(1, 40 * 256);
		for (int c = 2; c < 5; c++) {
			sheet.setColumnWidth(c, 22 * 256);
		}
		Rows rows = new Rows(sheet, styles);
		rows.row().title(ReportLabels.TITLE + " " + ReportLabels.TITLE_EN);
		rows.row();
		rows.row().label("园区 Park").text(report.park().name()).text(report.park().id());
		rows.row().label("产业链 Chain").text(report.chain().name()).text(report.chain().id());
		rows.row().label("日期 Date").text(ReportLabels.dateTime(report.generated()));
		rows.row().label("弱链阈值 Weak below (local enterprises)").number(report.weakBelow());
		rows.row().label("覆盖率 Coverage").percent(report.coverage());
		rows.row().label("环节 Segments").number(report.counts().segments());
		rows.row().label("有本地企业 Held").number(report.counts().present());
		rows.row().label("断链 Broken").number(report.counts().broken());
		rows.row().label("缺链 Missing").number(report.counts().missing());
		rows.row().label("弱链 Weak").number(report.counts().weak());
		rows.row().label("每个缺口的候选企业 Candidates per gap").number(report.candidatesPerGap());
		rows.row();
		rows.row().title("数据来源 Data sources");
		rows.row().label("本链本地企业 Park's enterprises in the chain").number(report.sources().enterprises());
		rows.row().label("园区的来源 Park's source").text(ReportLabels.orNone(report.sources().parkSource()));
		rows.row().label("产业链的来源 Chain's source").text(ReportLabels.orNone(report.sources().chainSource()));
		rows.row().header("来源 Source", "企业数 Enterprises");
		if (report.sources().sources().isEmpty()) {
			rows.row().text("（无） none");
		}
		for (SourceCount source : report.sources().sources()) {
			rows.row().text(ReportLabels.orNone(source.source())).number(source.enterprises());
		}
		rows.row();
		rows.row().title("导入批次 Import runs");
		rows.row().header("批次 Run", "数据集 Dataset", "状态 Status", "完成时间 Finished", "记录数 Records");
		if (report.sources().runs().isEmpty()) {
			rows.row().text("（无） none");
		}
		for (RunSource run : report.sources().runs()) {
			rows.row().text(run.id()).text(ReportLabels.orNone(run.dataset())).text(ReportLabels.orNone(run.status()))
				.text(ReportLabels.orNone(run.finished())).number(run.records());
		}
	}

	private static void segments(SXSSFSheet sheet, ChainReport report, Styles styles) {
		int[] widths = { 22, 28, 18, 14, 16, 12, 14 };
		for (int c = 0; c < widths.length; c++) {
			sheet.setColumnWidth(c, widths[c] * 256);
		}
		Rows rows = new Rows(sheet, styles);
		rows.row().header(SEGMENT_HEADERS.toArray(String[]::new));
		java.util.Map<String, Gap> gaps = report.gaps()
			.stream()
			.map(GapCandidates::gap)
			.collect(Collectors.toMap(g -> g.node().id(), g -> g));
		for (SegmentStatus segment : report.segments()) {
			Cells row = rows.row()
				.text(segment.node().id())
				.text(segment.node().name())
				.text(ReportLabels.stage(segment.node().stage()))
				.number(segment.localCount())
				.text(ReportLabels.status(segment.kind()))
				.text(ReportLabels.code(segment.kind()));
			Gap gap = gaps.get(segment.node().id());
			if (gap != null) {
				row.number(gap.candidateCount());
			}
		}
		sheet.createFreezePane(0, 1);
		sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, report.segments().size()), 0, SEGMENT_HEADERS.size() - 1));
	}

	private static void candidates(SXSSFSheet sheet, ChainReport report, Styles styles) {
		int[] widths = { 20, 24, 14, 8, 16, 28, 14, 8, 24, 60, 60 };
		for (int c = 0; c < widths.length; c++) {
			sheet.setColumnWidth(c, widths[c] * 256);
		}
		Rows rows = new Rows(sheet, styles);
		rows.row().header(CANDIDATE_HEADERS.toArray(String[]::new));
		int written = 0;
		for (GapCandidates section : report.gaps()) {
			Gap gap = section.gap();
			if (section.candidates().isEmpty()) {
				rows.row().text(gap.node().id()).text(gap.node().name()).text(ReportLabels.status(gap.kind())).blank()
					.blank().text("（无候选企业） no candidates");
				written++;
			}
			int rank = 0;
			for (Candidate candidate : section.candidates()) {
				rank++;
				rows.row()
					.text(gap.node().id())
					.text(gap.node().name())
					.text(ReportLabels.status(gap.kind()))
					.number(rank)
					.text(candidate.enterprise().id())
					.text(candidate.enterprise().name())
					.text(ReportLabels.orNone(candidate.enterprise().region()))
					.decimal(candidate.score())
					.wrapped(candidate.reasonDetails().stream().map(r -> r.code().name()).collect(Collectors.joining("\n")))
					.wrapped(candidate.reasonDetails().stream().map(Reason::label).collect(Collectors.joining("\n")))
					.wrapped(candidate.reasonDetails().stream().map(Reason::labelEn).collect(Collectors.joining("\n")));
				written++;
			}
		}
		sheet.createFreezePane(0, 1);
		sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, written), 0, CANDIDATE_HEADERS.size() - 1));
	}

	/** The trend sheet: one row per point, oldest first, and a note when there is only this report's. */
	private static void trend(SXSSFSheet sheet, List<TrendPoint> points, Styles styles) {
		sheet.setColumnWidth(0, 24 * 256);
		sheet.setColumnWidth(1, 14 * 256);
		sheet.setColumnWidth(2, 60 * 256);
		Rows rows = new Rows(sheet, styles);
		rows.row().header(TREND_HEADERS.toArray(String[]::new));
		for (TrendPoint point : points) {
			rows.row().text(ReportLabels.dateTime(point.time())).percent(point.coverage()).text(point.note());
		}
		if (points.size() == 1) {
			rows.row();
			rows.row().text(ReportLabels.SINGLE_POINT);
		}
		sheet.createFreezePane(0, 1);
	}

	private static final class Styles {

		final CellStyle title;

		final CellStyle header;

		final CellStyle label;

		final CellStyle percent;

		final CellStyle wrapped;

		Styles(SXSSFWorkbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			Font big = workbook.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 14);
			this.title = workbook.createCellStyle();
			this.title.setFont(big);
			this.header = workbook.createCellStyle();
			this.header.setFont(bold);
			this.header.setWrapText(true);
			this.header.setVerticalAlignment(VerticalAlignment.TOP);
			this.label = workbook.createCellStyle();
			this.label.setFont(bold);
			this.percent = workbook.createCellStyle();
			this.percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
			this.wrapped = workbook.createCellStyle();
			this.wrapped.setWrapText(true);
			this.wrapped.setVerticalAlignment(VerticalAlignment.TOP);
		}

	}

	/** Appends rows to a sheet. */
	private static final class Rows {

		private final Sheet sheet;

		private final Styles styles;

		private int next;

		Rows(Sheet sheet, Styles styles) {
			this.sheet = sheet;
			this.styles = styles;
		}

		Cells row() {
			return new Cells(this.sheet.createRow(this.next++), this.styles);
		}

	}

	/** Appends cells to a row, left to right. */
	private static final class Cells {

		private final Row row;

		private final Styles styles;

		private int next;

		Cells(Row row, Styles styles) {
			this.row = row;
			this.styles = styles;
		}

		Cells text(String value) {
			this.row.createCell(this.next++).setCellValue(value);
			return this;
		}

		Cells blank() {
			this.next++;
			return this;
		}

		Cells title(String value) {
			var cell = this.row.createCell(this.next++);
			cell.setCellValue(value);
			cell.setCellStyle(this.styles.title);
			return this;
		}

		Cells label(String value) {
			var cell = this.row.createCell(this.next++);
			cell.setCellValue(value);
			cell.setCellStyle(this.styles.label);
			return this;
		}

		Cells header(String... values) {
			for (String value : values) {
				var cell = this.row.createCell(this.next++);
				cell.setCellValue(value);
				cell.setCellStyle(this.styles.header);
			}
			return this;
		}

		Cells number(int value) {
			this.row.createCell(this.next++).setCellValue(value);
			return this;
		}

		Cells decimal(double value) {
			this.row.createCell(this.next++).setCellValue(value);
			return this;
		}

		Cells percent(double value) {
			var cell = this.row.createCell(this.next++);
			cell.setCellValue(value);
			cell.setCellStyle(this.styles.percent);
			return this;
		}

		Cells wrapped(String value) {
			var cell = this.row.createCell(this.next++);
			cell.setCellValue(value);
			cell.setCellStyle(this.styles.wrapped);
			return this;
		}

	}

}
