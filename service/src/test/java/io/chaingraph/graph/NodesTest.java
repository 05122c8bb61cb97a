package io.chaingraph.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.chaingraph.support.ChainFixture;
import io.chaingraph.support.ChainFixtureTest;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.execution.ErrorType;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code nodes(ids)}: a batch lookup over the {@code Entity} interface, on {@link ChainFixture}. */
class NodesTest extends ChainFixtureTest {

	static final String NODES = """
			query($ids: [ID!]!) {
			  nodes(ids: $ids) {
			    __typename id name aliases version
			    ... on Enterprise { tags park { id } }
			    ... on ChainNode { stage chain { id } }
			    ... on Park { subParks { id } }
			  }
			}""";


	@Test
	void entitiesOfEveryTypeInTheOrderAskedNullForUnknownIds() {
		var response = tester().document(NODES).variable("ids", List.of("q1", "nope", "P", "B1", "C", "pl1", "q1")).execute();
		List<Map<String, Object>> nodes = new ArrayList<>();
		response.path("nodes").entityList(Object.class).get().forEach(n -> nodes.add(castMap(n)));
		assertThat(nodes).hasSize(7);
		assertThat(nodes.get(1)).isNull();
		assertThat(nodes.stream().map(n -> n == null ? null : n.get("__typename")).toList())
			.containsExactly("Enterprise", null, "Park", "ChainNode", "Chain", "Platform", "Enterprise");
		assertThat(nodes.stream().map(n -> n == null ? null : n.get("id")).toList())
			.containsExactly("q1", null, "P", "B1", "C", "pl1", "q1");
		assertThat(nodes.get(0)).containsEntry("name", "Gamma").containsEntry("tags", List.of("LEADING", "LISTED"));
		assertThat(nodes.get(2)).containsEntry("name", "园区P").containsEntry("subParks", List.of(Map.of("id", "PS")));
		assertThat(nodes.get(3)).containsEntry("stage", "MIDSTREAM").containsEntry("chain", Map.of("id", "C"));
		// each is what the type's own lookup answers
		tester().document("{ enterprise(id: \"q1\") { id name aliases version tags } }").execute()
			.path("enterprise").entity(Map.class)
			.satisfies(alone -> alone.forEach((k, v) -> assertThat(nodes.get(0)).containsEntry((String) k, v)));
	}

	@Test
	void takesOneToAHundredIds() {
		tester().document(NODES).variable("ids", List.of()).execute()
			.errors().expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage().contains("1 to 100 ids"));
		tester().document(NODES).variable("ids", Collections.nCopies(101, "P")).execute()
			.errors().expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage().contains("got 101"));
		tester().document(NODES).variable("ids", Collections.nCopies(100, "P")).execute()
			.path("nodes[*].id").entityList(String.class).hasSize(100);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> castMap(Object value) {
		return (Map<String, Object>) value;
	}

}
