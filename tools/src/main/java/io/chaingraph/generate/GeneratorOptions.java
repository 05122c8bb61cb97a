package io.chaingraph.generate;

/**
 * What {@link DatasetGenerator} builds. {@code parks} and {@code chains} of 0 mean "derive from the
 * number of enterprises" (see {@link #withDefaults()}).
 *
 * @param enterprises number of enterprises (at least 10)
 * @param parks number of top-level parks (sub-parks come on top), 0 = derived
 * @param chains number of industry chains, 0 = derived
 * @param seed random seed: the same options give byte-identical files
 */
public record GeneratorOptions(int enterprises, int parks, int chains, long seed) {

	public static final long DEFAULT_SEED = 42;

	public GeneratorOptions {
		if (enterprises < 10) {
			throw new IllegalArgumentException("--enterprises must be at least 10, was " + enterprises);
		}
		if (enterprises > 20_000_000) {
			throw new IllegalArgumentException("--enterprises must be at most 20,000,000, was " + enterprises);
		}
		if (parks < 0 || parks > 100_000) {
			throw new IllegalArgumentException("--parks must be between 1 and 100,000, was " + parks);
		}
		if (chains < 0 || chains > 200) {
			throw new IllegalArgumentException("--chains must be between 1 and 200, was " + chains);
		}
	}

	public static GeneratorOptions of(int enterprises) {
		return new GeneratorOptions(enterprises, 0, 0, DEFAULT_SEED);
	}

	public GeneratorOptions withSeed(long newSeed) {
		return new GeneratorOptions(this.enterprises, this.parks, this.chains, newSeed);
	}

	/**
	 * Derived sizes: one top-level park per 2,000 enterprises (3..500), one chain per 20,000
	 * enterprises on top of two (2..12).
	 */
	public GeneratorOptions withDefaults() {
		int p = (this.parks > 0) ? this.parks : clamp(this.enterprises / 2_000, 3, 500);
		int c = (this.chains > 0) ? this.chains : clamp(2 + this.enterprises / 20_000, 2, 12);
		return new GeneratorOptions(this.enterprises, p, c, this.seed);
	}

	/**
	 * Segments per chain: between {@code minChainNodes} and {@code maxChainNodes}. At 100k enterprises
	 * and above 200..2,000; scaled down for small datasets (at least 12).
	 */
	public int maxChainNodes() {
		return clamp(this.enterprises / 25, 12, 2_000);
	}

	public int minChainNodes() {
		return Math.min(200, Math.max(12, maxChainNodes() / 2));
	}

	static int clamp(int value, int min, int max) {
		return Math.max(min, Math.min(max, value));
	}

}
