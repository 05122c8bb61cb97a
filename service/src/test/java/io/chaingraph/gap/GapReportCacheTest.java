package io.chaingraph.gap;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.chaingraph.config.Graph;
import io.chaingraph.gap.GapModel.GapReport;
import io.chaingraph.gap.GapModel.SegmentStatus;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.HttpGraphQl;
import io.chaingraph.support.IntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Gap reports are kept until the graph changes ({@link GapReportCache}): a repeated report costs one
 * round trip (the version), any committed write (made here with plain Cypher, as an operator or
 * another program would) makes the next report read the graph again (its counts; the chain's structure
 * only when that changed, {@link GapStructures}), {@code Cache-Control: no-cache}
 * computes it afresh, and a request for a report being computed waits for it.
 *
 * <pre>
 * park P; chain K with segments A and B; e1 (in P) works in A
 * </pre>
 */
class GapReportCacheTest extends IntegrationTest {

	private static final String GAPS = "query($p: ID!, $c: ID!) { chainGaps(parkId: $p, chainId: $c) { segments { node { id } localCount } } }";

	@Autowired
	Graph graph;

	@Autowired
	GapService gaps;

	@Autowired
	GapReportCache cache;

	@LocalServerPort
	int port;

	/** The graph in the class comment (also {@link GapReportRefresherTest}'s). */
	static final String GRAPH = """
			CREATE (p:Park:Entity {id: 'P', name: 'P', aliases: []}),
			       (q:Park:Entity {id: 'Q', name: 'Q', aliases: []}),
			       (k:Chain:Entity {id: 'K', name: 'K', aliases: []}),
			       (a:ChainNode:Entity {id: 'A', name: 'A', aliases: [], stage: 'UPSTREAM'})-[:IN_CHAIN]->(k),
			       (b:ChainNode:Entity {id: 'B', name: 'B', aliases: [], stage: 'DOWNSTREAM'})-[:IN_CHAIN]->(k),
			       (a)-[:FEEDS]->(b),
			       (e1:Enterprise:Entity {id: 'e1', name: 'e1', aliases: [], tags: []})-[:LOCATED_IN]->(p),
			       (e1)-[:OPERATES_IN]->(a)""";

	/**
	 * A write outside the service, in two transactions: e2 (in P) and e3 (elsewhere) now work in B, so
	 * P's count of B goes from 0 to 1.
	 */
	static void enterpriseInPNowWorksInB(Graph graph) {
		new Fixtures(graph).cypher("""
				MATCH (p:Park {id: 'P'}), (b:ChainNode {id: 'B'})
				CREATE (:Enterprise:Entity {id: 'e2', name: 'e2', aliases: [], tags: []})-[:LOCATED_IN]->(p),
				       (:Enterprise:Entity {id: 'e3', name: 'e3', aliases: [], tags: []})-[:OPERATES_IN]->(b)""");
		new Fixtures(graph).cypher("MATCH (e:Enterprise {id: 'e2'}), (b:ChainNode {id: 'B'}) CREATE (e)-[:OPERATES_IN]->(b)");
	}

	@BeforeEach
	void build() {
		new Fixtures(this.graph).wipe().cypher(GRAPH);
	}

	@Test
	void aRepeatedReportIsKeptUntilAnyWriteAndThenReadAgain() {
		long before = this.graph.statementCount();
		GapReport first = this.gaps.chainGaps("P", "K", 2);
		assertThat(this.graph.statementCount() - before).as("version + report").isEqualTo(2);
		assertThat(localCounts(first)).containsExactly(Map.entry("A", 1), Map.entry("B", 0));

		before = this.graph.statementCount();
		GapReport again = this.gaps.chainGaps("P", "K", 2);
		assertThat(again).isSameAs(first);
		assertThat(this.graph.statementCount() - before).as("version only").isEqualTo(1);

		// another weakBelow is another report: from the kept counts and the chain's kept structure row
		before = this.graph.statementCount();
		this.gaps.chainGaps("P", "K", 3);
		assertThat(this.graph.statementCount() - before).as("version only: the structure row is kept").isEqualTo(1);

		// a write outside the service: an enterprise in P now works in B
		enterpriseInPNowWorksInB(this.graph);
		before = this.graph.statementCount();
		GapReport afterWrite = this.gaps.chainGaps("P", "K", 2);
		assertThat(this.graph.statementCount() - before).as("version; links keep the structure row").isEqualTo(1);
		assertThat(afterWrite).isNotSameAs(first);
		assertThat(localCounts(afterWrite)).containsExactly(Map.entry("A", 1), Map.entry("B", 1));

		// a write that changes nothing the report reads still drops it: the version is the database's
		new Fixtures(this.graph).cypher("MATCH (e:Enterprise {id: 'e3'}) SET e.employees = 5");
		before = this.graph.statementCount();
		assertThat(this.gaps.chainGaps("P", "K", 2)).isNotSameAs(afterWrite).isEqualTo(afterWrite);
		assertThat(this.graph.statementCount() - before).isEqualTo(1);

		// a change of the structure (B renamed) drops the row too: version + structure
		new Fixtures(this.graph).cypher("MATCH (b:ChainNode {id: 'B'}) SET b.name = 'B2'");
		before = this.graph.statementCount();
		assertThat(this.gaps.chainGaps("P", "K", 2).segments()).extracting(s -> s.node().name()).contains("B2");
		assertThat(this.graph.statementCount() - before).isEqualTo(2);
	}

