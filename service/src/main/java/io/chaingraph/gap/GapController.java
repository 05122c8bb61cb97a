package io.chaingraph.gap;

import java.util.List;

import graphql.schema.DataFetchingFieldSelectionSet;
import io.chaingraph.common.Connection;
import io.chaingraph.common.Cursors;
import io.chaingraph.gap.GapModel.GapReport;
import io.chaingraph.gap.GapModel.ParkComparison;

import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.stereotype.Controller;

@Controller
class GapController {

	private final GapService gaps;

	private final Cursors cursors;

	private final GapHistory history;

	GapController(GapService gaps, Cursors cursors, GapHistory history) {
		this.gaps = gaps;
		this.cursors = cursors;
		this.history = history;
	}

	/** {@code asOf}: the report of the snapshot in force at that time ({@link GapHistory#asOf}). */
	@QueryMapping
	GapReport chainGaps(@Argument String parkId, @Argument String chainId, @Argument int weakBelow,
			@Argument java.time.OffsetDateTime asOf,
			@ContextValue(name = GapReportCache.NO_CACHE, required = false) Boolean noCache) {
		if (asOf != null) {
			return this.history.asOf(parkId, chainId, asOf, weakBelow);
		}
		return this.gaps.chainGaps(parkId, chainId, weakBelow, Boolean.TRUE.equals(noCache));
	}

	/**
	 * {@code after} arrives decoded in {@code range}; {@code first} is read as an argument too, because the
	 * range drops a negative count, which is a client error here.
	 */
	@QueryMapping
	Connection<Candidate> gapCandidates(@Argument String parkId, @Argument String nodeId, @Argument String region,
			@Argument int first, ScrollSubrange range, DataFetchingFieldSelectionSet selection) {
		return this.gaps.candidates(parkId, nodeId, region, first,
				CandidateCursor.of(this.cursors.after(CandidateCursor.LIST, range)), selection.contains("totalCount"));
	}

	/** Every focus chain's report of a park ({@code FOCUSES_ON}), in chain name order; an unknown park is an error. */
	@QueryMapping
	List<GapReport> parkGaps(@Argument String parkId, @Argument int weakBelow,
			@ContextValue(name = GapReportCache.NO_CACHE, required = false) Boolean noCache) {
		return this.gaps.parkGaps(parkId, weakBelow, Boolean.TRUE.equals(noCache));
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
