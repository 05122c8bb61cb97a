package io.chaingraph.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The concurrency part of {@code bench}: a mixed read workload (the HTTP requests of the queries part,
 * shuffled) sent by 1, 4, 16 and 64 concurrent clients on loopback, each level bounded in requests and
 * in time. Every response is checked: a status other than 200, a GraphQL error or an exception counts
 * as an error.
 */
public final class ConcurrencyBench {

	/**
	 * @param clients the levels
	 * @param requestsPerClient requests per client at each level (the bound in count)
	 * @param minRequests at least this many requests per level
	 * @param maxPerLevel the bound in time of one level
	 */
	public record Settings(List<Integer> clients, int requestsPerClient, int minRequests, Duration maxPerLevel, long seed) {

		public static Settings smoke() {
			return new Settings(List.of(1, 4, 16, 64), 1, 8, Duration.ofSeconds(10), 42);
		}

		public static Settings standard() {
			return new Settings(List.of(1, 4, 16, 64), 20, 200, Duration.ofSeconds(30), 42);
		}

	}

	/** The figures of one level. */
	public record Level(int clients, int requests, int errors, double seconds, double throughput, Latency latency,
			List<String> errorSamples) {
	}

	private final BenchTarget target;

	private final Settings settings;

	private final PrintStream log;

	public ConcurrencyBench(BenchTarget target, Settings settings, PrintStream log) {
		this.target = target;
		this.settings = settings;
		this.log = log;
	}

	public List<Level> run(List<String> workload) throws Exception {
		if (workload.isEmpty()) {
			throw new IllegalArgumentException("no requests to send");
		}
		List<String> bodies = new ArrayList<>(workload);
		Collections.shuffle(bodies, new Random(this.settings.seed()));
		List<Level> levels = new ArrayList<>();
		for (int clients : this.settings.clients()) {
			int total = Math.max(this.settings.minRequests(), clients * this.settings.requestsPerClient());
			send(bodies, clients, Math.max(1, total / 10)); // warm-up: connections, threads, caches
			Level level = send(bodies, clients, total);
			this.log.printf(Locale.ROOT, "  %d client(s): %d requests, %d errors, %.0f req/s, p99 %s ms%n", clients,
					level.requests(), level.errors(), level.throughput(), Latency.ms(level.latency().p99()));
			levels.add(level);
		}
		return levels;
	}

	private Level send(List<String> requests, int clients, int total) throws Exception {
		AtomicInteger next = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
		long[] latencies = new long[total];
		AtomicInteger done = new AtomicInteger();
		long deadline = System.nanoTime() + this.settings.maxPerLevel().toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long start = System.nanoTime();
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				futures.add(pool.submit(() -> {
					while (System.nanoTime() < deadline) {
						int i = next.getAndIncrement();
						if (i >= total) {
							return;
						}
						String request = requests.get(i % requests.size());
						long t0 = System.nanoTime();
						try {
							BenchTarget.Answer answer = this.target.send(request);
							BenchTarget.check(answer.status(), answer.body());
						}
						catch (Exception ex) {
							if (ex instanceof java.io.InterruptedIOException || Thread.currentThread().isInterrupted()) {
								return; // the level was cancelled: the blocking client reports it as I/O
							}
							errors.incrementAndGet();
							if (errorSamples.size() < 5) {
								errorSamples.add(ex.getClass().getSimpleName() + ": " + ex.getMessage());
							}
						}
						latencies[done.getAndIncrement()] = System.nanoTime() - t0;
					}
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		int count = done.get();
		return new Level(clients, count, errors.get(), seconds, count / seconds, Latency.ofNanos(latencies, count),
				List.copyOf(errorSamples));
	}

	public static MarkdownTable table(String dataset, long enterprises, List<Level> levels) {
		MarkdownTable table = new MarkdownTable(String.format(Locale.ROOT,
				"Concurrency on %s (%,d enterprises): mixed reads over HTTP on loopback", dataset, enterprises),
				"clients", "requests", "errors", "seconds", "throughput (req/s)", "p50 ms", "p99 ms");
		for (Level level : levels) {
			table.row(level.clients(), level.requests(), level.errors(), String.format(Locale.ROOT, "%.1f", level.seconds()),
					String.format(Locale.ROOT, "%.0f", level.throughput()), Latency.ms(level.latency().p50()),
					Latency.ms(level.latency().p99()));
		}
		table.note("Workload: every request of the queries table, shuffled; each client sends one request after another "
				+ "(Apache HttpClient 5, blocking, HTTP/1.1 keep-alive). Errors: a status other than 200, a GraphQL error or an exception. "
				+ "Target: zero errors at 64 clients.");
		for (Level level : levels) {
			if (!level.errorSamples().isEmpty()) {
				table.note("Errors at " + level.clients() + " clients: " + String.join("; ", level.errorSamples()));
			}
		}
		return table;
	}

}
