package io.chaingraph.gap;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.chaingraph.gap.GapModel.GapReport;
import io.chaingraph.gap.GapModel.SegmentStatus;
import io.chaingraph.importing.ImportProgress;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.support.DatasetDir;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.SecuredIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The kept rows of the structure statement on the test dataset (t-park with its sub-park t-sub; the chain
 * t-chain with t-n1 → t-n2 → t-n3 and t-n2a under t-n2; the platform t-p1 serving t-n1): writes that only
 * link or move enterprises keep them, and the report after such a write is the one counted from the graph;
 * each kind of change a row is read from drops them, whoever writes it (plain Cypher here), and the report
 * after it shows the change.
 */
class GapStructuresTest extends SecuredIntegrationTest {

	@Autowired
	GapService gaps;

	@Autowired
	GapStructures structures;

	@TempDir
	Path tmp;

	@BeforeEach
	void load() {
		new Fixtures(this.graph).wipe();
		assertThat(this.imports.run(DatasetSource.fromDirectory(new DatasetDir(this.tmp.resolve("all")).write()), false,
				ImportProgress.NONE).hasErrors()).isFalse();
	}

	private GapReport report() {
		return this.gaps.reportsOf(Map.of("t-chain", List.of("t-park"))).get("t-chain").get(0);
	}

	private GapReport counted() {
		return this.gaps.computeFromGraph(List.of("t-park"), "t-chain", GapSnapshots.WEAK_BELOW).reports().get(0);
	}

	private static SegmentStatus segment(GapReport report, String id) {
		return report.segments().stream().filter(s -> s.node().id().equals(id)).findFirst().orElseThrow();
	}

	@Test
	void linksAndMovesOfEnterprisesKeepTheRowsAndTheReportStillCountsThem() {
		report();
		long epoch = this.structures.epoch();
		int before = segment(report(), "t-n1").localCount();
		int beforeN2 = segment(report(), "t-n2").localCount();
		long hits = this.structures.hits();

		this.graph.write("MATCH (e:Enterprise {id: 't-e1'}), (n:ChainNode {id: 't-n1'}) CREATE (e)-[:OPERATES_IN]->(n)", Map.of());
		this.graph.write("""
				MATCH (e:Enterprise {id: 't-e3'})-[l:LOCATED_IN]->() DELETE l
				WITH e MATCH (p:Park {id: 't-sub'}) CREATE (e)-[:LOCATED_IN]->(p)""", Map.of());
		this.graph.write("MATCH (e:Enterprise {id: 't-e1'}) SET e.name = '改名企业'", Map.of());

		assertThat(this.structures.epoch()).as("nothing a structure row reads was written").isEqualTo(epoch);
		GapReport after = report();
		assertThat(this.structures.hits()).as("the row was kept").isEqualTo(hits + 1);
		assertThat(segment(after, "t-n1").localCount()).as("t-e1 linked").isEqualTo(before + 1);
		assertThat(segment(after, "t-n2").localCount()).as("t-e3 moved in").isEqualTo(beforeN2 + 1);
		assertThat(after).isEqualTo(counted());
	}

	@Test
	void eachChangeOfWhatARowReadsDropsItAndTheNextReportShowsIt() {
		record Write(String what, String cypher, Function<GapReport, Object> seen, Object expected) {
		}
		List<Write> writes = List.of(
				new Write("a segment renamed", "MATCH (n:ChainNode {id: 't-n2'}) SET n.name = '药品制造'",
						r -> segment(r, "t-n2").node().name(), "药品制造"),
				new Write("the chain renamed", "MATCH (c:Chain {id: 't-chain'}) SET c.name = '新链'", r -> r.chain().name(),
						"新链"),
				new Write("the park renamed", "MATCH (p:Park {id: 't-park'}) SET p.name = '新园区'", r -> r.park().name(),
						"新园区"),
				new Write("a FEEDS link removed", "MATCH (:ChainNode {id: 't-n1'})-[f:FEEDS]->(:ChainNode {id: 't-n2'}) DELETE f",
						r -> r.equals(counted()), true),
				new Write("a FEEDS link added", "MATCH (a:ChainNode {id: 't-n1'}), (b:ChainNode {id: 't-n2'}) CREATE (a)-[:FEEDS]->(b)",
						r -> r.equals(counted()), true),
				new Write("a platform serves no segment", "MATCH (:Platform {id: 't-p1'})-[s:SERVES]->() DELETE s",
						r -> r.equals(counted()), true),
				new Write("a platform serves a segment", "MATCH (p:Platform {id: 't-p1'}), (n:ChainNode {id: 't-n2'}) CREATE (p)-[:SERVES]->(n)",
						r -> r.equals(counted()), true),
				new Write("a platform moved out of the park", """
						MATCH (:Platform {id: 't-p1'})-[l:LOCATED_IN]->() DELETE l
						WITH 1 AS one MATCH (p:Platform {id: 't-p1'}), (q:Park {id: 't-other'}) CREATE (p)-[:LOCATED_IN]->(q)""",
						r -> r.equals(counted()), true),
				new Write("a segment created in the chain", """
						MATCH (c:Chain {id: 't-chain'})
						CREATE (n:ChainNode:Entity {id: 't-n9', name: '新环节', stage: 'DOWNSTREAM'})-[:IN_CHAIN]->(c)""",
						r -> r.segments().stream().anyMatch(s -> s.node().id().equals("t-n9")), true));
		report();
		for (Write write : writes) {
			long epoch = this.structures.epoch();
			this.graph.write(write.cypher(), Map.of());
			assertThat(this.structures.epoch()).as(write.what()).isGreaterThan(epoch);
			assertThat(write.seen().apply(report())).as(write.what()).isEqualTo(write.expected());
		}
		assertThat(report()).isEqualTo(counted());
	}

	@Test
	void aRolledBackWriteLeavesTheRowsKept() {
		report();
		long epoch = this.structures.epoch();
		assertThatThrownBy(() -> this.graph.inWriteTransaction(tx -> {
			tx.run("MATCH (n:ChainNode {id: 't-n2'}) SET n.name = '不会留下'").consume();
			throw new IllegalStateException("rolled back");
		})).hasMessageContaining("rolled back");
		long hits = this.structures.hits();
		assertThat(segment(report(), "t-n2").node().name()).isEqualTo("药品生产");
		assertThat(this.structures.epoch()).isEqualTo(epoch);
		assertThat(this.structures.hits()).isEqualTo(hits + 1);
	}

}
