package io.chaingraph.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import io.chaingraph.bench.QueryBench.CaseResult;
import io.chaingraph.bench.QueryBench.Way;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.RoutingControl;
import tools.jackson.databind.json.JsonMapper;

/**
 * The headline figure measured as a client sees it: the bare driver and GraphQL over HTTP timed from a
 * separate JVM (this class's {@link #main}, started by the benchmark), against the service and its
 * database in the benchmark's JVM. In the queries part's own table the HTTP client runs inside the
 * server's JVM, where it shares the server's heap, garbage collector and JIT with it; a real client
 * never does. Both ways here run in the same client process, with the same loop as the queries part
 * (the two ways of one question back to back, alternating which goes first), so the ratio compares
 * like with like.
 */
public final class ClientProcess {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The client JVM: small, like a front-end server or a script; its own heap and collector. */
	static final List<String> JVM_OPTIONS = List.of("-Xms128m", "-Xmx256m", "-XX:+UseSerialGC");

	/** Longest the benchmark waits for the client process. */
	static final Duration TIMEOUT = Duration.ofMinutes(30);

	/** One start point: the driver's statement and the HTTP request body that ask the same question. */
	record Question(String cypher, Map<String, Object> parameters, String body, boolean cached) {
	}

	/** One query and reach bucket, with its start points used in turn. */
	record Case(String query, String bucket, int medianSize, List<Question> questions) {
	}

	/** What the client process is told. */
	record Input(String boltUri, String database, String endpoint, long warmupMillis, int warmup, int iterations,
			long maxPerCaseMillis, List<Case> cases) {
	}

	/** What it answers: per case the timings of each way, in nanoseconds. */
	record Output(List<Timings> cases) {
	}

	record Timings(String query, String bucket, List<Long> driver, List<Long> http) {
	}

	private ClientProcess() {
	}

	// ---------------------------------------------------------------- the benchmark's side

