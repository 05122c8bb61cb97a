package io.chaingraph.importing.load;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The importer's writer threads: order of outcomes, bounded batches in flight, failures. */
class BatchWritersTest {

	private static FileSummary summary(String file, long created) {
		return new FileSummary(file, 0, created, 0, 0, 0, 0, 0, 0);
	}

	@Test
	void oneWriterWritesOnTheCallersThread() {
		List<String> threads = new CopyOnWriteArrayList<>();
		List<BatchWriters.Written> done = new CopyOnWriteArrayList<>();
		try (BatchWriters writers = new BatchWriters(1, done::add)) {
			writers.submit("a.csv", 3, () -> {
				threads.add(Thread.currentThread().getName());
				return summary("a.csv", 3);
			});
			assertThat(done).as("handed back before submit returns").hasSize(1);
		}
		assertThat(threads).containsExactly(Thread.currentThread().getName());
	}

	@Test
	void outcomesComeBackInSubmissionOrderOnTheCallersThreadWhateverOrderTheyEndIn() {
		List<String> doneOn = new CopyOnWriteArrayList<>();
		List<Long> order = new CopyOnWriteArrayList<>();
		List<String> writtenOn = new CopyOnWriteArrayList<>();
		CountDownLatch secondEnded = new CountDownLatch(1);
		try (BatchWriters writers = new BatchWriters(2, (written) -> {
			doneOn.add(Thread.currentThread().getName());
			order.add(written.summary().nodesCreated());
		})) {
			writers.submit("a.csv", 1, () -> {
				writtenOn.add(Thread.currentThread().getName());
				await(secondEnded); // the first batch ends after the second
				return summary("a.csv", 1);
			});
			writers.submit("a.csv", 1, () -> {
				writtenOn.add(Thread.currentThread().getName());
				secondEnded.countDown();
				return summary("a.csv", 2);
			});
			writers.awaitAll();
		}
		assertThat(order).containsExactly(1L, 2L);
		assertThat(doneOn).containsOnly(Thread.currentThread().getName());
		assertThat(writtenOn).hasSize(2).allMatch(name -> name.startsWith("import-writer-")).doesNotHaveDuplicates();
	}

	@Test
	void atMostTwoBatchesPerWriterAreInFlight() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger submitted = new AtomicInteger();
		AtomicInteger done = new AtomicInteger();
		Thread importer = new Thread(() -> {
			try (BatchWriters writers = new BatchWriters(2, (written) -> done.incrementAndGet())) {
				for (int i = 0; i < 8; i++) {
					writers.submit("a.csv", 1, () -> {
						await(release);
						return summary("a.csv", 1);
					});
					submitted.incrementAndGet();
				}
				writers.awaitAll();
			}
		});
		importer.start();
		// four submitted, and still four 100 ms later: the fifth submit waits for the first batch
		Awaitility.await("the fifth submit waits for the first batch")
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(5))
			.during(Duration.ofMillis(100))
			.until(() -> submitted.get() == 4);
		assertThat(submitted).as("the fifth submit waits for the first batch").hasValue(4);
		assertThat(done).hasValue(0);
		release.countDown();
		importer.join(10_000);
		assertThat(submitted).hasValue(8);
		assertThat(done).hasValue(8);
	}

	@Test
	void theFirstFailureIsThrownAndTheBatchesStillInFlightAreSettledOnClose() {
		List<Long> done = new CopyOnWriteArrayList<>();
		CountDownLatch failed = new CountDownLatch(1);
		IllegalStateException failure = new IllegalStateException("constraint violated");
		BatchWriters writers = new BatchWriters(2, (written) -> done.add(written.summary().nodesCreated()));
		writers.submit("a.csv", 1, () -> summary("a.csv", 1));
		writers.submit("a.csv", 1, () -> {
			failed.countDown();
			throw failure;
		});
		writers.submit("a.csv", 1, () -> {
			await(failed);
			return summary("a.csv", 3);
		});
		assertThatThrownBy(writers::awaitAll).isSameAs(failure);
		assertThat(done).as("the batch before the failure is counted").containsExactly(1L);
		writers.close();
		assertThat(done).as("the batch that committed after it as well").containsExactly(1L, 3L);
	}

	@Test
	void anInterruptDoesNotAbandonABatchBeingWritten() {
		CountDownLatch started = new CountDownLatch(1);
		List<Long> done = new CopyOnWriteArrayList<>();
		try (BatchWriters writers = new BatchWriters(2, (written) -> done.add(written.summary().nodesCreated()))) {
			writers.submit("a.csv", 1, () -> {
				started.countDown();
				sleep(200);
				return summary("a.csv", 1);
			});
			await(started);
			Thread.currentThread().interrupt();
			writers.awaitAll();
			assertThat(Thread.interrupted()).as("the flag is kept for the importer to see").isTrue();
		}
		assertThat(done).containsExactly(1L);
	}

	@Test
	void atLeastOneWriter() {
		assertThatThrownBy(() -> new BatchWriters(0, (written) -> {
		})).isInstanceOf(IllegalArgumentException.class);
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
