package io.chaingraph.report;

import java.util.List;
import java.util.Locale;

import io.chaingraph.gap.Candidate;
import io.chaingraph.gap.GapModel.Gap;
import io.chaingraph.gap.GapModel.SegmentStatus;
import io.chaingraph.gap.Reason;
import io.chaingraph.report.ChainReport.GapCandidates;
import io.chaingraph.report.ChainReport.RunSource;
import io.chaingraph.report.ChainReport.SourceCount;
import io.chaingraph.report.ChainReport.TrendPoint;

/**
 * A chain report as one printable HTML page: no script, no explorer chrome, its style inline, laid out to print
 * on A4 ({@code @page size: A4}) from any browser, Chinese first with English beside it. Its parts have stable
 * ids (docs/explorer.md, "Chain report"): {@code report-title}, {@code report-park}, {@code report-chain},
 * {@code report-date}, {@code report-coverage}, {@code count-segments|present|broken|missing|weak},
 * {@code report-segments} (a row {@code segment-ID} per segment, {@code data-kind} its status code),
 * {@code report-candidates} (a section {@code gap-ID} per gap, a row {@code .candidate} per candidate),
 * {@code report-sources}, {@code report-runs}, {@code report-trend}.
 */
public final class ReportPage {

	static final String STYLE = """
			@page { size: A4; margin: 14mm 12mm 16mm 12mm; }
			* { box-sizing: border-box; }
			html { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
			  "WenQuanYi Micro Hei", sans-serif; font-size: 10.5pt; color: #1a202c; background: #fff;
			  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
			body { margin: 0 auto; max-width: 186mm; padding: 10mm 0; line-height: 1.45; }
			h1 { font-size: 18pt; margin: 0 0 1mm; }
			h2 { font-size: 13pt; margin: 7mm 0 2mm; padding-bottom: 1mm; border-bottom: 2px solid #2c5282;
			  break-after: avoid; }
			h3 { font-size: 11pt; margin: 4mm 0 1.5mm; break-after: avoid; }
			.en { color: #4a5568; font-weight: normal; }
			.subtitle { font-size: 13pt; margin: 0 0 3mm; }
			.muted, .id { color: #718096; font-size: 8.5pt; }
			table { border-collapse: collapse; width: 100%; margin: 0 0 2mm; }
			thead { display: table-header-group; }
			tr { break-inside: avoid; }
			th, td { border: 1px solid #cbd5e0; padding: 1.2mm 1.6mm; text-align: left; vertical-align: top; }
			th { background: #edf2f7; font-weight: 600; }
			td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
			table.facts { width: auto; min-width: 110mm; }
			table.facts th { width: 60mm; }
			.status { white-space: nowrap; }
			tr[data-kind="BROKEN"] .status { background: #c53030; color: #fff; font-weight: bold; }
			tr[data-kind="MISSING"] .status { background: #edf2f7; color: #1a202c; }
			tr[data-kind="WEAK"] .status { background: #f6ad55; color: #1a202c; }
			tr[data-kind="OK"] .status { background: #c6f6d5; color: #1a202c; }
			table.candidates th:nth-child(1) { width: 13mm; }
			table.candidates th:nth-child(2) { width: 46mm; }
			table.candidates th:nth-child(3) { width: 16mm; }
			ul.reasons { margin: 0; padding-left: 4mm; }
			ul.reasons li { margin: 0; }
			.code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 8pt; color: #2c5282; }
			.gap { break-inside: auto; }
			svg { display: block; margin: 2mm 0; }
			footer { margin-top: 8mm; color: #718096; font-size: 8.5pt; }
			@media screen { .screen-only { background: #ebf8ff; border: 1px solid #90cdf4; padding: 2mm 3mm; } }
			@media print { body { max-width: none; padding: 0; } .screen-only { display: none; } }
			""";

	private ReportPage() {
	}

	/** The file name of a report's download (without the extension): {@code report-PARK-CHAIN}. */
	public static String fileStem(ChainReport report) {
		return "report-" + report.park().id() + "-" + report.chain().id();
	}

