package io.chaingraph.gap;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.chaingraph.gap.GapModel.GapReport;
import io.chaingraph.importing.ImportProgress;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.support.DatasetDir;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.HttpGraphQl;
import io.chaingraph.support.SecuredIntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gap statistics kept on write, on the test dataset (t-park with its sub-park t-sub, t-other; the
 * chain t-chain with t-n2a under t-n2): after an import, curation mutations and plain Cypher they
 * equal a recount from the graph, without one; a curation write that changes a count shows in the
 * next report; a change of the structure is counted again in the writing transaction on a small graph,
 * and on a large one makes reports count from the graph until the background recount; and reports
 * from the counts equal reports from the graph.
 */
class GapStatsTest extends SecuredIntegrationTest {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	GapStats stats;

	@Autowired
	GapService gaps;

	@TempDir
	Path tmp;

	/** The structure alone, counted; then the enterprises and their links imported on top (kept on write). */
	@BeforeEach
	void load() {
		new Fixtures(this.graph).wipe();
		DatasetDir structure = new DatasetDir(this.tmp.resolve("structure"))
			.with("enterprises.csv", DatasetDir.VALID.get("enterprises.csv").lines().findFirst().orElseThrow() + "\n")
			.with("enterprise_nodes.csv", "enterpriseId,nodeId,weight,confidence,source\n")
			.with("supplies.csv", "supplierId,customerId,product,since,source\n")
			.with("platform_links.csv", "platformId,targetId,kind,since,source\nt-p1,t-n1,SERVES,2021,\n");
		assertThat(this.imports.run(DatasetSource.fromDirectory(structure.write()), false, ImportProgress.NONE)
			.hasErrors()).isFalse();
		this.stats.recount();
		assertThat(this.stats.ready()).isTrue();
		assertThat(this.imports.run(DatasetSource.fromDirectory(new DatasetDir(this.tmp.resolve("all")).write()), false,
				ImportProgress.NONE).hasErrors()).isFalse();
	}

	/** Every kept count, by park, as stored. */
	private Map<String, Object> stored() {
		Map<String, Object> all = new TreeMap<>();
		this.graph.list("""
				MATCH (s:GapStats)
				RETURN s.park AS park, [i IN range(0, size(s.segments) - 1) | s.segments[i] + '=' + s.segmentCounts[i]] AS segments,
				       [i IN range(0, size(s.chains) - 1) | s.chains[i] + '=' + s.chainCounts[i]] AS chains,
				       [i IN range(0, size(s.stages) - 1) | s.stages[i] + '=' + s.stageCounts[i]] AS stages""",
				Map.of(), r -> all.put(r.get("park").asString(), List.of(r.get("segments").asList(), r.get("chains").asList(),
						r.get("stages").asList())));
		all.values().removeIf(v -> ((List<?>) v).stream().allMatch(l -> ((List<?>) l).isEmpty()));
		return all;
	}

	/** The kept counts are ready, and a recount from the graph gives the same. */
	private void keptEqualsARecount() {
		assertThat(this.stats.ready()).as("kept on write, no recount pending").isTrue();
		Map<String, Object> kept = stored();
		this.stats.recount();
		assertThat(stored()).isEqualTo(kept);
	}

	private static Map<String, Integer> localCounts(GapReport report) {
		Map<String, Integer> counts = new TreeMap<>();
		report.segments().forEach(s -> counts.put(s.node().id(), s.localCount()));
		return counts;
	}

