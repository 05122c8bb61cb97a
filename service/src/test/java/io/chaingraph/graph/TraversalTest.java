package io.chaingraph.graph;

import java.util.List;
import java.util.Map;

import io.chaingraph.config.Graph;
import io.chaingraph.support.ChainFixture;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.GraphQlTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;

import static org.assertj.core.api.Assertions.assertThat;

/** Traversal semantics (docs/design.md, "Traversal semantics") on {@link ChainFixture}: shortest depth, diamonds, cycles, truncation, the cap. */
class TraversalTest extends GraphQlTest {

	@Autowired
	Graph graph;

	@BeforeEach
	void build() {
		ChainFixture.build(new Fixtures(this.graph));
	}

	private static Map<String, Object> node(String id, String type, String name, int depth) {
		return Map.of("id", id, "type", type, "name", name, "depth", depth);
	}

	@Test
	void downstreamThroughADiamondListsEachNodeOnceAtItsShortestDepth() {
		var response = tester().documentName("traversal").operationName("downstream").variable("id", "A")
			.variable("depth", 2).execute();
		response.path("downstream.nodes").entityList(Map.class).containsExactly(node("B", "ChainNode", "B段", 1),
				node("E", "ChainNode", "E段", 1), node("D", "ChainNode", "D段", 2));
		response.path("downstream.edges[*].id").entityList(String.class).satisfies(l -> assertThat(l).containsExactlyInAnyOrder("FEEDS:A->B",
				"FEEDS:A->E", "FEEDS:B->D", "FEEDS:E->D"));
		response.path("downstream.truncated").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void upstreamWithTruncationKeepsTheNearest() {
		tester().documentName("traversal").operationName("upstream").variable("id", "D").variable("depth", 2).execute()
			.path("upstream.nodes[*].id").entityList(String.class).containsExactly("B", "E", "A");
		var truncated = tester().documentName("traversal").operationName("upstream").variable("id", "D")
			.variable("depth", 2).variable("limit", 2).execute();
		truncated.path("upstream.nodes[*].id").entityList(String.class).containsExactly("B", "E");
		truncated.path("upstream.truncated").entity(Boolean.class).isEqualTo(true);
		truncated.path("upstream.edges[*].id").entityList(String.class).satisfies(l -> assertThat(l).containsExactlyInAnyOrder("FEEDS:B->D",
				"FEEDS:E->D"));
		// depth 1 only: PART_OF children are not FEEDS neighbours
		tester().documentName("traversal").operationName("upstream").variable("id", "B").execute()
			.path("upstream.nodes[*].id").entityList(String.class).containsExactly("A");
	}

	@Test
	void supplyCyclesEndWithoutRepeatingTheStart() {
		var response = tester().documentName("traversal").operationName("downstream").variable("id", "e1")
			.variable("depth", 5).execute();
		response.path("downstream.nodes").entityList(Map.class).containsExactly(node("e3", "Enterprise", "e3", 1),
				node("e4", "Enterprise", "e4", 2));
		response.path("downstream.edges[*].id").entityList(String.class)
			.satisfies(l -> assertThat(l).containsExactlyInAnyOrder("SUPPLIES:e1->e3", "SUPPLIES:e3->e4", "SUPPLIES:e4->e1"));
		tester().documentName("traversal").operationName("upstream").variable("id", "e3").variable("depth", 2).execute()
			.path("upstream.nodes[*].id").entityList(String.class).containsExactly("e1", "q1", "e4");
		tester().documentName("traversal").operationName("upstream").variable("id", "q1").execute()
			.path("upstream.nodes").entityList(Object.class).hasSize(0);
	}

	@Test
	void depthOutsideTheCapUnknownIdsAndWrongTypesAreErrors() {
		tester().documentName("traversal").operationName("downstream").variable("id", "A").variable("depth", 11).execute()
			.errors().expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST
					&& e.getMessage().equals("depth must be between 1 and 10, was 11 (the cap is chaingraph.query.max-depth)"));
		tester().documentName("traversal").operationName("upstream").variable("id", "A").variable("depth", 0).execute()
			.errors().expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage().startsWith("depth must be"));
		tester().documentName("traversal").operationName("upstream").variable("id", "nope").execute()
			.errors().expect(e -> e.getErrorType() == ErrorType.NOT_FOUND && e.getMessage().equals("No entity with id 'nope'"));
		tester().documentName("traversal").operationName("upstream").variable("id", "P").execute()
			.errors().expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage().contains("'P' is a Park"));
		tester().documentName("traversal").operationName("network").variable("id", "nope").execute()
			.errors().expect(e -> e.getErrorType() == ErrorType.NOT_FOUND);
	}

	@Test
	void networkIsTheUndirectedNeighbourhoodWithFilters() {
		var response = tester().documentName("traversal").operationName("network").variable("id", "P").execute();
		response.path("network.nodes[*].id").entityList(String.class)
			.containsExactly("P", "C", "PS", "e1", "e3", "e4", "e6", "e7", "pl1");
		response.path("network.nodes[0].depth").entity(Integer.class).isEqualTo(0);
		List<String> edgeIds = response.path("network.edges[*].id").entityList(String.class).get();
		assertThat(edgeIds).doesNotHaveDuplicates().contains("PART_OF:PS->P", "LOCATED_IN:e1->P", "FOCUSES_ON:P->C",
				"SUPPLIES:e1->e3", "SUPPLIES:e3->e4");
		tester().documentName("traversal").operationName("network").variable("id", "P").variable("depth", 2)
			.variable("types", List.of("PART_OF", "LOCATED_IN")).variable("labels", List.of("Park", "Enterprise"))
			.execute()
			.path("network.nodes[*].id").entityList(String.class)
			.containsExactly("P", "PS", "e1", "e3", "e4", "e6", "e7", "e2", "e5");
		var limited = tester().documentName("traversal").operationName("network").variable("id", "P").variable("limit", 3)
			.execute();
		// limit counts every node of the answer, the start included
		limited.path("network.nodes[*].id").entityList(String.class).containsExactly("P", "C", "PS");
		limited.path("network.truncated").entity(Boolean.class).isEqualTo(true);
	}

}
