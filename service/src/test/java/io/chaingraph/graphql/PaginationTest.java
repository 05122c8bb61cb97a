package io.chaingraph.graphql;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.chaingraph.common.Cursors;
import io.chaingraph.config.Graph;
import io.chaingraph.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.execution.ErrorType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyset pagination (first/after over (name, id)) of Park.enterprises, ChainNode.enterprises and the
 * enterprises query, walked page by page on a generated graph whose expected order is computed here:
 * no duplicates, no gaps, hasNextPage/hasPreviousPage right, totalCount sent to the database only when
 * selected, and bad page arguments rejected as BAD_REQUEST.
 */
class PaginationTest extends GraphQlTestSupport {

	/**
	 * Enterprise i: in the park PG, or its sub-park PGS when i % 4 == 0; working in segment N and/or its
	 * sub-segment NS; names repeat to exercise the id tie-break.
	 */
	static final int ENTERPRISES = 17;

	record Firm(String id, String name, boolean inSubPark, boolean onSubSegment, boolean onSegment) {
	}

	static final List<Firm> FIRMS = firms();

	@Autowired
	Graph graph;

	@Autowired
	Cursors cursors;

	@BeforeEach
	void build() {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Firm f : FIRMS) {
			rows.add(Map.of("id", f.id(), "name", f.name(), "sub", f.inSubPark(), "onSub", f.onSubSegment(), "on",
					f.onSegment()));
		}
		new Fixtures(this.graph).wipe().cypher("""
				CREATE (pg:Park:Entity {id: 'PG', name: 'PG', aliases: []}),
				       (pgs:Park:Entity {id: 'PGS', name: 'PGS', aliases: []})-[:PART_OF]->(pg),
				       (c:Chain:Entity {id: 'CG', name: 'CG', aliases: []}),
				       (n:ChainNode:Entity {id: 'N', name: 'N', aliases: []})-[:IN_CHAIN]->(c),
				       (ns:ChainNode:Entity {id: 'NS', name: 'NS', aliases: []})-[:IN_CHAIN]->(c),
				       (ns)-[:PART_OF]->(n)
				WITH pg, pgs, n, ns
				UNWIND $rows AS row
				CREATE (e:Enterprise:Entity {id: row.id, name: row.name, aliases: [], tags: []})
				FOREACH (_ IN CASE WHEN row.sub THEN [1] ELSE [] END | CREATE (e)-[:LOCATED_IN]->(pgs))
				FOREACH (_ IN CASE WHEN row.sub THEN [] ELSE [1] END | CREATE (e)-[:LOCATED_IN]->(pg))
				FOREACH (_ IN CASE WHEN row.on THEN [1] ELSE [] END | CREATE (e)-[:OPERATES_IN]->(n))
				FOREACH (_ IN CASE WHEN row.onSub THEN [1] ELSE [] END | CREATE (e)-[:OPERATES_IN]->(ns))
				""", Map.of("rows", rows));
	}

	static List<Firm> firms() {
		String[] names = { "甲", "Beta", "甲", "alpha", "乙", "Beta", "甲", "Gamma", "丙", "乙", "delta", "丁", "Beta",
				"戊", "甲", "Zeta", "己" };
		List<Firm> firms = new ArrayList<>();
		for (int i = 0; i < ENTERPRISES; i++) {
			// ids are not in name order, so the (name, id) order is not the insertion order
			String id = "g" + (char) ('a' + (i * 7) % ENTERPRISES);
			// on N itself: 2, 5, 8, 11, 14; on its sub-segment NS: 0, 3, 6, 9, 12, 15 and 2 (on both)
			firms.add(new Firm(id, names[i], i % 4 == 0, i % 3 == 0 || i == 2, i % 3 == 2));
		}
		return firms;
	}

	/** The expected order: by name, then id (code-point order, as Cypher sorts strings). */
	static List<String> expected(java.util.function.Predicate<Firm> filter) {
		return FIRMS.stream()
			.filter(filter)
			.sorted(Comparator.comparing(Firm::name).thenComparing(Firm::id))
			.map(Firm::id)
			.toList();
	}

	/** Walks every page of size {@code first}, checking each page's info; returns the ids in order. */
	List<String> walk(String document, String connectionPath, int first, int expectedTotal, Object... variables) {
		List<String> seen = new ArrayList<>();
		String after = null;
		int pages = 0;
		while (true) {
			Map<String, Object> vars = new HashMap<>();
			for (int i = 0; i < variables.length; i += 2) {
				vars.put((String) variables[i], variables[i + 1]);
			}
			vars.put("first", first);
			vars.put("after", after);
			vars.put("withTotal", true);
			var request = tester().documentName(document).variables(vars);
			var response = request.execute();
			response.errors().verify();
			GraphQlResponse r = response.returnResponse();
			List<Object> ids = pluck(r, connectionPath + ".edges", "node.id");
			ids.forEach(id -> seen.add((String) id));
			assertThat((Object) at(r, connectionPath + ".totalCount")).as("totalCount").isEqualTo(expectedTotal);
			assertThat((Object) at(r, connectionPath + ".pageInfo.hasPreviousPage")).isEqualTo(after != null);
			boolean hasNext = at(r, connectionPath + ".pageInfo.hasNextPage");
			assertThat(hasNext).as("hasNextPage after %s", seen).isEqualTo(seen.size() < expectedTotal);
			assertThat(ids).hasSize(hasNext ? first : expectedTotal - pages * first);
			if (!ids.isEmpty()) {
				assertThat((Object) at(r, connectionPath + ".pageInfo.startCursor"))
					.isEqualTo(at(r, connectionPath + ".edges[0].cursor"));
				assertThat((Object) at(r, connectionPath + ".pageInfo.endCursor"))
					.isEqualTo(at(r, connectionPath + ".edges[" + (ids.size() - 1) + "].cursor"));
			}
			pages++;
			if (!hasNext) {
				return seen;
			}
			after = at(r, connectionPath + ".pageInfo.endCursor");
			assertThat(pages).as("pages").isLessThan(100);
		}
	}

	@Test
	void parkEnterprisesAcrossPages() {
		List<String> deep = expected(f -> true);
		assertThat(deep).hasSize(ENTERPRISES);
		assertThat(walk("parkEnterprises", "park.enterprises", 3, ENTERPRISES, "id", "PG")).containsExactlyElementsOf(deep)
			.doesNotHaveDuplicates();
		assertThat(walk("parkEnterprises", "park.enterprises", 5, ENTERPRISES, "id", "PG"))
			.containsExactlyElementsOf(deep);
		List<String> own = expected(f -> !f.inSubPark());
		assertThat(walk("parkEnterprises", "park.enterprises", 4, own.size(), "id", "PG", "includeSubParks", false))
			.containsExactlyElementsOf(own);
		// one page holding everything
		assertThat(walk("parkEnterprises", "park.enterprises", ENTERPRISES, ENTERPRISES, "id", "PG"))
			.containsExactlyElementsOf(deep);
	}

	/**
	 * A park holding most of the graph's enterprises is read in the name index's order, a small one walked
	 * and sorted (the choice is the page statement's, per park): asked together, in one statement, each
	 * gets its own page, and so does the large park asked for a page larger than the walk.
	 */
	@Test
	void aLargeAndASmallParkAskedTogetherEachGetTheirOwnPage() {
		new Fixtures(this.graph).cypher("""
				CREATE (:Enterprise:Entity {id: 'X1', name: 'X1 小园企业', aliases: [], tags: []})
				         -[:LOCATED_IN]->(:Park:Entity {id: 'PX', name: 'PX', aliases: []})""");
		List<String> deep = expected(f -> true);
		long before = this.graph.statementCount();
		GraphQlResponse r = run("parksEnterprises", "first", 3);
		// the parks, and one page statement for both
		assertThat(this.graph.statementCount() - before).isEqualTo(2);
		assertThat(pluck(r, "parks", "id")).containsExactly("PG", "PX");
		assertThat(pluck(r, "parks[0].enterprises.edges", "node.id")).containsExactlyElementsOf(deep.subList(0, 3));
		assertThat(pluck(r, "parks[1].enterprises.edges", "node.id")).containsExactly("X1");
		GraphQlResponse whole = run("parksEnterprises", "first", ENTERPRISES + 1);
		assertThat(pluck(whole, "parks[0].enterprises.edges", "node.id")).containsExactlyElementsOf(deep);
		assertThat(pluck(whole, "parks[1].enterprises.edges", "node.id")).containsExactly("X1");
	}

	@Test
	void chainNodeEnterprisesAcrossPagesCountEachEnterpriseOnce() {
		List<String> deep = expected(f -> f.onSegment() || f.onSubSegment());
		assertThat(walk("chainNodeEnterprises", "chainNode.enterprises", 4, deep.size(), "id", "N"))
			.containsExactlyElementsOf(deep);
		List<String> own = expected(Firm::onSegment);
		assertThat(walk("chainNodeEnterprises", "chainNode.enterprises", 2, own.size(), "id", "N", "includeSubSegments",
				false)).containsExactlyElementsOf(own);
	}

	@Test
	void enterprisesQueryAcrossPages() {
		assertThat(walk("enterprises", "enterprises", 6, ENTERPRISES, "parkId", "PG"))
			.containsExactlyElementsOf(expected(f -> true));
		List<String> inSub = expected(Firm::inSubPark);
		assertThat(walk("enterprises", "enterprises", 2, inSub.size(), "parkId", "PGS")).containsExactlyElementsOf(inSub);
		// no park: every enterprise, in the name index's order
		assertThat(walk("enterprises", "enterprises", 5, ENTERPRISES)).containsExactlyElementsOf(expected(f -> true));
	}

	@Test
	void firstZeroGivesNoEdgesButTellsWhetherThereAreAny() {
		GraphQlResponse r = run("parkEnterprises", "id", "PG", "first", 0, "withTotal", true);
		assertThat(list(r, "park.enterprises.edges")).isEmpty();
		assertThat((Object) at(r, "park.enterprises.pageInfo.hasNextPage")).isEqualTo(true);
		assertThat((Object) at(r, "park.enterprises.pageInfo.endCursor")).isNull();
		assertThat((Object) at(r, "park.enterprises.totalCount")).isEqualTo(ENTERPRISES);
	}

	@Test
	void totalCountIsOnlyComputedWhenSelected() {
		String[][] cases = { { "parkEnterprises", "PG" }, { "chainNodeEnterprises", "N" } };
		for (String[] c : cases) {
			long before = this.graph.statementCount();
			run(c[0], "id", c[1], "first", 3, "withTotal", false);
			long withoutTotal = this.graph.statementCount() - before;
			before = this.graph.statementCount();
			run(c[0], "id", c[1], "first", 3, "withTotal", true);
			long withTotal = this.graph.statementCount() - before;
			// the lookup of the parent and one page statement; the count is one more statement
			assertThat(withoutTotal).as(c[0]).isEqualTo(2);
			assertThat(withTotal).as(c[0]).isEqualTo(3);
		}
		long before = this.graph.statementCount();
		run("enterprises", "parkId", "PG", "first", 3, "withTotal", false);
		assertThat(this.graph.statementCount() - before).isEqualTo(1);
		before = this.graph.statementCount();
		run("enterprises", "parkId", "PG", "first", 3, "withTotal", true);
		assertThat(this.graph.statementCount() - before).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "parkEnterprises", "chainNodeEnterprises", "enterprises" })
	void badPageArgumentsAreBadRequests(String document) {
		String id = document.equals("chainNodeEnterprises") ? "N" : "PG";
		String idVariable = document.equals("enterprises") ? "parkId" : "id";
		String noSeparator = Base64.getUrlEncoder().encodeToString("just-a-name".getBytes(StandardCharsets.UTF_8));
		Object[][] bad = { { "first", -1, "first must be between 0 and 1000, was -1" },
				{ "first", 1001, "first must be between 0 and 1000, was 1001" },
				{ "after", "%%% not base64", "after is not a cursor returned by this API: %%% not base64" },
				{ "after", noSeparator, "after is not a cursor returned by this API: " + noSeparator } };
		for (Object[] b : bad) {
			tester().documentName(document).variable(idVariable, id).variable((String) b[0], b[1]).execute()
				.errors()
				.expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage().startsWith((String) b[2]))
				.verify();
		}
	}

	/** Every list's cursors name it: a cursor of one list is refused by another, even where both sort alike. */
	@Test
	void aCursorIsRefusedByEveryListButItsOwn() {
		String parkCursor = at(run("parkEnterprises", "id", "PG", "first", 2), "park.enterprises.pageInfo.endCursor");
		String nodeCursor = at(run("chainNodeEnterprises", "id", "N", "first", 2), "chainNode.enterprises.pageInfo.endCursor");
		String searchCursor = this.cursors.cursor("search", "score", 1.5, "id", "ga");
		Object[][] refused = { { "enterprises", "parkId", "PG", parkCursor, "Park.enterprises", "enterprises" },
				{ "chainNodeEnterprises", "id", "N", parkCursor, "Park.enterprises", "ChainNode.enterprises" },
				{ "parkEnterprises", "id", "PG", nodeCursor, "ChainNode.enterprises", "Park.enterprises" },
				{ "gapCandidates", "parkId", "PG", searchCursor, "search", "gapCandidates" },
				{ "search", "text", "Beta", parkCursor, "Park.enterprises", "search" } };
		for (Object[] r : refused) {
			var request = tester().documentName((String) r[0]).variable((String) r[1], r[2]).variable("after", r[3]);
			if (r[0].equals("gapCandidates")) {
				request.variable("nodeId", "N");
			}
			String message = "after is a cursor of " + r[4] + ", not of " + r[5] + ": " + r[3];
			request.execute()
				.errors()
				.expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage().equals(message))
				.verify();
		}
		// its own list takes it
		assertThat(list(run("parkEnterprises", "id", "PG", "first", 2, "after", parkCursor), "park.enterprises.edges"))
			.hasSize(2);
		// a position of the right list without its keys, and an offset position, are no cursors of this API
		String missingId = this.cursors.cursor("enterprises", "name", "甲");
		String offset = Base64.getEncoder().encodeToString("O_5".getBytes(StandardCharsets.UTF_8));
		for (String cursor : List.of(missingId, offset)) {
			tester().documentName("enterprises").variable("after", cursor).execute()
				.errors()
				.expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST
						&& e.getMessage().equals(Cursors.NOT_A_CURSOR + cursor))
				.verify();
		}
	}

	@Test
	void otherListSizesOutOfRangeAreBadRequests() {
		tester().documentName("parks").variable("first", -1).execute().errors()
			.expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage().startsWith("first must be between 0 and"))
			.verify();
		tester().documentName("importRuns").variable("first", 501).execute().errors()
			.expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST
					&& e.getMessage().equals("first must be between 0 and 500, was 501"))
			.verify();
	}

}
