package io.chaingraph.gap;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The gap history's queries (monitor.graphqls); {@code chainGaps(asOf)} is answered by {@link GapController}. */
@Controller
class GapHistoryController {

	private final GapHistory history;

	GapHistoryController(GapHistory history) {
		this.history = history;
	}

	@QueryMapping
	List<GapHistory.Snapshot> gapHistory(@Argument String parkId, @Argument String chainId, @Argument OffsetDateTime from,
			@Argument OffsetDateTime to, @Argument int first) {
		return this.history.history(parkId, chainId, from, to, first);
	}

	@QueryMapping
	GapHistory.GapChanges gapChanges(@Argument String parkId, @Argument OffsetDateTime since) {
		return this.history.changes(parkId, since);
	}

}
