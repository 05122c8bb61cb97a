package io.chaingraph.gap;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.chaingraph.common.Cursors;
import io.chaingraph.config.Graph;
import io.chaingraph.config.Limits;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a write, the gap reports asked for most recently are computed again in the background
 * ({@link GapReportRefresher}), so the first request after the write finds its report kept and up to
 * date. The shared application context runs without the refresher (its polls would disturb the tests
 * counting round trips), so each test here builds its own cache (two recent reports), service and
 * refresher (polling every 100 ms) on the context's database, and stops the refresher afterwards.
 *
 * <pre>
 * parks P and Q; chain K with segments A and B; e1 (in P) works in A
 * </pre>
 */
class GapReportRefresherTest extends IntegrationTest {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Autowired
	Graph graph;

	@Autowired
	GapRepository repository;

	@Autowired
	Limits limits;

	@Autowired
	Cursors cursors;

	@Autowired
	GapStats stats;

	@Autowired
	GapStructures structures;

	private GapReportCache cache;

	private GapService gaps;

	private GapReportRefresher refresher;

	@BeforeEach
	void build() {
		new Fixtures(this.graph).wipe().cypher(GapReportCacheTest.GRAPH);
		this.cache = new GapReportCache(this.graph, 200_000, 2,
				new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class));
		this.gaps = new GapService(this.repository, this.cache, this.stats, this.structures, this.limits, this.cursors);
		this.refresher = new GapReportRefresher(this.graph, this.gaps, this.cache, Duration.ofMillis(100));
		this.refresher.start();
	}

	@AfterEach
	void stop() {
		this.refresher.stop();
	}

	@Test
	void theFirstRequestAfterAWriteFindsItsReportComputedAgainAndUpToDate() {
		GapReportCache.Key key = new GapReportCache.Key(List.of("P"), "K", 2);
		assertThat(GapReportCacheTest.localCounts(this.gaps.chainGaps("P", "K", 2)))
			.containsExactly(Map.entry("A", 1), Map.entry("B", 0));

		// a write outside the service drops the report; the refresher computes it again
		GapReportCacheTest.enterpriseInPNowWorksInB(this.graph);
		GapService.Reports refreshed = Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
			.until(() -> this.cache.peek(key), java.util.Objects::nonNull);
		assertThat(GapReportCacheTest.localCounts(refreshed.reports().get(0))).as("computed after the write")
			.containsExactly(Map.entry("A", 1), Map.entry("B", 1));

		// the request is answered from it (the very report the refresher computed; the refresher's own
		// polls make counting this request's round trips unreliable here, GapReportCacheTest counts them)
		assertThat(this.gaps.chainGaps("P", "K", 2)).isSameAs(refreshed.reports().get(0));
	}

	@Test
	void onlyTheReportsAskedForMostRecentlyAreRefreshedAndOnesThatNoLongerExistAreForgotten() {
		this.gaps.chainGaps("P", "K", 3);
		this.gaps.compare(List.of("P", "Q"), "K", 2);
		this.gaps.chainGaps("Q", "K", 2);
		GapReportCache.Key q = new GapReportCache.Key(List.of("Q"), "K", 2);
		GapReportCache.Key pq = new GapReportCache.Key(List.of("P", "Q"), "K", 2);
		GapReportCache.Key oldest = new GapReportCache.Key(List.of("P"), "K", 3);
		assertThat(this.cache.recentKeys()).as("most recent first, two kept").containsExactly(q, pq);

		long before = this.refresher.refreshes();
		new Fixtures(this.graph).cypher("MATCH (p:Park {id: 'P'}) SET p.name = 'P2'");
		Awaitility.await().atMost(PATIENCE).until(() -> this.cache.peek(q) != null && this.cache.peek(pq) != null);
		assertThat(this.refresher.refreshes() - before).isGreaterThanOrEqualTo(2);
		assertThat(this.cache.peek(oldest)).as("not among the two most recent").isNull();

		// Q is removed: its report cannot be computed any more, so the refresher stops asking for it
		new Fixtures(this.graph).cypher("MATCH (p:Park {id: 'Q'}) DETACH DELETE p");
		Awaitility.await().atMost(PATIENCE).until(() -> !this.cache.recentKeys().contains(q));
		assertThat(this.cache.recentKeys()).doesNotContain(q);
	}

}
