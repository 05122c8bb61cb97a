package io.chaingraph.tools;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.chaingraph.generate.DatasetGenerator;
import io.chaingraph.generate.GeneratorOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "generate", mixinStandardHelpOptions = true,
		description = { "Write a synthetic dataset in format v1 (CSV) to OUT: chains as layered DAGs with sub-segments,",
				"parks of Zipf sizes with sub-parks, enterprises on 1-3 segments, a power-law supply network",
				"along the chains, platforms with every link kind. The same options give identical files." })
final class GenerateCommand implements Callable<Integer> {

	@Parameters(paramLabel = "OUT", description = "folder to write (created if missing)")
	Path out;

	@Option(names = "--enterprises", paramLabel = "N", description = "number of enterprises (>= 10)")
	Integer enterprises;

	@Option(names = "--size", paramLabel = "SIZE",
			description = "a benchmark size instead of --enterprises: S 10k, M 100k, L 1M, XL 10M enterprises")
	String size;

	@Option(names = "--parks", paramLabel = "P",
			description = "top-level parks, sub-parks come on top (default: N / 2,000, 3..500)")
	int parks;

	@Option(names = "--chains", paramLabel = "C", description = "industry chains (default: 2 + N / 20,000, up to 12)")
	int chains;

	@Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "random seed (default ${DEFAULT-VALUE})")
	long seed;

	@Override
	public Integer call() {
		GeneratorOptions options;
		try {
			if ((this.enterprises == null) == (this.size == null)) {
				throw new IllegalArgumentException("give either --enterprises N or --size S|M|L|XL");
			}
			int n = (this.size != null) ? io.chaingraph.bench.BenchSize.parse(this.size).enterprises() : this.enterprises;
			options = new GeneratorOptions(n, this.parks, this.chains, this.seed);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("chaingraph generate: " + ex.getMessage());
			return 2;
		}
		long started = System.nanoTime();
		DatasetGenerator.Summary summary;
		try {
			summary = DatasetGenerator.generate(this.out, options);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("chaingraph generate: " + ex.getMessage());
			return 2;
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.println("Generated " + this.out.toAbsolutePath().normalize() + "  (" + describe(summary.options())
				+ ")");
		summary.rows().entrySet().stream()
			.sorted(java.util.Comparator.comparingInt(e -> DatasetGenerator.FILES.indexOf(e.getKey())))
			.forEach(e -> System.out.printf("%-22s %,12d rows%n", e.getKey(), e.getValue()));
		System.out.printf("%nDone in %.1f s: %,d rows. Load it with: java -jar chaingraph.jar import %s%n", seconds,
				summary.totalRows(), this.out);
		return 0;
	}

	private static String describe(GeneratorOptions o) {
		GeneratorOptions d = o.withDefaults();
		return String.format("%,d enterprises, %d parks, %d chains of %d..%d segments, seed %d", d.enterprises(),
				d.parks(), d.chains(), d.minChainNodes(), d.maxChainNodes(), d.seed());
	}

}