	public static String html(ChainReport report) {
		StringBuilder out = new StringBuilder(16_384);
		String title = ReportLabels.TITLE + " · " + report.park().name() + " · " + report.chain().name();
		out.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
			.append(esc(title))
			.append("</title>\n<style>\n")
			.append(STYLE)
			.append("</style>\n</head>\n<body>\n<main id=\"report\">\n");
		out.append("<h1 id=\"report-title\">").append(ReportLabels.TITLE).append(" <span class=\"en\">")
			.append(ReportLabels.TITLE_EN).append("</span></h1>\n");
		out.append("<p class=\"subtitle\"><span id=\"report-park\">").append(esc(report.park().name()))
			.append("</span> · <span id=\"report-chain\">").append(esc(report.chain().name())).append("</span></p>\n");
		out.append("<p class=\"screen-only\" id=\"report-print-hint\">打印或存为 PDF：按 Ctrl+P（纸张 A4）"
				+ " <span class=\"en\">Print or save as PDF: Ctrl+P (paper A4)</span></p>\n");
		summary(out, report);
		segments(out, report);
		candidates(out, report);
		sources(out, report);
		trend(out, report.trend());
		out.append("<footer>chaingraph · ").append(esc(report.park().id())).append(" · ")
			.append(esc(report.chain().id())).append(" · ").append(esc(ReportLabels.dateTime(report.generated())))
			.append("</footer>\n</main>\n</body>\n</html>\n");
		return out.toString();
	}

	private static void summary(StringBuilder out, ChainReport report) {
		out.append("<h2 id=\"report-summary\">概要 <span class=\"en\">Summary</span></h2>\n<table class=\"facts\">\n");
		fact(out, null, "园区 <span class=\"en\">Park</span>",
				esc(report.park().name()) + " <span class=\"id\">" + esc(report.park().id()) + "</span>");
		fact(out, null, "产业链 <span class=\"en\">Chain</span>",
				esc(report.chain().name()) + " <span class=\"id\">" + esc(report.chain().id()) + "</span>");
		fact(out, "report-date", "日期 <span class=\"en\">Date</span>", esc(ReportLabels.dateTime(report.generated())));
		fact(out, "report-weak-below", "弱链阈值 <span class=\"en\">Weak below (local enterprises)</span>",
				Integer.toString(report.weakBelow()));
		fact(out, "report-coverage", "覆盖率 <span class=\"en\">Coverage</span>", ReportLabels.percent(report.coverage()));
		fact(out, "count-segments", "环节 <span class=\"en\">Segments</span>", Integer.toString(report.counts().segments()));
		fact(out, "count-present", "有本地企业 <span class=\"en\">Held</span>", Integer.toString(report.counts().present()));
		fact(out, "count-broken", "断链 <span class=\"en\">Broken</span>", Integer.toString(report.counts().broken()));
		fact(out, "count-missing", "缺链 <span class=\"en\">Missing</span>", Integer.toString(report.counts().missing()));
		fact(out, "count-weak", "弱链 <span class=\"en\">Weak</span>", Integer.toString(report.counts().weak()));
		out.append("</table>\n");
	}

	private static void fact(StringBuilder out, String id, String label, String valueHtml) {
		out.append("<tr><th scope=\"row\">").append(label).append("</th><td");
		if (id != null) {
			out.append(" id=\"").append(id).append('"');
		}
		out.append('>').append(valueHtml).append("</td></tr>\n");
	}

	private static void segments(StringBuilder out, ChainReport report) {
		out.append("<h2>环节 <span class=\"en\">Segments</span></h2>\n<table id=\"report-segments\">\n<thead><tr>")
			.append("<th>环节 <span class=\"en\">Segment</span></th><th>阶段 <span class=\"en\">Stage</span></th>")
			.append("<th class=\"num\">本地企业 <span class=\"en\">Local</span></th>")
			.append("<th>状态 <span class=\"en\">Status</span></th></tr></thead>\n<tbody>\n");
		for (SegmentStatus segment : report.segments()) {
			String code = ReportLabels.code(segment.kind());
			out.append("<tr id=\"segment-").append(esc(segment.node().id())).append("\" data-kind=\"").append(code)
				.append("\"><td>").append(esc(segment.node().name())).append(" <span class=\"id\">")
				.append(esc(segment.node().id())).append("</span></td><td>")
				.append(ReportLabels.stage(segment.node().stage())).append("</td><td class=\"num local\">")
				.append(segment.localCount()).append("</td><td class=\"status\">")
				.append(ReportLabels.status(segment.kind())).append("</td></tr>\n");
		}
		if (report.segments().isEmpty()) {
			out.append("<tr><td colspan=\"4\">（本链没有环节） <span class=\"en\">the chain has no segments</span></td></tr>\n");
		}
		out.append("</tbody>\n</table>\n");
	}

