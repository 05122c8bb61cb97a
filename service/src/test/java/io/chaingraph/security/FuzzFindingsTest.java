package io.chaingraph.security;

import java.util.Map;

import io.chaingraph.support.HttpGraphQl;
import io.chaingraph.support.SecuredIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What GraphQlFuzzTest found, one assertion each: requests that were answered with a 500, with an
 * INTERNAL_ERROR or with the web framework's own error body instead of a clear GraphQL error.
 */
class FuzzFindingsTest extends SecuredIntegrationTest {

	private static final String PARK = "{\"query\":\"{ park(id: \\\"P\\\") { name } }\"}";

	private static void assertGraphQlError(HttpGraphQl.Response response, int status, String classification,
			String message) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.errors().size()).as(response.text()).isEqualTo(1);
		assertThat(response.classification()).isEqualTo(classification);
		assertThat(response.errors().path(0).path("message").asString()).contains(message);
		assertThat(response.text()).doesNotContain("timestamp", "Exception", "<html");
	}

	@Test
	void aWildcardContentTypeIsRefusedNotAServerError() {
		// was: 500 (IllegalArgumentException "Content-Type cannot contain wildcard type '*'") with Tomcat's HTML page
		assertGraphQlError(this.http.send(null, PARK, Map.of("Content-Type", "*/*")), 415, "UNSUPPORTED_MEDIA_TYPE",
				"Content-Type */* is not supported: send the GraphQL request as JSON with Content-Type: application/json");
		assertGraphQlError(this.http.send(null, PARK, Map.of("Content-Type", "text/plain")), 415, "UNSUPPORTED_MEDIA_TYPE",
				"Content-Type text/plain is not supported");
		assertGraphQlError(this.http.send(null, PARK, Map.of("Content-Type", "application/json; charset=utf-16")), 415,
				"UNSUPPORTED_MEDIA_TYPE", "The charset must be UTF-8, not utf-16");
		assertThat(this.http.send(null, PARK, Map.of("Content-Type", "application/json; charset=UTF-8")).status()).isEqualTo(200);
	}

	@Test
	void malformedBodiesGetAGraphQlErrorThatSaysWhy() {
		// was: 400 with Spring Boot's {"timestamp":…,"status":400,"error":"Bad Request"} and no reason
		assertGraphQlError(this.http.send(null, "{\"query\": ", Map.of()), 400, "BAD_REQUEST",
				"The request body is not valid JSON (line 1, column 11)");
		assertGraphQlError(this.http.send(null, "", Map.of()), 400, "BAD_REQUEST", "The request body is empty");
		assertGraphQlError(this.http.send(null, "[" + PARK + "]", Map.of()), 400, "BAD_REQUEST",
				"The request body must be a JSON object, not array");
		assertGraphQlError(this.http.send(null, "{\"query\": 123}", Map.of()), 400, "BAD_REQUEST",
				"'query' must be a non-empty string");
		assertGraphQlError(this.http.send(null, "{\"query\": \"{ __typename }\", \"variables\": [1]}", Map.of()), 400,
				"BAD_REQUEST", "'variables' must be a JSON object");
		assertGraphQlError(this.http.send(null, "[".repeat(501), Map.of()), 400, "BAD_REQUEST",
				"nesting depth (501) exceeds the maximum allowed (500)");
	}

	@Test
	void otherMethodsAndAcceptHeadersGetAGraphQlError() {
		// was: 405 with an empty body
		HttpGraphQl.Response get = this.http.get("/graphql?query=%7B__typename%7D", Map.of());
		assertGraphQlError(get, 405, "METHOD_NOT_ALLOWED", "GraphQL requests are POSTed to /graphql as JSON");
		assertThat(get.header("Allow")).isEqualTo("POST, OPTIONS");
		assertGraphQlError(this.http.send(null, PARK, Map.of("Accept", "text/html")), 406, "NOT_ACCEPTABLE",
				"the Accept header allows neither");
		// rejected by Spring Security's firewall before the application: was Spring Boot's error body
		assertGraphQlError(this.http.get("/graphql;jsessionid=x", Map.of()), 400, "BAD_REQUEST",
				"The request was rejected before it reached GraphQL");
	}

	@Test
	void anExplicitNullForAnArgumentWithADefaultTakesTheDefaultNotAnInternalError() {
		// was: INTERNAL_ERROR (null bound to a primitive int in the controller); the contract (docs/design.md) keeps the types nullable
		for (String[] pair : new String[][] { { "{ parks(first: null) { id } }", "{ parks { id } }" },
				{ "{ search(text: \"园\", first: null) { edges { node { id } } } }", "{ search(text: \"园\") { edges { node { id } } } }" },
				{ "{ park(id: \"P\") { enterprises(includeSubParks: null) { totalCount } } }",
						"{ park(id: \"P\") { enterprises { totalCount } } }" } }) {
			HttpGraphQl.Response response = this.http.post(null, pair[0]);
			assertThat(response.errors().size()).as(response.text()).isZero();
			assertThat(response.data().toString()).as(pair[0]).isEqualTo(this.http.post(null, pair[1]).data().toString());
		}
		assertThat(this.http.post(null, "{ parks(first: null) { id } }").data().path("parks").size()).isEqualTo(2);
	}

	@Test
	void unlinkingWithABlankIdIsABadRequestNotAnInternalError() {
		// was: INTERNAL_ERROR (a NullPointerException: the blank id reached the database as null)
		HttpGraphQl.Response platform = this.http.post(EDITOR,
				"mutation { unlinkPlatform(platformId: \" \", targetId: \"e1\", kind: INCUBATES) { version } }");
		assertThat(platform.classification()).as(platform.text()).isEqualTo("BAD_REQUEST");
		assertThat(platform.errors().path(0).path("message").asString()).isEqualTo("platformId: required value is empty");
		HttpGraphQl.Response node = this.http.post(EDITOR,
				"mutation { unlinkEnterpriseFromNode(enterpriseId: \"e1\", nodeId: \"\") { version } }");
		assertThat(node.errors().path(0).path("message").asString()).as(node.text()).isEqualTo("nodeId: required value is empty");
	}

}
