package io.chaingraph.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.chaingraph.gap.GapBenchAccess;
import io.chaingraph.graph.TraversalBenchAccess;
import io.chaingraph.search.SearchBenchAccess;
import org.neo4j.driver.Driver;
import org.neo4j.driver.EagerResult;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.RoutingControl;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationContext;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.util.StringUtils;

/**
 * A running chaingraph as the query benchmark sees it, four ways deep: the bare Neo4j driver, the
 * service layer (Java calls), GraphQL executed in-process, and GraphQL over HTTP on loopback.
 */
public final class BenchTarget {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	final Driver driver;

	final QueryConfig readConfig;

	final TraversalBenchAccess traversals;

	final GapBenchAccess gaps;

	final SearchBenchAccess search;

	final ExecutionGraphQlService graphQl;

	final HttpClient http;

	final URI endpoint;

	private BenchTarget(ApplicationContext context, String baseUrl) {
		this.driver = context.getBean(Driver.class);
		String database = context.getEnvironment().getProperty("chaingraph.database", "");
		QueryConfig.Builder config = QueryConfig.builder().withRouting(RoutingControl.READ);
		if (StringUtils.hasText(database)) {
			config.withDatabase(database);
		}
		this.readConfig = config.build();
		this.traversals = context.getBean(TraversalBenchAccess.class);
		this.gaps = context.getBean(GapBenchAccess.class);
		this.search = context.getBean(SearchBenchAccess.class);
		this.graphQl = context.getBean(ExecutionGraphQlService.class);
		// Responses are completed on the client's selector thread instead of being handed to a pool:
		// one thread hop fewer per request, which matters on a busy machine.
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.executor(Runnable::run)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/graphql");
	}

	/** The beans of a started application, and its HTTP base URL (e.g. {@code http://127.0.0.1:PORT}). */
	public static BenchTarget of(ApplicationContext context, String baseUrl) {
		return new BenchTarget(context, baseUrl);
	}

	EagerResult cypher(String statement, Map<String, Object> parameters) {
		return this.driver.executableQuery(statement).withParameters(parameters).withConfig(this.readConfig).execute();
	}

	/** Executes a document in-process and returns its data; GraphQL errors are thrown. */
	Map<String, Object> graphQl(String document, Map<String, Object> variables) {
		ExecutionGraphQlResponse response = this.graphQl
			.execute(new DefaultExecutionGraphQlRequest(document, null, variables, null, "bench", null))
			.block();
		List<ResponseError> errors = response.getErrors();
		if (!errors.isEmpty()) {
			throw new IllegalStateException("GraphQL error: " + errors.get(0).getMessage());
		}
		return response.getData();
	}

	/** The JSON body of a GraphQL request. */
	static String body(String document, Map<String, Object> variables) {
		return JSON.writeValueAsString(Map.of("query", document, "variables", variables));
	}

	HttpRequest request(String body) {
		return HttpRequest.newBuilder(this.endpoint)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Accept", "application/graphql-response+json, application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	/**
	 * Posts a GraphQL request and returns the response body; a status other than 200 or a body with
	 * errors is thrown.
	 */
	String post(String body) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(request(body), HttpResponse.BodyHandlers.ofString());
		check(response.statusCode(), response.body());
		return response.body();
	}

	static void check(int status, String body) {
		if (status != 200) {
			throw new IllegalStateException("HTTP " + status + ": " + abbreviate(body));
		}
		if (body.startsWith("{\"errors\"") || body.contains("\"errors\":[")) {
			throw new IllegalStateException("GraphQL error: " + abbreviate(body));
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> data(String body) {
		return (Map<String, Object>) JSON.readValue(body, Map.class).get("data");
	}

	private static String abbreviate(String body) {
		return body.length() > 300 ? body.substring(0, 300) + "…" : body;
	}

}
