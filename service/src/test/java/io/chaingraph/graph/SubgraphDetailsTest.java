package io.chaingraph.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.chaingraph.support.ChainFixture;
import io.chaingraph.support.ChainFixtureTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.execution.ErrorType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The details a front-end draws with, on {@link ChainFixture}: a node's stage, chain, parks, tags and gap
 * kind in a park; an edge's product, year, weight, confidence and provenance.
 */
class SubgraphDetailsTest extends ChainFixtureTest {

	@BeforeEach
	void build() {
		this.graph.write("MATCH (:Enterprise {id: 'q1'})-[r:SUPPLIES]->() SET r.source = 'supplies.csv'", Map.of());
	}

	@Test
	void nodesCarryStageChainParksTagsAndGapKind() {
		Map<String, Map<String, Object>> nodes = byId(tester().documentName("subgraphDetails").variable("id", "q1")
			.variable("parkId", "P").execute().path("network.nodes").entityList(Map.class).get());
		assertThat(nodes.get("q1")).containsEntry("type", "Enterprise").containsEntry("parkIds", List.of("Q"))
			.containsEntry("tags", List.of("LEADING", "LISTED")).containsEntry("stage", null)
			.containsEntry("chainId", null).containsEntry("gapKind", null);
		// E: the BROKEN segment of chain C in park P (as chainGaps says)
		assertThat(nodes.get("E")).containsEntry("type", "ChainNode").containsEntry("stage", "MIDSTREAM")
			.containsEntry("chainId", "C").containsEntry("parkIds", List.of()).containsEntry("tags", List.of())
			.containsEntry("gapKind", "BROKEN");
		assertThat(nodes.get("e3")).containsEntry("parkIds", List.of("P"));
		assertThat(nodes.get("Q")).containsEntry("type", "Park").containsEntry("parkIds", List.of());

		// every segment's kind is its kind in chainGaps; a well-held segment has none
		Map<String, Object> expected = new HashMap<>();
		tester().documentName("chainGaps").variable("parkId", "P").variable("chainId", "C").execute()
			.path("chainGaps.segments").entityList(Map.class).get()
			.forEach(s -> expected.put((String) ((Map<?, ?>) s.get("node")).get("id"), s.get("kind")));
		Map<String, Map<String, Object>> chain = byId(tester().documentName("subgraphDetails").variable("id", "A")
			.variable("depth", 3).variable("parkId", "P").execute().path("network.nodes").entityList(Map.class).get());
		expected.forEach((id, kind) -> {
			if (chain.containsKey(id)) {
				assertThat(chain.get(id).get("gapKind")).as(id).isEqualTo(kind);
			}
		});
		assertThat(chain).containsKeys("A", "B", "E", "D");
		assertThat(chain.get("A").get("gapKind")).isEqualTo("WEAK");
		assertThat(chain.get("D").get("gapKind")).isNull();
		// the same segment in park Q, where q1 and q3 hold it: no gap
		assertThat(byId(tester().documentName("subgraphDetails").variable("id", "q1").variable("parkId", "Q").execute()
			.path("network.nodes").entityList(Map.class).get()).get("E")).containsEntry("gapKind", null);
	}

	@Test
	void edgesCarryTheRelationshipsProperties() {
		Map<String, Map<String, Object>> edges = byId(tester().documentName("subgraphDetails").variable("id", "q1")
			.variable("parkId", "P").execute().path("network.edges").entityList(Map.class).get());
		assertThat(edges.get("SUPPLIES:q1->e3")).containsEntry("product", "设备").containsEntry("since", 2019)
			.containsEntry("provenance", "supplies.csv").containsEntry("weight", null);
		assertThat(edges.get("OPERATES_IN:q1->E")).containsEntry("confidence", 0.8).containsEntry("product", null);
		assertThat(edges.get("LOCATED_IN:q1->Q")).containsEntry("provenance", null);
	}

	@Test
	void anUnknownParkIsAnError() {
		tester().documentName("subgraphDetails").variable("id", "q1").variable("parkId", "nope").execute()
			.errors().expect(e -> e.getErrorType() == ErrorType.NOT_FOUND && e.getMessage().contains("nope"));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Map<String, Map<String, Object>> byId(List<Map> items) {
		Map<String, Map<String, Object>> byId = new HashMap<>();
		items.forEach(item -> byId.put((String) item.get("id"), item));
		return byId;
	}

}
