package io.chaingraph.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a piece of work a few times untimed (warm-up), then {@code runs} times timed, and
 * summarises the timings. Each run may set itself up and tear down outside the timed section by
 * returning its own duration ({@link #measure}); plain calls are timed as a whole ({@link #time}).
 */
public final class Harness {

	/** One run that times itself (so set-up such as starting a fresh database stays outside). */
	@FunctionalInterface
	public interface TimedRun<T> {

		Timed<T> run(int index) throws Exception;

	}

	/** A result and how long the measured part took. */
	public record Timed<T>(T value, Duration elapsed) {
	}

	/** Plain work, timed as a whole. */
	@FunctionalInterface
	public interface Work {

		void run() throws Exception;

	}

	/** The results of all timed runs, and the summary of their durations. */
	public record Measured<T>(List<T> values, Stats stats) {

		/** The value of the run whose duration is the median (the lower middle one for an even count). */
		public T medianValue(java.util.function.ToLongFunction<T> nanos) {
			List<T> sorted = new ArrayList<>(this.values);
			sorted.sort(java.util.Comparator.comparingLong(nanos));
			return sorted.get((sorted.size() - 1) / 2);
		}

	}

	private final PrintStream log;

	public Harness(PrintStream log) {
		this.log = log;
	}

	public <T> Measured<T> measure(String label, int warmups, int runs, TimedRun<T> run) {
		List<T> values = new ArrayList<>();
		List<Duration> durations = new ArrayList<>();
		try {
			for (int i = 0; i < warmups; i++) {
				Timed<T> warm = run.run(-1 - i);
				this.log.printf("  %s: warm-up %d: %s%n", label, i + 1, format(warm.elapsed()));
			}
			for (int i = 0; i < runs; i++) {
				Timed<T> timed = run.run(i);
				values.add(timed.value());
				durations.add(timed.elapsed());
				this.log.printf("  %s: run %d/%d: %s%n", label, i + 1, runs, format(timed.elapsed()));
			}
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(label + " failed: " + ex.getMessage(), ex);
		}
		return new Measured<>(values, Stats.of(durations));
	}

	/** Times {@code work} as a whole, {@code runs} times after {@code warmups} untimed calls. */
	public Stats time(String label, int warmups, int runs, Work work) {
		return measure(label, warmups, runs, index -> {
			long started = System.nanoTime();
			work.run();
			return new Timed<Void>(null, Duration.ofNanos(System.nanoTime() - started));
		}).stats();
	}

	static String format(Duration duration) {
		double ms = duration.toNanos() / 1e6;
		return (ms >= 1000) ? String.format("%.2f s", ms / 1000) : String.format("%.1f ms", ms);
	}

	/** {@code value / baseline} as "12.3×", or "–" when the baseline is missing or zero. */
	public static String ratio(double value, double baseline) {
		if (!(baseline > 0) || Double.isNaN(value)) {
			return "–";
		}
		double r = value / baseline;
		return (r >= 100) ? String.format("%.0f×", r) : (r >= 10) ? String.format("%.1f×", r) : String.format("%.2f×", r);
	}

}
