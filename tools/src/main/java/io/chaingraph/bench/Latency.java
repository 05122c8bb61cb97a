package io.chaingraph.bench;

import java.util.Arrays;
import java.util.Locale;

/** Median and 99th percentile of a set of timings, in milliseconds. */
public record Latency(int samples, double p50, double p99) {

	/** From the first {@code count} timings, through the harness's {@link Stats} (HdrHistogram). */
	public static Latency ofNanos(long[] nanos, int count) {
		if (count == 0) {
			return new Latency(0, Double.NaN, Double.NaN);
		}
		Stats stats = Stats.of(Arrays.stream(nanos, 0, count).mapToObj(java.time.Duration::ofNanos).toList());
		return new Latency(count, stats.medianMillis(), stats.p99Millis());
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
