package io.chaingraph.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.chaingraph.support.ChainFixture;
import io.chaingraph.support.ChainFixtureTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The details a front-end draws with, on {@link ChainFixture}: a node's stage, chain, parks, tags and gap
 * kind in a park; an edge's product, year, weight, confidence and provenance; the drawing hints lane and
 * order, read with the traversal or, for a subgraph no traversal drew, with the node details.
 */
class SubgraphDetailsTest extends ChainFixtureTest {

	@Autowired
	Traversals traversals;

	@Autowired
	SubgraphDetails details;

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

	/**
	 * Asked for, the drawing hints come with the traversal (its statement reads the nodes' stages); they equal
	 * the lanes of the node-details statement and the orders those lanes give, for every traversal. Not asked
	 * for, the traversal reads none.
	 */
	@Test
	void drawingHintsReadWithTheTraversalEqualThoseOfTheNodeDetails() {
		List<Subgraph> answers = List.of(this.traversals.network("B", 2, 200, null, null, true),
				this.traversals.network("q1", 3, 200, null, null, true), this.traversals.upstream("D", 3, 200, true),
				this.traversals.downstream("A", 3, 200, true), this.traversals.upstream("e4", 2, 200, true));
		for (Subgraph answer : answers) {
			assertThat(answer.nodes()).isNotEmpty().allSatisfy(n -> assertThat(n.hints()).isNotNull());
			Map<String, SubgraphDetails.NodeFacts> facts = this.details
				.nodeFacts(answer.nodes().stream().map(GraphNode::id).toList());
			Map<String, Integer> orders = Subgraph.orders(answer.nodes(), n -> facts.get(n.id()).lane());
			for (GraphNode node : answer.nodes()) {
				assertThat(node.hints().lane()).as(node.id()).isEqualTo(facts.get(node.id()).lane());
				assertThat(node.hints().order()).as(node.id()).isEqualTo(orders.get(node.id()));
			}
		}
		assertThat(answers.get(0).nodes()).extracting(n -> n.hints().lane()).contains(0, 1, 2, null);
		assertThat(this.traversals.network("B", 2, 200, null, null, false).nodes())
			.allSatisfy(n -> assertThat(n.hints()).isNull());
		assertThat(this.traversals.downstream("A", 3, 200).nodes()).allSatisfy(n -> assertThat(n.hints()).isNull());
	}

	/** A subgraph no traversal drew (a candidate's evidence) gets its hints from the node-details statement. */
	@Test
	void aCandidatesEvidenceGetsItsHintsFromTheNodeDetails() {
		Map<String, Map<String, Object>> nodes = byId(tester()
			.document("{ gapCandidates(parkId: \"P\", nodeId: \"E\", first: 5) { edges { node { enterprise { id } "
					+ "evidence { nodes { id depth lane order } } } } } }")
			.execute()
			.path("gapCandidates.edges[?(@.node.enterprise.id == 'q1')].node.evidence.nodes[*]")
			.entityList(Map.class)
			.get());
		// q1 works in E, e3 (which q1 supplies) in B: both midstream; q1 at depth 0 first
		assertThat(nodes.get("q1")).containsEntry("lane", 1).containsEntry("order", 0);
		assertThat(nodes.get("e3")).containsEntry("lane", 1).containsEntry("order", 1);
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
