package io.chaingraph.security;

import java.util.Map;

import io.chaingraph.support.HttpGraphQl;
import io.chaingraph.support.SecuredIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Every role against every kind of endpoint, over HTTP, with tokens configured and reads open. */
class SecurityTest extends SecuredIntegrationTest {

	@Autowired
	ExecutionGraphQlService graphQlService;

	static String token(String who) {
		return switch (who) {
			case "none" -> null;
			case "viewer" -> VIEWER;
			case "editor" -> EDITOR;
			case "admin" -> ADMIN;
			case "wrong" -> "not-a-configured-token-at-all";
			default -> throw new IllegalArgumentException(who);
		};
	}

	static final Map<String, String> DOCUMENTS = Map.of(
			"read", "{ park(id: \"P\") { name } }",
			"audit", "{ changes(first: 1) { edges { node { id } } } }",
			"edit", "mutation { updatePark(id: \"Q\", expectedVersion: 0, input: {region: \"R\"}) { version } }",
			"link", "mutation { linkChainNodes(fromId: \"D\", toId: \"G\") { outcome } }",
			"delete", "mutation { deletePark(id: \"Q\", expectedVersion: 0) { id } }");

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource({ "none, read, 200", "viewer, read, 200", "editor, read, 200", "admin, read, 200", "wrong, read, 401",
			"none, audit, 200", "viewer, audit, 200", "wrong, audit, 401",
			"none, edit, 401", "viewer, edit, 403", "editor, edit, 200", "admin, edit, 200", "wrong, edit, 401",
			"none, link, 401", "viewer, link, 403", "editor, link, 200", "admin, link, 200",
			"none, delete, 401", "viewer, delete, 403", "editor, delete, 403", "admin, delete, 200", "wrong, delete, 401" })
	void roleAgainstOperation(String who, String operation, int status) {
		String parkBefore = this.graph.one("MATCH (p:Park {id: 'Q'}) RETURN coalesce(p.region, '') AS r", Map.of(),
				r -> r.get("r").asString()).orElse("deleted");
		HttpGraphQl.Response response = this.http.post(token(who), DOCUMENTS.get(operation));
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		if (status == 200) {
			assertThat(response.errors().isMissingNode() || response.errors().isEmpty()).as(response.text()).isTrue();
		}
		else {
			assertThat(response.classification()).isEqualTo(status == 401 ? "UNAUTHORIZED" : "FORBIDDEN");
			assertThat(response.errors().path(0).path("message").asString()).isNotBlank();
			// a refused mutation wrote nothing
			assertThat(this.graph.one("MATCH (p:Park {id: 'Q'}) RETURN coalesce(p.region, '') AS r", Map.of(),
					r -> r.get("r").asString()).orElse("deleted")).isEqualTo(parkBefore);
			assertThat(this.graph.one("MATCH (:Entity {id: 'D'})-[r:FEEDS]->(:Entity {id: 'G'}) RETURN count(r) AS n",
					Map.of(), r -> r.get("n").asLong()).orElseThrow()).isZero();
		}
		if (status == 401) {
			assertThat(response.header("WWW-Authenticate") != null || who.equals("none")).isTrue();
		}
	}

	@Test
	void refusalNamesTheRoleNeeded() {
		HttpGraphQl.Response response = this.http.post(EDITOR, DOCUMENTS.get("delete"));
		assertThat(response.errors().path(0).path("message").asString())
			.isEqualTo("The token 'editor' has the role EDITOR; deletePark needs ADMIN");
		// a delete hidden behind a fragment on the mutation root is still seen
		HttpGraphQl.Response hidden = this.http.post(EDITOR,
				"mutation { ...M } fragment M on Mutation { deletePark(id: \"Q\", expectedVersion: 0) { id } }");
		assertThat(hidden.status()).isEqualTo(403);
		HttpGraphQl.Response badScheme = this.http.send(null, "{\"query\":\"{ __typename }\"}",
				Map.of("Authorization", "Basic dXNlcjpwYXNz"));
		assertThat(badScheme.status()).isEqualTo(401);
	}

	@Test
	void staticPagesAndHealthNeedNoToken() {
		assertThat(this.http.get("/actuator/health", Map.of()).status()).isEqualTo(200);
		assertThat(this.http.get("/graphiql?path=/graphql", Map.of()).status()).isEqualTo(200);
		assertThat(this.http.get("/", Map.of()).status()).isNotIn(401, 403);
	}

