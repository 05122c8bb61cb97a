package io.chaingraph.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.chaingraph.generate.DatasetGenerator;
import io.chaingraph.generate.GeneratorOptions;

/**
 * What every part shares: the sizes to measure, generated datasets (made once per size and seed,
 * reused by every part), a folder for temporary databases, the harness and the log.
 */
public final class BenchContext {

	private final List<BenchSize> sizes;

	private final Path workDir;

	private final long seed;

	private final Harness harness;

	private final PrintStream log;

	private final Map<String, DatasetGenerator.Summary> datasets = new HashMap<>();

	private final List<String> properties;

	private final List<String> queries;

	private final Path labelled;

	public BenchContext(List<BenchSize> sizes, Path workDir, long seed, PrintStream log, List<String> properties) {
		this(sizes, workDir, seed, log, properties, List.of(), MentionsPart.DEFAULT_SET);
	}

	/**
	 * @param queries the queries part measures only these (empty: all)
	 * @param labelled the folder of the labelled paragraphs the mentions part measures against
	 */
	public BenchContext(List<BenchSize> sizes, Path workDir, long seed, PrintStream log, List<String> properties,
			List<String> queries, Path labelled) {
		this.labelled = labelled;
		this.queries = List.copyOf(queries);
		this.properties = List.copyOf(properties);
		this.sizes = List.copyOf(sizes);
		this.workDir = workDir;
		this.seed = seed;
		this.harness = new Harness(log);
		this.log = log;
	}

	public Path labelled() {
		return this.labelled;
	}

	public List<BenchSize> sizes() {
		return this.sizes;
	}

	/** The queries the queries part measures (empty: all). */
	public List<String> queries() {
		return this.queries;
	}

	public Harness harness() {
		return this.harness;
	}

	public PrintStream log() {
		return this.log;
	}

	public Path workDir() {
		return this.workDir;
	}

	/** The generated dataset of {@code size} (written on first use). */
	public DatasetGenerator.Summary dataset(BenchSize size) {
		return dataset(size.label(), GeneratorOptions.of(size.enterprises()).withSeed(this.seed));
	}

	/** A generated dataset under {@code name} (written on first use). */
	public synchronized DatasetGenerator.Summary dataset(String name, GeneratorOptions options) {
		return this.datasets.computeIfAbsent(name, n -> {
			long started = System.nanoTime();
			DatasetGenerator.Summary summary = DatasetGenerator.generate(this.workDir.resolve("datasets").resolve(n),
					options);
			this.log.printf("Generated dataset %s: %,d rows in %.1f s%n", n, summary.totalRows(),
					(System.nanoTime() - started) / 1e9);
			return summary;
		});
	}

	/**
	 * A fresh database (and the application on it); close it after the measurement. The command
	 * line's {@code --property} values come after {@code properties} and win.
	 */
	public BenchDatabase database(Path importDir, boolean web, String... properties) {
		return database(BenchDatabase.newHome(this.workDir.resolve("db")), importDir, web, properties);
	}

	/** {@link #database(Path, boolean, String...)} on the database in {@code home}. */
	public BenchDatabase database(Path home, Path importDir, boolean web, String... properties) {
		return database(home, importDir, web, false, properties);
	}

	/**
	 * @param asOwn the application takes the database for its own embedded one, as the service by default
	 * (gap counts kept on write), rather than for an external server
	 */
	public BenchDatabase database(Path home, Path importDir, boolean web, boolean asOwn, String... properties) {
		List<String> all = new java.util.ArrayList<>(List.of(properties));
		all.addAll(this.properties);
		return BenchDatabase.open(home, importDir, web, asOwn, all.toArray(String[]::new));
	}

}
