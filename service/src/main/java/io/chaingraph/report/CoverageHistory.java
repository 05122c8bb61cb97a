package io.chaingraph.report;

import java.util.List;

import io.chaingraph.report.ChainReport.TrendPoint;

/**
 * The extension point of a report's trend (the workbook's trend sheet, the print page's trend section): the
 * park's earlier coverage of the chain, oldest first. {@link ChainReports} uses the one bean of this type if
 * there is one and always appends the report's own point; without one the trend is that single point.
 * Implement it in this package (an adapter calling the history's service), so that the history, wherever
 * it lives, needs nothing from the reports.
 */
@FunctionalInterface
public interface CoverageHistory {

	/** Earlier points for the park and chain at this weak threshold, oldest first (none: an empty list). */
	List<TrendPoint> points(String parkId, String chainId, int weakBelow);

}
