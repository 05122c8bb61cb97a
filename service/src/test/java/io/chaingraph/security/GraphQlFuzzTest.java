package io.chaingraph.security;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import io.chaingraph.config.Graph;
import io.chaingraph.importing.ImportProgress;
import io.chaingraph.importing.ImportService;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.support.ChainFixture;
import io.chaingraph.support.DatasetDir;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.GraphChecksum;
import io.chaingraph.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the GraphQL endpoint over real HTTP: requests generated from the running
 * application's schema (every Query and Mutation field, every argument, input object, enum and list)
 * filled with random and hostile values (Cypher injection, 100 KB strings, control characters, RTL,
 * emoji, lone surrogates, overflowing numbers, wrong types, nulls), random selections with aliases,
 * fragments and deep nesting, plus hostile documents (alias bombs, fragment cycles, nesting far past
 * the limit, token floods) and hostile HTTP (malformed JSON, wrong content types, GET/PUT/DELETE,
 * bad Authorization headers, oversized bodies), on the chain fixture plus a small imported dataset.
 * <p>
 * Every response must be: not 5xx; 200 or a documented 4xx with a GraphQL error body; every error
 * with a message and {@code extensions.classification} and none an unexpected INTERNAL_ERROR; no
 * stack trace, Java class name or Cypher text. Mutations are sent without a token, with VIEWER, with
 * an unknown token, or with EDITOR/ADMIN but always with at least one invalid value (a missing id, a
 * stale version, a weight out of range, a blank name, a self-loop): every one must be refused, and
 * the graph's checksum is the same at the end. Generation is seeded per request
 * ({@code -Dfuzz.seed=…} reproduces a run; a failure prints the seed, the request and the response).
 * <p>
 * How many: {@code -Dfuzz.requests=N}; 1,500 in the default build, 10,000 with the Maven profile
 * {@code full-fuzz} (what {@code .ci/run} runs).
 */
// Its own application context: the fuzzer needs tokens (for its refused EDITOR/ADMIN mutations), which the
// shared context has none of (the read-only default is tested there), and no rate limit and a large request
// limit, which SecuredIntegrationTest's tests set low to prove them; all are read at start-up.
@TestPropertySource(properties = {
		"chaingraph.security.tokens=viewer:VIEWER:viewer-token-0123456789, editor:EDITOR:editor-token-0123456789,"
				+ " admin:ADMIN:admin-token-0123456789",
		// the fuzzer is one client sending thousands of traversals a minute: no rate limit here
		// (RateLimitFuzzTest fuzzes the limited path)
		"chaingraph.rate-limit.expensive-per-minute=0", "chaingraph.graphql.max-request-size=512KB",
		"chaingraph.graphql.introspection=true" })
class GraphQlFuzzTest extends IntegrationTest {

	static final int REQUESTS = Integer.getInteger("fuzz.requests", 1_500);

	static final int THREADS = 4;

	static final String VIEWER = "viewer-token-0123456789";

	static final String EDITOR = "editor-token-0123456789";

	static final String ADMIN = "admin-token-0123456789";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** What a response may never contain (after removing what the request itself sent). */
	private static final Pattern LEAK = Pattern.compile(
			"(\\bat [a-zA-Z_$][\\w$]*(\\.[\\w$]+)+\\(|\\b(java|javax|jakarta|org|io|com|graphql|tools|reactor|sun)\\.[a-z_][\\w$]*\\.[\\w$.]+"
					+ "|Exception\\b|\\bCaused by\\b|Neo\\.(Client|Transient|Database)Error|\\bMATCH \\(|\\bMERGE \\(|\\bRETURN \\w"
					+ "|\\bUNWIND \\$|\\bWHERE \\w+\\.\\w+ =|\\bDETACH DELETE\\b)");

	/** The statuses docs/security.md documents for /graphql ("Refusals"). */
	private static final int[] DOCUMENTED_4XX = { 400, 401, 403, 405, 406, 413, 415, 429 };

	@LocalServerPort
	int port;

	@Autowired
	Graph graph;

	@Autowired
	ImportService imports;

	@Autowired
	Driver driver;

	@Autowired
	GraphQlSource graphQlSource;

	@TempDir
	java.nio.file.Path datasetDir;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

	private final AtomicInteger failureCount = new AtomicInteger();

	private final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();

	private final AtomicInteger writesTried = new AtomicInteger();

	private final AtomicInteger writesAccepted = new AtomicInteger();

	private final AtomicInteger sent = new AtomicInteger();

