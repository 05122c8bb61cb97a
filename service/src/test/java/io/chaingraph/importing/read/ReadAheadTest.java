package io.chaingraph.importing.read;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Validation reads and types rows on a thread of its own: order, failures on either side. */
class ReadAheadTest {

	@Test
	void everyItemComesBackInOrderOnTheCallersThreadAndIsProducedOnAnother() {
		int items = ReadAhead.CHUNK * (ReadAhead.CHUNKS_AHEAD + 3) + 17;
		AtomicReference<String> producedOn = new AtomicReference<>();
		List<Integer> consumed = new ArrayList<>();
		List<String> consumedOn = new ArrayList<>();
		ReadAhead.<Integer>forEach(emit -> {
			producedOn.set(Thread.currentThread().getName());
			for (int i = 0; i < items; i++) {
				emit.accept(i);
			}
		}, item -> {
			consumed.add(item);
			consumedOn.add(Thread.currentThread().getName());
		});
		assertThat(consumed).hasSize(items);
		for (int i = 0; i < items; i++) {
			assertThat(consumed.get(i)).isEqualTo(i);
		}
		assertThat(consumedOn).containsOnly(Thread.currentThread().getName());
		assertThat(producedOn.get()).startsWith("import-reader-");
	}

	@Test
	void aFailureOfTheProducerIsThrownAsItIsAfterWhatItProducedBefore() {
		UncheckedIOException unreadable = new UncheckedIOException("Cannot read ds/supplies.csv",
				new java.io.IOException("gone"));
		List<Integer> consumed = new ArrayList<>();
		assertThatThrownBy(() -> ReadAhead.<Integer>forEach(emit -> {
			for (int i = 0; i < 1000; i++) {
				emit.accept(i);
			}
			throw unreadable;
		}, consumed::add)).isSameAs(unreadable);
		assertThat(consumed).hasSize(1000);
	}

	@Test
	void aFailureOfTheConsumerStopsTheProducer() throws InterruptedException {
		CountDownLatch producerEnded = new CountDownLatch(1);
		IllegalStateException broken = new IllegalStateException("check failed");
		assertThatThrownBy(() -> ReadAhead.<Integer>forEach(emit -> {
			try {
				for (int i = 0;; i++) {
					emit.accept(i); // never ends by itself
				}
			}
			finally {
				producerEnded.countDown();
			}
		}, item -> {
			if (item == 3 * ReadAhead.CHUNK) {
				throw broken;
			}
		})).isSameAs(broken);
		assertThat(producerEnded.await(10, TimeUnit.SECONDS)).as("the producer stopped").isTrue();
	}

}
