package io.chaingraph.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.chaingraph.config.NamedQueries;
import io.chaingraph.search.SearchText;
import org.neo4j.driver.EagerResult;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * The queries part of {@code bench}: every read of the API timed three ways in the same run, the bare
 * driver running the service's own statement (the baseline), GraphQL in-process and GraphQL over HTTP
 * on loopback, with start points bucketed by the size of the answer (nodes reached). The statements
 * are the named files the service runs ({@code cypher/queries/}, read through {@link NamedQueries}),
 * their parameters built here by the service's public rules; before a case is timed, the driver's
 * answer must equal both GraphQL answers (ids, order, counts), so a statement and the service cannot
 * drift apart unnoticed. The ways of one question run back to back in a rotating order, so that a busy
 * machine slows them alike and the ratios stay meaningful. {@code network(depth 2)} is also asked with the
 * Subgraph's drawing hints selected, on the same start points and interleaved with the plain answer, to price
 * the hints ({@link #drawingHints}).
 */
public final class QueryBench {

	/** Traversals are asked with this limit, so that the 100–1000 bucket holds what it says. */
	static final int TRAVERSAL_LIMIT = 1000;

	static final int SEARCH_FIRST = 20;

	static final int CANDIDATES_FIRST = 10;

	/** The gap reports are asked for with the API's default weakBelow. */
	static final int WEAK_BELOW = 2;

	// The service's statements, read as the service reads them.
	private static final String SEARCH = NamedQueries.load("search.cypher");

	private static final String GAP_REPORT = NamedQueries.load("chain-gaps.cypher");

	private static final String GAP_CANDIDATES = NamedQueries.load("gap-candidates.cypher");

	private static final Map<String, String> TRAVERSALS = Map.of("upstream", NamedQueries.load("upstream.cypher"),
			"downstream", NamedQueries.load("downstream.cypher"), "network", NamedQueries.load("network.cypher"));

	public enum Way {

		DRIVER("driver"), GRAPHQL("GraphQL in-process"), HTTP("GraphQL over HTTP");

		final String title;

		Way(String title) {
			this.title = title;
		}

	}

	/**
	 * @param warmup rounds per case not recorded
	 * @param jitWarmup before any case: every way of every start point with an answer under 1,000 nodes
	 *        (chainGaps and compareParks left out: they are slow and use no other code), from four threads,
	 *        for this long, so that the JIT has compiled the HTTP server, the HTTP client, GraphQL and the
	 *        driver before anything is recorded (a server answers warm; the HTTP way alone runs through
	 *        several thousand methods that the driver way does not touch)
	 * @param iterations recorded rounds per case (fewer when {@code maxPerCase} runs out first, at least 5)
	 * @param maxPerCase time bound of one case
	 * @param probesPerBucket start points per reach bucket, used in turn
	 * @param sample start points tried per query to fill the buckets
	 * @param seed start points are drawn with it
	 */
	public record Settings(int warmup, int iterations, Duration maxPerCase, int probesPerBucket, int sample, long seed,
			Duration jitWarmup, List<String> queries) {

		/** @param queries the queries measured (their names as in the tables, without the reach); empty: all */
		public Settings {
			queries = List.copyOf(queries);
		}

		public Settings(int warmup, int iterations, Duration maxPerCase, int probesPerBucket, int sample, long seed,
				Duration jitWarmup) {
			this(warmup, iterations, maxPerCase, probesPerBucket, sample, seed, jitWarmup, List.of());
		}

		/** These settings measuring only {@code queries} (empty: all). */
		public Settings only(List<String> queries) {
			return new Settings(this.warmup, this.iterations, this.maxPerCase, this.probesPerBucket, this.sample,
					this.seed, this.jitWarmup, queries);
		}

		/** Whether a query (name as in the tables, e.g. search, chainGaps, downstream(depth 3)) is measured. */
		boolean measures(String query) {
			return this.queries.isEmpty() || this.queries.contains(query)
					|| this.queries.stream().anyMatch(q -> query.startsWith(q + "("));
		}

		public static Settings smoke() {
			return new Settings(1, 3, Duration.ofSeconds(2), 1, 4, 42, Duration.ofSeconds(1));
		}

		public static Settings standard() {
			return new Settings(10, 100, Duration.ofSeconds(10), 3, 30, 42, Duration.ofSeconds(45));
		}

	}

	@FunctionalInterface
	interface Call {

		int run() throws Exception;

	}

	/**
	 * One question asked three ways; each call returns the size of its answer in nodes. The answer
	 * itself, as compared between the ways, is read from the driver's result and from GraphQL's data.
	 */
	record Probe(String query, String start, int size, Map<Way, Call> ways, ClientProcess.Question question,
			String document, Map<String, Object> variables, Function<Map<String, Object>, Integer> sizeOfData,
			Answer answer) {

		String httpBody() {
			return this.question.body();
		}

	}

	/** The figures of one query and reach bucket. */
	public record CaseResult(String query, String bucket, int probes, int medianSize, Map<Way, Latency> latency) {

		public Latency of(Way way) {
			return this.latency.get(way);
		}

		public double ratio(Way way) {
			return of(way).p50() / of(Way.DRIVER).p50();
		}

		String key() {
			return this.query + " | " + this.bucket;
		}

	}

	/**
	 * All cases measured on one dataset; the headline cases measured again from a separate client process
	 * (driver and HTTP ways only); and the HTTP requests behind them (the concurrency workload).
	 */
	public record Result(String dataset, long enterprises, long segments, List<CaseResult> cases,
			List<CaseResult> fromClientProcess, List<String> warnings, List<String> workload) {

		public CaseResult fromClientProcess(String query, String bucket) {
			return this.fromClientProcess.stream()
				.filter(c -> c.query.equals(query) && c.bucket.equals(bucket))
				.findFirst()
				.orElse(null);
		}

		public CaseResult find(String query, String bucket) {
			return this.cases.stream().filter(c -> c.query.equals(query) && c.bucket.equals(bucket)).findFirst().orElse(null);
		}

	}

	private final BenchTarget target;

	private final Settings settings;

	private final PrintStream log;

	private final Random random;

	private final List<String> warnings = new ArrayList<>();

	public QueryBench(BenchTarget target, Settings settings, PrintStream log) {
		this.target = target;
		this.settings = settings;
		this.log = log;
		this.random = new Random(settings.seed());
	}

	// ---------------------------------------------------------------- the run

	public Result run(String dataset) throws Exception {
		long enterprises = this.target.cypher("MATCH (e:Enterprise) RETURN count(e) AS n", Map.of())
			.records().get(0).get("n").asLong();
		long segments = this.target.cypher("MATCH (n:ChainNode) RETURN count(n) AS n", Map.of())
			.records().get(0).get("n").asLong();
		Map<String, List<Probe>> cases = new LinkedHashMap<>();
		Settings s = this.settings;
		if (s.measures("search")) {
			select(cases, searchProbes());
		}
		for (int depth : new int[] { 1, 3, 5 }) {
			if (s.measures("upstream(depth " + depth + ")")) {
				select(cases, traversalProbes("upstream", depth));
			}
			if (s.measures("downstream(depth " + depth + ")")) {
				select(cases, traversalProbes("downstream", depth));
			}
		}
		if (s.measures(PLAIN_NETWORK) || s.measures(DRAWING_HINTS)) {
			select(cases, traversalProbes("network", 2));
			withDrawingHints(cases);
		}
		if (s.measures("chainGaps")) {
			select(cases, gapProbes());
			largestParkGaps(cases);
		}
		if (s.measures("gapCandidates")) {
			select(cases, candidateProbes());
		}
		if (s.measures("compareParks")) {
			select(cases, compareProbes());
		}

		warmUp(cases);
		List<CaseResult> results = new ArrayList<>();
		List<String> workload = new ArrayList<>();
		List<ClientProcess.Case> headline = new ArrayList<>();
		Map<String, CaseResult> timedAlongside = new HashMap<>();
		for (Map.Entry<String, List<Probe>> entry : cases.entrySet()) {
			String[] key = entry.getKey().split(" \\| ", 2);
			CaseResult result = timedAlongside.remove(entry.getKey());
			if (result != null) {
				this.log.printf(Locale.ROOT, "  [%s] %s, %s: timed with %s, interleaved%n", dataset, key[0], key[1],
						PLAIN_NETWORK);
			}
			else if (key[0].equals(PLAIN_NETWORK) && cases.containsKey(DRAWING_HINTS + " | " + key[1])) {
				List<Probe> hints = cases.get(DRAWING_HINTS + " | " + key[1]);
				this.log.printf(Locale.ROOT, "  [%s] %s and %s, %s: %d start(s), interleaved%n", dataset, key[0],
						DRAWING_HINTS, key[1], entry.getValue().size());
				List<CaseResult> pair = measure(key[1], List.of(entry.getValue(), hints));
				result = pair.get(0);
				timedAlongside.put(DRAWING_HINTS + " | " + key[1], pair.get(1));
			}
			else {
				this.log.printf(Locale.ROOT, "  [%s] %s, %s: %d start(s)%n", dataset, key[0], key[1], entry.getValue().size());
				result = measure(key[1], List.of(entry.getValue())).get(0);
			}
			results.add(result);
			if (!key[0].equals(DRAWING_HINTS)) {
				// the concurrency workload stays the requests it always was
				entry.getValue().forEach(p -> workload.add(p.httpBody()));
			}
			if (isHeadline(key[0])) {
				headline.add(new ClientProcess.Case(key[0], key[1], result.medianSize(),
						entry.getValue().stream().map(Probe::question).toList()));
			}
		}
		this.log.printf(Locale.ROOT, "  [%s] the headline cases again from a separate client process …%n", dataset);
		List<CaseResult> fromClientProcess = ClientProcess.measure(this.target, this.settings, headline, this.log);
		return new Result(dataset, enterprises, segments, results, fromClientProcess, List.copyOf(this.warnings), workload);
	}

	/** The plain network answer: nodes' id, type, name and depth, the edges, truncated. */
	static final String PLAIN_NETWORK = "network(depth 2)";

	/**
	 * The same network answer with the richer Subgraph's drawing hints ({@code lane}, {@code order}) selected too,
	 * on the same start points, timed interleaved with {@link #PLAIN_NETWORK}; measured whenever that is.
	 */
	static final String DRAWING_HINTS = "network(depth 2) + drawing hints";

	/** Target: the answer with drawing hints costs at most this much more than the plain one (p50 over HTTP). */
	static final double DRAWING_HINTS_TARGET = 0.10;

	/**
	 * For every reach bucket of {@link #PLAIN_NETWORK}: the same start points, in the same order, asked with the
	 * drawing hints.
	 */
	private void withDrawingHints(Map<String, List<Probe>> cases) throws Exception {
		Map<String, List<Probe>> hints = new LinkedHashMap<>();
		for (Map.Entry<String, List<Probe>> entry : cases.entrySet()) {
			String[] key = entry.getKey().split(" \\| ", 2);
			if (key[0].equals(PLAIN_NETWORK)) {
				List<Probe> probes = new ArrayList<>();
				for (Probe plain : entry.getValue()) {
					probes.add(traversal("network", plain.start(), 2, true));
				}
				hints.put(DRAWING_HINTS + " | " + key[1], probes);
			}
		}
		cases.putAll(hints);
	}

	/** The queries of the headline figure. */
	static boolean isHeadline(String query) {
		return query.equals("downstream(depth 3)") || query.equals("network(depth 2)") || query.equals("chainGaps");
	}

	/** Unrecorded calls of every way from four threads for {@code jitWarmup}: see {@link Settings}. */
	private void warmUp(Map<String, List<Probe>> cases) throws Exception {
		List<Call> calls = new ArrayList<>();
		for (List<Probe> probes : cases.values()) {
			for (Probe probe : probes) {
				if (probe.size() < 1000 && !probe.query().startsWith("chainGaps") && !probe.query().equals("compareParks")) {
					calls.addAll(probe.ways().values());
				}
			}
		}
		if (calls.isEmpty() || this.settings.jitWarmup().isZero()) {
			return;
		}
		long end = System.nanoTime() + this.settings.jitWarmup().toNanos();
		AtomicLong done = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				List<Call> mine = new ArrayList<>(calls);
				Collections.shuffle(mine, new Random(this.settings.seed() + t));
				futures.add(pool.submit(() -> {
					while (System.nanoTime() < end) {
						for (Call call : mine) {
							call.run();
							done.incrementAndGet();
							if (System.nanoTime() >= end) {
								break;
							}
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
		this.log.printf(Locale.ROOT, "  JIT warm-up: %,d unrecorded calls in %d s%n", done.get(),
				this.settings.jitWarmup().toSeconds());
	}

	/** Puts probes into their reach buckets, at most {@code probesPerBucket} each. */
	private void select(Map<String, List<Probe>> cases, List<Probe> probes) {
		Map<String, List<Probe>> buckets = new java.util.TreeMap<>(java.util.Comparator.comparingInt(QueryBench::bucketOrder));
		for (Probe probe : probes) {
			if (probe.size() <= 0) {
				continue;
			}
			List<Probe> bucket = buckets.computeIfAbsent(bucket(probe.size()), b -> new ArrayList<>());
			if (bucket.size() < this.settings.probesPerBucket()) {
				bucket.add(probe);
			}
		}
		buckets.forEach((bucket, list) -> cases.put(list.get(0).query() + " | " + bucket, list));
	}

	static String bucket(int size) {
		if (size < 10) {
			return "1–9";
		}
		return (size < 100) ? "10–99" : "100–1000";
	}

	private static int bucketOrder(String bucket) {
		return switch (bucket) {
			case "1–9" -> 0;
			case "10–99" -> 1;
			case "100–1000" -> 2;
			default -> 3;
		};
	}

	// ---------------------------------------------------------------- measuring

	/**
	 * Times one case, or several cases on the same start points (as many probes each, in the same order)
	 * interleaved: every round asks each case's question of the round's start point every way, all back to
	 * back in rotating order, so that warm-up and a busy machine favour none of them. Several cases share
	 * {@code maxPerCase} each.
	 */
	private List<CaseResult> measure(String bucket, List<List<Probe>> cases) throws Exception {
		for (List<Probe> probes : cases) {
			for (Probe probe : probes) {
				verify(probe);
			}
		}
		Way[] ways = Way.values();
		Settings s = this.settings;
		Settings settings = new Settings(s.warmup(), s.iterations(), s.maxPerCase().multipliedBy(cases.size()),
				s.probesPerBucket(), s.sample(), s.seed(), s.jitWarmup(), s.queries());
		long[][] samples = rounds(settings, cases.size() * ways.length, (round, call) -> {
			List<Probe> probes = cases.get(call / ways.length);
			probes.get(round % probes.size()).ways().get(ways[call % ways.length]).run();
		});
		List<CaseResult> results = new ArrayList<>();
		for (int c = 0; c < cases.size(); c++) {
			List<Probe> probes = cases.get(c);
			Map<Way, Latency> latency = new EnumMap<>(Way.class);
			for (Way way : ways) {
				long[] nanos = samples[c * ways.length + way.ordinal()];
				latency.put(way, Latency.ofNanos(nanos, nanos.length));
			}
			List<Integer> sizes = probes.stream().map(Probe::size).sorted().toList();
			results.add(new CaseResult(probes.get(0).query(), bucket, probes.size(), sizes.get(sizes.size() / 2), latency));
		}
		return results;
	}

	/** One call of a way in a round (the round picks the start point). */
	@FunctionalInterface
	interface Round {

		void run(int round, int way) throws Exception;

	}

	/**
	 * The measuring loop: {@code warmup} unrecorded rounds, then up to {@code iterations} recorded ones
	 * (at least 5 when {@code maxPerCase} runs out first); each round calls every way once, back to back,
	 * starting with a different way each round. Returns the recorded timings per way, in nanoseconds.
	 */
	static long[][] rounds(Settings settings, int ways, Round call) throws Exception {
		int rounds = settings.warmup() + settings.iterations();
		long[][] samples = new long[ways][settings.iterations()];
		int recorded = 0;
		long deadline = System.nanoTime() + settings.maxPerCase().toNanos();
		for (int round = 0; round < rounds; round++) {
			for (int k = 0; k < ways; k++) {
				int way = (k + round) % ways;
				long start = System.nanoTime();
				call.run(round, way);
				long elapsed = System.nanoTime() - start;
				if (round >= settings.warmup()) {
					samples[way][recorded] = elapsed;
				}
			}
			if (round >= settings.warmup()) {
				recorded++;
			}
			if (System.nanoTime() > deadline && recorded >= Math.min(5, settings.iterations())) {
				break;
			}
			if (System.nanoTime() > deadline && round >= settings.warmup() - 1 && recorded == 0 && round < rounds - 1) {
				round = settings.warmup() - 1; // a slow case: cut the warm-up short
			}
		}
		long[][] out = new long[ways][];
		for (int way = 0; way < ways; way++) {
			out[way] = java.util.Arrays.copyOf(samples[way], recorded);
		}
		return out;
	}

	/**
	 * What a question answered, comparable between the ways: from the driver's result (the statement's
	 * rows) and from GraphQL's data (what the service made of them).
	 */
	record Answer(Function<EagerResult, List<String>> ofResult, Function<Map<String, Object>, List<String>> ofData) {
	}

	/**
	 * The three ways must give the same answer: once per start point, the driver's (the named statement
	 * with the parameters built here) against GraphQL's in-process and over HTTP, by content and size.
	 */
	private void verify(Probe probe) throws Exception {
		ClientProcess.Question question = probe.question();
		List<String> driver = probe.answer().ofResult().apply(this.target.cypher(question.cypher(), question.parameters()));
		Map<String, Object> inProcess = this.target.graphQl(probe.document(), probe.variables(), question.cached());
		Map<String, Object> overHttp = BenchTarget.data(this.target.post(probe.httpBody(), question.cached()));
		List<String> graphQl = probe.answer().ofData().apply(inProcess);
		List<String> http = probe.answer().ofData().apply(overHttp);
		int graphQlSize = probe.sizeOfData().apply(inProcess);
		int httpSize = probe.sizeOfData().apply(overHttp);
		if (!driver.equals(graphQl) || !driver.equals(http) || graphQlSize != probe.size() || httpSize != probe.size()) {
			String warning = String.format(Locale.ROOT, "%s from %s: driver %d nodes %s, GraphQL %d %s, HTTP %d %s",
					probe.query(), probe.start(), probe.size(), abbreviate(driver), graphQlSize, abbreviate(graphQl), httpSize,
					abbreviate(http));
			this.warnings.add(warning);
			this.log.println("  WARNING answers differ: " + warning);
		}
	}

	private static String abbreviate(List<String> answer) {
		String text = answer.toString();
		return text.length() > 200 ? text.substring(0, 200) + "…" : text;
	}

	// ---------------------------------------------------------------- start points

	private List<String> ids(String cypher) {
		return ids(cypher, Map.of());
	}

	private List<String> ids(String cypher, Map<String, Object> parameters) {
		return this.target.cypher(cypher, parameters).records().stream().map(r -> r.get(0).asString()).toList();
	}

	private <T> List<T> draw(List<T> pool, int n) {
		List<T> copy = new ArrayList<>(pool);
		Collections.shuffle(copy, this.random);
		return copy.subList(0, Math.min(n, copy.size()));
	}

	private static <T> List<T> interleave(List<List<T>> lists) {
		List<T> out = new ArrayList<>();
		int max = lists.stream().mapToInt(List::size).max().orElse(0);
		for (int i = 0; i < max; i++) {
			for (List<T> list : lists) {
				if (i < list.size()) {
					out.add(list.get(i));
				}
			}
		}
		return out;
	}

	private List<Probe> searchProbes() throws Exception {
		List<String> names = ids("""
				MATCH (n:Entity) WHERE n:Enterprise OR n:Park OR n:ChainNode OR n:Platform
				RETURN n.name AS name ORDER BY n.id""");
		List<Probe> probes = new ArrayList<>();
		for (String name : draw(names, this.settings.sample() / 2)) {
			probes.add(search(name));
			int cut = Math.max(2, name.codePointCount(0, name.length()) / 2);
			probes.add(search(name.substring(0, name.offsetByCodePoints(0, Math.min(cut, name.codePointCount(0, name.length()))))));
		}
		return probes;
	}

	private Probe search(String text) throws Exception {
		Map<String, Object> parameters = new HashMap<>(SearchText.parameters(text));
		parameters.put("types", null);
		parameters.put("first", SEARCH_FIRST);
		parameters.put("afterScore", null);
		parameters.put("afterId", null);
		Map<String, Object> variables = Map.of("text", text, "first", SEARCH_FIRST);
		String document = "query Search($text: String!, $first: Int!) { search(text: $text, first: $first) { edges { cursor node { id type name score } } } }";
		Answer answer = new Answer(result -> result.records().stream().map(r -> r.get("id").asString()).toList(),
				data -> nodes(data, "search").stream().map(hit -> (String) castMap(hit).get("id")).toList());
		return probe("search", text, SEARCH, parameters, document, variables, data -> nodes(data, "search").size(), answer,
				() -> this.target.cypher(SEARCH, parameters).records().size(), false);
	}

	private List<Probe> traversalProbes(String traversal, int depth) throws Exception {
		int n = this.settings.sample();
		List<String> starts;
		if (traversal.equals("network")) {
			starts = interleave(List.of(
					draw(ids("MATCH (e:Enterprise) WHERE EXISTS { (e)-[:SUPPLIES]-() } RETURN e.id ORDER BY e.id"), n / 4),
					draw(ids("MATCH (c:ChainNode) RETURN c.id ORDER BY c.id"), n / 4),
					draw(ids("MATCH (p:Platform) RETURN p.id ORDER BY p.id"), n / 4),
					draw(ids("MATCH (p:Park) RETURN p.id ORDER BY p.id"), n / 4)));
		}
		else {
			String withTies = traversal.equals("upstream")
					? "MATCH (e:Enterprise) WHERE EXISTS { (e)<-[:SUPPLIES]-() } RETURN e.id ORDER BY e.id"
					: "MATCH (e:Enterprise) WHERE EXISTS { (e)-[:SUPPLIES]->() } RETURN e.id ORDER BY e.id";
			starts = interleave(List.of(
					draw(ids(withTies), n / 2),
					draw(ids("MATCH (c:ChainNode) RETURN c.id ORDER BY c.id"), n - n / 2)));
		}
		List<Probe> probes = new ArrayList<>();
		for (String id : starts) {
			probes.add(traversal(traversal, id, depth, false));
		}
		return probes;
	}

	/** The fields of a drawn node a client selected before the drawing hints. */
	static final String PLAIN_NODE_FIELDS = "id type name depth";

	/** The richer Subgraph's drawing hints, read with the traversal when selected. */
	static final String DRAWING_HINT_FIELDS = "lane order";

	/** @param hints select the drawing hints too (the {@link #DRAWING_HINTS} case; network only) */
	private Probe traversal(String traversal, String id, int depth, boolean hints) throws Exception {
		String cypher = NamedQueries.withDepth(TRAVERSALS.get(traversal), depth);
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", id);
		parameters.put("limit", TRAVERSAL_LIMIT);
		parameters.put("hints", hints);
		if (traversal.equals("network")) {
			parameters.put("types", null);
			parameters.put("labels", null);
		}
		Map<String, Object> variables = Map.of("id", id, "depth", depth, "limit", TRAVERSAL_LIMIT);
		String nodeFields = hints ? PLAIN_NODE_FIELDS + " " + DRAWING_HINT_FIELDS : PLAIN_NODE_FIELDS;
		String document = "query T($id: ID!, $depth: Int!, $limit: Int!) { " + traversal
				+ "(id: $id, depth: $depth, limit: $limit) { nodes { " + nodeFields
				+ " } edges { id type source target } truncated } }";
		// nodes in order with their depth, then the edges (sorted: their order is not part of the answer), then truncated
		Answer answer = new Answer(result -> {
			List<String> out = new ArrayList<>();
			for (Record r : result.records()) {
				r.get("nodes").values().forEach(n -> out.add(n.get("id").asString() + " @" + n.get("depth").asInt()));
				out.addAll(r.get("edges").asList(v -> v).stream()
					.map(e -> e.get("type").asString() + " " + e.get("source").asString() + "->" + e.get("target").asString())
					.sorted().toList());
				out.add("truncated " + r.get("truncated").asBoolean());
			}
			return out;
		}, data -> {
			Map<String, Object> subgraph = map(data, traversal);
			List<String> out = new ArrayList<>();
			list(subgraph, "nodes").forEach(n -> out.add(castMap(n).get("id") + " @" + ((Number) castMap(n).get("depth")).intValue()));
			out.addAll(list(subgraph, "edges").stream().map(e -> castMap(e))
				.map(e -> e.get("type") + " " + e.get("source") + "->" + e.get("target")).sorted().toList());
			out.add("truncated " + subgraph.get("truncated"));
			if (hints) {
				// every node gets a place in its lane (the driver's answer has none to compare)
				long unordered = list(subgraph, "nodes").stream().filter(n -> !(castMap(n).get("order") instanceof Number)).count();
				if (unordered > 0) {
					out.add(unordered + " node(s) without order");
				}
			}
			return out;
		});
		return probe(hints ? DRAWING_HINTS : traversal + "(depth " + depth + ")", id, cypher, parameters, document, variables,
				data -> list(map(data, traversal), "nodes").size(), answer, () -> {
					List<Record> records = this.target.cypher(cypher, parameters).records();
					return records.isEmpty() ? -1 : records.get(0).get("nodes").size();
				}, false);
	}

	private static final String GAPS_DOCUMENT = """
			query Gaps($parkId: ID!, $chainId: ID!) { chainGaps(parkId: $parkId, chainId: $chainId) {
			  coverage counts { segments present missing broken weak }
			  segments { node { id name stage } localCount kind }
			  gaps { node { id name } kind localCount stage candidateCount unserved
			         upstream { node { id name } localCount present } downstream { node { id name } localCount present }
			         localPlatforms { id name } otherPlatforms { id name } } } }""";

	private List<String[]> focusPairs() {
		List<String[]> pairs = this.target.cypher("""
				MATCH (p:Park)-[:FOCUSES_ON]->(c:Chain) RETURN p.id AS park, c.id AS chain ORDER BY park, chain""", Map.of())
			.records().stream().map(r -> new String[] { r.get("park").asString(), r.get("chain").asString() }).toList();
		return draw(pairs, Math.max(2, this.settings.sample() / 4));
	}

	private List<Probe> gapProbes() throws Exception {
		List<Probe> probes = new ArrayList<>();
		for (String[] pair : focusPairs()) {
			probes.add(chainGaps("chainGaps", pair[0], pair[1], false));
		}
		return probes;
	}

	/** The gap report of the park with the most enterprises (its sub-parks included), on its largest focus chain. */
	private void largestParkGaps(Map<String, List<Probe>> cases) throws Exception {
		List<Record> rows = this.target.cypher("""
				MATCH (p:Park)
				WITH p, COUNT { (p)<-[:PART_OF*0..10]-(:Park)<-[:LOCATED_IN]-(:Enterprise) } AS enterprises
				ORDER BY enterprises DESC, p.id LIMIT 1
				MATCH (c:Chain)
				WITH p, c, EXISTS { (p)-[:FOCUSES_ON]->(c) } AS focus, COUNT { (c)<-[:IN_CHAIN]-(:ChainNode) } AS segments
				RETURN p.id AS park, c.id AS chain ORDER BY focus DESC, segments DESC, c.id LIMIT 1""", Map.of()).records();
		if (!rows.isEmpty()) {
			String park = rows.get(0).get("park").asString();
			String chain = rows.get(0).get("chain").asString();
			cases.put("chainGaps | largest park", List.of(chainGaps("chainGaps", park, chain, false)));
			cases.put(CACHED_GAPS + " | largest park", List.of(chainGaps(CACHED_GAPS, park, chain, true)));
		}
	}

	/**
	 * The gap report as the service keeps it between writes ({@code GapReportCache}): the other gap
	 * cases ask for it computed afresh ({@code Cache-Control: no-cache}), the statement's cost.
	 */
	static final String CACHED_GAPS = "chainGaps (kept report)";

	/** @param cached the report may come from the service's cache (otherwise it is computed afresh) */
	private Probe chainGaps(String query, String parkId, String chainId, boolean cached) throws Exception {
		Map<String, Object> parameters = reportParameters(List.of(parkId), chainId);
		Map<String, Object> variables = Map.of("parkId", parkId, "chainId", chainId);
		// every segment of the chain with its local count, sorted
		Answer answer = new Answer(result -> localCounts(result).stream().sorted().toList(),
				data -> list(map(data, "chainGaps"), "segments").stream().map(s -> castMap(s))
					.map(s -> map(s, "node").get("id") + "=" + s.get("localCount")).sorted().toList());
		return probe(query, parkId + " / " + chainId, GAP_REPORT, parameters, GAPS_DOCUMENT, variables,
				data -> list(map(data, "chainGaps"), "segments").size(), answer,
				() -> segments(this.target.cypher(GAP_REPORT, parameters)), cached);
	}

	/** The parameters of {@code chain-gaps.cypher}. */
	private static Map<String, Object> reportParameters(List<String> parkIds, String chainId) {
		return Map.of("parkIds", parkIds, "chainId", chainId, "weakBelow", WEAK_BELOW);
	}

	/** Per park found and segment of the chain: {@code segment=local count} (the report's one row, if any). */
	private static List<String> localCounts(EagerResult result) {
		List<String> out = new ArrayList<>();
		for (Record r : result.records()) {
			for (Value park : r.get("parks").values()) {
				Map<String, Integer> locals = new HashMap<>();
				park.get("locals").values().forEach(l -> locals.put(l.get("id").asString(), l.get("n").asInt()));
				for (Value node : r.get("nodes").values()) {
					if (node.get("inChain").asBoolean()) {
						String id = node.get("node").get("id").asString();
						out.add(id + "=" + locals.getOrDefault(id, 0));
					}
				}
			}
		}
		return out;
	}

	/** Segments reported: the chain's segments times the parks found (the report's one row). */
	private static int segments(EagerResult result) {
		return result.records().stream()
			.mapToInt(r -> (int) r.get("nodes").asList(v -> v).stream().filter(n -> n.get("inChain").asBoolean()).count()
					* r.get("parks").size())
			.sum();
	}

	private List<Probe> candidateProbes() throws Exception {
		List<Probe> probes = new ArrayList<>();
		for (String[] pair : focusPairs()) {
			List<String> nodes = ids("MATCH (:Chain {id: $chainId})<-[:IN_CHAIN]-(n:ChainNode) RETURN n.id ORDER BY n.id",
					Map.of("chainId", pair[1]));
			for (String node : draw(nodes, 2)) {
				probes.add(candidates(pair[0], node));
			}
		}
		return probes;
	}

	private Probe candidates(String parkId, String nodeId) throws Exception {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("parkId", parkId);
		parameters.put("nodeId", nodeId);
		parameters.put("region", null);
		parameters.put("afterScore", null);
		parameters.put("afterName", null);
		parameters.put("afterId", null);
		parameters.put("limit", CANDIDATES_FIRST);
		Map<String, Object> variables = Map.of("parkId", parkId, "nodeId", nodeId, "first", CANDIDATES_FIRST);
		String document = """
				query C($parkId: ID!, $nodeId: ID!, $first: Int!) { gapCandidates(parkId: $parkId, nodeId: $nodeId, first: $first) {
				  edges { cursor node { enterprise { id name tags employees revenue } score reasons
				  evidence { nodes { id type name depth } edges { id type source target } truncated } } } } }""";
		Answer answer = new Answer(result -> result.records().stream().map(r -> r.get("e").get("id").asString()).toList(),
				data -> nodes(data, "gapCandidates").stream().map(c -> (String) map(castMap(c), "enterprise").get("id")).toList());
		return probe("gapCandidates", parkId + " / " + nodeId, GAP_CANDIDATES, parameters, document, variables,
				data -> nodes(data, "gapCandidates").size(), answer,
				() -> this.target.cypher(GAP_CANDIDATES, parameters).records().size(), false);
	}

	private List<Probe> compareProbes() throws Exception {
		Map<String, List<String>> parksByChain = new LinkedHashMap<>();
		this.target.cypher("MATCH (p:Park)-[:FOCUSES_ON]->(c:Chain) RETURN c.id AS chain, p.id AS park ORDER BY chain, park", Map.of())
			.records()
			.forEach(r -> parksByChain.computeIfAbsent(r.get("chain").asString(), k -> new ArrayList<>()).add(r.get("park").asString()));
		List<Probe> probes = new ArrayList<>();
		for (String chain : draw(new ArrayList<>(parksByChain.keySet()), Math.max(2, this.settings.sample() / 8))) {
			List<String> parks = draw(parksByChain.get(chain), 3);
			if (parks.size() >= 2) {
				probes.add(compare(parks, chain));
			}
		}
		return probes;
	}

	private Probe compare(List<String> parkIds, String chainId) throws Exception {
		Map<String, Object> parameters = reportParameters(parkIds, chainId);
		Map<String, Object> variables = Map.of("parkIds", parkIds, "chainId", chainId);
		String document = """
				query Compare($parkIds: [ID!]!, $chainId: ID!) { compareParks(parkIds: $parkIds, chainId: $chainId) {
				  park { id name } coverage counts { segments present missing broken weak }
				  enterprisesByStage { stage enterprises } localEnterprises } }""";
		// per park: its segments and those present (local count > 0), sorted by park
		Answer answer = new Answer(result -> {
			List<String> out = new ArrayList<>();
			for (Record r : result.records()) {
				for (Value park : r.get("parks").values()) {
					Map<String, Integer> locals = new HashMap<>();
					park.get("locals").values().forEach(l -> locals.put(l.get("id").asString(), l.get("n").asInt()));
					List<String> inChain = r.get("nodes").asList(v -> v).stream().filter(n -> n.get("inChain").asBoolean())
						.map(n -> n.get("node").get("id").asString()).toList();
					long present = inChain.stream().filter(id -> locals.getOrDefault(id, 0) > 0).count();
					out.add(park.get("park").get("id").asString() + " " + inChain.size() + "/" + present);
				}
			}
			return out.stream().sorted().toList();
		}, data -> list(data, "compareParks").stream().map(c -> castMap(c))
			.map(c -> map(c, "park").get("id") + " " + map(c, "counts").get("segments") + "/" + map(c, "counts").get("present"))
			.sorted().toList());
		return probe("compareParks", String.join(",", parkIds) + " / " + chainId, GAP_REPORT, parameters, document, variables,
				data -> {
					int segments = 0;
					for (Object park : list(data, "compareParks")) {
						segments += ((Number) map(castMap(park), "counts").get("segments")).intValue();
					}
					return segments;
				}, answer, () -> segments(this.target.cypher(GAP_REPORT, parameters)), false);
	}

	/**
	 * Completes a probe with its two GraphQL ways and sizes it once through the driver.
	 * @param driver the driver way: the named statement with {@code parameters}, returning the answer's size
	 * @param cached gap reports may come from the service's cache (otherwise they are computed afresh)
	 */
	private Probe probe(String query, String start, String cypher, Map<String, Object> parameters, String document,
			Map<String, Object> variables, Function<Map<String, Object>, Integer> sizeOfData, Answer answer, Call driver,
			boolean cached) throws Exception {
		String body = BenchTarget.body(document, variables);
		Map<Way, Call> ways = new EnumMap<>(Way.class);
		ways.put(Way.DRIVER, driver);
		ways.put(Way.GRAPHQL, () -> sizeOfData.apply(this.target.graphQl(document, variables, cached)));
		ways.put(Way.HTTP, () -> this.target.post(body, cached).length() > 0 ? -1 : 0);
		int size = driver.run();
		return new Probe(query, start, size, ways, new ClientProcess.Question(cypher, parameters, body, cached), document,
				variables, sizeOfData, answer);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> castMap(Object value) {
		return (Map<String, Object>) value;
	}

	private static Map<String, Object> map(Map<String, Object> data, String field) {
		return castMap(data.get(field));
	}

	private static List<Object> list(Map<String, Object> data, String field) {
		@SuppressWarnings("unchecked")
		List<Object> list = (List<Object>) data.get(field);
		return list;
	}

	/** The nodes of a connection's page: {@code data[field].edges[*].node}. */
	private static List<Object> nodes(Map<String, Object> data, String field) {
		return list(map(data, field), "edges").stream().map(edge -> castMap(edge).get("node")).toList();
	}

	// ---------------------------------------------------------------- tables

	/** A row per query and reach bucket: p50 / p99 per way and the p50 ratio to the driver. */
	public static MarkdownTable table(Result result) {
		MarkdownTable table = new MarkdownTable(String.format(Locale.ROOT,
				"Queries on %s (%,d enterprises): p50 / p99 in ms, × = p50 ratio to the driver", result.dataset(),
				result.enterprises()),
				"query", "reach", "starts", "nodes", "driver", "GraphQL in-process", "×", "GraphQL over HTTP", "×");
		for (CaseResult c : result.cases()) {
			table.row(c.query(), c.bucket(), c.probes(), c.medianSize(), pair(c.of(Way.DRIVER)), pair(c.of(Way.GRAPHQL)),
					Latency.ratio(c.of(Way.GRAPHQL).p50(), c.of(Way.DRIVER).p50()), pair(c.of(Way.HTTP)),
					Latency.ratio(c.of(Way.HTTP).p50(), c.of(Way.DRIVER).p50()));
		}
		table.note("reach: size of the answer in nodes (traversals asked with limit " + TRAVERSAL_LIMIT
				+ ", search with first " + SEARCH_FIRST + ", gapCandidates with first " + CANDIDATES_FIRST
				+ "; chainGaps/compareParks: segments reported); starts: start points used in turn; nodes: their median answer size.");
		table.note("driver: the service's own statement (its file under cypher/queries/) through the bare Neo4j driver; "
				+ "GraphQL in-process: the service's web GraphQL handler (its interceptors, then ExecutionGraphQlService) without HTTP; "
				+ "GraphQL over HTTP: POST /graphql on loopback (Apache HttpClient 5, blocking, keep-alive). Before a case is timed, "
				+ "the driver's answer is compared with both GraphQL answers. The three ways of one question run back to back, in rotating order. "
				+ "Gap reports (chainGaps, compareParks) are computed afresh on every call (Cache-Control: no-cache), except in the row "
				+ CACHED_GAPS + ", which the service answers from the report it keeps until the graph changes.");
		if (!result.warnings().isEmpty()) {
			table.note("Answers that differed between the ways: " + String.join("; ", result.warnings()));
		}
		return table;
	}

	/**
	 * The headline figure: downstream(depth 3), chainGaps and network(depth 2) over HTTP against the
	 * driver, both timed from a separate client process, and the target GraphQL/driver ≤ 1.5 at p50 for
	 * answers under 100 nodes; beside it the same ratio with the client inside the server's JVM (the
	 * queries table).
	 */
	public static MarkdownTable headline(Result result) {
		MarkdownTable table = new MarkdownTable(String.format(Locale.ROOT,
				"GraphQL over HTTP vs the driver on %s (%,d enterprises, %,d chain segments), from a separate client process",
				result.dataset(), result.enterprises(), result.segments()),
				"query", "reach", "nodes", "driver p50", "driver p99", "HTTP p50", "HTTP p99", "HTTP/driver p50",
				"HTTP/driver p99", "target ≤ 1.5 at p50 (answers < 100 nodes)", "HTTP/driver p50, client in the server's JVM");
		for (CaseResult inProcess : result.cases()) {
			CaseResult c = result.fromClientProcess(inProcess.query(), inProcess.bucket());
			if (c == null) {
				continue;
			}
			double ratio = c.ratio(Way.HTTP);
			String verdict = c.medianSize() >= 100 ? "n/a (≥ 100 nodes)" : (ratio <= 1.5 ? "met" : "missed");
			table.row(c.query(), c.bucket(), c.medianSize(), Latency.ms(c.of(Way.DRIVER).p50()),
					Latency.ms(c.of(Way.DRIVER).p99()), Latency.ms(c.of(Way.HTTP).p50()), Latency.ms(c.of(Way.HTTP).p99()),
					Latency.ratio(c.of(Way.HTTP).p50(), c.of(Way.DRIVER).p50()),
					Latency.ratio(c.of(Way.HTTP).p99(), c.of(Way.DRIVER).p99()), verdict,
					Latency.ratio(inProcess.of(Way.HTTP).p50(), inProcess.of(Way.DRIVER).p50()));
		}
		table.note("Both ways timed from one client JVM started for this (" + String.join(" ", ClientProcess.JVM_OPTIONS)
				+ "), as a client of the service would be: the bare Neo4j driver over Bolt running the service's statement, and "
				+ "POST /graphql (Apache HttpClient 5, blocking, keep-alive), back to back per start point in alternating order, "
				+ "after a warm-up of the client JVM. The service and its embedded database run in the benchmark's JVM; all share "
				+ "the machine's cores. Last column: the same ratio from the queries table, where the HTTP client runs inside the "
				+ "server's JVM (its heap, collector and JIT).");
		return table;
	}

	/**
	 * The richer Subgraph against the plain answer: per reach bucket of network(depth 2), p50 over HTTP and
	 * in-process of both documents and how much more the drawing hints cost, against the target of
	 * {@link #DRAWING_HINTS_TARGET}. No rows when the case was not measured.
	 */
	public static MarkdownTable drawingHints(Result result) {
		MarkdownTable table = new MarkdownTable("Subgraph: drawing hints vs the plain answer on " + result.dataset(),
				"reach", "starts", "nodes", "plain over HTTP", "with hints over HTTP", "more (HTTP)",
				"plain in-process", "with hints in-process", "more (in-process)",
				String.format(Locale.ROOT, "target ≤ %.0f %% more over HTTP", DRAWING_HINTS_TARGET * 100));
		for (CaseResult plain : result.cases()) {
			CaseResult hints = plain.query().equals(PLAIN_NETWORK) ? result.find(DRAWING_HINTS, plain.bucket()) : null;
			if (hints == null) {
				continue;
			}
			double http = hints.of(Way.HTTP).p50() / plain.of(Way.HTTP).p50() - 1;
			table.row(plain.bucket(), plain.probes(), plain.medianSize(), Latency.ms(plain.of(Way.HTTP).p50()),
					Latency.ms(hints.of(Way.HTTP).p50()), percent(http), Latency.ms(plain.of(Way.GRAPHQL).p50()),
					Latency.ms(hints.of(Way.GRAPHQL).p50()),
					percent(hints.of(Way.GRAPHQL).p50() / plain.of(Way.GRAPHQL).p50() - 1),
					Double.isNaN(http) ? "–" : (http <= DRAWING_HINTS_TARGET ? "met" : "missed"));
		}
		table.note("p50 in ms; more = p50 with hints / p50 plain − 1. Plain: the answer a client got before the hints, nodes { "
				+ PLAIN_NODE_FIELDS + " } edges { id type source target } truncated; with hints: the same and the nodes' "
				+ DRAWING_HINT_FIELDS + " (the richer Subgraph's drawing hints; its node type is the EntityType enum in both). "
				+ "Same start points; both documents asked of a round's start point every way, all six calls back to back in "
				+ "rotating order, so that warm-up and load favour neither.");
		table.note("lane and order come with the traversal: asked for them, the statement reads each node's stages too "
				+ "($hints true), so the driver column of " + DRAWING_HINTS + " in the queries table times that statement "
				+ "and the one of " + PLAIN_NETWORK + " the same statement with $hints false.");
		return table;
	}

	/** A fraction as a signed percentage, e.g. +4.2 %. */
	static String percent(double fraction) {
		return Double.isNaN(fraction) || Double.isInfinite(fraction) ? "–"
				: String.format(Locale.ROOT, "%+.1f %%", fraction * 100);
	}

	private static String pair(Latency latency) {
		return Latency.ms(latency.p50()) + " / " + Latency.ms(latency.p99());
	}

}