	private void ok(HttpGraphQl.Response response) {
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.errors().isMissingNode() || response.errors().isEmpty()).as(response.text()).isTrue();
	}

	@Test
	void anImportKeepsThemAndTheyMatchTheGraph() {
		keptEqualsARecount();
		Map<String, Object> kept = stored();
		// t-e1 in t-park works in t-n2a (under t-n2); t-e2 in t-sub (under t-park) in t-n1
		assertThat(kept.get("t-park").toString()).contains("t-n1=1", "t-n2=1", "t-n2a=1", "t-chain=2");
		assertThat(kept.get("t-sub").toString()).contains("t-n1=1").doesNotContain("t-n2=");
		// the whole graph: t-e4 (in no park) works in t-n3
		assertThat(kept.get("").toString()).contains("t-n3=1", "t-n2=2");
		assertThat(localCounts(this.gaps.chainGaps("t-park", "t-chain", 2, true)))
			.containsExactly(Map.entry("t-n1", 1), Map.entry("t-n2", 1), Map.entry("t-n2a", 1), Map.entry("t-n3", 0));
	}

	@Test
	void aCurationWriteThatChangesACountShowsInTheNextReport() {
		assertThat(this.gaps.chainGaps("t-park", "t-chain", 2, true).segments().stream()
			.filter(s -> s.node().id().equals("t-n3")).findFirst().orElseThrow().localCount()).isZero();
		// t-e4 (丙物流, in no park, works in t-n3) moves into t-sub
		ok(this.http.post(EDITOR, "mutation { moveToPark(id: \"t-e4\", parkId: \"t-sub\", expectedVersion: 1) { id version } }",
				Map.of()));
		assertThat(localCounts(this.gaps.chainGaps("t-park", "t-chain", 2, false))).containsEntry("t-n3", 1);
		keptEqualsARecount();
		// t-e1 also works in t-n1 now; then no longer in t-n2a
		ok(this.http.post(EDITOR, "mutation { linkEnterpriseToNode(enterpriseId: \"t-e1\", nodeId: \"t-n1\") { version } }",
				Map.of()));
		ok(this.http.post(EDITOR, "mutation { unlinkEnterpriseFromNode(enterpriseId: \"t-e1\", nodeId: \"t-n2a\") { version } }",
				Map.of()));
		assertThat(localCounts(this.gaps.chainGaps("t-park", "t-chain", 2, false)))
			.containsExactly(Map.entry("t-n1", 2), Map.entry("t-n2", 0), Map.entry("t-n2a", 0), Map.entry("t-n3", 1));
		keptEqualsARecount();
		// deleted: its links go with it
		ok(this.http.post(ADMIN, "mutation { deleteEnterprise(id: \"t-e2\", expectedVersion: 1) { relationshipsRemoved } }", Map.of()));
		assertThat(localCounts(this.gaps.chainGaps("t-park", "t-chain", 2, false))).containsEntry("t-n1", 1);
		keptEqualsARecount();
	}

	@Test
	void plainCypherIsKeptToo() {
		this.graph.write("""
				MATCH (e:Enterprise {id: 't-e3'}), (p:Park {id: 't-park'}), (n:ChainNode {id: 't-n3'})
				CREATE (e)-[:LOCATED_IN]->(p), (e)-[:OPERATES_IN]->(n)""", Map.of());
		assertThat(localCounts(this.gaps.chainGaps("t-park", "t-chain", 2, true))).containsEntry("t-n3", 1)
			.containsEntry("t-n2", 2);
		keptEqualsARecount();
		this.graph.write("MATCH (e:Enterprise {id: 't-e1'}) DETACH DELETE e", Map.of());
		keptEqualsARecount();
	}

	@Test
	void aChangedStructureIsCountedAgainInTheWritingTransaction() {
		// t-n2a leaves t-n2: t-e1 no longer counts for t-n2
		this.graph.write("MATCH (:ChainNode {id: 't-n2a'})-[r:PART_OF]->() DELETE r", Map.of());
		assertThat(this.stats.ready()).isTrue();
		assertThat(stored().get("t-park").toString()).doesNotContain("t-n2=").contains("t-n2a=1");
		assertThat(localCounts(this.gaps.chainGaps("t-park", "t-chain", 2, true))).containsEntry("t-n2", 0)
			.containsEntry("t-n2a", 1);
		keptEqualsARecount();
	}

	/**
	 * A recount replaces the count nodes; a report read meanwhile (read-committed: a node found may be
	 * deleted before its properties are read) counts from the graph instead of failing, and gives the
	 * same report.
	 */
	@Test
	void aReportReadWhileARecountReplacesTheCountsNeverFails() throws Exception {
		var expected = localCounts(this.gaps.chainGaps("t-park", "t-chain", 2, true));
		List<String> parks = List.of("t-park", "t-sub");
		GapStats.Snapshot before = this.stats.read(parks).orElseThrow();
		java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
		java.util.concurrent.atomic.AtomicInteger recounted = new java.util.concurrent.atomic.AtomicInteger();
		Thread recounts = new Thread(() -> {
			while (!done.get()) {
				this.stats.recount();
				recounted.incrementAndGet();
			}
		}, "recounts");
		recounts.start();
		int read = 0;
		try {
			// reads side by side with sixty recounts
			while (recounted.get() < 60) {
				var snapshot = this.stats.read(parks);
				if (snapshot.isPresent()) {
					read++;
					for (String park : parks) {
						assertThat(snapshot.get().park(park).segments).isEqualTo(before.park(park).segments);
						assertThat(snapshot.get().park(park).chains).isEqualTo(before.park(park).chains);
						assertThat(snapshot.get().park(park).stages).isEqualTo(before.park(park).stages);
					}
					assertThat(snapshot.get().global().segments).isEqualTo(before.global().segments);
				}
			}
			assertThat(localCounts(this.gaps.chainGaps("t-park", "t-chain", 2, true))).isEqualTo(expected);
		}
		finally {
			done.set(true);
			recounts.join(60_000);
		}
		assertThat(read).as("reads that found the counts ready").isPositive();
		keptEqualsARecount();
	}

	@Test
	void aboveTheInPlaceBoundAChangedStructureIsCountedFromTheGraphUntilTheBackgroundRecount() {
		this.stats.recountInPlace = 0;
		try {
			this.graph.write("MATCH (:Park {id: 't-sub'})-[r:PART_OF]->() DELETE r", Map.of());
			// t-e2 (in t-sub, in t-n1) no longer counts for t-park; the report says so before any recount
			assertThat(localCounts(this.gaps.chainGaps("t-park", "t-chain", 2, true))).containsEntry("t-n1", 0);
			Awaitility.await().atMost(PATIENCE).until(this.stats::ready);
			assertThat(stored().get("t-park").toString()).doesNotContain("t-n1=");
			assertThat(localCounts(this.gaps.chainGaps("t-park", "t-chain", 2, true))).containsEntry("t-n1", 0);
			keptEqualsARecount();
		}
		finally {
			this.stats.recountInPlace = GapStats.RECOUNT_IN_PLACE;
		}
	}

	@Test
	void aBulkWriteOnALargeGraphLeavesTheCountsToOneRecountWhenTheImportEnds() {
		this.stats.recountInPlace = 0;
		this.stats.settleMillis = 60_000;
		try {
			int before = localCounts(this.gaps.chainGaps("t-park", "t-chain", 2, true)).get("t-n1");
			// an import's batch: more enterprises than GapStats.BULK_CHANGES in one transaction
			this.graph.write("""
					MATCH (p:Park {id: 't-park'}), (n:ChainNode {id: 't-n1'})
					UNWIND range(1, $n) AS i
					CREATE (e:Entity:Enterprise {id: 'bulk-' + i, name: '批量企业' + i})-[:LOCATED_IN]->(p),
					       (e)-[:OPERATES_IN]->(n)""", Map.of("n", GapStats.BULK_CHANGES + 50));
			// not updated batch by batch: not ready, and reports count from the graph meanwhile
			assertThat(this.stats.pending()).isTrue();
			assertThat(localCounts(this.gaps.chainGaps("t-park", "t-chain", 2, true)))
				.containsEntry("t-n1", before + GapStats.BULK_CHANGES + 50);
			// while writes may still come, the recount waits for them to settle
			Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(this.stats::pending);
			// the import's run ends: the recount starts now, not a minute later
			this.graph.write("CREATE (:ImportRun {id: 'bulk-run', status: 'RUNNING'})", Map.of());
			this.graph.write("MATCH (r:ImportRun {id: 'bulk-run'}) SET r.status = 'SUCCEEDED'", Map.of());
			Awaitility.await().atMost(Duration.ofSeconds(20)).until(this.stats::ready);
			assertThat(stored().get("t-park").toString()).contains("t-n1=" + (before + GapStats.BULK_CHANGES + 50));
			keptEqualsARecount();
		}
		finally {
			this.stats.recountInPlace = GapStats.RECOUNT_IN_PLACE;
			this.stats.settleMillis = GapStats.SETTLE_MILLIS;
		}
	}

	@Test
	void reportsFromTheCountsEqualReportsFromTheGraph() {
		this.graph.write("""
				MATCH (e:Enterprise {id: 't-e3'}), (p:Park {id: 't-sub'}), (n:ChainNode {id: 't-n2a'})
				CREATE (e)-[:LOCATED_IN]->(p), (e)-[:OPERATES_IN]->(n)""", Map.of());
		assertThat(this.stats.ready()).isTrue();
		for (int weakBelow : new int[] { 1, 2, 3 }) {
			List<String> parks = List.of("t-park", "t-sub", "t-other");
			GapService.Reports fromStats = this.gaps.computeFromStats(parks, "t-chain", weakBelow,
					this.stats.read(parks).orElseThrow(), false);
			GapService.Reports fromGraph = this.gaps.computeFromGraph(parks, "t-chain", weakBelow);
			assertThat(fromStats).isEqualTo(fromGraph);
		}
	}

}
