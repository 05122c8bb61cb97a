package io.chaingraph.security;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the rate-limited path of {@link GraphQlRequestFilter} (GraphQlFuzzTest runs without a limit):
 * one client sends random documents, some with a traversal or gap query hidden behind aliases,
 * fragments, inline fragments, several operations and operation names, mixed
 * with cheap queries and junk. With a limit of 3 a minute, at most 3 expensive requests pass (plus
 * what the bucket refills while the test runs), every refusal is a 429 with Retry-After and a GraphQL
 * error body, and cheap queries are never refused.
 */
class RateLimitFuzzTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> EXPENSIVE = List.of("network(id: \"e1\", depth: 2) { nodes { id } }",
			"upstream(id: \"A\") { truncated }", "downstream(id: \"A\", depth: 1) { truncated }",
			"chainGaps(parkId: \"P\", chainId: \"C\") { coverage }", "gapCandidates(parkId: \"P\", nodeId: \"E\") { edges { node { score } } }",
			"compareParks(parkIds: [\"P\"], chainId: \"C\") { coverage }");

	private static final List<String> CHEAP = List.of("park(id: \"P\") { name }", "__typename",
			"search(text: \"network\") { edges { node { id } } }", "enterprise(id: \"upstream\") { name }", "chains { id }");

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void expensiveQueriesAreLimitedHoweverTheyAreDisguised() throws Exception {
		long seed = Long.getLong("fuzz.seed", System.nanoTime());
		Random random = new Random(seed);
		GraphQlRequestFilter filter = new GraphQlRequestFilter(GraphQlRequestFilterTest.TOKENS, false, 64 * 1024,
				new RateLimiter(3));
		long started = System.nanoTime();
		int expensivePassed = 0;
		int refused = 0;
		for (int i = 0; i < 500; i++) {
			boolean expensive = random.nextInt(3) == 0;
			String field = expensive ? pick(random, EXPENSIVE) : pick(random, CHEAP);
			String other = pick(random, CHEAP);
			String[] document = disguise(random, field, other);
			MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
			request.setContentType("application/json");
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("query", document[0]);
			if (document[1] != null) {
				body.put("operationName", document[1]);
			}
			request.setContent(JSON.writeValueAsBytes(body));
			if (random.nextBoolean()) {
				ApiPrincipal principal = new ApiPrincipal("v", Role.VIEWER);
				SecurityContextHolder.getContext()
					.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, Role.VIEWER.authorities()));
			}
			else {
				SecurityContextHolder.clearContext();
				request.setRemoteAddr("10.0.0.1"); // the same anonymous client every time
			}
			MockHttpServletResponse response = new MockHttpServletResponse();
			MockFilterChain chain = new MockFilterChain();
			filter.doFilter(request, response, chain);
			String what = "seed " + seed + ", request " + i + ": " + document[0] + " (operationName " + document[1] + ")";
			if (chain.getRequest() != null) {
				if (expensive) {
					expensivePassed++;
				}
				continue;
			}
			assertThat(expensive).as("a cheap query was refused: %s", what).isTrue();
			assertThat(response.getStatus()).as(what).isEqualTo(429);
			assertThat(response.getHeader("Retry-After")).as(what).matches("\\d+");
			JsonNode error = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8)).path("errors").path(0);
			assertThat(error.path("extensions").path("classification").asString()).isEqualTo("TOO_MANY_REQUESTS");
			assertThat(error.path("message").asString()).contains("chaingraph.rate-limit.expensive-per-minute");
			refused++;
		}
		double minutes = (System.nanoTime() - started) / 60e9;
		// two clients (the token and the address), 3 each, plus what refills while the test runs
		assertThat(expensivePassed).as("seed %d", seed).isLessThanOrEqualTo(6 + (int) Math.ceil(minutes * 6));
		assertThat(refused).as("seed %d", seed).isGreaterThan(50);
	}

	/** The document (and operation name) that runs {@code field} at the root, dressed up at random. */
	private static String[] disguise(Random random, String field, String other) {
		return switch (random.nextInt(8)) {
			case 0 -> new String[] { "{ " + field + " }", null };
			case 1 -> new String[] { "{ x: " + field + " y: " + other + " }", null };
			case 2 -> new String[] { "query { ...F } fragment F on Query { " + field + " }", null };
			case 3 -> new String[] { "query { ... on Query { ... @include(if: true) { " + field + " } } }", null };
			case 4 -> new String[] { "query A { " + other + " } query B { " + field + " }", "B" };
			case 5 -> new String[] { "query B { " + field + " } query A { " + other + " }", "B" };
			case 6 -> new String[] { "query Q($d: Int = 1) { " + other + " " + field + " }", "Q" };
			default -> new String[] { "query { ...F ...G } fragment G on Query { " + other + " } fragment F on Query { ...G " + field + " }", null };
		};
	}

	private static <T> T pick(Random random, List<T> list) {
		return list.get(random.nextInt(list.size()));
	}

}
