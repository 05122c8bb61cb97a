package io.chaingraph.importing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import io.chaingraph.dataset.DatasetFormat;
import io.chaingraph.dataset.Problem;
import io.chaingraph.importing.load.FileSummary;
import io.chaingraph.importing.load.RowChange;
import io.chaingraph.importing.validate.NameVariant;


/**
 * The import's problems and summary table, as a person reads them on a terminal: printed by the
 * import command and kept on an uploaded run's {@code :ImportRun} node ({@code ImportRun.report}).
 */
public final class ReportPrinter {

	private ReportPrinter() {
	}

	/** The same text {@link #print} writes. */
	public static String text(ImportReport report) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
		print(report, out);
		out.flush();
		return bytes.toString(StandardCharsets.UTF_8);
	}

	public static void print(ImportReport report, PrintStream out) {
		for (Problem problem : report.problems()) {
			out.println(problem.format());
		}
		if (report.hasErrors()) {
			long ambiguous = report.problems().stream().filter(p -> p.isError() && p.message().startsWith("ambiguous:")).count();
			if (ambiguous > 0) {
				out.printf("%n有歧义 ambiguous: %,d row(s) name more than one enterprise of the graph and were not merged; "
						+ "give the credit code or an id column to say which.%n", ambiguous);
			}
			out.printf("%n%d error(s), %d warning(s) in %s: nothing was written.%n", report.errorCount(),
					report.warningCount(), report.dataset());
			return;
		}
		if (!report.problems().isEmpty()) {
			out.println();
		}
		out.println((report.dryRun() ? "Dry run (nothing written) of " : "Imported ") + report.dataset()
				+ (report.runId() != null ? "  [run " + report.runId() + "]" : ""));
		String header = "%-22s %8s | %8s %8s %9s | %8s %8s %9s %8s%n";
		out.printf(header, "file", "rows", "nodes +", "nodes ~", "nodes =", "rels +", "rels ~", "rels =", "rels -");
		out.println("-".repeat(103));
		long[] t = new long[8];
		for (FileSummary f : report.files()) {
			out.printf("%-22s %,8d | %,8d %,8d %,9d | %,8d %,8d %,9d %,8d%n", f.file(), f.rows(), f.nodesCreated(),
					f.nodesUpdated(), f.nodesUnchanged(), f.relsCreated(), f.relsUpdated(), f.relsUnchanged(),
					f.relsRemoved());
			t[0] += f.rows();
			t[1] += f.nodesCreated();
			t[2] += f.nodesUpdated();
			t[3] += f.nodesUnchanged();
			t[4] += f.relsCreated();
			t[5] += f.relsUpdated();
			t[6] += f.relsUnchanged();
			t[7] += f.relsRemoved();
		}
		out.println("-".repeat(103));
		out.printf("%-22s %,8d | %,8d %,8d %,9d | %,8d %,8d %,9d %,8d%n", "total", t[0], t[1], t[2], t[3], t[4], t[5],
				t[6], t[7]);
		out.println("(+ created, ~ updated, = unchanged, - removed)");
		for (FileSummary f : report.files()) {
			if (isSheet(f.file())) {
				// an enterprise sheet's rows: new enterprises, and rows resolved to one already in the graph
				out.printf("企业表 %s: 新建 create %,d · 更新 update %,d · 匹配未变 match %,d · 有歧义 ambiguous 0%n", f.file(),
						f.nodesCreated(), f.nodesUpdated(), f.nodesUnchanged());
			}
		}
		if (!report.nameVariants().isEmpty()) {
			out.printf("%n%d id(s) already in the graph under another name; the graph keeps its name and the new one "
					+ "became an alias:%n", report.nameVariants().size());
			for (NameVariant v : report.nameVariants()) {
				out.printf("  %s:%d: %s %s: kept '%s', alias '%s'%s%n", v.file(), v.line(), v.label(), v.id(),
						v.keptName(), v.newName(), v.scriptVariant() ? " (same name in another script)" : "");
			}
		}
		if (!report.changes().isEmpty()) {
			out.printf("%n更新明细 Changes to the records it updates (old → new)%s:%n",
					(report.changesNotListed() > 0) ? String.format(" — 前 %d 条 the first %d", report.changes().size(),
							report.changes().size()) : "");
			for (RowChange change : report.changes()) {
				out.println("  " + change.text());
			}
			if (report.changesNotListed() > 0) {
				out.printf("  … 另有 %,d 条未列出 (%,d more not listed)%n", report.changesNotListed(),
						report.changesNotListed());
			}
		}
		if (report.segmentProposals() > 0) {
			out.printf("%n环节建议 %,d 家企业尚无产业链环节，已按规则提出建议，待审核 (proposals(kind: SEGMENT)).%n"
					+ "Segment proposals: %,d enterprise(s) without a chain segment got one proposed by the rules, "
					+ "waiting for review.%n", report.segmentProposals(), report.segmentProposals());
		}
		for (String recovered : report.recovered()) {
			out.printf("%nRun %s had been interrupted; this run completes its dataset if it is the same.%n", recovered);
		}
		double seconds = Math.max(1e-3, report.elapsed().toNanos() / 1e9);
		out.printf("%n%s in %.2f s, %,.0f rows/s.%s%n", report.dryRun() ? "Checked" : "Done", seconds,
				report.rows() / seconds, report.unchanged() ? " The graph is unchanged." : "");
	}

	/** A file that is not one of format v1's: an enterprise sheet (a workbook, or a CSV of that layout). */
	private static boolean isSheet(String file) {
		String name = file.contains(":") ? file.substring(0, file.indexOf(':')) : file;
		int dot = name.lastIndexOf('.');
		return DatasetFormat.spec((dot < 0) ? name : name.substring(0, dot)).isEmpty();
	}

}
