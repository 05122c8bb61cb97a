package io.chaingraph.report;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.chaingraph.common.NotFoundException;
import io.chaingraph.gap.GapModel.Gap;
import io.chaingraph.gap.GapModel.GapReport;
import io.chaingraph.gap.SegmentGaps;
import io.chaingraph.report.ChainReport.GapCandidates;
import io.chaingraph.report.ChainReport.TrendPoint;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Makes chain reports (docs/api.md, "Reports"): the park's gap report on the chain as {@code chainGaps} answers
 * it, the first candidates of each gap as {@code gapCandidates} ranks them (one statement per gap), the data's
 * sources (one statement) and the trend ({@link CoverageHistory}). Used by the download and the {@code report}
 * command.
 */
@Service
public class ChainReports {

	/** The default number of candidates listed per gap. */
	public static final int DEFAULT_CANDIDATES = 5;

	/** The most candidates a report lists per gap. */
	public static final int MAX_CANDIDATES = 20;

	private final SegmentGaps gaps;

	private final ReportSources sources;

	private final ObjectProvider<CoverageHistory> history;

	private final Clock clock = Clock.systemDefaultZone();

	ChainReports(SegmentGaps gaps, ReportSources sources, ObjectProvider<CoverageHistory> history) {
		this.gaps = gaps;
		this.sources = sources;
		this.history = history;
	}

	/**
	 * The report of a park on a chain.
	 * @param weakBelow the weak threshold, as {@code chainGaps} takes it (at least 1)
	 * @param candidatesPerGap candidates listed per gap, 0 to {@value #MAX_CANDIDATES}
	 * @throws UnknownIdException for an unknown park or chain (its message in Chinese and English)
	 * @throws IllegalArgumentException for a threshold or count out of range
	 */
	public ChainReport build(String parkId, String chainId, int weakBelow, int candidatesPerGap) {
		if (candidatesPerGap < 0 || candidatesPerGap > MAX_CANDIDATES) {
			throw new IllegalArgumentException("candidates must be between 0 and " + MAX_CANDIDATES + ", was "
					+ candidatesPerGap + " / 每个缺口的候选企业数须在 0 到 " + MAX_CANDIDATES + " 之间");
		}
		if (weakBelow < 1) {
			throw new IllegalArgumentException(
					"weakBelow must be at least 1, was " + weakBelow + " / 弱链阈值至少为 1");
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock).truncatedTo(ChronoUnit.SECONDS);
		GapReport report;
		try {
			report = this.gaps.report(parkId, chainId, weakBelow);
		}
		catch (NotFoundException ex) {
			throw UnknownIdException.of(ex.getMessage(), parkId, chainId);
		}
		List<GapCandidates> sections = new ArrayList<>();
		for (Gap gap : report.gaps()) {
			sections.add(new GapCandidates(gap, (candidatesPerGap == 0) ? List.of()
					: this.gaps.candidates(parkId, gap.node().id(), candidatesPerGap)));
		}
		List<TrendPoint> trend = new ArrayList<>();
		CoverageHistory earlier = this.history.getIfUnique();
		if (earlier != null) {
			trend.addAll(earlier.points(parkId, chainId, weakBelow));
		}
		trend.add(new TrendPoint(now, report.coverage(), ReportLabels.CURRENT_POINT));
		return new ChainReport(report.park(), report.chain(), now, weakBelow, candidatesPerGap, report.coverage(),
				report.counts(), report.segments(), sections, this.sources.read(parkId, chainId), trend);
	}

	/** A report asked for a park or chain the graph does not hold. */
	public static final class UnknownIdException extends NotFoundException {

		private final String parameter;

		private UnknownIdException(String parameter, String message) {
			super(message);
			this.parameter = parameter;
		}

		static UnknownIdException of(String message, String parkId, String chainId) {
			boolean chain = message.startsWith("No chain");
			return chain ? new UnknownIdException("chainId", "找不到产业链 '" + chainId + "' · " + message)
					: new UnknownIdException("parkId", "找不到园区 '" + parkId + "' · " + message);
		}

		/** The parameter naming the unknown id: {@code parkId} or {@code chainId}. */
		public String parameter() {
			return this.parameter;
		}

	}

}
