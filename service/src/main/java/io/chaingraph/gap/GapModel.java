package io.chaingraph.gap;

import java.util.List;

import io.chaingraph.entity.Chain;
import io.chaingraph.entity.ChainNode;
import io.chaingraph.entity.Park;
import io.chaingraph.entity.Platform;
import io.chaingraph.entity.Stage;

/** The records of the gap API. */
public final class GapModel {

	private GapModel() {
	}

	public record GapReport(Park park, Chain chain, double coverage, List<Gap> gaps, List<SegmentStatus> segments,
			GapCounts counts) {
	}

	public record Gap(ChainNode node, GapKind kind, int localCount, Stage stage, List<NeighbourStatus> upstream,
			List<NeighbourStatus> downstream, int candidateCount, List<Platform> localPlatforms,
			List<Platform> otherPlatforms, boolean unserved) {
	}

	public record NeighbourStatus(ChainNode node, int localCount, boolean present) {
	}

	public record SegmentStatus(ChainNode node, int localCount, GapKind kind) {
	}

	public record GapCounts(int segments, int present, int missing, int broken, int weak) {
	}

	public record StageCount(Stage stage, int enterprises) {
	}

	/**
	 * One park of a comparison: its totals, its report's segments, and the segments it holds or lacks
	 * against the other compared parks, in the report's order.
	 */
	public record ParkComparison(Park park, double coverage, GapCounts counts, List<StageCount> enterprisesByStage,
			int localEnterprises, List<SegmentStatus> segments, List<ChainNode> heldOnlyHere,
			List<ChainNode> lackedHeldElsewhere) {
	}

}
