package io.chaingraph.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.awaitility.core.ConditionTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A packaged jar started as a user starts it ({@code java -jar}), for the tests that run the jars the
 * build wrote ({@code target/chaingraph.jar}, {@code target/chaingraph-tools.jar}). Its output (stdout
 * and stderr) is read line by line as it comes; the service is started on a free port and waited for
 * until its readiness probe answers; it is stopped with SIGTERM (then SIGKILL) or killed with SIGKILL.
 * <p>
 * Every jar runs with the C1 compiler only and the serial collector ({@link #JVM_OPTIONS}): the tests'
 * runs are short, so start-up matters more than peak speed. The service jar is started, unless a test asks for the jar
 * itself ({@link Launch#JAR}), the way the Spring Boot documentation recommends for production: extracted
 * ({@code java -Djarmode=tools -jar chaingraph.jar extract}) and with a class-data-sharing archive made by
 * one training run ({@link ExtractedJar}); that halves each start. The archive is kept under
 * {@code target/jar-cds/} for as long as the jar it was made from does not change, so both modules'
 * tests share it.
 */
public final class JarProcess implements AutoCloseable {

	/** The service's runnable jar. */
	public static final Path SERVICE_JAR = Path.of("target", "chaingraph.jar").toAbsolutePath();

	/** The tools' runnable jar ({@code mvn package} writes it next to the service's). */
	public static final Path TOOLS_JAR = Path.of("target", "chaingraph-tools.jar").toAbsolutePath();

	/** How long a service may take to be ready: generous, the build machine may be shared and slow. */
	public static final Duration READY_WITHIN = Duration.ofMinutes(5);

	/**
	 * C1 only, and the serial collector: a test's jar lives for seconds to minutes, so the optimising
	 * compiler's and the parallel collector's threads cost the two cores more than they give back (a start
	 * with the sample data: 22 CPU-seconds with G1, 18 with the serial collector). With C1 only the JVM
	 * reserves 48 MB for compiled code instead of 240 MB, which the service (with the benchmark's or soak's
	 * load) can fill ("Out of space in CodeCache"), so the default size is kept.
	 */
	static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=240m",
			"-XX:+UseSerialGC");

	static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

	/** SIGKILL's exit status. */
	public static final int SIGKILL_EXIT = 128 + 9;

	/**
	 * This process's own client: a client shared by all would keep idle connections to a stopped jar's port,
	 * which a later jar may be given again.
	 */
	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final Process process;

	private final List<String> lines = new ArrayList<>();

	private final Thread reader;

	private final int port;

	private JarProcess(Process process, int port) {
		this.process = process;
		this.port = port;
		this.reader = new Thread(this::read, "jar-output-" + process.pid());
		this.reader.setDaemon(true);
		this.reader.start();
	}

	/** How a jar is started. */
	public enum Launch {

		/** {@code java -jar JAR}, exactly as the README says. */
		JAR,

		/** The jar extracted, with a class-data-sharing archive ({@link ExtractedJar}); same classes, same code. */
		EXTRACTED

	}

	/** Starts {@code java -jar JAR ARGS…} (the service jar extracted, see {@link Launch#EXTRACTED}). */
	public static JarProcess start(Path jar, String... args) {
		return start(jar, List.of(args), Map.of());
	}

	/** Starts {@code java -jar JAR ARGS…} with these environment variables added. */
	public static JarProcess start(Path jar, List<String> args, Map<String, String> env) {
		return start(defaultLaunch(jar), jar, args, env, -1);
	}

	/** Starts the jar as {@code launch} says. */
	public static JarProcess start(Launch launch, Path jar, String... args) {
		return start(launch, jar, List.of(args), Map.of(), -1);
	}

	private static Launch defaultLaunch(Path jar) {
		return jar.equals(SERVICE_JAR) ? Launch.EXTRACTED : Launch.JAR;
	}

	/**
	 * Starts the service jar on a free port ({@code --server.port}) with these arguments, Bolt on a free
	 * port, and waits until it is ready; fails with its output if it dies or is not ready in time.
	 */
	public static JarProcess startService(String... args) {
		return startService(List.of(args), Map.of());
	}

	/** {@link #startService(String...)} with environment variables added. */
	public static JarProcess startService(List<String> args, Map<String, String> env) {
		return startService(Launch.EXTRACTED, args, env);
	}

	/** {@link #startService(String...)}, started as {@code launch} says. */
	public static JarProcess startService(Launch launch, String... args) {
		return startService(launch, List.of(args), Map.of());
	}

	private static JarProcess startService(Launch launch, List<String> args, Map<String, String> env) {
		int port = freePort();
		List<String> all = new ArrayList<>(List.of("--server.port=" + port, "--chaingraph.embedded.bolt-port=0"));
		all.addAll(args);
		JarProcess service = start(launch, SERVICE_JAR, all, env, port);
		try {
			service.awaitReady();
		}
		catch (RuntimeException | AssertionError ex) {
			service.kill();
			throw ex;
		}
		return service;
	}

	private static JarProcess start(Launch launch, Path jar, List<String> args, Map<String, String> env, int port) {
		List<String> command = new ArrayList<>();
		command.add(JAVA);
		command.addAll(JVM_OPTIONS);
		command.addAll(launch == Launch.EXTRACTED ? ExtractedJar.of(jar).javaArguments() : List.of("-jar", jar.toString()));
		command.addAll(args);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(new LinkedHashMap<>(env));
		try {
			return new JarProcess(builder.start(), port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A free loopback port (free when asked; nothing holds it afterwards). */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void read() {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				synchronized (this.lines) {
					this.lines.add(line);
				}
			}
		}
		catch (IOException closed) {
			// the process died
		}
	}

	/** The service's HTTP port ({@link #startService}), or -1. */
	public int port() {
		return this.port;
	}

	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + "/" + (path.startsWith("/") ? path.substring(1) : path));
	}

	public Process process() {
		return this.process;
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** The output lines read so far. */
	public List<String> lines() {
		synchronized (this.lines) {
			return List.copyOf(this.lines);
		}
	}

	/** The output read so far, one line per line. */
	public String output() {
		return String.join("\n", lines());
	}

	@Override
	public String toString() {
		return output();
	}

	/** Waits until an output line matches; false if the process ended or the time ran out first. */
	public boolean awaitLine(Predicate<String> matches, Duration atMost) {
		try {
			await().atMost(atMost)
				.pollInterval(Duration.ofMillis(50))
				.until(() -> hasLine(matches) || !this.process.isAlive());
		}
		catch (ConditionTimeoutException notInTime) {
			return false;
		}
		this.awaitReaderIfEnded();
		return hasLine(matches);
	}

	private boolean hasLine(Predicate<String> matches) {
		synchronized (this.lines) {
			return this.lines.stream().anyMatch(matches);
		}
	}

	private void awaitReaderIfEnded() {
		if (!this.process.isAlive()) {
			try {
				this.reader.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Waits until the readiness probe answers 200; fails with the output if the process ends or time runs out. */
	public void awaitReady() {
		await().atMost(READY_WITHIN)
			.pollInterval(Duration.ofMillis(250))
			.failFast("the service ended; its output:\n" + this, () -> !this.process.isAlive())
			.ignoreExceptionsInstanceOf(IOException.class)
			.until(() -> this.http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).build(),
					HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
	}

	/** Waits for the process to end by itself; returns its exit code (fails with its output if it does not end). */
	public int awaitExit(Duration atMost) {
		try {
			assertThat(this.process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)).as("ended; output:%n%s", this)
				.isTrue();
			this.reader.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
		return this.process.exitValue();
	}

	/** SIGTERM, then SIGKILL if it has not ended in 30 s (which fails); returns how long it took to end. */
	public Duration stop() {
		long stopping = System.nanoTime();
		this.process.destroy();
		boolean stopped;
		try {
			stopped = this.process.waitFor(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			stopped = false;
		}
		Duration took = Duration.ofNanos(System.nanoTime() - stopping);
		if (!stopped) {
			kill();
		}
		assertThat(stopped).as("ended within 30 s of SIGTERM; output:%n%s", this).isTrue();
		awaitReaderIfEnded();
		return took;
	}

	/** SIGKILL ({@code destroyForcibly} is SIGKILL on Linux); returns the exit code. */
	public int kill() {
		this.process.destroyForcibly();
		return awaitExit(Duration.ofSeconds(30));
	}

	/** Stops it if it still runs (SIGTERM, then SIGKILL). */
	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroy();
			try {
				if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
					this.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** POSTs a GraphQL query to the service (no token) and returns the body; fails unless the status is 200. */
	public String graphql(String query) {
		return graphql(query, null);
	}

	/** POSTs a GraphQL query with a bearer token (or none) and returns the body; fails unless the status is 200. */
	public String graphql(String query, String token) {
		HttpResponse<String> response = post(query, token, Duration.ofSeconds(60));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	/** POSTs a GraphQL query with a bearer token (or none); the answer, whatever its status. */
	public HttpResponse<String> post(String query, String token, Duration timeout) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/graphql"))
			.header("content-type", "application/json")
			.timeout(timeout)
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}"));
		if (token != null) {
			request.header("authorization", "Bearer " + token);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(describe(ex), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}


	/**
	 * A failed request with what explains it: the jar's last output lines and, when a request timed out while
	 * the jar still runs, its threads ({@code jcmd PID Thread.print}), so a hang shows where it waits.
	 */
	private String describe(IOException failure) {
		StringBuilder text = new StringBuilder(failure.toString());
		boolean alive = this.process.isAlive();
		text.append(" (jar pid ").append(this.process.pid()).append(alive ? ", running)" : ", exited)");
		if (alive && failure instanceof HttpTimeoutException) {
			text.append("\n--- its threads:\n").append(threadDump());
		}
		List<String> all = lines();
		text.append("\n--- its last output lines:\n")
			.append(String.join("\n", all.subList(Math.max(0, all.size() - 80), all.size())));
		return text.toString();
	}

	private String threadDump() {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		try {
			// to a file, so that a jcmd that never ends cannot hold the test: it gets 20 s
			Path out = Files.createTempFile("jar-threads-", ".txt");
			Process dump = new ProcessBuilder(jcmd.toString(), String.valueOf(this.process.pid()), "Thread.print")
				.redirectErrorStream(true)
				.redirectOutput(out.toFile())
				.start();
			if (!dump.waitFor(20, TimeUnit.SECONDS)) {
				dump.destroyForcibly();
			}
			String threads = Files.readString(out, StandardCharsets.UTF_8);
			Files.deleteIfExists(out);
			return threads;
		}
		catch (IOException ex) {
			return "(no thread dump: " + ex + ")";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "(no thread dump: interrupted)";
		}
	}

}
