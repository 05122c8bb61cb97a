package io.chaingraph.bench;

import java.time.Duration;
import java.util.List;

import org.HdrHistogram.Histogram;

/**
 * Summary of repeated timings: count, median, p99, min and max, from an HdrHistogram (3 significant
 * digits, 1 µs .. 1 h); any other percentile with {@link #percentile}.
 */
public record Stats(int n, Duration median, Duration p99, Duration min, Duration max) {

	public static Stats of(List<Duration> samples) {
		Histogram histogram = histogram(samples);
		return new Stats(samples.size(), micros(histogram.getValueAtPercentile(50)),
				micros(histogram.getValueAtPercentile(99)), micros(histogram.getMinValue()),
				micros(histogram.getMaxValue()));
	}

	/** The {@code percentile} (0..100) of the samples, from the same histogram as {@link #of}. */
	public static Duration percentile(List<Duration> samples, double percentile) {
		return micros(histogram(samples).getValueAtPercentile(percentile));
	}

	private static Histogram histogram(List<Duration> samples) {
		if (samples.isEmpty()) {
			throw new IllegalArgumentException("no samples");
		}
		Histogram histogram = new Histogram(1, Duration.ofHours(1).toNanos() / 1_000, 3);
		for (Duration sample : samples) {
			histogram.recordValue(Math.max(1, Math.min(histogram.getHighestTrackableValue(), sample.toNanos() / 1_000)));
		}
		return histogram;
	}

	private static Duration micros(long value) {
		return Duration.ofNanos(value * 1_000);
	}

	public double medianSeconds() {
		return this.median.toNanos() / 1e9;
	}

	public double medianMillis() {
		return this.median.toNanos() / 1e6;
	}

	public double p99Millis() {
		return this.p99.toNanos() / 1e6;
	}

	public double p99Seconds() {
		return this.p99.toNanos() / 1e9;
	}

}