	/**
	 * Runs the cases from a separate client JVM against the target's Bolt and HTTP endpoints and
	 * returns a result per case with the {@link Way#DRIVER} and {@link Way#HTTP} ways.
	 */
	static List<CaseResult> measure(BenchTarget target, QueryBench.Settings settings, List<Case> cases, PrintStream log)
			throws IOException, InterruptedException {
		if (cases.isEmpty()) {
			return List.of();
		}
		Path dir = Files.createTempDirectory("chaingraph-client-");
		Path in = dir.resolve("in.json");
		Path out = dir.resolve("out.json");
		try {
			Files.writeString(in, JSON.writeValueAsString(new Input(target.boltUri, target.database,
					target.endpoint.toString(), settings.jitWarmup().toMillis(), settings.warmup(), settings.iterations(),
					settings.maxPerCase().toMillis(), cases)));
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.addAll(JVM_OPTIONS);
			command.addAll(launch());
			command.add(in.toString());
			command.add(out.toString());
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			Thread pipe = new Thread(() -> {
				try (BufferedReader lines = new BufferedReader(
						new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
					String line;
					while ((line = lines.readLine()) != null) {
						log.println("  [client process] " + line);
					}
				}
				catch (IOException ex) {
					// the process ended
				}
			}, "client-process-output");
			pipe.setDaemon(true);
			pipe.start();
			try {
				if (!process.waitFor(TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
					throw new IllegalStateException("the client process did not finish within " + TIMEOUT.toMinutes() + " minutes");
				}
			}
			finally {
				if (process.isAlive()) { // timed out, or the benchmark was interrupted
					process.destroyForcibly();
				}
			}
			pipe.join(5000);
			if (process.exitValue() != 0) {
				throw new IllegalStateException("the client process failed (exit code " + process.exitValue()
						+ "; its output is in the log above)");
			}
			Output output = JSON.readValue(Files.readString(out), Output.class);
			List<CaseResult> results = new ArrayList<>();
			for (int i = 0; i < cases.size(); i++) {
				Case c = cases.get(i);
				Timings t = output.cases().get(i);
				Map<Way, Latency> latency = new EnumMap<>(Way.class);
				latency.put(Way.DRIVER, latency(t.driver()));
				latency.put(Way.HTTP, latency(t.http()));
				results.add(new CaseResult(c.query(), c.bucket(), c.questions().size(), c.medianSize(), latency));
			}
			return results;
		}
		finally {
			Files.deleteIfExists(in);
			Files.deleteIfExists(out);
			Files.deleteIfExists(dir);
		}
	}

	private static Latency latency(List<Long> nanos) {
		return Latency.ofNanos(nanos.stream().mapToLong(Long::longValue).toArray(), nanos.size());
	}

	/**
	 * How to start {@link #main} in a new JVM: from the packaged jar through its {@code bench-client}
	 * command, otherwise (tests, an IDE) from this JVM's class path.
	 */
	static List<String> launch() throws IOException {
		Path jar = bootJar();
		if (jar != null) {
			return List.of("-jar", jar.toString(), "bench-client");
		}
		return List.of("-cp", System.getProperty("java.class.path"), ClientProcess.class.getName());
	}

	/** The Spring Boot jar this JVM was started from ({@code java -jar chaingraph.jar}), or null. */
	private static Path bootJar() throws IOException {
		String classPath = System.getProperty("java.class.path", "");
		if (classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
			return null;
		}
		Path jar = Path.of(classPath).toAbsolutePath().normalize();
		if (!Files.isRegularFile(jar)) {
			return null;
		}
		try (JarFile file = new JarFile(jar.toFile())) {
			return (file.getManifest() != null && file.getManifest().getMainAttributes().getValue("Start-Class") != null)
					? jar : null;
		}
	}

	// ---------------------------------------------------------------- the client process

	/** {@code ClientProcess IN OUT}: reads the cases from IN, writes the timings to OUT. */
	public static void main(String[] args) throws Exception {
		System.exit(run(Path.of(args[0]), Path.of(args[1])));
	}

	public static int run(Path inFile, Path outFile) throws Exception {
		Input input = JSON.readValue(Files.readString(inFile), Input.class);
		QueryConfig.Builder config = QueryConfig.builder().withRouting(RoutingControl.READ);
		if (input.database() != null && !input.database().isBlank()) {
			config.withDatabase(input.database());
		}
		QueryConfig readConfig = config.build();
		URI endpoint;
		try {
			endpoint = new URI(input.endpoint());
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException(ex);
		}
		try (Driver driver = GraphDatabase.driver(input.boltUri(), AuthTokens.none(),
				Config.builder().withLogging(Logging.console(java.util.logging.Level.WARNING)).build());
				CloseableHttpClient http = BenchTarget.httpClient(4)) {
			Way[] ways = { Way.DRIVER, Way.HTTP };
			Map<Way, Client> clients = new EnumMap<>(Way.class);
			clients.put(Way.DRIVER, q -> driver.executableQuery(q.cypher()).withParameters(q.parameters())
				.withConfig(readConfig).execute().records().size());
			clients.put(Way.HTTP, q -> BenchTarget.post(http, endpoint, q.body(), q.cached()).length());
			warmUp(input, clients);
			QueryBench.Settings settings = new QueryBench.Settings(input.warmup(), input.iterations(),
					Duration.ofMillis(input.maxPerCaseMillis()), 0, 0, 0, Duration.ofMillis(input.warmupMillis()));
			List<Timings> timings = new ArrayList<>();
			for (Case c : input.cases()) {
				long[][] samples = QueryBench.rounds(settings, ways.length,
						(round, way) -> clients.get(ways[way]).ask(c.questions().get(round % c.questions().size())));
				timings.add(new Timings(c.query(), c.bucket(), boxed(samples[0]), boxed(samples[1])));
				System.out.printf(Locale.ROOT, "%s, %s: %d rounds%n", c.query(), c.bucket(), samples[0].length);
			}
			Files.writeString(outFile, JSON.writeValueAsString(new Output(timings)));
		}
		return 0;
	}

	@FunctionalInterface
	private interface Client {

		int ask(Question question) throws Exception;

	}

	/**
	 * Unrecorded rounds of both ways over every question with a small answer until the warm-up time
	 * is up, so that this new JVM has compiled the driver and the HTTP client (the server is warm: the
	 * queries part ran before).
	 */
	private static void warmUp(Input input, Map<Way, Client> clients) throws Exception {
		List<Question> questions = new ArrayList<>();
		for (Case c : input.cases()) {
			if (c.medianSize() < 1000 && !c.query().equals("chainGaps")) {
				questions.addAll(c.questions());
			}
		}
		long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(input.warmupMillis());
		long calls = 0;
		while (!questions.isEmpty() && System.nanoTime() < end) {
			for (Question question : questions) {
				clients.get(Way.DRIVER).ask(question);
				clients.get(Way.HTTP).ask(question);
				calls += 2;
				if (System.nanoTime() >= end) {
					break;
				}
			}
		}
		System.out.printf(Locale.ROOT, "warm-up: %,d unrecorded calls in %d s%n", calls, input.warmupMillis() / 1000);
	}

	private static List<Long> boxed(long[] values) {
		return java.util.Arrays.stream(values).boxed().toList();
	}

}
