package io.chaingraph.graphql;

import java.util.List;
import java.util.Map;

import io.chaingraph.config.Graph;
import io.chaingraph.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.GraphQlResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nested queries cost one Cypher statement per field and level, whatever the number of parents:
 * parks → their sub-parks, platforms, focus chains and enterprises → each enterprise's park, chain
 * segments, suppliers, customers and platforms, for 5 and for 50 parks.
 */
class RoundTripTest extends GraphQlTestSupport {

	static final int PARKS = 50;

	/** parks, parent, subParks, platforms, focusChains, enterprises; park, chainNodes, suppliers, customers, platforms. */
	static final int FIELDS_READ_FROM_THE_DATABASE = 11;

	@Autowired
	Graph graph;

	/** Park RP-1ii has a sub-park, a platform, a focus chain and enterprises RE-1ii-0..2, each supplying the next. */
	@BeforeEach
	void build() {
		new Fixtures(this.graph).wipe().cypher("""
				CREATE (c:Chain:Entity {id: 'RC', name: 'RC', aliases: []}),
				       (n:ChainNode:Entity {id: 'RN', name: 'RN', aliases: []})-[:IN_CHAIN]->(c)
				WITH c, n
				UNWIND range(100, 99 + $parks) AS i
				CREATE (p:Park:Entity {id: 'RP-' + i, name: 'RP-' + i, aliases: []}),
				       (:Park:Entity {id: 'RS-' + i, name: 'RS-' + i, aliases: []})-[:PART_OF]->(p),
				       (pl:Platform:Entity {id: 'RPL-' + i, name: 'RPL-' + i, aliases: []})-[:LOCATED_IN]->(p),
				       (p)-[:FOCUSES_ON {priority: 1}]->(c)
				WITH n, p, pl, i
				UNWIND range(0, 2) AS j
				CREATE (e:Enterprise:Entity {id: 'RE-' + i + '-' + j, name: 'RE-' + i + '-' + j, aliases: [], tags: []}),
				       (e)-[:LOCATED_IN]->(p), (e)-[:OPERATES_IN {weight: 0.5}]->(n), (pl)-[:INCUBATES]->(e)
				WITH p, collect(e) AS es
				FOREACH (j IN range(0, 2) |
				  FOREACH (a IN [es[j]] | FOREACH (b IN [es[(j + 1) % 3]] | CREATE (a)-[:SUPPLIES {product: 'p'}]->(b))))
				""", Map.of("parks", PARKS));
	}

	long statementsFor(int parks) {
		long before = this.graph.statementCount();
		GraphQlResponse r = run("roundTrip", "first", parks);
		long statements = this.graph.statementCount() - before;
		// the answer is complete at every level, so no field was skipped to save a statement
		assertThat(list(r, "parks")).hasSize(parks);
		assertThat(pluck(r, "parks", "subParks")).allSatisfy(l -> assertThat((List<?>) l).hasSize(1));
		assertThat(pluck(r, "parks", "platforms")).allSatisfy(l -> assertThat((List<?>) l).hasSize(1));
		assertThat(pluck(r, "parks", "focusChains")).allSatisfy(l -> assertThat((List<?>) l).hasSize(1));
		assertThat(pluck(r, "parks", "parent")).containsOnlyNulls();
		for (int i = 0; i < parks; i++) {
			String park = "RP-" + (100 + i);
			String edges = "parks[" + i + "].enterprises.edges";
			assertThat((Object) at(r, "parks[" + i + "].id")).isEqualTo(park);
			assertThat(pluck(r, edges, "node.id")).containsExactly("RE-" + (100 + i) + "-0", "RE-" + (100 + i) + "-1");
			assertThat(pluck(r, edges, "node.park.id")).containsOnly(park);
			assertThat((Object) at(r, edges + "[0].node.chainNodes[0].node.id")).isEqualTo("RN");
			// RE-i-0 is supplied by RE-i-2 and supplies RE-i-1
			assertThat((Object) at(r, edges + "[0].node.suppliers[0].enterprise.id")).isEqualTo("RE-" + (100 + i) + "-2");
			assertThat((Object) at(r, edges + "[0].node.customers[0].enterprise.id")).isEqualTo("RE-" + (100 + i) + "-1");
			assertThat((Object) at(r, edges + "[1].node.platforms[0].platform.id")).isEqualTo("RPL-" + (100 + i));
		}
		return statements;
	}

	@Test
	void statementCountDoesNotGrowWithTheNumberOfParents() {
		long five = statementsFor(5);
		long fifty = statementsFor(PARKS);
		assertThat(fifty).as("statements for %d parks", PARKS).isEqualTo(five);
		assertThat(fifty).as("one statement per field and level").isEqualTo(FIELDS_READ_FROM_THE_DATABASE);
	}

}
