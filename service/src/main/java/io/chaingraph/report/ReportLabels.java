package io.chaingraph.report;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.chaingraph.entity.Stage;
import io.chaingraph.gap.GapKind;

/** The words of a report, Chinese first with English beside it (the explorer's words for the same things). */
final class ReportLabels {

	static final String TITLE = "产业链缺口报告";

	static final String TITLE_EN = "Chain gap report";

	/** The note of the trend's point that is the report itself. */
	static final String CURRENT_POINT = "本报告 · This report";

	/** Why the trend holds one point only, when it does. */
	static final String SINGLE_POINT = "尚无覆盖率历史，只有本报告这一点 · "
			+ "No coverage history is kept yet: this report is the only point";

	static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx", Locale.ROOT);

	private ReportLabels() {
	}

	/** A status code: the gap kind's name, OK for a segment held well. */
	static String code(GapKind kind) {
		return (kind == null) ? "OK" : kind.name();
	}

	static String status(GapKind kind) {
		if (kind == null) {
			return "已覆盖 Covered";
		}
		return switch (kind) {
			case BROKEN -> "断链 Broken";
			case MISSING -> "缺链 Missing";
			case WEAK -> "弱链 Weak";
		};
	}

	static String stage(Stage stage) {
		if (stage == null) {
			return "未分段 No stage";
		}
		return switch (stage) {
			case UPSTREAM -> "上游 Upstream";
			case MIDSTREAM -> "中游 Midstream";
			case DOWNSTREAM -> "下游 Downstream";
		};
	}

	static String dateTime(OffsetDateTime time) {
		return DATE_TIME.format(time);
	}

	/** A coverage as a percentage with one decimal, as the explorer shows it. */
	static String percent(double coverage) {
		return String.format(Locale.ROOT, "%.1f%%", coverage * 100);
	}

	static String orNone(String text) {
		return (text == null || text.isBlank()) ? "（空） none" : text;
	}

	/** A candidate's score as the API gives it, without a trailing ".0" for whole numbers. */
	static String score(double score) {
		return (score == Math.rint(score)) ? Long.toString((long) score) : String.format(Locale.ROOT, "%.2f", score);
	}

}
