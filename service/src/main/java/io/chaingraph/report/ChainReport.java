package io.chaingraph.report;

import java.time.OffsetDateTime;
import java.util.List;

import io.chaingraph.entity.Chain;
import io.chaingraph.entity.Park;
import io.chaingraph.gap.Candidate;
import io.chaingraph.gap.GapModel.Gap;
import io.chaingraph.gap.GapModel.GapCounts;
import io.chaingraph.gap.GapModel.SegmentStatus;

/**
 * Everything a chain report shows (docs/api.md, "Reports"): the park's report on the chain as
 * {@code chainGaps} answers it, the first candidates of each gap as {@code gapCandidates} ranks them, where
 * the data came from, and the coverage over time. The workbook ({@link ReportWorkbook}) and the print page
 * ({@link ReportPage}) are both written from it, so they show the same figures.
 *
 * @param generated when the report was made
 * @param candidatesPerGap how many candidates each gap lists at most
 * @param trend coverage over time, oldest first; its last point is this report's
 */
public record ChainReport(Park park, Chain chain, OffsetDateTime generated, int weakBelow, int candidatesPerGap,
		double coverage, GapCounts counts, List<SegmentStatus> segments, List<GapCandidates> gaps, Sources sources,
		List<TrendPoint> trend) {

	public ChainReport {
		segments = List.copyOf(segments);
		gaps = List.copyOf(gaps);
		trend = List.copyOf(trend);
	}

	/** A gap of the report and its best candidates, best first. */
	public record GapCandidates(Gap gap, List<Candidate> candidates) {

		public GapCandidates {
			candidates = List.copyOf(candidates);
		}

	}

	/**
	 * Where the report's data came from: the {@code source} values of the park's enterprises in the chain
	 * (most records first) and the import runs that wrote them, the park and the chain (newest first).
	 *
	 * @param enterprises the park's enterprises in the chain (located in it or a sub-park, working in a segment)
	 * @param parkSource the park's own {@code source}
	 * @param chainSource the chain's own {@code source}
	 */
	public record Sources(int enterprises, String parkSource, String chainSource, List<SourceCount> sources,
			List<RunSource> runs) {

		public Sources {
			sources = List.copyOf(sources);
			runs = List.copyOf(runs);
		}

	}

	/** A {@code source} value and how many of the park's enterprises in the chain carry it (null: none given). */
	public record SourceCount(String source, int enterprises) {
	}

	/**
	 * An import run that wrote some of the report's records ({@code importRun} on the node).
	 *
	 * @param dataset the run's dataset (null when the run is no longer stored)
	 * @param finished when it finished, ISO-8601 (null when unknown)
	 * @param records how many of the park's enterprises in the chain, the park and the chain it wrote last
	 */
	public record RunSource(String id, String dataset, String status, String finished, int records) {
	}

	/**
	 * One point of the coverage trend.
	 *
	 * @param note what the point is (Chinese first, English beside it), e.g. the run that made it
	 */
	public record TrendPoint(OffsetDateTime time, double coverage, String note) {
	}

}
