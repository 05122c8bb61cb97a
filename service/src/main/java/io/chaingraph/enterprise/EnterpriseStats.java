package io.chaingraph.enterprise;

import java.util.List;

import io.chaingraph.entity.ChainNode;
import io.chaingraph.entity.Park;
import io.chaingraph.entity.Stage;

/**
 * Counts of the enterprises a filter matches: in all, per tag, per stage, per segment, per park (the
 * largest {@value #CAP} of each, largest first).
 */
public record EnterpriseStats(int total, List<TagCount> byTag, List<StageCount> byStage, List<SegmentCount> bySegment,
		List<ParkCount> byPark) {

	/** Most entries per breakdown. */
	static final int CAP = 100;

	public record TagCount(String tag, int count) {
	}

	public record StageCount(Stage stage, int count) {
	}

	public record SegmentCount(ChainNode node, int count) {
	}

	public record ParkCount(Park park, int count) {
	}

}
