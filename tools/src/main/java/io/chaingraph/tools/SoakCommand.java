package io.chaingraph.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.chaingraph.bench.BenchDatabase;
import io.chaingraph.bench.MarkdownTable;
import io.chaingraph.bench.Soak;
import io.chaingraph.generate.DatasetGenerator;
import io.chaingraph.generate.GeneratorOptions;
import io.chaingraph.importing.ImportProgress;
import io.chaingraph.importing.ImportReport;
import io.chaingraph.importing.ImportService;
import io.chaingraph.importing.read.DatasetSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

import org.slf4j.LoggerFactory;

@Command(name = "soak", mixinStandardHelpOptions = true,
		description = { "Run a mixed read/write load over HTTP for a while and report throughput, p50/p99, errors and",
				"heap every interval, then a Markdown table. Without --url it starts the service itself on loopback",
				"(embedded database in a temporary folder, a generated dataset, an EDITOR token of its own, no rate",
				"limit). Exit code 0: no error; 1: errors (non-200, GraphQL errors other than a retried CONFLICT,",
				"exceptions, timeouts); 2: bad arguments; 3: the set-up failed." })
final class SoakCommand implements Callable<Integer> {

	@Option(names = "--duration", paramLabel = "TIME", defaultValue = "10m", converter = DurationConverter.class,
			description = "how long to send load: 90s, 10m, 1h (default ${DEFAULT-VALUE})")
	Duration duration;

	@Option(names = "--clients", paramLabel = "N", defaultValue = "4", description = "concurrent HTTP clients (default ${DEFAULT-VALUE})")
	int clients;

	@Option(names = "--write-share", paramLabel = "F", defaultValue = "0.1",
			description = "share of requests that are curation writes, 0..1 (default ${DEFAULT-VALUE})")
	double writeShare;

	@Option(names = "--interval", paramLabel = "TIME", defaultValue = "30s", converter = DurationConverter.class,
			description = "report a line this often (default ${DEFAULT-VALUE})")
	Duration interval;

	@Option(names = "--url", paramLabel = "URL",
			description = "a running service (e.g. http://127.0.0.1:8080) instead of starting one; its soak-* entities stay behind")
	String url;

	@Option(names = "--token", paramLabel = "T",
			description = "EDITOR token for --url (default: $CHAINGRAPH_SOAK_TOKEN); without one the load is reads only")
	String token;

	@Option(names = "--enterprises", paramLabel = "N", defaultValue = "2000",
			description = "size of the generated dataset when the service is started here (default ${DEFAULT-VALUE})")
	int enterprises;

	@Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "generator and workload seed (default ${DEFAULT-VALUE})")
	long seed;

	@Option(names = "--work", paramLabel = "DIR", defaultValue = "target/soak",
			description = "dataset and temporary database folder when the service is started here (default ${DEFAULT-VALUE})")
	Path work;

	@Option(names = "--out", paramLabel = "FILE", description = "also write the final Markdown table to this file")
	Path out;

	@Option(names = { "-P", "--property" }, paramLabel = "NAME=VALUE",
			description = "application property for the service started here, e.g. -P chaingraph.query.timeout=30s")
	List<String> properties = new ArrayList<>();

	@Override
	public Integer call() throws Exception {
		Soak.Settings settings;
		try {
			settings = new Soak.Settings(this.duration, this.clients, this.writeShare, this.interval, this.seed);
			if (this.url == null) {
				GeneratorOptions.of(this.enterprises);
			}
		}
		catch (IllegalArgumentException ex) {
			System.err.println("chaingraph soak: " + ex.getMessage());
			return 2;
		}
		if (this.url != null) {
			String token = (this.token != null) ? this.token : System.getenv("CHAINGRAPH_SOAK_TOKEN");
			return soak(new Soak(this.url, token, settings, Soak.HeapProbe.actuator(this.url, token), System.out),
					settings, this.url);
		}
		// quiet until Spring Boot configures logging from the properties the database passes
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
		String token = HexFormat.of().formatHex(random());
		Path datasetDir = this.work.resolve("dataset-" + this.enterprises + "-" + this.seed);
		BenchDatabase db;
		try {
			long started = System.nanoTime();
			DatasetGenerator.Summary dataset = DatasetGenerator.generate(datasetDir,
					GeneratorOptions.of(this.enterprises).withSeed(this.seed));
			List<String> props = new ArrayList<>(List.of("chaingraph.security.tokens=soak:EDITOR:" + token,
					"chaingraph.rate-limit.expensive-per-minute=0", "server.address=127.0.0.1"));
			props.addAll(this.properties);
			db = BenchDatabase.start(this.work.resolve("db"), null, true, props.toArray(String[]::new));
			ImportReport report = db.bean(ImportService.class)
				.run(DatasetSource.fromDirectory(dataset.dir()), false, ImportProgress.NONE);
			if (report.hasErrors()) {
				db.close();
				System.err.println("chaingraph soak: the generated dataset does not load: " + report.problems().get(0));
				return 3;
			}
			System.out.printf(Locale.ROOT, "Service on http://127.0.0.1:%d with a generated dataset of %,d enterprises (%,d rows), ready in %.1f s%n",
					db.httpPort(), this.enterprises, dataset.totalRows(), (System.nanoTime() - started) / 1e9);
		}
		catch (RuntimeException ex) {
			System.err.println("chaingraph soak: the service did not start: " + ex.getMessage());
			return 3;
		}
		try (db) {
			String base = "http://127.0.0.1:" + db.httpPort();
			return soak(new Soak(base, token, settings, Soak.HeapProbe.thisJvm(), System.out), settings,
					String.format(Locale.ROOT, "the service in-process (%,d generated enterprises)", this.enterprises));
		}
	}

	private int soak(Soak soak, Soak.Settings settings, String target) throws IOException {
		Soak.Result result;
		try {
			result = soak.run();
		}
		catch (Exception ex) {
			System.err.println("chaingraph soak: " + ex.getMessage());
			return 3;
		}
		MarkdownTable table = Soak.table(settings, result, target);
		table.note("Run " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, load average "
				+ String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
					.getSystemLoadAverage()) + " at the end.");
		System.out.println();
		System.out.print(table.render());
		if (this.out != null) {
			Path parent = this.out.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.writeString(this.out, table.render(), StandardCharsets.UTF_8);
		}
		System.out.println();
		System.out.println(result.errors() == 0 ? "Soak passed: no errors."
				: "Soak FAILED: " + result.errors() + " error(s).");
		return (result.errors() == 0) ? 0 : 1;
	}

	private static byte[] random() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}

	/** {@code 90s}, {@code 10m}, {@code 1h}, {@code 500ms} or ISO-8601 ({@code PT10M}). */
	static final class DurationConverter implements ITypeConverter<Duration> {

		private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|min|h)");

		@Override
		public Duration convert(String value) {
			Matcher m = SIMPLE.matcher(value.strip().toLowerCase(Locale.ROOT));
			if (m.matches()) {
				long n = Long.parseLong(m.group(1));
				return switch (m.group(2)) {
					case "ms" -> Duration.ofMillis(n);
					case "s" -> Duration.ofSeconds(n);
					case "m", "min" -> Duration.ofMinutes(n);
					default -> Duration.ofHours(n);
				};
			}
			try {
				return Duration.parse(value.strip().toUpperCase(Locale.ROOT));
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException("'" + value + "' is not a duration (e.g. 90s, 10m, 1h)");
			}
		}

	}

}
