package io.chaingraph.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code soak} command's load: {@code clients} HTTP clients on a running chaingraph send a mixed
 * read/write workload for {@code duration}: the read queries of the benchmark (search, lookups,
 * upstream/downstream, network, chainGaps, gapCandidates, compareParks) and, with probability
 * {@code writeShare}, curation writes on soak-owned enterprises (create, update with expectedVersion,
 * link, unlink). Updates go to a pool of entities every client edits, each client with its own idea
 * of their versions, so version conflicts happen as between real editors: a CONFLICT is retried with
 * the version the error names, as a client would, and is not an error. Errors: a status other than
 * 200, any other GraphQL error, an exception or a timeout. Every {@code interval} a line with that
 * interval's requests, throughput, p50/p99, errors and heap; at the end a Markdown table.
 */
public final class Soak {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Attempts of one write before a repeated CONFLICT counts as an error. */
	static final int CONFLICT_RETRIES = 10;

	/** Bound on one request; a slower answer is an error (a timeout). */
	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	public record Settings(Duration duration, int clients, double writeShare, Duration interval, long seed) {

		public Settings {
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException("--duration must be positive");
			}
			if (clients < 1 || clients > 256) {
				throw new IllegalArgumentException("--clients must be between 1 and 256, was " + clients);
			}
			if (!(writeShare >= 0 && writeShare <= 1)) {
				throw new IllegalArgumentException("--write-share must be between 0 and 1, was " + writeShare);
			}
			if (interval.toMillis() < 1000) {
				throw new IllegalArgumentException("--interval must be at least 1s");
			}
		}

	}

	/** Heap of the service in bytes: used and committed, -1 when unknown. */
	public interface HeapProbe {

		long[] sample();

		/** The heap of this JVM (the service runs in it). */
		static HeapProbe thisJvm() {
			return () -> {
				MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
				return new long[] { heap.getUsed(), heap.getCommitted() };
			};
		}

		/** The heap of a service elsewhere, from its actuator metrics ({@code jvm.memory.used}, {@code jvm.memory.committed}). */
		static HeapProbe actuator(String baseUrl, String token) {
			HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			String base = baseUrl.replaceAll("/+$", "") + "/actuator/metrics/";
			return () -> new long[] { metric(client, base + "jvm.memory.used?tag=area:heap", token),
					metric(client, base + "jvm.memory.committed?tag=area:heap", token) };
		}

		private static long metric(HttpClient client, String url, String token) {
			try {
				HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET();
				if (token != null) {
					request.header("Authorization", "Bearer " + token);
				}
				HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
				JsonNode value = (response.statusCode() == 200) ? parse(response.body()) : null;
				return (value == null) ? -1 : (long) value.path("measurements").path(0).path("value").asDouble(-1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return -1;
			}
			catch (Exception ex) {
				return -1;
			}
		}

	}

	/** One reporting interval (or the whole run). */
	public record Interval(double endSeconds, long requests, long reads, long writes, double throughput,
			Latency latency, long errors, long conflicts, long heapUsed, long heapCommitted) {
	}

	public record Result(List<Interval> intervals, Interval total, List<String> errorSamples, HeapWatcher.Peak peak) {

		public long errors() {
			return this.total.errors();
		}

	}

	private final URI endpoint;

	private final String token;

	private final Settings settings;

	private final HeapProbe heap;

	private final PrintStream log;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final String runTag = Long.toString(System.currentTimeMillis(), 36);

	private final Recorder recorder = new Recorder();

	private final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());

	private Ids ids;

	/**
	 * @param baseUrl the service, e.g. {@code http://127.0.0.1:8080}
	 * @param token an EDITOR (or ADMIN) token; null sends reads only
	 */
	public Soak(String baseUrl, String token, Settings settings, HeapProbe heap, PrintStream log) {
		this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/graphql");
		this.token = token;
		this.settings = settings;
		this.heap = heap;
		this.log = log;
	}

	/** Entity ids the workload picks from, read from the service first. */
	record Ids(List<String> parks, List<String> chains, Map<String, List<String>> chainNodes, List<String> nodes,
			List<String> enterprises, List<String> names) {
	}

	public Result run() throws Exception {
		this.ids = discover();
		this.log.printf(Locale.ROOT, "Soak: %d client(s), %.0f %% writes, %s, on %s (%d parks, %d chains, %d segments, %d enterprises sampled)%n",
				this.settings.clients(), this.settings.writeShare() * 100, human(this.settings.duration()), this.endpoint,
				this.ids.parks().size(), this.ids.chains().size(), this.ids.nodes().size(), this.ids.enterprises().size());
		boolean writes = this.token != null && this.settings.writeShare() > 0;
		List<String> shared = writes ? createShared() : List.of();
		List<Interval> intervals = Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(this.settings.clients());
		ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor();
		long start = System.nanoTime();
		long deadline = start + this.settings.duration().toNanos();
		try (HeapWatcher watcher = HeapWatcher.start()) {
			long period = this.settings.interval().toMillis();
			reporter.scheduleAtFixedRate(() -> intervals.add(report(start, this.recorder.interval())), period, period,
					TimeUnit.MILLISECONDS);
			List<Future<?>> futures = new ArrayList<>();
			for (int c = 0; c < this.settings.clients(); c++) {
				Client client = new Client(c, new Random(this.settings.seed() * 31 + c), shared, writes);
				futures.add(pool.submit(() -> client.loop(deadline)));
			}
			for (Future<?> future : futures) {
				future.get();
			}
			reporter.shutdown();
			reporter.awaitTermination(1, TimeUnit.MINUTES);
			Recorder.Snapshot rest = this.recorder.interval();
			if (rest.requests() > 0) {
				intervals.add(report(start, rest));
			}
			Recorder.Snapshot all = this.recorder.total();
			long[] heapNow = this.heap.sample();
			Interval total = interval((System.nanoTime() - start) / 1e9, all, (System.nanoTime() - start) / 1e9, heapNow);
			return new Result(List.copyOf(intervals), total, List.copyOf(this.errorSamples), watcher.peak());
		}
		finally {
			reporter.shutdownNow();
			pool.shutdownNow();
		}
	}

	private Interval report(long start, Recorder.Snapshot snapshot) {
		double end = (System.nanoTime() - start) / 1e9;
		Interval interval = interval(end, snapshot, snapshot.seconds(), this.heap.sample());
		this.log.printf(Locale.ROOT,
				"[%7.1f s] %,7d requests (%d reads, %d writes)  %7.1f req/s  p50 %s ms  p99 %s ms  errors %d  conflicts retried %d  heap %s / %s MB%n",
				end, interval.requests(), interval.reads(), interval.writes(), interval.throughput(),
				Latency.ms(interval.latency().p50()), Latency.ms(interval.latency().p99()), interval.errors(),
				interval.conflicts(), mb(interval.heapUsed()), mb(interval.heapCommitted()));
		return interval;
	}

	private static Interval interval(double end, Recorder.Snapshot s, double seconds, long[] heap) {
		return new Interval(end, s.requests(), s.reads(), s.writes(), seconds > 0 ? s.requests() / seconds : 0,
				Latency.ofNanos(s.latencies(), s.latencies().length), s.errors(), s.conflicts(), heap[0], heap[1]);
	}

	static String mb(long bytes) {
		return (bytes < 0) ? "–" : String.format(Locale.ROOT, "%,d", bytes / (1024 * 1024));
	}

	static String human(Duration d) {
		long s = d.toSeconds();
		return (s % 60 == 0 && s >= 60) ? (s / 60) + " min" : s + " s";
	}

	/** The final table: one row per interval and the whole run. */
	public static MarkdownTable table(Settings settings, Result result, String target) {
		MarkdownTable table = new MarkdownTable(String.format(Locale.ROOT,
				"Soak: %d client(s), %.0f %% writes, %s on %s", settings.clients(), settings.writeShare() * 100,
				human(settings.duration()), target), "at s", "requests", "reads", "writes", "req/s", "p50 ms", "p99 ms",
				"errors", "conflicts retried", "heap used / committed MB");
		List<Interval> rows = new ArrayList<>(result.intervals());
		for (Interval i : rows) {
			row(table, String.format(Locale.ROOT, "%.0f", i.endSeconds()), i);
		}
		row(table, "total", result.total());
		table.note(String.format(Locale.ROOT,
				"Errors: %d (a status other than 200, a GraphQL error other than the CONFLICT a client retries, an exception, a timeout of %d s). "
						+ "Peak heap (before a collection) %s, peak live heap (after one) %s, %d collections.",
				result.errors(), REQUEST_TIMEOUT.toSeconds(), result.peak().usedMb(), result.peak().liveMb(),
				result.peak().collections()));
		if (!result.errorSamples().isEmpty()) {
			table.note("First errors: " + String.join(" | ", result.errorSamples()));
		}
		return table;
	}

	private static void row(MarkdownTable table, String at, Interval i) {
		table.row(at, i.requests(), i.reads(), i.writes(), String.format(Locale.ROOT, "%.1f", i.throughput()),
				Latency.ms(i.latency().p50()), Latency.ms(i.latency().p99()), i.errors(), i.conflicts(),
				mb(i.heapUsed()) + " / " + mb(i.heapCommitted()));
	}

	// ---- set-up -------------------------------------------------------------------------------------

	private Ids discover() throws Exception {
		JsonNode data = setup("{ parks(first: 200, includeSubParks: true) { id } chains { id } }", Map.of());
		List<String> parks = new ArrayList<>();
		data.path("parks").forEach(p -> parks.add(p.path("id").asString()));
		List<String> chains = new ArrayList<>();
		data.path("chains").forEach(c -> chains.add(c.path("id").asString()));
		Map<String, List<String>> chainNodes = new LinkedHashMap<>();
		List<String> nodes = new ArrayList<>();
		for (String chain : chains) {
			JsonNode chainData = setup("query($id: ID!) { chain(id: $id) { nodes { id } } }", Map.of("id", chain));
			List<String> ids = new ArrayList<>();
			chainData.path("chain").path("nodes").forEach(n -> ids.add(n.path("id").asString()));
			chainNodes.put(chain, ids);
			nodes.addAll(ids);
		}
		JsonNode ents = setup("{ enterprises(first: 1000) { edges { node { id name } } } }", Map.of());
		List<String> enterprises = new ArrayList<>();
		List<String> names = new ArrayList<>();
		ents.path("enterprises").path("edges").forEach(e -> {
			enterprises.add(e.path("node").path("id").asString());
			names.add(e.path("node").path("name").asString());
		});
		if (parks.isEmpty() || chains.isEmpty() || nodes.isEmpty() || enterprises.isEmpty()) {
			throw new IllegalStateException("The service at " + this.endpoint
					+ " holds too little data for a soak: it needs parks, chains with segments and enterprises");
		}
		return new Ids(parks, chains, chainNodes, nodes, enterprises, names);
	}

	/** The pool of enterprises every client updates (version conflicts between clients happen here). */
	private List<String> createShared() throws Exception {
		List<String> shared = new ArrayList<>();
		for (int i = 0; i < Math.max(2, this.settings.clients()); i++) {
			String id = "soak-" + this.runTag + "-shared-" + i;
			setup("mutation($i: EnterpriseInput!) { createEnterprise(input: $i) { id } }",
					Map.of("i", Map.of("id", id, "name", "浸泡测试共享企业 " + this.runTag + " " + i, "source", "soak")));
			shared.add(id);
		}
		return shared;
	}

	private JsonNode setup(String document, Map<String, Object> variables) throws Exception {
		HttpResponse<String> response = send(document, variables);
		JsonNode body = parse(response.body());
		if (response.statusCode() != 200 || body == null || body.path("errors").size() > 0) {
			throw new IllegalStateException("Set-up request failed (HTTP " + response.statusCode() + "): "
					+ abbreviate(response.body()));
		}
		return body.path("data");
	}

	private HttpResponse<String> send(String document, Map<String, Object> variables) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.endpoint)
			.timeout(REQUEST_TIMEOUT)
			.header("Content-Type", "application/json")
			.header("Accept", "application/graphql-response+json, application/json")
			.POST(HttpRequest.BodyPublishers.ofString(BenchTarget.body(document, variables)));
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode parse(String body) {
		try {
			return JSON.readTree(body);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String abbreviate(String body) {
		return (body.length() > 300) ? body.substring(0, 300) + "…" : body;
	}

	// ---- the clients ---------------------------------------------------------------------------------

	private static final String ENTERPRISE = """
			query($id: ID!) { enterprise(id: $id) { id name version tags park { id name }
			  chainNodes { node { id name } weight confidence } suppliers { enterprise { id } product } } }""";

	private static final String PARK = """
			query($id: ID!) { park(id: $id) { id name subParks { id }
			  enterprises(first: 10) { totalCount edges { node { id name } } } } }""";

	private static final String SEARCH = "query($t: String!) { search(text: $t, first: 20) { edges { node { id type name score } } } }";

	private static final String UPSTREAM = """
			query($id: ID!) { upstream(id: $id, depth: 3, limit: 500) { nodes { id depth } edges { id } truncated } }""";

	private static final String DOWNSTREAM = """
			query($id: ID!) { downstream(id: $id, depth: 3, limit: 500) { nodes { id depth } edges { id } truncated } }""";

	private static final String NETWORK = """
			query($id: ID!) { network(id: $id, depth: 2, limit: 200) { nodes { id type depth } edges { id } truncated } }""";

	private static final String GAPS = """
			query($p: ID!, $c: ID!) { chainGaps(parkId: $p, chainId: $c) { coverage
			  counts { segments present missing broken weak } gaps { node { id } kind localCount } } }""";

	private static final String CANDIDATES = """
			query($p: ID!, $n: ID!) { gapCandidates(parkId: $p, nodeId: $n, first: 10) { edges { node { enterprise { id } score reasons } } } }""";

	private static final String COMPARE = """
			query($p: [ID!]!, $c: ID!) { compareParks(parkIds: $p, chainId: $c) { park { id } coverage
			  counts { present missing broken weak } } }""";

	private static final String CREATE = "mutation($i: EnterpriseInput!) { createEnterprise(input: $i) { id version } }";

	private static final String UPDATE = """
			mutation($id: ID!, $v: Int!, $p: EnterprisePatch!) { updateEnterprise(id: $id, expectedVersion: $v, input: $p) { id version } }""";

	private static final String LINK = """
			mutation($e: ID!, $n: ID!, $w: Float, $c: Float) {
			  linkEnterpriseToNode(enterpriseId: $e, nodeId: $n, weight: $w, confidence: $c, source: "soak") { version outcome } }""";

	private static final String UNLINK = """
			mutation($e: ID!, $n: ID!) { unlinkEnterpriseFromNode(enterpriseId: $e, nodeId: $n) { version outcome } }""";

	/** What a request came back as. */
	private enum Outcome {
		OK, CONFLICT, ERROR
	}

	private record Answer(Outcome outcome, JsonNode body) {
	}

	private final class Client {

		private final int number;

		private final Random random;

		private final List<String> shared;

		private final boolean writes;

		/** This client's idea of the shared entities' versions (possibly stale: that is the point). */
		private final Map<String, Integer> versions = new HashMap<>();

		/** Enterprises this client created, and the segment links it made. */
		private final List<String> own = new ArrayList<>();

		private final List<String[]> links = new ArrayList<>();

		private int serial;

		Client(int number, Random random, List<String> shared, boolean writes) {
			this.number = number;
			this.random = random;
			this.shared = shared;
			this.writes = writes;
		}

		void loop(long deadline) {
			while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
				if (this.writes && this.random.nextDouble() < Soak.this.settings.writeShare()) {
					write();
				}
				else {
					read();
				}
			}
		}

		private <T> T pick(List<T> list) {
			return list.get(this.random.nextInt(list.size()));
		}

		private void read() {
			Ids ids = Soak.this.ids;
			switch (this.random.nextInt(10)) {
				case 0 -> {
					String name = pick(ids.names());
					int from = this.random.nextInt(Math.max(1, name.length() - 1));
					request(SEARCH, Map.of("t", name.substring(from, Math.min(name.length(), from + 2 + this.random.nextInt(3)))), false);
				}
				case 1 -> request(ENTERPRISE, Map.of("id", pick(ids.enterprises())), false);
				case 2 -> request(PARK, Map.of("id", pick(ids.parks())), false);
				case 3 -> request(UPSTREAM, Map.of("id", pick(ids.nodes())), false);
				case 4 -> request(DOWNSTREAM, Map.of("id", this.random.nextBoolean() ? pick(ids.nodes()) : pick(ids.enterprises())), false);
				case 5 -> request(NETWORK, Map.of("id", pick(ids.enterprises())), false);
				case 6 -> request(GAPS, Map.of("p", pick(ids.parks()), "c", pick(ids.chains())), false);
				case 7 -> request(CANDIDATES, Map.of("p", pick(ids.parks()), "n", pick(ids.nodes())), false);
				case 8 -> {
					List<String> parks = new ArrayList<>(ids.parks());
					Collections.shuffle(parks, this.random);
					request(COMPARE, Map.of("p", parks.subList(0, Math.min(3, parks.size())), "c", pick(ids.chains())), false);
				}
				default -> request(ENTERPRISE, Map.of("id", pick(ids.enterprises())), false);
			}
		}

		private void write() {
			int kind = this.random.nextInt(10);
			if (this.own.isEmpty() || kind == 0) {
				create();
			}
			else if (kind <= 4) {
				update();
			}
			else if (kind <= 7 || this.links.isEmpty()) {
				link();
			}
			else {
				unlink();
			}
		}

		private void create() {
			String id = "soak-" + Soak.this.runTag + "-c" + this.number + "-" + (this.serial++);
			Map<String, Object> input = new LinkedHashMap<>();
			input.put("id", id);
			input.put("name", "浸泡测试企业 " + Soak.this.runTag + " " + this.number + "-" + this.serial);
			input.put("parkId", pick(Soak.this.ids.parks()));
			input.put("tags", List.of("HIGH_TECH"));
			input.put("employees", 1 + this.random.nextInt(500));
			input.put("source", "soak");
			if (request(CREATE, Map.of("i", input), true).outcome() == Outcome.OK) {
				this.own.add(id);
			}
		}

		/** An update of a shared enterprise with the version this client last saw; CONFLICT: re-read the version, retry. */
		private void update() {
			String id = pick(this.shared);
			Map<String, Object> patch = Map.of("employees", 1 + this.random.nextInt(10_000), "description",
					"soak edit by client " + this.number);
			for (int attempt = 1; attempt <= CONFLICT_RETRIES; attempt++) {
				int version = this.versions.getOrDefault(id, 1);
				Answer answer = request(UPDATE, Map.of("id", id, "v", version, "p", patch), true);
				if (answer.outcome() == Outcome.OK) {
					this.versions.put(id, answer.body().path("data").path("updateEnterprise").path("version").asInt());
					return;
				}
				if (answer.outcome() != Outcome.CONFLICT) {
					return;
				}
				this.versions.put(id, answer.body().path("errors").path(0).path("extensions").path("currentVersion").asInt());
			}
			error("updateEnterprise " + id + ": still CONFLICT after " + CONFLICT_RETRIES + " attempts");
		}

		private void link() {
			String enterprise = pick(this.own);
			String node = pick(Soak.this.ids.nodes());
			Answer answer = request(LINK, Map.of("e", enterprise, "n", node, "w", this.random.nextInt(101) / 100.0, "c",
					this.random.nextInt(101) / 100.0), true);
			if (answer.outcome() == Outcome.OK
					&& "CREATED".equals(answer.body().path("data").path("linkEnterpriseToNode").path("outcome").asString())) {
				this.links.add(new String[] { enterprise, node });
			}
		}

		private void unlink() {
			String[] link = this.links.remove(this.random.nextInt(this.links.size()));
			request(UNLINK, Map.of("e", link[0], "n", link[1]), true);
		}

		private Answer request(String document, Map<String, Object> variables, boolean write) {
			long t0 = System.nanoTime();
			Outcome outcome;
			JsonNode body = null;
			try {
				HttpResponse<String> response = send(document, variables);
				body = parse(response.body());
				if (response.statusCode() != 200) {
					outcome = Outcome.ERROR;
					error("HTTP " + response.statusCode() + ": " + abbreviate(response.body()));
				}
				else if (body == null || !body.has("data")) {
					outcome = Outcome.ERROR;
					error("not a GraphQL response: " + abbreviate(response.body()));
				}
				else if (body.path("errors").size() > 0) {
					boolean conflict = write && body.path("errors").size() == 1
							&& "CONFLICT".equals(body.path("errors").path(0).path("extensions").path("classification").asString(""));
					outcome = conflict ? Outcome.CONFLICT : Outcome.ERROR;
					if (!conflict) {
						error("GraphQL error: " + abbreviate(body.path("errors").toString()));
					}
				}
				else {
					outcome = Outcome.OK;
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return new Answer(Outcome.ERROR, null);
			}
			catch (Exception ex) {
				outcome = Outcome.ERROR;
				error(ex.getClass().getSimpleName() + ": " + ex.getMessage());
			}
			Soak.this.recorder.record(System.nanoTime() - t0, write, outcome == Outcome.ERROR, outcome == Outcome.CONFLICT);
			return new Answer(outcome, body);
		}

		private void error(String message) {
			if (Soak.this.errorSamples.size() < 5) {
				Soak.this.errorSamples.add(message);
			}
		}

	}

	/** Counts and latencies of the current interval and of the whole run. */
	static final class Recorder {

		record Snapshot(long requests, long reads, long writes, long errors, long conflicts, long[] latencies,
				double seconds) {
		}

		private final Part interval = new Part();

		private final Part total = new Part();

		private long intervalStart = System.nanoTime();

		synchronized void record(long nanos, boolean write, boolean error, boolean conflict) {
			this.interval.add(nanos, write, error, conflict);
			this.total.add(nanos, write, error, conflict);
		}

		/** The interval since the last call, and starts the next. */
		synchronized Snapshot interval() {
			long now = System.nanoTime();
			Snapshot snapshot = this.interval.snapshot((now - this.intervalStart) / 1e9);
			this.interval.reset();
			this.intervalStart = now;
			return snapshot;
		}

		synchronized Snapshot total() {
			return this.total.snapshot(0);
		}

		private static final class Part {

			private long reads;

			private long writes;

			private long errors;

			private long conflicts;

			private long[] latencies = new long[1024];

			private int count;

			void add(long nanos, boolean write, boolean error, boolean conflict) {
				if (write) {
					this.writes++;
				}
				else {
					this.reads++;
				}
				if (error) {
					this.errors++;
				}
				if (conflict) {
					this.conflicts++;
				}
				if (this.count == this.latencies.length) {
					this.latencies = Arrays.copyOf(this.latencies, this.count * 2);
				}
				this.latencies[this.count++] = nanos;
			}

			Snapshot snapshot(double seconds) {
				return new Snapshot(this.count, this.reads, this.writes, this.errors, this.conflicts,
						Arrays.copyOf(this.latencies, this.count), seconds);
			}

			void reset() {
				this.reads = 0;
				this.writes = 0;
				this.errors = 0;
				this.conflicts = 0;
				this.count = 0;
			}

		}

	}

}
