package io.chaingraph.bench;

import java.util.Arrays;
import java.util.Locale;

/** Median and 99th percentile of a set of timings (nearest-rank), in milliseconds. */
public record Latency(int samples, double p50, double p99) {

	public static Latency ofNanos(long[] nanos, int count) {
		if (count == 0) {
			return new Latency(0, Double.NaN, Double.NaN);
		}
		long[] sorted = Arrays.copyOf(nanos, count);
		Arrays.sort(sorted);
		return new Latency(count, rank(sorted, 0.50) / 1e6, rank(sorted, 0.99) / 1e6);
	}

	private static long rank(long[] sorted, double quantile) {
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	static String ms(double millis) {
		if (Double.isNaN(millis)) {
			return "–";
		}
		return String.format(Locale.ROOT, millis < 10 ? "%.2f" : (millis < 100 ? "%.1f" : "%.0f"), millis);
	}

	static String ratio(double value, double baseline) {
		if (Double.isNaN(value) || Double.isNaN(baseline) || baseline <= 0) {
			return "–";
		}
		return String.format(Locale.ROOT, "%.2f", value / baseline);
	}

}
