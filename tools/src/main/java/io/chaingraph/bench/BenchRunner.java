package io.chaingraph.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs the benchmark's parts over the chosen sizes, prints every table and writes them as Markdown
 * ({@code OUT/PART.md} per part and {@code OUT/results.md} with all of them and the machine).
 */
public final class BenchRunner {

	/** Every part, in the order they run. Further parts (queries, scaling, ...) register here. */
	public static final List<Supplier<BenchPart>> PARTS = List.of(ImportPart::new, QueriesPart::new, SheetsPart::new, MentionsPart::new,
			HistoryPart::new);

	/**
	 * @param sizes the dataset sizes
	 * @param parts names of the parts to run (empty: all)
	 * @param out where the Markdown files go
	 * @param workDir where datasets and temporary databases go
	 * @param seed generator seed
	 * @param properties application properties ({@code name=value}) for every database the parts start
	 * @param queries the queries part measures only these queries (empty: all, and the concurrency part)
	 * @param labelled the labelled paragraphs the mentions part measures against
	 */
	public record Options(List<BenchSize> sizes, List<String> parts, Path out, Path workDir, long seed,
			List<String> properties, List<String> queries, Path labelled) {

		public Options(List<BenchSize> sizes, List<String> parts, Path out, Path workDir, long seed,
				List<String> properties) {
			this(sizes, parts, out, workDir, seed, properties, List.of(), MentionsPart.DEFAULT_SET);
		}

	}

	private BenchRunner() {
	}

	/** Runs the benchmark; returns the Markdown of all tables. */
	public static String run(Options options, PrintStream out) throws Exception {
		Files.createDirectories(options.out());
		List<BenchPart> parts = new ArrayList<>();
		for (Supplier<BenchPart> supplier : PARTS) {
			BenchPart part = supplier.get();
			if (options.parts().isEmpty() || options.parts().contains(part.name())) {
				parts.add(part);
			}
		}
		if (parts.isEmpty()) {
			throw new IllegalArgumentException("no such part: " + options.parts() + " (known: "
					+ PARTS.stream().map(s -> s.get().name()).toList() + ")");
		}
		BenchContext context = new BenchContext(options.sizes(), options.workDir(), options.seed(), out,
				options.properties(), options.queries(), options.labelled());
		StringBuilder all = new StringBuilder();
		all.append("# chaingraph benchmark results\n\n");
		all.append("Run ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(", sizes ")
			.append(options.sizes().stream().map(BenchSize::toString).toList()).append(", seed ").append(options.seed())
			.append(options.properties().isEmpty() ? "" : ", properties " + options.properties())
			.append(options.queries().isEmpty() ? "" : ", queries " + options.queries())
			.append(".\n\n").append(Machine.describe()).append("\n\n");
		for (BenchPart part : parts) {
			out.printf("%n== %s ==%n", part.name());
			long started = System.nanoTime();
			List<MarkdownTable> tables = part.run(context);
			StringBuilder markdown = new StringBuilder();
			markdown.append("## ").append(part.name()).append("\n\n");
			for (MarkdownTable table : tables) {
				markdown.append(table.render()).append('\n');
			}
			markdown.append(String.format("_Part %s took %.0f s._%n", part.name(), (System.nanoTime() - started) / 1e9));
			Files.writeString(options.out().resolve(part.name() + ".md"), markdown, StandardCharsets.UTF_8);
			out.println();
			out.print(markdown);
			all.append(markdown).append('\n');
		}
		Files.writeString(options.out().resolve("results.md"), all, StandardCharsets.UTF_8);
		out.printf("%nTables written to %s%n", options.out().toAbsolutePath().normalize());
		return all.toString();
	}

	/** Machine facts for the report. */
	static final class Machine {

		private Machine() {
		}

		static String describe() {
			Runtime runtime = Runtime.getRuntime();
			String cpu = cpuModel();
			double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
			return String.format("Machine: %d cores (%s), %s RAM, Java %s (%s), max heap %,d MB, load average at start %.2f.",
					runtime.availableProcessors(), cpu, totalMemory(), System.getProperty("java.version"),
					System.getProperty("java.vm.name"), runtime.maxMemory() / (1024 * 1024), load);
		}

		private static String cpuModel() {
			try {
				return Files.readAllLines(Path.of("/proc/cpuinfo"))
					.stream()
					.filter(l -> l.startsWith("model name"))
					.map(l -> l.substring(l.indexOf(':') + 1).strip())
					.findFirst()
					.orElse(System.getProperty("os.arch"));
			}
			catch (IOException | RuntimeException ex) {
				return System.getProperty("os.arch");
			}
		}

		private static String totalMemory() {
			if (java.lang.management.ManagementFactory
				.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
				return String.format("%.1f GB", os.getTotalMemorySize() / (1024.0 * 1024 * 1024));
			}
			return "?";
		}

	}

}