	@Test
	void mutationsAreCheckedAgainWhenGraphQlIsReachedWithoutHttp() {
		// defence in depth: the controller's @PreAuthorize refuses a caller without a token
		var errors = ExecutionGraphQlServiceTester.create(this.graphQlService)
			.document(DOCUMENTS.get("link"))
			.execute()
			.returnResponse()
			.getErrors();
		assertThat(errors).singleElement().satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("UNAUTHORIZED"));
		assertThat(this.graph.one("MATCH (:Entity {id: 'D'})-[r:FEEDS]->(:Entity {id: 'G'}) RETURN count(r) AS n",
				Map.of(), r -> r.get("n").asLong()).orElseThrow()).isZero();
	}

	@Test
	void requestSizeLimit() {
		String padding = "x".repeat(9 * 1024);
		HttpGraphQl.Response tooLarge = this.http.post(VIEWER, "{ park(id: \"" + padding + "\") { name } }");
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(tooLarge.errors().path(0).path("message").asString())
			.isEqualTo("The request body is larger than 8192 bytes (chaingraph.graphql.max-request-size)");
		HttpGraphQl.Response fits = this.http.post(VIEWER, "{ park(id: \"" + "x".repeat(7 * 1024) + "\") { name } }");
		assertThat(fits.status()).isEqualTo(200);
		assertThat(fits.data().path("park").isNull()).isTrue();
	}

	/** A request line over Tomcat's limit never reaches the application: Tomcat's refusal is JSON too. */
	@Test
	void aRequestLineOverTheServersLimitIsRefusedInJson() {
		String ids = java.util.stream.IntStream.range(0, 200).mapToObj(i -> "\"中國基因藥谷" + i + "\"")
			.collect(java.util.stream.Collectors.joining(","));
		String query = java.net.URLEncoder.encode("{ nodes(ids: [" + ids + "]) { id } }", java.nio.charset.StandardCharsets.UTF_8);
		assertThat(query.length()).as("over 8 KB").isGreaterThan(8 * 1024);
		HttpGraphQl.Response refused = this.http.get("/graphql?query=" + query, Map.of());
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).startsWith("application/json");
		assertThat(refused.classification()).isEqualTo("BAD_REQUEST");
		assertThat(refused.errors().path(0).path("message").asString()).startsWith("请求无法读取").contains("8 KB", "POST");
		// the application's own refusals keep their bodies
		HttpGraphQl.Response get = this.http.get("/graphql?query=%7B__typename%7D", Map.of());
		assertThat(get.errors().path(0).path("message").asString()).contains("GET is not supported");
	}

	@Test
	void corsAllowsOnlyTheConfiguredOrigin() {
		Map<String, String> preflight = Map.of("Origin", "https://explorer.example", "Access-Control-Request-Method",
				"POST", "Access-Control-Request-Headers", "authorization,content-type");
		HttpGraphQl.Response allowed = this.http.options("/graphql", preflight);
		assertThat(allowed.status()).isEqualTo(200);
		assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://explorer.example");
		assertThat(allowed.header("Access-Control-Allow-Headers").toLowerCase()).contains("authorization");
		HttpGraphQl.Response other = this.http.options("/graphql", Map.of("Origin", "https://evil.example",
				"Access-Control-Request-Method", "POST"));
		assertThat(other.status()).isEqualTo(403);
		assertThat(other.header("Access-Control-Allow-Origin")).isNull();
		HttpGraphQl.Response actual = this.http.send(null, "{\"query\":\"{ __typename }\"}",
				Map.of("Origin", "https://explorer.example"));
		assertThat(actual.header("Access-Control-Allow-Origin")).isEqualTo("https://explorer.example");
	}

	@Test
	void securityHeaders() {
		HttpGraphQl.Response api = this.http.post(null, "{ __typename }");
		assertThat(api.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(api.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(api.header("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(api.header("Content-Security-Policy")).isEqualTo(SecurityConfiguration.DEFAULT_CSP)
			.contains("frame-ancestors 'none'");
		HttpGraphQl.Response graphiql = this.http.get("/graphiql?path=/graphql", Map.of());
		// GraphiQL loads from esm.sh and starts with inline scripts; its page gets a policy that allows exactly that
		assertThat(graphiql.header("Content-Security-Policy")).isEqualTo(SecurityConfiguration.GRAPHIQL_CSP)
			.contains("script-src 'self' 'unsafe-inline' https://esm.sh");
		assertThat(graphiql.text()).contains("https://esm.sh/graphiql@");
	}

	@Test
	void introspectionCanBeSwitchedOff() {
		HttpGraphQl.Response response = this.http.post(VIEWER, "{ __schema { queryType { name } } }");
		assertThat(response.errors().path(0).path("message").asString())
			.isEqualTo("Introspection has been disabled for this request");
		assertThat(response.data().path("__schema").isMissingNode() || response.data().path("__schema").isNull()).isTrue();
	}

	@Test
	void expensiveQueriesAreRateLimitedPerClient() {
		String network = "{ network(id: \"P\") { truncated } }";
		for (int i = 0; i < 3; i++) {
			HttpGraphQl.Response r = this.http.post(LIMITED, network);
			assertThat(r.status()).as(r.text()).isEqualTo(200);
		}
		HttpGraphQl.Response refused = this.http.post(LIMITED, network);
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.classification()).isEqualTo("TOO_MANY_REQUESTS");
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
		assertThat(refused.errors().path(0).path("message").asString())
			.contains("(chaingraph.rate-limit.expensive-per-minute)");
		// cheap queries of the same client, and expensive ones of another client, still pass
		assertThat(this.http.post(LIMITED, "{ park(id: \"P\") { name } }").status()).isEqualTo(200);
		assertThat(this.http.post(ADMIN, network).status()).isEqualTo(200);
	}

}
