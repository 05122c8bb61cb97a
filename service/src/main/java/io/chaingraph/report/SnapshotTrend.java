package io.chaingraph.report;

import java.util.List;

import io.chaingraph.gap.GapHistory;
import io.chaingraph.report.ChainReport.TrendPoint;

import org.springframework.stereotype.Component;

/**
 * A report's trend from the gap history (docs/design.md, "Gap history"): the park's coverage of the chain at
 * each kept snapshot, the newest {@value #MAX_POINTS}, each noted with what caused it (an import run, a
 * curation edit, an accepted proposal).
 */
@Component
class SnapshotTrend implements CoverageHistory {

	/** Points a report shows at most. */
	static final int MAX_POINTS = 200;

	private final GapHistory history;

	SnapshotTrend(GapHistory history) {
		this.history = history;
	}

	@Override
	public List<TrendPoint> points(String parkId, String chainId, int weakBelow) {
		return this.history.coverage(parkId, chainId, MAX_POINTS)
			.stream()
			.map(p -> new TrendPoint(p.at(), p.coverage(), p.causeLabel() + " · " + p.cause()))
			.toList();
	}

}