	private static void candidates(StringBuilder out, ChainReport report) {
		out.append("<section id=\"report-candidates\">\n<h2>补链候选企业 <span class=\"en\">Fill candidates</span></h2>\n")
			.append("<p class=\"muted\">每个缺口按得分排名的前 ").append(report.candidatesPerGap())
			.append(" 家园区外企业及理由 · <span class=\"en\">The best ").append(report.candidatesPerGap())
			.append(" enterprises outside the park for each gap, ranked by score, with their reasons</span></p>\n");
		if (report.gaps().isEmpty()) {
			out.append("<p id=\"report-no-gaps\">没有缺口 <span class=\"en\">No gaps</span></p>\n");
		}
		for (GapCandidates section : report.gaps()) {
			Gap gap = section.gap();
			out.append("<section class=\"gap\" id=\"gap-").append(esc(gap.node().id())).append("\" data-kind=\"")
				.append(gap.kind().name()).append("\">\n<h3>").append(esc(gap.node().name())).append(" · ")
				.append(ReportLabels.status(gap.kind())).append(" · 本地 ").append(gap.localCount())
				.append(" 家 <span class=\"en\">local ").append(gap.localCount()).append(", ").append(gap.candidateCount())
				.append(" elsewhere</span></h3>\n");
			if (section.candidates().isEmpty()) {
				out.append("<p class=\"muted\">无候选企业 <span class=\"en\">No candidates</span></p>\n</section>\n");
				continue;
			}
			out.append("<table class=\"candidates\">\n<thead><tr><th class=\"num\">名次 <span class=\"en\">Rank</span></th>")
				.append("<th>企业 <span class=\"en\">Enterprise</span></th><th class=\"num\">得分 <span class=\"en\">Score</span></th>")
				.append("<th>理由 <span class=\"en\">Reasons</span></th></tr></thead>\n<tbody>\n");
			int rank = 0;
			for (Candidate candidate : section.candidates()) {
				rank++;
				out.append("<tr class=\"candidate\" data-enterprise=\"").append(esc(candidate.enterprise().id()))
					.append("\"><td class=\"num\">").append(rank).append("</td><td>")
					.append(esc(candidate.enterprise().name()));
				if (candidate.enterprise().region() != null) {
					out.append(" <span class=\"id\">").append(esc(candidate.enterprise().region())).append("</span>");
				}
				out.append("</td><td class=\"num\">").append(ReportLabels.score(candidate.score()))
					.append("</td><td><ul class=\"reasons\">");
				for (Reason reason : candidate.reasonDetails()) {
					out.append("<li data-code=\"").append(reason.code().name()).append("\">").append(esc(reason.label()))
						.append(" <span class=\"en\">").append(esc(reason.labelEn())).append("</span></li>");
				}
				out.append("</ul></td></tr>\n");
			}
			out.append("</tbody>\n</table>\n</section>\n");
		}
		out.append("</section>\n");
	}