	@Test
	void generatedRequestsGiveNoServerErrorNoLeakAndNoWrite() throws Exception {
		ChainFixture.build(new Fixtures(this.graph));
		assertThat(this.imports.run(DatasetSource.fromDirectory(new DatasetDir(this.datasetDir).write()), false,
				ImportProgress.NONE).hasErrors()).isFalse();
		String before = GraphChecksum.ofEverything(this.driver);
		long seed = Long.getLong("fuzz.seed", System.nanoTime());
		System.out.println("GraphQlFuzzTest: seed " + seed + " (rerun with -Dfuzz.seed=" + seed + "), " + REQUESTS
				+ " requests");
		GraphQLSchema schema = this.graphQlSource.schema();
		long started = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		AtomicInteger next = new AtomicInteger();
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				futures.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < REQUESTS; i = next.getAndIncrement()) {
						long requestSeed = seed * 1_000_003L + i;
						FuzzRequest request = new Generator(schema, new Random(requestSeed)).request();
						check(requestSeed, request, send(request));
						if ((i + 1) % 2000 == 0) {
							System.out.printf("GraphQlFuzzTest: %d requests, %.0f s%n", i + 1, (System.nanoTime() - started) / 1e9);
						}
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("GraphQlFuzzTest: %d requests in %.1f s, statuses %s, %d EDITOR/ADMIN mutations with an invalid value, %d accepted%n",
				this.sent.get(), seconds, new java.util.TreeMap<>(this.statuses), this.writesTried.get(),
				this.writesAccepted.get());
		assertThat(this.failures).as("seed %d: %d failing responses, first ones:%n%s", seed, this.failureCount.get(),
				String.join("\n\n", this.failures)).isEmpty();
		assertThat(this.sent.get()).isGreaterThanOrEqualTo(REQUESTS);
		assertThat(this.writesTried.get()).as("EDITOR/ADMIN mutations sent").isGreaterThan(REQUESTS / 50);
		assertThat(this.writesAccepted.get()).as("mutations with an invalid value that were accepted").isZero();
		assertThat(GraphChecksum.ofEverything(this.driver)).as("graph checksum (seed %d)", seed).isEqualTo(before);
		// the fuzzer reached the resolvers, not only the validation: some answers carried data
		assertThat(this.statuses.get("200").get()).isGreaterThan(REQUESTS / 4);
	}

	// ---- sending and checking ------------------------------------------------------------------------

	/** One generated HTTP request; {@code sentStrings} are the strings in it a response may echo. */
	record FuzzRequest(String method, String pathAndQuery, Map<String, String> headers, byte[] body, String describe,
			List<String> sentStrings, boolean writeWithInvalidValue, List<String> rootFields) {
	}

	record Reply(int status, String body) {
	}

