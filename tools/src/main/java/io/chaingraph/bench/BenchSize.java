package io.chaingraph.bench;

import java.util.Locale;

/**
 * A dataset size the benchmark builds with the generator.
 *
 * @param label S, M, L, XL or smoke
 * @param enterprises enterprises generated
 * @param runs timed runs per measurement at this size
 * @param perRowSample enterprises in the sample dataset the one-transaction-per-row baseline loads
 * @param importWarmups untimed loads of the whole dataset by each import method before its timed runs:
 *        one at S, where a load takes seconds and the first one in the JVM is mostly compiling the
 *        code (20.9 s against 11.1 and 8.5 s for the next two); none at M and L, whose loads are long
 *        enough for the compilation to matter little, and none for the smoke run
 */
public record BenchSize(String label, int enterprises, int runs, int perRowSample, int importWarmups) {

	public static final BenchSize SMOKE = new BenchSize("smoke", 200, 1, 20, 0);

	public static final BenchSize S = new BenchSize("S", 10_000, 3, 500, 1);

	public static final BenchSize M = new BenchSize("M", 100_000, 2, 500, 0);

	public static final BenchSize L = new BenchSize("L", 1_000_000, 1, 500, 0);

	/** Measured by the bulk load only (see {@link #bulkOnly()}). */
	public static final BenchSize XL = new BenchSize("XL", 10_000_000, 1, 500, 0);

	public static BenchSize parse(String label) {
		return switch (label.strip().toUpperCase(Locale.ROOT)) {
			case "SMOKE" -> SMOKE;
			case "S" -> S;
			case "M" -> M;
			case "L" -> L;
			case "XL" -> XL;
			default -> throw new IllegalArgumentException("unknown size '" + label + "' (S, M, L, XL or smoke)");
		};
	}

	/**
	 * Beyond L the import part measures the bulk load only: the transactional import and LOAD CSV of
	 * 10 million enterprises take hours on the benchmark's machine.
	 */
	public boolean bulkOnly() {
		return this.enterprises > L.enterprises();
	}

	public BenchSize withRuns(int newRuns) {
		return new BenchSize(this.label, this.enterprises, newRuns, this.perRowSample, this.importWarmups);
	}

	@Override
	public String toString() {
		return String.format("%s (%,d enterprises)", this.label, this.enterprises);
	}

}
