package io.chaingraph.security;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-operation decisions under settings the HTTP tests' context does not use: reads that
 * require a token, and no token configured at all (the default, read-only).
 */
class GraphQlRequestFilterTest {

	static final ApiTokens TOKENS = ApiTokens.parse("v:VIEWER:viewer-token-0123456789");

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	private static MockHttpServletResponse run(GraphQlRequestFilter filter, String query, Role role) throws Exception {
		if (role != null) {
			ApiPrincipal principal = new ApiPrincipal("t", role);
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, role.authorities()));
		}
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
		request.setContentType("application/json");
		request.setContent(("{\"query\":" + tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(query)
				+ "}").getBytes(StandardCharsets.UTF_8));
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		filter.doFilter(request, response, chain);
		if (chain.getRequest() != null) {
			// passed on: GraphQL gets the whole body back
			assertThat(chain.getRequest().getInputStream().readAllBytes()).isEqualTo(request.getContentAsByteArray());
		}
		return response;
	}

	@Test
	void readsThatRequireAToken() throws Exception {
		GraphQlRequestFilter filter = new GraphQlRequestFilter(TOKENS, true, 1024, new RateLimiter(0));
		MockHttpServletResponse anonymous = run(filter, "{ park(id: \"P\") { name } }", null);
		assertThat(anonymous.getStatus()).isEqualTo(401);
		assertThat(anonymous.getContentAsString()).contains("\"classification\":\"UNAUTHORIZED\"")
			.contains("chaingraph.security.require-token-for-reads");
		assertThat(run(filter, "{ park(id: \"P\") { name } }", Role.VIEWER).getStatus()).isEqualTo(200);
	}

	@Test
	void withoutTokensTheServiceIsReadOnly() throws Exception {
		GraphQlRequestFilter filter = new GraphQlRequestFilter(ApiTokens.parse(""), false, 1024, new RateLimiter(0));
		assertThat(run(filter, "{ park(id: \"P\") { name } }", null).getStatus()).isEqualTo(200);
		MockHttpServletResponse mutation = run(filter, "mutation { linkChainNodes(fromId: \"a\", toId: \"b\") { version } }", null);
		assertThat(mutation.getStatus()).isEqualTo(403);
		assertThat(mutation.getContentAsString()).contains("\"classification\":\"FORBIDDEN\"").contains("read-only");
	}

	@Test
	void operationNameSelectsTheOperation() {
		String document = "query Q { park(id: \"P\") { name } } mutation M { deletePark(id: \"P\", expectedVersion: 0) { id } }";
		assertThat(GraphQlRequestFilter.operation(document, "Q")).isEqualTo(new GraphQlRequestFilter.Operation(false, List.of("park")));
		assertThat(GraphQlRequestFilter.operation(document, "M").mutation()).isTrue();
		// ambiguous: treated as the strictest of its operations (GraphQL refuses it anyway)
		assertThat(GraphQlRequestFilter.operation(document, null).mutation()).isTrue();
		assertThat(GraphQlRequestFilter.operation("{ not graphql", null)).isNull();
	}

}
