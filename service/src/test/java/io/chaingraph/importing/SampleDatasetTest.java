package io.chaingraph.importing;

import java.nio.file.Path;
import java.util.Map;

import io.chaingraph.config.Graph;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.GraphQlTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled Wenzhou dataset: loads cleanly, has the promised shape, and shows every gap kind per valley. */
class SampleDatasetTest extends GraphQlTest {

	@Autowired
	ImportService imports;

	@Autowired
	Graph graph;

	ImportReport report;

	@BeforeEach
	void load() {
		new Fixtures(this.graph).wipe();
		this.report = this.imports.run(DatasetSource.fromDirectory(Path.of("import", "wenzhou")), false,
				ImportProgress.NONE);
	}

	private long count(String cypher) {
		return this.graph.one(cypher, Map.of(), r -> r.get(0).asLong()).orElseThrow();
	}

	@Test
	void loadsWithoutAnyProblemAndTheCountsOfItsReadme() {
		assertThat(this.report.problems()).isEmpty();
		assertThat(this.report.status()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(count("MATCH (n:Park) RETURN count(n)")).isEqualTo(7);
		assertThat(count("MATCH (n:Chain) RETURN count(n)")).isEqualTo(2);
		assertThat(count("MATCH (n:ChainNode) RETURN count(n)")).isEqualTo(35);
		assertThat(count("MATCH (n:Enterprise) RETURN count(n)")).isEqualTo(73);
		assertThat(count("MATCH (n:Platform) RETURN count(n)")).isEqualTo(9);
		assertThat(count("MATCH ()-[r:FEEDS]->() RETURN count(r)")).isEqualTo(46);
		assertThat(count("MATCH ()-[r:OPERATES_IN]->() RETURN count(r)")).isEqualTo(81);
		assertThat(count("MATCH ()-[r:SUPPLIES]->() RETURN count(r)")).isEqualTo(50);
		assertThat(count("MATCH (:Platform)-[r]->() WHERE type(r) <> 'LOCATED_IN' RETURN count(r)")).isEqualTo(31);
		for (String type : new String[] { "SERVES", "INCUBATES", "INVESTS_IN", "TRANSFERS_TECH_TO" }) {
			assertThat(this.graph.one("MATCH ()-[r]->() WHERE type(r) = $type RETURN count(r)", Map.of("type", type),
					r -> r.get(0).asLong()).orElseThrow()).as(type).isPositive();
		}
		// at least 12 segments per chain, over all three stages, with sub-segments
		assertThat(this.graph.list("""
				MATCH (c:Chain)<-[:IN_CHAIN]-(n:ChainNode)
				RETURN c.id AS chain, count(n) AS nodes, count(DISTINCT n.stage) AS stages,
				       count { (c)<-[:IN_CHAIN]-(:ChainNode)-[:PART_OF]->(:ChainNode) } AS subSegments""", Map.of(),
				r -> r.get("nodes").asInt() >= 12 && r.get("stages").asInt() == 3 && r.get("subSegments").asInt() > 0))
			.containsOnly(true);
		assertThat(count("MATCH (e:Enterprise)-[:LOCATED_IN]->(:Park)-[:PART_OF*0..]->(:Park {id: 'park-gene-valley'}) RETURN count(e)"))
			.isGreaterThanOrEqualTo(25);
		assertThat(count("MATCH (e:Enterprise)-[:LOCATED_IN]->(:Park {id: 'park-cloud-valley'}) RETURN count(e)"))
			.isGreaterThanOrEqualTo(25);
		// the report's entities carry source=report
		assertThat(this.graph.list("MATCH (n {source: 'report'}) RETURN n.id AS id ORDER BY id", Map.of(),
				r -> r.get("id").asString())).containsExactly("ent-guoji-hulian", "plat-wz-ai-computing");
		assertThat(this.graph.one("MATCH (e:Enterprise {id: 'ent-guoji-hulian'}) RETURN e.normText AS t", Map.of(),
				r -> r.get("t").asString())).hasValueSatisfying(t -> assertThat(t).startsWith("国技互联"));
	}

	@Test
	void eachValleyShowsEveryGapKindForItsFocusChain() {
		var gene = tester().documentName("chainGaps").variable("parkId", "park-gene-valley")
			.variable("chainId", "chain-gene-drug").execute();
		gene.path("chainGaps.gaps[?(@.kind == 'BROKEN')].node.id").entityList(String.class)
			.containsExactly("node-gd-viral-vector", "node-gd-manufacturing");
		gene.path("chainGaps.gaps[?(@.kind == 'MISSING')].node.id").entityList(String.class)
			.containsExactly("node-gd-equipment", "node-gd-aav");
		gene.path("chainGaps.gaps[?(@.kind == 'WEAK')].node.id").entityList(String.class)
			.containsExactly("node-gd-enzymes", "node-gd-media", "node-gd-vector-design", "node-gd-cold-chain");
		gene.path("chainGaps.counts.present").entity(Integer.class).isEqualTo(14);

		var cloud = tester().documentName("chainGaps").variable("parkId", "park-cloud-valley")
			.variable("chainId", "chain-software").execute();
		cloud.path("chainGaps.gaps[?(@.kind == 'BROKEN')].node.id").entityList(String.class)
			.containsExactly("node-sw-database");
		cloud.path("chainGaps.gaps[?(@.kind == 'MISSING')].node.id").entityList(String.class)
			// same stage and count: by name (操作系统 before 芯片与服务器硬件)
			.containsExactly("node-sw-os", "node-sw-chips", "node-sw-ai-data");
		cloud.path("chainGaps.gaps[?(@.kind == 'WEAK')].node.id").entityList(String.class)
			.containsExactly("node-sw-network", "node-sw-middleware", "node-sw-security", "node-sw-industrial");
		cloud.path("chainGaps.counts.present").entity(Integer.class).isEqualTo(13);
	}

	@Test
	void searchFindsTheValleysInEveryScript() {
		for (String text : new String[] { "基因藥谷", "基因药谷", "基因藥(yào)谷", "中國基因藥谷" }) {
			tester().documentName("search").variable("text", text).execute()
				.path("search.edges[0].node.id").entity(String.class).isEqualTo("park-gene-valley");
		}
		for (String text : new String[] { "国际云软件谷", "國際云軟件谷", "云软件谷" }) {
			tester().documentName("search").variable("text", text).execute()
				.path("search.edges[0].node.id").entity(String.class).isEqualTo("park-cloud-valley");
		}
		tester().documentName("search").variable("text", "國技互聯(lián)").execute()
			.path("search.edges[0].node.id").entity(String.class).isEqualTo("ent-guoji-hulian");
	}

	@Test
	void theBrokenSegmentHasRankedCandidatesWithSupplyEvidence() {
		var response = tester().documentName("gapCandidates").variable("parkId", "park-gene-valley")
			.variable("nodeId", "node-gd-viral-vector").execute();
		response.path("gapCandidates.edges[0].node.enterprise.id").entity(String.class).isEqualTo("ent-out-vector-a");
		response.path("gapCandidates.edges[0].node.evidence.edges[*].id").entityList(String.class)
			.contains("SUPPLIES:ent-out-vector-a->ent-gd-genetx-a");
		response.path("gapCandidates.edges").entityList(Object.class).hasSize(3);
	}

}
