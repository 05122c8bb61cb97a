package io.chaingraph.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.EagerResult;
import org.neo4j.driver.QueryConfig;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.neo4j.driver.RoutingControl;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.StringUtils;

/**
 * A running chaingraph as the query benchmark sees it, three ways deep: the bare Neo4j driver, GraphQL
 * executed in-process (the service's web GraphQL handler, without HTTP), and GraphQL over HTTP on
 * loopback.
 */
public final class BenchTarget implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	final Driver driver;

	final QueryConfig readConfig;

	/** Where a client in another process reaches the database (the embedded database's Bolt URI). */
	final String boltUri;

	final String database;

	/** The handler behind POST /graphql: the service's GraphQL interceptors, then its execution. */
	final WebGraphQlHandler graphQl;

	/** Blocking HTTP/1.1 with keep-alive: each caller thread does its own I/O (see the constructor). */
	final CloseableHttpClient http;

	final URI endpoint;

	/** Most concurrent HTTP clients the benchmark runs (one pooled connection each). */
	static final int MAX_CLIENTS = 1024;

	private BenchTarget(ApplicationContext context, String baseUrl) {
		this.driver = context.getBean(Driver.class);
		String database = context.getEnvironment().getProperty("chaingraph.database", "");
		QueryConfig.Builder config = QueryConfig.builder().withRouting(RoutingControl.READ);
		if (StringUtils.hasText(database)) {
			config.withDatabase(database);
		}
		this.readConfig = config.build();
		this.database = database;
		this.boltUri = context.getBean(Neo4jConnectionDetails.class).getUri().toString();
		this.graphQl = context.getBean(WebGraphQlHandler.class);
		this.http = httpClient(MAX_CLIENTS);
		this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/graphql");
	}

	/**
	 * A blocking client: the calling thread writes the request and reads the answer itself. The JDK's
	 * java.net.http client completes every exchange on its selector thread and then wakes the caller,
	 * and used two to three times the CPU per request; the bench shares the service's two cores, so the
	 * client's own cost showed up in the HTTP column. The connection pool holds a keep-alive connection
	 * per concurrent client. No retries, redirects, cookies or compression: what is measured is one
	 * plain POST per request, and a failure counts as one.
	 */
	static CloseableHttpClient httpClient(int maxConnections) {
		return HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setMaxConnTotal(maxConnections)
				.setMaxConnPerRoute(maxConnections)
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(Timeout.ofSeconds(10))
					.setSocketTimeout(Timeout.ofSeconds(30))
					.build())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(30)).build())
			.disableAutomaticRetries()
			.disableRedirectHandling()
			.disableCookieManagement()
			.disableContentCompression()
			.build();
	}

	/** The beans of a started application, and its HTTP base URL (e.g. {@code http://127.0.0.1:PORT}). */
	public static BenchTarget of(ApplicationContext context, String baseUrl) {
		return new BenchTarget(context, baseUrl);
	}

	/** Closes the HTTP client's connections (the application stays up). */
	@Override
	public void close() throws IOException {
		this.http.close();
	}

	EagerResult cypher(String statement, Map<String, Object> parameters) {
		return this.driver.executableQuery(statement).withParameters(parameters).withConfig(this.readConfig).execute();
	}

	/**
	 * Executes a document in-process, as the service handles a POST /graphql but without HTTP, and
	 * returns its data; GraphQL errors are thrown. Gap reports are computed afresh (the request carries
	 * {@code Cache-Control: no-cache}, as over HTTP) unless {@code cached}.
	 */
	Map<String, Object> graphQl(String document, Map<String, Object> variables, boolean cached) {
		HttpHeaders headers = new HttpHeaders();
		if (!cached) {
			headers.setCacheControl("no-cache");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", document);
		body.put("variables", variables);
		WebGraphQlRequest request = new WebGraphQlRequest(this.endpoint, headers, new LinkedMultiValueMap<>(), null,
				Map.of(), body, "bench", null);
		WebGraphQlResponse response = this.graphQl.handleRequest(request).block();
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

	/** A status and a body, as answered. */
	record Answer(int status, String body) {
	}

	/**
	 * Posts a GraphQL request body and returns the answer, whatever its status. The benchmark measures
	 * what a request costs, so it asks for gap reports computed afresh ({@code Cache-Control: no-cache})
	 * except where a case says it measures the kept ones.
	 */
	Answer send(String body) throws IOException {
		return send(this.http, this.endpoint, body, false);
	}

	static Answer send(CloseableHttpClient http, URI endpoint, String body, boolean cached) throws IOException {
		HttpPost post = new HttpPost(endpoint);
		post.setHeader("Accept", "application/graphql-response+json, application/json");
		if (!cached) {
			post.setHeader("Cache-Control", "no-cache");
		}
		post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
		return http.execute(post,
				response -> new Answer(response.getCode(), EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)));
	}

	/**
	 * Posts a GraphQL request and returns the response body; a status other than 200 or a body with
	 * errors is thrown.
	 */
	String post(String body, boolean cached) throws IOException {
		return post(this.http, this.endpoint, body, cached);
	}

	static String post(CloseableHttpClient http, URI endpoint, String body, boolean cached) throws IOException {
		Answer answer = send(http, endpoint, body, cached);
		check(answer.status(), answer.body());
		return answer.body();
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
