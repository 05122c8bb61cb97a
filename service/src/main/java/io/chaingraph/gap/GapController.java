package io.chaingraph.gap;

import java.util.List;

import io.chaingraph.gap.GapModel.GapReport;
import io.chaingraph.gap.GapModel.ParkComparison;

import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.stereotype.Controller;

@Controller
class GapController {

	private final GapService gaps;

	GapController(GapService gaps) {
		this.gaps = gaps;
	}

	@QueryMapping
	GapReport chainGaps(@Argument String parkId, @Argument String chainId, @Argument int weakBelow,
			@ContextValue(name = GapReportCache.NO_CACHE, required = false) Boolean noCache) {
		return this.gaps.chainGaps(parkId, chainId, weakBelow, Boolean.TRUE.equals(noCache));
	}

	@QueryMapping
	List<Candidate> gapCandidates(@Argument String parkId, @Argument String nodeId, @Argument int first,
			@Argument String after) {
		return this.gaps.candidates(parkId, nodeId, first, after);
	}

	@QueryMapping
	List<ParkComparison> compareParks(@Argument List<String> parkIds, @Argument String chainId,
			@Argument int weakBelow, @ContextValue(name = GapReportCache.NO_CACHE, required = false) Boolean noCache) {
		return this.gaps.compare(parkIds, chainId, weakBelow, Boolean.TRUE.equals(noCache));
	}

	/**
	 * {@code Cache-Control: no-cache} on a request: its gap reports are computed afresh
	 * ({@link GapReportCache}; a kept report is never older than the graph, so clients need this only
	 * to measure the statement).
	 */
	@Bean
	static WebGraphQlInterceptor noCacheInterceptor() {
		return (request, chain) -> {
			if (request.getHeaders().getCacheControl() != null
					&& request.getHeaders().getCacheControl().toLowerCase(java.util.Locale.ROOT).contains("no-cache")) {
				request.configureExecutionInput((input, builder) -> builder
					.graphQLContext(java.util.Map.of(GapReportCache.NO_CACHE, true))
					.build());
			}
			return chain.next(request);
		};
	}

}