	private Reply send(FuzzRequest request) {
		this.sent.incrementAndGet();
		try {
			HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + request.pathAndQuery()))
				.timeout(Duration.ofSeconds(90));
			request.headers().forEach(builder::header);
			HttpRequest.BodyPublisher body = (request.body() == null) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(request.body());
			builder.method(request.method(), body);
			HttpResponse<byte[]> response = this.http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Reply(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (Exception ex) {
			return new Reply(-1, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

	private void check(long requestSeed, FuzzRequest request, Reply reply) {
		this.statuses.computeIfAbsent(Integer.toString(reply.status()), s -> new AtomicInteger()).incrementAndGet();
		List<String> problems = new ArrayList<>();
		int status = reply.status();
		JsonNode body = parse(reply.body());
		if (status < 0) {
			problems.add("no HTTP response: " + reply.body());
		}
		else if (status >= 500) {
			problems.add("server error " + status);
		}
		else if (status != 200 && java.util.Arrays.stream(DOCUMENTED_4XX).noneMatch(s -> s == status)) {
			problems.add("undocumented status " + status);
		}
		if (status > 0 && !request.method().equals("HEAD")) { // a HEAD response has no body
			if (body == null || !body.isObject()) {
				problems.add("the body is not a JSON object");
			}
			else {
				JsonNode errors = body.path("errors");
				if (status != 200 && !(errors.isArray() && errors.size() > 0)) {
					problems.add("a " + status + " without GraphQL errors");
				}
				if (status == 200 && !body.has("data") && !(errors.isArray() && errors.size() > 0)) {
					problems.add("a 200 with neither data nor errors");
				}
				for (JsonNode error : errors) {
					if (error.path("message").asString("").isBlank()) {
						problems.add("an error without a message");
					}
					String classification = error.path("extensions").path("classification").asString("");
					if (classification.isBlank()) {
						problems.add("an error without extensions.classification");
					}
					if (classification.equals("INTERNAL_ERROR")) {
						problems.add("INTERNAL_ERROR (an unexpected failure, not a clear error)");
					}
				}
			}
			String scrubbed = reply.body();
			for (String echoed : request.sentStrings()) {
				if (echoed.length() >= 3) {
					scrubbed = scrubbed.replace(echoed, "").replace(jsonEscaped(echoed), "");
				}
			}
			var leak = LEAK.matcher(scrubbed);
			if (leak.find()) {
				problems.add("leaks internals: '" + leak.group() + "'");
			}
		}
		if (request.writeWithInvalidValue()) {
			this.writesTried.incrementAndGet();
			boolean refused = body != null && body.path("errors").size() > 0
					&& request.rootFields().stream().allMatch(f -> body.path("data").path(f).isMissingNode()
							|| body.path("data").path(f).isNull());
			if (!refused) {
				this.writesAccepted.incrementAndGet();
				problems.add("a mutation with an invalid value was accepted");
			}
		}
		if (!problems.isEmpty()) {
			this.failureCount.incrementAndGet();
			if (this.failures.size() < 12) {
				this.failures.add("request seed " + requestSeed + ": " + problems + "\n  request: "
						+ abbreviate(request.describe(), 1500) + "\n  response " + status + ": "
						+ abbreviate(reply.body(), 1500));
			}
		}
	}

	private static JsonNode parse(String text) {
		try {
			return JSON.readTree(text);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String jsonEscaped(String s) {
		String quoted = JSON.writeValueAsString(s);
		return quoted.substring(1, quoted.length() - 1);
	}

	static String abbreviate(String s, int max) {
		return (s.length() <= max) ? s : s.substring(0, max) + "…(" + s.length() + " chars)";
	}

	// ---- generation ---------------------------------------------------------------------------------

	/** Ids of the fixture and the imported dataset, so that some requests reach real entities. */
	static final List<String> REAL_IDS = List.of("P", "PS", "Q", "C", "C2", "A", "B", "B1", "B2", "E", "D", "G", "X",
			"Y", "e1", "e2", "e3", "q1", "q2", "q4", "pl1", "pl2", "pl3", "t-park", "t-sub", "t-other", "t-chain",
			"t-n1", "t-n2", "t-n2a", "t-n3", "t-e1", "t-e2", "t-e3", "t-e4", "t-p1", "t-p2");

	static final List<String> HOSTILE = List.of("\"}) MATCH (n) DETACH DELETE n //", "' OR 1=1 --", "\" OR \"\"=\"",
			"x') DETACH DELETE n //", "`) DETACH DELETE n //", "`Park`", "$param", "$id", "{id}", "${jndi:ldap://x/a}",
			"'; CALL dbms.killQueries([]) //", "MATCH (n) SET n.name = 'x' RETURN n", "\\", "\\\\\\\"", "\u0000",
			"a\u0000b", "\u202Eevil\u202C", "😀🏭🔗", "\uD800", "\uDFFF\uD800", "e\u0301\u0301\u0301", "中國基因藥(yào)谷",
			"基因药谷", "", " ", "\t\n\r", "null", "undefined", "NaN", "-1", "0", "1e309", "%s%n%d", "<script>alert(1)</script>",
			"../../etc/passwd", "*", "?", "~", "AND", "OR NOT", "\"", "'", "(((", "[[[", "{{{", "a|b|c",
			"91330300MA2CQKXN3A", "91330300MA2CQKXN3R", "eyJ4IjoxfQ==", "bm90IGEgY3Vyc29y", "2026-01-01T00:00:00Z",
			"UPSTREAM", "upstream", "SERVES", "park-gene-valley");

	static final List<String> ENUM_JUNK = List.of("NOPE", "upstream", "Park", "SERVES", "TRUE", "null", "ÜBER");

	/** A number written literally, so that it can overflow the type it is sent as. */
	record Raw(String text) {
	}

	/** An enum value: bare in a GraphQL literal, a string in JSON variables. */
	record EnumValue(String name) {
	}

	final class Generator {

		private final GraphQLSchema schema;

		private final Random random;

		private final List<String> sentStrings = new ArrayList<>();

		private final List<String> fragments = new ArrayList<>();

		private int fragmentCount;

		/** Fields a document may still select (keeps random selections from growing exponentially). */
		private int fieldBudget = 120;

		Generator(GraphQLSchema schema, Random random) {
			this.schema = schema;
			this.random = random;
		}

		private boolean chance(double p) {
			return this.random.nextDouble() < p;
		}

		private <T> T pick(List<T> list) {
			return list.get(this.random.nextInt(list.size()));
		}

		FuzzRequest request() {
			int kind = this.random.nextInt(100);
			if (kind < 72) {
				return schemaRequest();
			}
			if (kind < 82) {
				return hostileDocument();
			}
			return hostileHttp();
		}

		// -- requests generated from the schema --

		private FuzzRequest schemaRequest() {
			boolean mutation = chance(0.35);
			GraphQLObjectType root = mutation ? this.schema.getMutationType() : this.schema.getQueryType();
			List<GraphQLFieldDefinition> fields = root.getFieldDefinitions()
				.stream()
				.filter(f -> !f.getName().startsWith("__"))
				.toList();
			String token = pickToken(mutation);
			boolean privileged = mutation && (EDITOR.equals(token) || ADMIN.equals(token));
			boolean useVariables = chance(0.5);
			Map<String, Object> variables = new LinkedHashMap<>();
			List<String> declarations = new ArrayList<>();
			StringBuilder selection = new StringBuilder();
			List<String> rootFields = new ArrayList<>();
			int count = chance(0.85) ? 1 : 2 + this.random.nextInt(3);
			for (int f = 0; f < count; f++) {
				GraphQLFieldDefinition field = pick(fields);
				Map<String, Object> arguments = new LinkedHashMap<>();
				for (GraphQLArgument argument : field.getArguments()) {
					if (!GraphQLTypeUtil.isNonNull(argument.getType()) && chance(0.35)) {
						continue;
					}
					arguments.put(argument.getName(), value(argument.getType(), 0, argument.getName()));
				}
				if (privileged) {
					poison(field, arguments);
				}
				String alias = (count > 1 || chance(0.1)) ? "f" + f : null;
				rootFields.add(alias != null ? alias : field.getName());
				selection.append(alias != null ? alias + ": " : "").append(field.getName());
				if (!arguments.isEmpty()) {
					List<String> args = new ArrayList<>();
					for (Map.Entry<String, Object> a : arguments.entrySet()) {
						GraphQLInputType type = field.getArgument(a.getKey()).getType();
						if (useVariables) {
							String name = "v" + f + "_" + a.getKey();
							String declared = chance(0.03) ? pick(List.of("String", "Int!", "[ID]", "Boolean", "Nope"))
									: GraphQLTypeUtil.simplePrint(type);
							declarations.add("$" + name + ": " + declared);
							variables.put(name, json(a.getValue()));
							args.add(a.getKey() + ": $" + name);
						}
						else {
							args.add(a.getKey() + ": " + literal(a.getValue()));
						}
					}
					if (chance(0.02)) {
						args.add("unknownArgument: 1");
					}
					selection.append('(').append(String.join(", ", args)).append(')');
				}
				selection.append(selectionSet(field.getType(), 1, chance(0.05) ? 40 : 1 + this.random.nextInt(4)))
					.append('\n');
			}
			String operation = (mutation ? "mutation" : "query") + " Fuzz"
					+ (declarations.isEmpty() ? "" : "(" + String.join(", ", declarations) + ")");
			String document = operation + " {\n" + selection + "}\n" + String.join("\n", this.fragments);
			Map<String, Object> payload = new LinkedHashMap<>();
			payload.put("query", document);
			if (!variables.isEmpty() || chance(0.1)) {
				payload.put("variables", variables);
			}
			if (chance(0.2)) {
				payload.put("operationName", chance(0.9) ? "Fuzz" : echoed(pick(HOSTILE)));
			}
			byte[] body = JSON.writeValueAsBytes(payload);
			if (!mutation && chance(0.08) && body.length < 6000) {
				return get(document, variables, token);
			}
			return post(body, "application/json", token, privileged, rootFields, document);
		}

		private String pickToken(boolean mutation) {
			int r = this.random.nextInt(100);
			if (mutation) {
				return r < 20 ? null : r < 35 ? VIEWER : r < 40 ? "not-a-configured-token-000" : r < 85 ? EDITOR : ADMIN;
			}
			return r < 40 ? null : r < 70 ? VIEWER : r < 85 ? EDITOR : r < 95 ? ADMIN : "not-a-configured-token-000";
		}

		/**
		 * Makes an EDITOR/ADMIN mutation certainly invalid, so the graph must not change: a blank name for
		 * creates; otherwise a missing entity, a stale version, a weight out of range or a self-loop.
		 */
		private void poison(GraphQLFieldDefinition field, Map<String, Object> arguments) {
			String name = field.getName();
			if (name.startsWith("create")) {
				Object input = arguments.get("input");
				if (input instanceof LinkedHashMap<?, ?> map) { // else a wrong type: refused anyway
					@SuppressWarnings("unchecked")
					Map<String, Object> m = (Map<String, Object>) map;
					m.put("name", pick(List.of("", " ", "\t\n", "\u3000")));
				}
				return;
			}
			List<String> idArgs = field.getArguments()
				.stream()
				.filter(a -> GraphQLTypeUtil.unwrapAll(a.getType()).getName().equals("ID"))
				.map(GraphQLArgument::getName)
				.toList();
			int way = this.random.nextInt(4);
			if (way == 1 && field.getArgument("expectedVersion") != null) {
				arguments.put("expectedVersion", pick(List.of(1000 + this.random.nextInt(100_000), Integer.MAX_VALUE, -1,
						Integer.MIN_VALUE)));
				return;
			}
			if (way == 2 && field.getArgument("weight") != null) {
				arguments.put(pick(List.of("weight", "confidence")), pick(List.of(1.0001, -0.5, 2.0, 1e308, -1e-9)));
				return;
			}
			if (way == 3 && (name.equals("linkChainNodes") || name.equals("addSupply"))) {
				String id = name.equals("addSupply") ? pick(List.of("e1", "e3", "t-e1")) : pick(List.of("A", "B", "t-n1"));
				arguments.put(idArgs.get(0), id);
				arguments.put(idArgs.get(1), id);
				return;
			}
			for (String arg : idArgs) {
				if (!arg.equals("parkId") || !name.equals("moveToPark")) {
					String missing = "zz-missing-" + this.random.nextInt(1000) + pick(HOSTILE);
					this.sentStrings.add(missing);
					arguments.put(arg, missing);
				}
			}
		}

		/** A random value for an input type: mostly well-typed, sometimes hostile, sometimes the wrong type. */
		private Object value(GraphQLInputType type, int depth, String name) {
			if (chance(0.03)) {
				return wrongType();
			}
			if (GraphQLTypeUtil.isNonNull(type)) {
				if (chance(0.02)) {
					return null;
				}
				return value((GraphQLInputType) GraphQLTypeUtil.unwrapOne(type), depth, name);
			}
			if (chance(0.08)) {
				return null;
			}
			if (type instanceof GraphQLList list) {
				int size = chance(0.1) ? 0 : chance(0.05) ? 11 + this.random.nextInt(300) : 1 + this.random.nextInt(4);
				List<Object> items = new ArrayList<>();
				for (int i = 0; i < size; i++) {
					items.add(value((GraphQLInputType) list.getWrappedType(), depth + 1, name));
				}
				if (chance(0.05)) {
					return items.isEmpty() ? value((GraphQLInputType) list.getWrappedType(), depth + 1, name) : items.get(0);
				}
				return items;
			}
			if (type instanceof GraphQLEnumType enumType) {
				return new EnumValue(chance(0.9) ? pick(enumType.getValues()).getName() : pick(ENUM_JUNK));
			}
			if (type instanceof GraphQLInputObjectType object) {
				Map<String, Object> fields = new LinkedHashMap<>();
				for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
					boolean required = GraphQLTypeUtil.isNonNull(field.getType());
					if ((required && chance(0.97)) || chance(0.5)) {
						fields.put(field.getName(), value(field.getType(), depth + 1, field.getName()));
					}
				}
				if (chance(0.03)) {
					fields.put("unknownField" + this.random.nextInt(3), string());
				}
				return fields;
			}
			String scalar = ((GraphQLScalarType) type).getName();
			return switch (scalar) {
				case "Int" -> intValue(name);
				case "Float" -> floatValue();
				case "Boolean" -> chance(0.9) ? this.random.nextBoolean() : wrongType();
				case "ID" -> chance(0.5) ? pick(REAL_IDS) : chance(0.1) ? (Object) this.random.nextInt(1000) : string();
				case "DateTime" -> chance(0.5) ? pick(List.of("2026-01-01T00:00:00Z", "1970-01-01T00:00:00+14:00",
						"9999-12-31T23:59:59Z", "2026-13-45T99:99:99Z", "yesterday", "0000-00-00")) : string();
				default -> string();
			};
		}

		private Object intValue(String name) {
			int r = this.random.nextInt(10);
			if (r < 5) {
				return pick(List.of(0, 1, 2, 3, 5, 10, 11, 25, 26, 100, 1000, 1001, 5000, 5001, -1, -2));
			}
			if (r < 7) {
				return pick(List.of(Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE - 1, 65535, 1 << 24));
			}
			if (r < 8) {
				return new Raw(pick(List.of("2147483648", "-2147483649", "99999999999999999999999", "1e3", "1.5", "-0")));
			}
			return this.random.nextInt();
		}

		private Object floatValue() {
			int r = this.random.nextInt(10);
			if (r < 6) {
				return pick(List.of(0.0, 0.5, 1.0, 0.9999, 1.0001, -0.0001, -1.0, 2.0, 1e-300, 1e308, -1e308, 0.1 + 0.2));
			}
			if (r < 7) {
				return new Raw(pick(List.of("1e400", "-1e400", "1", "123456789012345678901234567890", "4.9e-325")));
			}
			return this.random.nextGaussian() * Math.pow(10, this.random.nextInt(12) - 6);
		}

		private Object wrongType() {
			return switch (this.random.nextInt(6)) {
				case 0 -> string();
				case 1 -> this.random.nextInt(100);
				case 2 -> this.random.nextBoolean();
				case 3 -> List.of(string());
				case 4 -> Map.of("x", 1);
				default -> 3.25;
			};
		}

		/** A string sent as is, which a response may quote back. */
		private String echoed(String s) {
			this.sentStrings.add(s);
			return s;
		}

		/** Hostile, random or huge text. */
		String string() {
			int r = this.random.nextInt(100);
			String s;
			if (r < 40) {
				s = pick(HOSTILE);
			}
			else if (r < 55) {
				s = pick(REAL_IDS);
			}
			else if (r < 97) {
				StringBuilder b = new StringBuilder();
				int length = this.random.nextInt(40);
				for (int i = 0; i < length; i++) {
					b.appendCodePoint(codePoint());
				}
				s = b.toString();
			}
			else {
				// huge: 100 KB and more (the request limit is 512 KB, so these reach the resolvers)
				String unit = pick(List.of("A", "基因", "' OR 1=1 ", "😀", "\\\""));
				s = unit.repeat(100_000 / unit.length() + this.random.nextInt(20_000));
			}
			this.sentStrings.add(s);
			return s;
		}

		private int codePoint() {
			return switch (this.random.nextInt(8)) {
				case 0 -> this.random.nextInt(0x20);
				case 1 -> 0x4E00 + this.random.nextInt(0x5000);
				case 2 -> 0x1F300 + this.random.nextInt(0x300);
				case 3 -> pick(List.of(0x202E, 0x200B, 0xFEFF, 0x2028, 0x0301, 0xFFFD, 0x3000));
				default -> 0x20 + this.random.nextInt(0x5F);
			};
		}

		/** Random fields of an output type, with aliases, fragments, __typename and some invalid selections. */
		private String selectionSet(GraphQLOutputType type, int depth, int maxDepth) {
			GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(type);
			if (!(unwrapped instanceof GraphQLObjectType object)) {
				if (chance(0.01)) {
					return " { id }"; // a selection on a scalar: invalid
				}
				return "";
			}
			if (chance(0.005)) {
				return ""; // no selection on an object: invalid
			}
			List<GraphQLFieldDefinition> fields = object.getFieldDefinitions();
			List<String> parts = new ArrayList<>();
			boolean deep = depth < maxDepth && this.fieldBudget > 0;
			// a deep query walks one chain of objects; a normal one fans out a little
			int count = (maxDepth > 15) ? 1 : 1 + this.random.nextInt(Math.min(4, fields.size()));
			this.fieldBudget -= count;
			for (int i = 0; i < count; i++) {
				GraphQLFieldDefinition field = pick(fields);
				boolean isObject = GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType;
				if (isObject && !deep) {
					continue;
				}
				if (maxDepth > 15 && deep && !isObject) {
					// a deep query: keep walking objects
					List<GraphQLFieldDefinition> objects = fields.stream()
						.filter(f -> GraphQLTypeUtil.unwrapAll(f.getType()) instanceof GraphQLObjectType)
						.toList();
					if (!objects.isEmpty()) {
						field = pick(objects);
					}
				}
				StringBuilder part = new StringBuilder();
				if (chance(0.1)) {
					part.append("a").append(this.random.nextInt(1000)).append(": ");
				}
				part.append(field.getName());
				List<String> args = new ArrayList<>();
				for (GraphQLArgument argument : field.getArguments()) {
					if (chance(0.4)) {
						args.add(argument.getName() + ": " + literal(value(argument.getType(), 0, argument.getName())));
					}
				}
				if (!args.isEmpty()) {
					part.append('(').append(String.join(", ", args)).append(')');
				}
				part.append(selectionSet(field.getType(), depth + 1, maxDepth));
				parts.add(part.toString());
			}
			if (parts.isEmpty() || chance(0.1)) {
				parts.add("__typename");
			}
			if (chance(0.01)) {
				parts.add("noSuchField");
			}
			if (chance(0.05)) {
				String name = "F" + (this.fragmentCount++);
				this.fragments.add("fragment " + name + " on " + object.getName() + " { " + String.join(" ", parts) + " }");
				return " { ..." + name + " }";
			}
			if (chance(0.03)) {
				return " { ... on " + object.getName() + " { " + String.join(" ", parts) + " } }";
			}
			return " { " + String.join(" ", parts) + " }";
		}

		/** A value as a GraphQL literal. */
		private String literal(Object value) {
			if (value == null) {
				return "null";
			}
			if (value instanceof Raw raw) {
				return raw.text();
			}
			if (value instanceof EnumValue e) {
				return e.name().matches("[_A-Za-z][_0-9A-Za-z]*") ? e.name() : quote(e.name());
			}
			if (value instanceof String s) {
				return chance(0.03) && !s.contains("\"\"\"") && !s.contains("\\") ? "\"\"\"" + s + "\"\"\"" : quote(s);
			}
			if (value instanceof List<?> list) {
				return "[" + String.join(", ", list.stream().map(this::literal).toList()) + "]";
			}
			if (value instanceof Map<?, ?> map) {
				List<String> fields = new ArrayList<>();
				map.forEach((k, v) -> fields.add(k + ": " + literal(v)));
				return "{" + String.join(", ", fields) + "}";
			}
			if (value instanceof Double d) {
				return BigDecimal.valueOf(d).toString();
			}
			return String.valueOf(value);
		}

		private static String quote(String s) {
			StringBuilder b = new StringBuilder("\"");
			for (int i = 0; i < s.length(); i++) {
				char c = s.charAt(i);
				switch (c) {
					case '"' -> b.append("\\\"");
					case '\\' -> b.append("\\\\");
					case '\n' -> b.append("\\n");
					case '\r' -> b.append("\\r");
					case '\t' -> b.append("\\t");
					default -> {
						if (c < 0x20 || Character.isSurrogate(c)) {
							b.append(String.format("\\u%04x", (int) c));
						}
						else {
							b.append(c);
						}
					}
				}
			}
			return b.append('"').toString();
		}

		/** A value as JSON for the variables. */
		private Object json(Object value) {
			if (value instanceof Raw raw) {
				try {
					return new BigInteger(raw.text());
				}
				catch (NumberFormatException ex) {
					return new BigDecimal(raw.text());
				}
			}
			if (value instanceof EnumValue e) {
				return e.name();
			}
			if (value instanceof List<?> list) {
				return list.stream().map(v -> v == null ? null : json(v)).toList();
			}
			if (value instanceof Map<?, ?> map) {
				Map<Object, Object> copy = new LinkedHashMap<>();
				map.forEach((k, v) -> copy.put(k, json(v)));
				return copy;
			}
			return value;
		}

		// -- hostile documents --

		private FuzzRequest hostileDocument() {
			String document = switch (this.random.nextInt(14)) {
				case 0 -> { // alias bomb
					StringBuilder b = new StringBuilder("{");
					String field = pick(List.of("park(id: \"P\") { name }", "network(id: \"e1\", depth: 3) { nodes { id } }",
							"chainGaps(parkId: \"P\", chainId: \"C\") { coverage }", "__typename", "search(text: \"园\") { edges { node { id } } }"));
					int n = pick(List.of(100, 1000, 5000));
					for (int i = 0; i < n; i++) {
						b.append(" a").append(i).append(": ").append(field);
					}
					yield b.append(" }").toString();
				}
				case 1 -> "query { park(id: \"P\") { ...A } } fragment A on Park { parent { ...B } } fragment B on Park { parent { ...A } }";
				case 2 -> "{ park(id: \"P\") { ...A } } fragment A on Park { name ...A }";
				case 3 -> { // nesting far past the limit
					int depth = pick(List.of(16, 50, 200, 1000, 3000));
					yield "{ park(id: \"P\") " + "{ parent ".repeat(depth) + "{ id }" + " }".repeat(depth) + " }";
				}
				case 4 -> "{ " + "__typename ".repeat(pick(List.of(16_000, 40_000))) + "}";
				case 5 -> "{".repeat(pick(List.of(100, 10_000))) ;
				case 6 -> "query A { __typename } query A { __typename } mutation { createPark(input: {id: \"z\", name: \" \"}) { id } }";
				case 7 -> "{ park(id: \"P\") @skip(if: \"yes\") @include(if: $undeclared) @nope { name } }";
				case 8 -> "{ __schema { types { name fields { name args { name type { name ofType { name ofType { name } } } } } } } }";
				case 9 -> "subscription { park(id: \"P\") { name } }";
				case 10 -> "{ park(id: \"P\") { enterprises(first: 1000) { edges { node { park { enterprises(first: 1000) { edges { node { park { enterprises(first: 1000) { totalCount } } } } } } } } } } }";
				case 11 -> "# only a comment";
				case 12 -> "query ($a: [[[[[[ID]]]]]]) { park(id: $a) { name } }";
				default -> "{ downstream(id: \"A\", depth: 10, limit: 5000) { nodes { id } } upstream(id: \"D\", depth: 25, limit: 100000) { truncated } }";
			};
			Map<String, Object> payload = new LinkedHashMap<>();
			payload.put("query", document);
			String token = pickToken(false);
			return post(JSON.writeValueAsBytes(payload), "application/json", token, false, List.of(), document);
		}

		// -- hostile HTTP --

		private FuzzRequest hostileHttp() {
			String valid = "{\"query\":\"{ park(id: \\\"P\\\") { name } }\"}";
			String token = pickToken(false);
			return switch (this.random.nextInt(16)) {
				case 0 -> post(utf8(valid.substring(0, 1 + this.random.nextInt(valid.length() - 1))), "application/json", token, false, List.of(), "truncated JSON");
				case 1 -> post(utf8(valid + pick(List.of("}", "garbage", ",{}", "\u0000"))), "application/json", token, false, List.of(), "trailing garbage");
				case 2 -> post(utf8(pick(List.of("[" + valid + "," + valid + "]", "[]", "null", "42", "\"query\"", "true", "{}",
						"{\"query\":null}", "{\"query\":123}", "{\"query\":[\"{ __typename }\"]}", "{\"query\":{}}",
						"{\"query\":\"{ __typename }\",\"variables\":[1,2]}", "{\"query\":\"{ __typename }\",\"variables\":\"x\"}",
						"{\"query\":\"{ __typename }\",\"operationName\":7}", "{\"query\":\"{ __typename }\",\"extensions\":\"x\"}",
						"{\"query\":\"\"}", "{\"query\":\"   \"}", "{\"query\":\"{ __typename }\",\"query\":\"mutation { deletePark(id: \\\"P\\\", expectedVersion: 1) { id } }\"}"))),
						"application/json", token, false, List.of(), "not a GraphQL request");
				case 3 -> post(random(1 + this.random.nextInt(3000)), "application/json", token, false, List.of(), "binary junk");
				case 4 -> post(utf8("[".repeat(pick(List.of(1001, 100_000))) ), "application/json", token, false, List.of(), "deep JSON");
				case 5 -> post(utf8(valid), pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
						"multipart/form-data; boundary=x", "application/json; charset=latin1", "application/json; charset=utf-16",
						"application/graphql", "application/graphql-response+json", "*/*", "garbage", "application/json;;;")),
						token, false, List.of(), "content type");
				case 6 -> { // no content type at all
					Map<String, String> headers = authorization(token);
					yield new FuzzRequest("POST", "/graphql", headers, utf8(valid), "POST without a content type", List.of(), false, List.of());
				}
				case 7 -> { // Accept headers
					Map<String, String> headers = new LinkedHashMap<>(authorization(token));
					headers.put("Content-Type", "application/json");
					headers.put("Accept", pick(List.of("text/html", "application/xml", "image/png", "garbage", "text/event-stream",
							"application/graphql-response+json", "*/*;q=0")));
					yield new FuzzRequest("POST", "/graphql", headers, utf8(valid), "Accept " + headers.get("Accept"), List.of(), false, List.of());
				}
				case 8 -> { // other methods
					String method = pick(List.of("PUT", "DELETE", "PATCH", "HEAD", "TRACE"));
					Map<String, String> headers = new LinkedHashMap<>(authorization(token));
					headers.put("Content-Type", "application/json");
					yield new FuzzRequest(method, "/graphql", headers, method.equals("HEAD") || method.equals("TRACE") ? null : utf8(valid),
							method + " /graphql", List.of(), false, List.of());
				}
				case 9 -> { // GET: no query, a mutation, garbage parameters
					String query = pick(List.of("", "?query=", "?query=%7B", "?query=mutation%20%7B%20deletePark(id%3A%22P%22%2C%20expectedVersion%3A1)%20%7B%20id%20%7D%20%7D",
							"?query=%7B__typename%7D&variables=%7Bnot-json", "?query=%7B__typename%7D&operationName=x",
							"?variables=%7B%7D", "?query=%7B__typename%7D&query=%7B__typename%7D"));
					yield new FuzzRequest("GET", "/graphql" + query, authorization(token), null, "GET /graphql" + query, List.of(), false, List.of());
				}
				case 10 -> post(new byte[0], "application/json", token, false, List.of(), "empty body");
				case 11 -> { // larger than chaingraph.graphql.max-request-size
					byte[] body = utf8("{\"query\":\"{ search(text: \\\"" + "A".repeat(600_000) + "\\\") { id } }\"}");
					yield post(body, "application/json", token, false, List.of(), "600 KB body");
				}
				case 12 -> { // bad Authorization headers
					Map<String, String> headers = new LinkedHashMap<>();
					headers.put("Content-Type", "application/json");
					headers.put("Authorization", pick(List.of("Bearer", "Bearer ", "Bearer  " + VIEWER + " x", "Basic dXNlcjpwYXNz",
							"bearer " + VIEWER, "Token " + EDITOR, "Bearer " + "x".repeat(4000), "Bearer ' OR 1=1 --",
							"Bearer " + EDITOR.toUpperCase(), "Bearer null", "Digest x")));
					yield new FuzzRequest("POST", "/graphql", headers, utf8("{\"query\":\"mutation { createPark(input: {id: \\\"zz\\\", name: \\\"x\\\"}) { id } }\"}"),
							"Authorization " + abbreviate(headers.get("Authorization"), 40), List.of(), false, List.of());
				}
				case 13 -> post(concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, utf8(valid)), "application/json", token, false, List.of(), "BOM");
				case 14 -> post(concat(utf8("{\"query\":\"{ search(text: \\\""), concat(new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE }, utf8("\\\") { id } }\"}"))),
						"application/json", token, false, List.of(), "invalid UTF-8");
				default -> { // the same endpoint, spelled differently
					String path = pick(List.of("/graphql?", "/graphql;jsessionid=x", "/graphql?query=x"));
					Map<String, String> headers = new LinkedHashMap<>(authorization(token));
					headers.put("Content-Type", "application/json");
					yield new FuzzRequest("POST", path, headers, utf8(valid), "POST " + path, List.of(), false, List.of());
				}
			};
		}

		private FuzzRequest post(byte[] body, String contentType, String token, boolean writeWithInvalidValue,
				List<String> rootFields, String describe) {
			Map<String, String> headers = new LinkedHashMap<>(authorization(token));
			headers.put("Content-Type", contentType);
			if (chance(0.5)) {
				headers.put("Accept", pick(List.of("application/json", "application/graphql-response+json", "*/*")));
			}
			String text = new String(body, StandardCharsets.UTF_8);
			return new FuzzRequest("POST", "/graphql", headers, body,
					"POST token=" + tokenName(token) + " " + contentType + " " + (describe.equals(text) ? "" : describe + " ") + "body " + text,
					List.copyOf(this.sentStrings), writeWithInvalidValue, rootFields);
		}

		private FuzzRequest get(String document, Map<String, Object> variables, String token) {
			String query = "?query=" + URLEncoder.encode(document, StandardCharsets.UTF_8)
					+ (variables.isEmpty() ? "" : "&variables=" + URLEncoder.encode(JSON.writeValueAsString(variables), StandardCharsets.UTF_8));
			return new FuzzRequest("GET", "/graphql" + query, authorization(token), null,
					"GET token=" + tokenName(token) + " " + document + " variables " + variables, List.copyOf(this.sentStrings), false, List.of());
		}

		private Map<String, String> authorization(String token) {
			return (token == null) ? Map.of() : Map.of("Authorization", "Bearer " + token);
		}

		private String tokenName(String token) {
			return token == null ? "none" : token.equals(VIEWER) ? "VIEWER" : token.equals(EDITOR) ? "EDITOR"
					: token.equals(ADMIN) ? "ADMIN" : "unknown";
		}

		private byte[] random(int length) {
			byte[] bytes = new byte[length];
			this.random.nextBytes(bytes);
			return bytes;
		}

	}

	private static byte[] utf8(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

}
