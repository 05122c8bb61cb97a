package io.chaingraph.gap;

import java.util.List;

import io.chaingraph.gap.GapModel.GapReport;
import io.chaingraph.gap.GapModel.ParkComparison;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class GapController {

	private final GapService gaps;

	GapController(GapService gaps) {
		this.gaps = gaps;
	}

	@QueryMapping
	GapReport chainGaps(@Argument String parkId, @Argument String chainId, @Argument int weakBelow) {
		return this.gaps.chainGaps(parkId, chainId, weakBelow);
	}

	@QueryMapping
	List<Candidate> gapCandidates(@Argument String parkId, @Argument String nodeId, @Argument int first,
			@Argument String after) {
		return this.gaps.candidates(parkId, nodeId, first, after);
	}

	@QueryMapping
	List<ParkComparison> compareParks(@Argument List<String> parkIds, @Argument String chainId,
			@Argument int weakBelow) {
		return this.gaps.compare(parkIds, chainId, weakBelow);
	}

}