	@Test
	void readsLeaveTheVersionAsItIsAndEveryWriteChangesIt() {
		String version = this.graph.version();
		this.graph.list("MATCH (n:Entity) RETURN n.id AS id", Map.of(), r -> r.get("id").asString());
		this.gaps.chainGaps("P", "K", 2);
		assertThat(this.graph.version()).isEqualTo(version);

		new Fixtures(this.graph).cypher("MATCH (p:Park {id: 'Q'}) SET p.name = 'Q2'");
		String written = this.graph.version();
		assertThat(written).isNotEqualTo(version);
		new Fixtures(this.graph).cypher("MATCH (p:Park {id: 'Q'}) SET p.name = 'Q'");
		assertThat(this.graph.version()).as("a write back to the old value is a write too").isNotEqualTo(written)
			.isNotEqualTo(version);
	}

	@Test
	void compareParksKeepsItsReportsToo() {
		this.gaps.compare(List.of("P", "Q"), "K", 2);
		long before = this.graph.statementCount();
		assertThat(this.gaps.compare(List.of("P", "Q"), "K", 2)).extracting(c -> c.park().id(), c -> c.localEnterprises())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("P", 1), org.assertj.core.groups.Tuple.tuple("Q", 0));
		assertThat(this.graph.statementCount() - before).isEqualTo(1);
	}

	@Test
	void anUnknownParkIsNotKept() {
		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> this.gaps.chainGaps("nope", "K", 2))
				.isInstanceOf(io.chaingraph.common.NotFoundException.class)
				.hasMessageContaining("No park with id 'nope'");
		}
	}

	@Test
	void cacheControlNoCacheComputesTheReportAfreshOverHttp() {
		HttpGraphQl http = new HttpGraphQl(this.port);
		String body = tools.jackson.databind.json.JsonMapper.builder().build()
			.writeValueAsString(Map.of("query", GAPS, "variables", Map.of("p", "P", "c", "K")));
		HttpGraphQl.Response first = http.send(null, body, Map.of());
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.data().path("chainGaps").path("segments").size()).isEqualTo(2);

		long before = this.graph.statementCount();
		HttpGraphQl.Response kept = http.send(null, body, Map.of());
		assertThat(this.graph.statementCount() - before).as("kept: version only").isEqualTo(1);

		before = this.graph.statementCount();
		HttpGraphQl.Response fresh = http.send(null, body, Map.of("Cache-Control", "no-cache"));
		assertThat(this.graph.statementCount() - before).as("no-cache: version + the structure read now").isEqualTo(2);
		assertThat(fresh.body()).isEqualTo(kept.body()).isEqualTo(first.body());
	}

	@Test
	void aRequestForAReportBeingComputedWaitsForItInsteadOfComputingItAgain() throws Exception {
		GapService.Reports computed = new GapService.Reports(List.of(), Map.of(), Map.of());
		AtomicInteger computations = new AtomicInteger();
		Race race = race(new GapReportCache.Key(List.of("P"), "K", 7), () -> {
			computations.incrementAndGet();
			return computed;
		}, () -> {
			computations.incrementAndGet();
			return new GapService.Reports(List.of(), Map.of(), Map.of());
		});
		assertThat(race.first().get(30, TimeUnit.SECONDS)).isSameAs(computed);
		assertThat(race.second().get(30, TimeUnit.SECONDS)).isSameAs(computed);
		assertThat(computations).hasValue(1);
	}

	@Test
	void whenTheRequestComputingAReportFailsTheOneWaitingComputesItItself() throws Exception {
		GapService.Reports own = new GapService.Reports(List.of(), Map.of(), Map.of());
		Race race = race(new GapReportCache.Key(List.of("P"), "K", 8), () -> {
			throw new IllegalStateException("the database went away");
		}, () -> own);
		assertThatThrownBy(() -> race.first().get(30, TimeUnit.SECONDS)).hasRootCauseMessage("the database went away");
		assertThat(race.second().get(30, TimeUnit.SECONDS)).isSameAs(own);
	}

	/** Two requests for the same report, the second while the first computes it. */
	private record Race(Future<GapService.Reports> first, Future<GapService.Reports> second) {
	}

	/**
	 * Starts a request for {@code key} whose computation ({@code first}) is held until a second request
	 * (computing {@code second} if it has to) is waiting for it; then lets the first go on.
	 */
	private Race race(GapReportCache.Key key, Supplier<GapService.Reports> first, Supplier<GapService.Reports> second)
			throws InterruptedException {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<GapService.Reports> one = pool.submit(() -> this.cache.get(key, false, () -> {
				started.countDown();
				await(release);
				return first.get();
			}));
			assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
			Future<GapService.Reports> two = pool.submit(() -> this.cache.get(key, false, second));
			Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> this.cache.waiting() == 1);
			release.countDown();
			return new Race(one, two);
		}
		finally {
			pool.shutdown(); // the two requests finish; no new ones
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static Map<String, Integer> localCounts(GapReport report) {
		Map<String, Integer> counts = new java.util.LinkedHashMap<>();
		for (SegmentStatus segment : report.segments()) {
			counts.put(segment.node().id(), segment.localCount());
		}
		return counts;
	}

}
