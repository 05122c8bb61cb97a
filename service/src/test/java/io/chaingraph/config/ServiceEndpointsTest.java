package io.chaingraph.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.chaingraph.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over HTTP on the test server's random port: health with the Neo4j component, GraphiQL, GraphQL, the
 * explorer's drawing library from its WebJar.
 */
class ServiceEndpointsTest extends IntegrationTest {

	static final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NORMAL)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void healthShowsTheNeo4jConnectionUp() throws Exception {
		HttpResponse<String> response = get("/actuator/health");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode health = json.readTree(response.body());
		assertThat(health.path("status").asString()).isEqualTo("UP");
		JsonNode neo4j = health.path("components").path("neo4j");
		assertThat(neo4j.path("status").asString()).as(response.body()).isEqualTo("UP");
		assertThat(neo4j.path("details").path("edition").asString()).isEqualTo("community");
		assertThat(neo4j.path("details").path("server").asString()).startsWith("5.26");
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

	@Test
	void graphiqlAnswers() throws Exception {
		HttpResponse<String> response = get("/graphiql");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
		assertThat(response.body()).containsIgnoringCase("graphiql");
	}

	@Test
	void graphqlAnswersOverHttp() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.header("content-type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", "{ __typename }"))))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json.readTree(response.body())).isEqualTo(json.readTree("{\"data\":{\"__typename\":\"Query\"}}"));
	}

	@Test
	void theExplorerLoadsCytoscapeFromItsWebJarWithoutNamingAVersion() throws Exception {
		String app = get("/js/app.js").body();
		Matcher imported = Pattern.compile("from '\\.\\./(webjars/cytoscape/[^']+)'").matcher(app);
		assertThat(imported.find()).as(app).isTrue();
		assertThat(imported.group(1)).isEqualTo("webjars/cytoscape/dist/cytoscape.esm.min.mjs");
		HttpResponse<String> response = get("/" + imported.group(1));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
		assertThat(response.body()).contains("cytoscape");
	}

}