	private static void sources(StringBuilder out, ChainReport report) {
		ChainReport.Sources sources = report.sources();
		out.append("<section id=\"report-sources\">\n<h2>数据来源 <span class=\"en\">Data sources</span></h2>\n")
			.append("<p>本链本地企业 ").append(sources.enterprises()).append(" 家；园区的来源：")
			.append(esc(ReportLabels.orNone(sources.parkSource()))).append("；产业链的来源：")
			.append(esc(ReportLabels.orNone(sources.chainSource()))).append(" <span class=\"en\">")
			.append(sources.enterprises())
			.append(" enterprises of the park in the chain; the park's and the chain's sources as given</span></p>\n");
		out.append("<table>\n<thead><tr><th>来源 <span class=\"en\">Source</span></th>")
			.append("<th class=\"num\">企业数 <span class=\"en\">Enterprises</span></th></tr></thead>\n<tbody>\n");
		for (SourceCount source : sources.sources()) {
			out.append("<tr><td>").append(esc(ReportLabels.orNone(source.source()))).append("</td><td class=\"num\">")
				.append(source.enterprises()).append("</td></tr>\n");
		}
		if (sources.sources().isEmpty()) {
			out.append("<tr><td colspan=\"2\">（无） <span class=\"en\">none</span></td></tr>\n");
		}
		out.append("</tbody>\n</table>\n<h3>导入批次 <span class=\"en\">Import runs</span></h3>\n<table id=\"report-runs\">\n")
			.append("<thead><tr><th>批次 <span class=\"en\">Run</span></th><th>数据集 <span class=\"en\">Dataset</span></th>")
			.append("<th>状态 <span class=\"en\">Status</span></th><th>完成时间 <span class=\"en\">Finished</span></th>")
			.append("<th class=\"num\">记录数 <span class=\"en\">Records</span></th></tr></thead>\n<tbody>\n");
		for (RunSource run : sources.runs()) {
			out.append("<tr><td>").append(esc(run.id())).append("</td><td>").append(esc(ReportLabels.orNone(run.dataset())))
				.append("</td><td>").append(esc(ReportLabels.orNone(run.status()))).append("</td><td>")
				.append(esc(ReportLabels.orNone(run.finished()))).append("</td><td class=\"num\">").append(run.records())
				.append("</td></tr>\n");
		}
		if (sources.runs().isEmpty()) {
			out.append("<tr><td colspan=\"5\">（无） <span class=\"en\">none</span></td></tr>\n");
		}
		out.append("</tbody>\n</table>\n</section>\n");
	}

	private static void trend(StringBuilder out, List<TrendPoint> points) {
		out.append("<section id=\"report-trend\">\n<h2>覆盖率趋势 <span class=\"en\">Coverage over time</span></h2>\n");
		if (points.size() >= 2) {
			chart(out, points);
		}
		out.append("<table id=\"report-trend-points\">\n<thead><tr><th>时间 <span class=\"en\">Time</span></th>")
			.append("<th class=\"num\">覆盖率 <span class=\"en\">Coverage</span></th><th>说明 <span class=\"en\">Note</span></th>")
			.append("</tr></thead>\n<tbody>\n");
		for (TrendPoint point : points) {
			out.append("<tr><td>").append(esc(ReportLabels.dateTime(point.time()))).append("</td><td class=\"num\">")
				.append(ReportLabels.percent(point.coverage())).append("</td><td>").append(esc(point.note()))
				.append("</td></tr>\n");
		}
		out.append("</tbody>\n</table>\n");
		if (points.size() == 1) {
			out.append("<p class=\"muted\" id=\"report-trend-note\">").append(esc(ReportLabels.SINGLE_POINT)).append("</p>\n");
		}
		out.append("</section>\n");
	}

	/** A line of coverage (0 to 100 %) over the points, spaced by time. */
	private static void chart(StringBuilder out, List<TrendPoint> points) {
		int width = 640;
		int height = 160;
		int pad = 28;
		long first = points.get(0).time().toEpochSecond();
		long span = Math.max(1, points.get(points.size() - 1).time().toEpochSecond() - first);
		out.append("<svg id=\"report-trend-chart\" viewBox=\"0 0 ").append(width).append(' ').append(height)
			.append("\" width=\"100%\" role=\"img\" aria-label=\"覆盖率趋势 Coverage over time\">")
			.append("<line x1=\"").append(pad).append("\" y1=\"").append(height - pad).append("\" x2=\"").append(width - 8)
			.append("\" y2=\"").append(height - pad).append("\" stroke=\"#a0aec0\"/>")
			.append("<text x=\"2\" y=\"").append(pad).append("\" font-size=\"10\" fill=\"#718096\">100%</text>")
			.append("<text x=\"2\" y=\"").append(height - pad).append("\" font-size=\"10\" fill=\"#718096\">0%</text>")
			.append("<polyline fill=\"none\" stroke=\"#2c5282\" stroke-width=\"2\" points=\"");
		for (TrendPoint point : points) {
			double x = pad + (width - pad - 16) * (double) (point.time().toEpochSecond() - first) / span;
			double y = (height - pad) - (height - 2 * pad) * point.coverage();
			out.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
		}
		out.append("\"/></svg>\n");
	}

	/** Text for HTML content and attribute values. */
	static String esc(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
