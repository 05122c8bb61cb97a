package io.chaingraph.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.chaingraph.config.Graph;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.GraphQlTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Traversal semantics (docs/design.md, "Traversal semantics") on a graph built for them:
 *
 * <pre>
 * chain K:  n1 → n2 → n3 → n4 → n1 (a FEEDS cycle),  n1 → n4 (shortcut),  n2 → n5 → n3 (diamond),  n4 → n6;
 *           n2a PART_OF n2 (a sub-segment is not a FEEDS neighbour)
 * SUPPLIES: s1 → s2 → s3 → s1 (a cycle), s2 → s4;  s1 OPERATES_IN n1 (never crossed by upstream/downstream)
 * </pre>
 *
 * Each expectation below is worked out by hand from that picture.
 */
class TraversalSemanticsTest extends GraphQlTest {

	@Autowired
	Graph graph;

	@BeforeEach
	void build() {
		new Fixtures(this.graph).wipe().cypher("""
				CREATE (k:Chain:Entity {id: 'K', name: 'K', aliases: []}),
				       (n1:ChainNode:Entity {id: 'n1', name: 'N1', aliases: [], stage: 'UPSTREAM'})-[:IN_CHAIN]->(k),
				       (n2:ChainNode:Entity {id: 'n2', name: 'N2', aliases: [], stage: 'MIDSTREAM'})-[:IN_CHAIN]->(k),
				       (n2a:ChainNode:Entity {id: 'n2a', name: 'N2a', aliases: [], stage: 'MIDSTREAM'})-[:IN_CHAIN]->(k),
				       (n3:ChainNode:Entity {id: 'n3', name: 'N3', aliases: [], stage: 'MIDSTREAM'})-[:IN_CHAIN]->(k),
				       (n4:ChainNode:Entity {id: 'n4', name: 'N4', aliases: [], stage: 'DOWNSTREAM'})-[:IN_CHAIN]->(k),
				       (n5:ChainNode:Entity {id: 'n5', name: 'N5', aliases: [], stage: 'MIDSTREAM'})-[:IN_CHAIN]->(k),
				       (n6:ChainNode:Entity {id: 'n6', name: 'N6', aliases: [], stage: 'DOWNSTREAM'})-[:IN_CHAIN]->(k),
				       (n2a)-[:PART_OF]->(n2),
				       (n1)-[:FEEDS]->(n2), (n2)-[:FEEDS]->(n3), (n3)-[:FEEDS]->(n4), (n4)-[:FEEDS]->(n1),
				       (n1)-[:FEEDS]->(n4), (n2)-[:FEEDS]->(n5), (n5)-[:FEEDS]->(n3), (n4)-[:FEEDS]->(n6),
				       (s1:Enterprise:Entity {id: 's1', name: 'S1', aliases: [], tags: []}),
				       (s2:Enterprise:Entity {id: 's2', name: 'S2', aliases: [], tags: []}),
				       (s3:Enterprise:Entity {id: 's3', name: 'S3', aliases: [], tags: []}),
				       (s4:Enterprise:Entity {id: 's4', name: 'S4', aliases: [], tags: []}),
				       (s1)-[:SUPPLIES]->(s2), (s2)-[:SUPPLIES]->(s3), (s3)-[:SUPPLIES]->(s1), (s2)-[:SUPPLIES]->(s4),
				       (s1)-[:OPERATES_IN]->(n1)
				""");
	}

	private GraphQlTester.Response run(String direction, String id, int depth, int limit) {
		return tester().documentName("traversal").operationName(direction).variable("id", id).variable("depth", depth)
			.variable("limit", limit).execute();
	}

	/** "id@depth" for each node, in answer order. */
	private static List<String> nodes(GraphQlTester.Response response, String field) {
		List<Map<String, Object>> nodes = response.path(field + ".nodes").entityList(MAP).get();
		return nodes.stream().map(n -> n.get("id") + "@" + n.get("depth")).toList();
	}

