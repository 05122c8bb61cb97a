package io.chaingraph.gap;

import java.util.List;
import java.util.Map;

import io.chaingraph.gap.GapModel.GapReport;
import io.chaingraph.gap.GapModel.ParkComparison;

import org.springframework.stereotype.Component;

/**
 * What the benchmark ({@code bench}) needs from this package: the exact Cypher of the gap report and
 * of the candidate ranking with the parameters the service sends, and the service calls themselves.
 */
@Component
public class GapBenchAccess {

	/** GraphQL context key: the request's gap reports are computed afresh (what {@code Cache-Control: no-cache} sets). */
	public static final String NO_CACHE = GapReportCache.NO_CACHE;

	private final GapService gaps;

	GapBenchAccess(GapService gaps) {
		this.gaps = gaps;
	}

	/** The one statement behind {@code chainGaps} and {@code compareParks}. */
	public static String reportCypher() {
		return GapRepository.REPORT_STATEMENT;
	}

	public static Map<String, Object> reportParameters(List<String> parkIds, String chainId, int weakBelow) {
		return GapRepository.reportParameters(parkIds, chainId, weakBelow);
	}

	/** The statement behind {@code gapCandidates} (first page). */
	public static String candidatesCypher() {
		return GapRepository.CANDIDATES;
	}

	public static Map<String, Object> candidatesParameters(String parkId, String nodeId, int first) {
		return GapRepository.candidateParameters(parkId, nodeId, null, first);
	}

	/** @param noCache compute it afresh (the statement's cost) instead of taking a kept report */
	public GapReport chainGaps(String parkId, String chainId, int weakBelow, boolean noCache) {
		return this.gaps.chainGaps(parkId, chainId, weakBelow, noCache);
	}

	public List<Candidate> gapCandidates(String parkId, String nodeId, int first) {
		return this.gaps.candidates(parkId, nodeId, first, null);
	}

	public List<ParkComparison> compareParks(List<String> parkIds, String chainId, int weakBelow, boolean noCache) {
		return this.gaps.compare(parkIds, chainId, weakBelow, noCache);
	}

}
