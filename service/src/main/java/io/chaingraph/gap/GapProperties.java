package io.chaingraph.gap;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How gap reports are kept ({@code chaingraph.gaps.*}): see {@link GapReportCache} and
 * {@link GapReportRefresher}. docs/configuration.md lists every setting with its environment variable.
 *
 * @param cacheSegments gap reports (chainGaps, compareParks) kept until the graph changes, bounded by
 * the segments they hold (a 1,000-segment chain's report weighs 1,000); 0: compute every report
 * @param refreshReports after a write, this many of the reports asked for most recently are computed
 * again in the background once the graph has been quiet for one poll, so the first request after the
 * write finds its report kept; 0: off
 * @param refreshPoll how often the refresher reads the database's version (one empty read); a refresh
 * starts when two reads in a row agree; must be positive
 * @param keepCounts keep the local counts of gap reports on write ({@link GapStats}, embedded database
 * only); false: every report computed afresh counts from the graph, and writes skip the upkeep
 */
@ConfigurationProperties("chaingraph.gaps")
@Validated
record GapProperties(@DefaultValue("200000") @Min(0) long cacheSegments, @DefaultValue("20") @Min(0) int refreshReports,
		@DefaultValue("2s") @NotNull Duration refreshPoll, @DefaultValue("true") boolean keepCounts) {
}