	private static List<String> edges(GraphQlTester.Response response, String field) {
		return response.path(field + ".edges[*].id").entityList(String.class).get();
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static final Class<Map<String, Object>> MAP = (Class) Map.class;

	@Test
	void eachNodeOnceAtItsShortestDepthThroughShortcutsDiamondsAndCycles() {
		var response = run("downstream", "n1", 10, 500);
		// depth 1: n2 and n4 (the shortcut, not n1→n2→n3→n4 at 3); depth 2: n3 (n2→n3, not via n5 at 3), n5, n6;
		// n1 comes back through n4→n1 but is the start; n2a is a PART_OF child, not fed
		assertThat(nodes(response, "downstream")).containsExactly("n2@1", "n4@1", "n3@2", "n5@2", "n6@2");
		// every relationship among the returned nodes and the start, the cycle's n4→n1 included
		assertThat(edges(response, "downstream")).containsExactlyInAnyOrder("FEEDS:n1->n2", "FEEDS:n2->n3",
				"FEEDS:n3->n4", "FEEDS:n4->n1", "FEEDS:n1->n4", "FEEDS:n2->n5", "FEEDS:n5->n3", "FEEDS:n4->n6");
		response.path("downstream.truncated").entity(Boolean.class).isEqualTo(false);

		var upstream = run("upstream", "n3", 3, 500);
		// into n3: n2, n5 (1); n1 (→n2) at 2; n4 (→n1) at 3; n3 itself closes the cycle but is the start
		assertThat(nodes(upstream, "upstream")).containsExactly("n2@1", "n5@1", "n1@2", "n4@3");
		assertThat(nodes(run("upstream", "n3", 2, 500), "upstream")).containsExactly("n2@1", "n5@1", "n1@2");
	}

	@Test
	void depthOneAndEdgesOnlyAmongTheAnswerAndTheStart() {
		var response = run("downstream", "n1", 1, 500);
		assertThat(nodes(response, "downstream")).containsExactly("n2@1", "n4@1");
		// n4→n1 runs back to the start and is kept; n2→n3, n4→n6 leave the answer and are not
		assertThat(edges(response, "downstream")).containsExactlyInAnyOrder("FEEDS:n1->n2", "FEEDS:n1->n4",
				"FEEDS:n4->n1");
		assertThat(nodes(response, "downstream")).noneMatch(n -> n.startsWith("n1@"));
	}

	@Test
	void truncationKeepsTheNearestLimitNodes() {
		// five nodes in reach: limit 5 is exact, limit 4 and 3 cut the farthest (depth 2, by id)
		run("downstream", "n1", 10, 5).path("downstream.truncated").entity(Boolean.class).isEqualTo(false);
		var four = run("downstream", "n1", 10, 4);
		assertThat(nodes(four, "downstream")).containsExactly("n2@1", "n4@1", "n3@2", "n5@2");
		four.path("downstream.truncated").entity(Boolean.class).isEqualTo(true);
		var three = run("downstream", "n1", 10, 3);
		assertThat(nodes(three, "downstream")).containsExactly("n2@1", "n4@1", "n3@2");
		three.path("downstream.truncated").entity(Boolean.class).isEqualTo(true);
		// edges only among n1, n2, n4, n3: n2→n5, n5→n3 and n4→n6 went with the cut nodes
		assertThat(edges(three, "downstream")).containsExactlyInAnyOrder("FEEDS:n1->n2", "FEEDS:n2->n3",
				"FEEDS:n3->n4", "FEEDS:n4->n1", "FEEDS:n1->n4");
	}

	@Test
	void supplyCyclesAndEnterprisesOnly() {
		var response = run("downstream", "s1", 10, 500);
		// s1 → s2 (1) → s3, s4 (2); s3 → s1 returns to the start; n1 (OPERATES_IN) is not a supply tie
		assertThat(nodes(response, "downstream")).containsExactly("s2@1", "s3@2", "s4@2");
		assertThat(edges(response, "downstream")).containsExactlyInAnyOrder("SUPPLIES:s1->s2", "SUPPLIES:s2->s3",
				"SUPPLIES:s3->s1", "SUPPLIES:s2->s4");
		response.path("downstream.nodes[*].type").entityList(String.class).containsExactly("Enterprise", "Enterprise",
				"Enterprise");
		assertThat(nodes(run("upstream", "s1", 10, 500), "upstream")).containsExactly("s3@1", "s2@2");
		assertThat(nodes(run("upstream", "s4", 1, 500), "upstream")).containsExactly("s2@1");
	}

	@Test
	void depthOutsideOneToTheCapIsAnErrorNotAClamp() {
		// 10 is the cap and allowed
		assertThat(nodes(run("downstream", "n1", 10, 500), "downstream")).hasSize(5);
		for (int depth : new int[] { 0, -1, 11, 25 }) {
			long before = this.graph.statementCount();
			run("downstream", "n1", depth, 10).errors()
				.expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage()
					.equals("depth must be between 1 and 10, was " + depth + " (the cap is chaingraph.query.max-depth)"))
				.verify();
			assertThat(this.graph.statementCount()).as("refused before the database").isEqualTo(before);
		}
		run("upstream", "n1", 1, 0).errors()
			.expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage()
				.equals("limit must be between 1 and 5000, was 0 (the cap is chaingraph.query.max-nodes)"));
	}

	@Test
	void unknownIdsAreErrorsNotEmptyAnswers() {
		for (String direction : new String[] { "upstream", "downstream", "network" }) {
			run(direction, "no-such-id", 1, 10).errors()
				.expect(e -> e.getErrorType() == ErrorType.NOT_FOUND
						&& e.getMessage().equals("No entity with id 'no-such-id'"))
				.verify();
		}
		// a known id of the wrong kind says what it is
		run("downstream", "K", 1, 10).errors()
			.expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage().contains("'K' is a Chain"));
		// a node without neighbours is an empty success: the id exists
		var alone = run("upstream", "n2a", 3, 10);
		alone.errors().verify();
		alone.path("upstream.nodes").entityList(Object.class).hasSize(0);
	}

	@Test
	void networkIdsAreUniqueAcrossNodesAndEdgesAndFiltersApply() {
		var response = run("network", "n2", 2, 200);
		List<String> nodeIds = response.path("network.nodes[*].id").entityList(String.class).get();
		List<String> edgeIds = edges(response, "network");
		// start at 0; depth 1: K (IN_CHAIN), n1, n3, n5 (FEEDS), n2a (PART_OF); depth 2: everything else in K,
		// reached through the chain node K or the FEEDS neighbours; s1 through n1
		assertThat(nodes(response, "network")).startsWith("n2@0").contains("K@1", "n1@1", "n2a@1", "n3@1", "n5@1",
				"n4@2", "n6@2", "s1@2");
		List<String> all = new ArrayList<>(nodeIds);
		all.addAll(edgeIds);
		assertThat(all).doesNotHaveDuplicates();
		Set<String> members = new HashSet<>(nodeIds);
		List<Map<String, Object>> edgeMaps = response.path("network.edges").entityList(MAP).get();
		assertThat(edgeMaps).allSatisfy(e -> assertThat(members).contains((String) e.get("source"), (String) e.get("target")));
		// n1→n2 is stored once and drawn once though the walk is undirected
		assertThat(edgeIds).containsOnlyOnce("FEEDS:n1->n2");

		var feedsOnly = tester().documentName("traversal").operationName("network").variable("id", "n2")
			.variable("depth", 2).variable("types", List.of("FEEDS")).execute();
		// over FEEDS only, ignoring direction: n1, n3, n5 at 1; n4 at 2 (n1–n4, n3–n4); no K, n2a, s1
		assertThat(nodes(feedsOnly, "network")).containsExactly("n2@0", "n1@1", "n3@1", "n5@1", "n4@2");
		assertThat(edges(feedsOnly, "network")).allMatch(id -> id.startsWith("FEEDS:"));

		var enterprises = tester().documentName("traversal").operationName("network").variable("id", "s1")
			.variable("depth", 3).variable("labels", List.of("Enterprise")).execute();
		// only Enterprise nodes, paths through them only: s2, s3 at 1 (s3→s1), s4 at 2; n1 left out
		assertThat(nodes(enterprises, "network")).containsExactly("s1@0", "s2@1", "s3@1", "s4@2");
		assertThat(edges(enterprises, "network")).containsExactlyInAnyOrder("SUPPLIES:s1->s2", "SUPPLIES:s2->s3",
				"SUPPLIES:s3->s1", "SUPPLIES:s2->s4");
	}

}
