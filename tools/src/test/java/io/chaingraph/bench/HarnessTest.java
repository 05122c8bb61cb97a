package io.chaingraph.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The benchmark harness: statistics, warm-ups, ratios and table rendering (no timing asserted). */
class HarnessTest {

	@Test
	void statsGiveTheMedianAndP99OfTheSamples() {
		List<Duration> samples = new ArrayList<>();
		for (int ms = 1; ms <= 100; ms++) {
			samples.add(Duration.ofMillis(ms));
		}
		Stats stats = Stats.of(samples);
		assertThat(stats.n()).isEqualTo(100);
		// HdrHistogram keeps 3 significant digits
		assertThat(stats.medianMillis()).isCloseTo(50, within(0.1));
		assertThat(stats.p99Millis()).isCloseTo(99, within(0.1));
		assertThat(stats.min()).isEqualTo(Duration.ofMillis(1));
		assertThat(stats.max().toMillis()).isEqualTo(100);
	}

	@Test
	void warmUpsRunButAreNotCounted() {
		AtomicInteger calls = new AtomicInteger();
		ByteArrayOutputStream log = new ByteArrayOutputStream();
		Harness harness = new Harness(new PrintStream(log, true, StandardCharsets.UTF_8));
		Harness.Measured<Integer> measured = harness.measure("x", 2, 3, index -> {
			calls.incrementAndGet();
			return new Harness.Timed<>(index, Duration.ofMillis(10L * (index + 2)));
		});
		assertThat(calls).hasValue(5);
		assertThat(measured.values()).containsExactly(0, 1, 2);
		assertThat(measured.stats().n()).isEqualTo(3);
		assertThat(measured.stats().medianMillis()).isCloseTo(30, within(0.1));
		assertThat(measured.medianValue(i -> i)).isEqualTo(1);
		assertThat(log.toString(StandardCharsets.UTF_8)).contains("x: warm-up 2", "x: run 3/3");
	}

	@Test
	void ratiosAndTables() {
		assertThat(Harness.ratio(25.4, 1)).isEqualTo("25.4×");
		assertThat(Harness.ratio(1, 4)).isEqualTo("0.25×");
		assertThat(Harness.ratio(1, 0)).isEqualTo("–");
		String table = new MarkdownTable("T", "size", "名称").row("S", "中国基因药谷").note("a note").render();
		assertThat(table).isEqualTo("""
				### T

				| size | 名称         |
				|------|--------------|
				| S    | 中国基因药谷 |

				a note
				""");
	}

}
