package io.chaingraph.importing.load;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.chaingraph.importing.read.Uninterruptibly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Writes an import's batches on threads of its own while the importing thread reads and types the
 * next ones, so that the database commits batches side by side and the reading overlaps the writing.
 * At most twice as many batches as threads are in flight (each holds one batch of rows), and each
 * outcome is handed back on the importing thread in the order the batches were submitted: the run's
 * bookkeeping (summaries, heartbeat, progress) needs no locking. With one thread, each batch is
 * written on the importing thread itself.
 *
 * <p>
 * Batches of one step run side by side; {@link #awaitAll} ends a step before the next one starts, so
 * relationships are written only once all their nodes are. Batches that touch the same node (two
 * relationship batches with a common end) wait for each other's locks; a deadlock between them is
 * retried by the driver like any transient failure.
 */
public final class BatchWriters implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(BatchWriters.class);

	/** A written batch: its file, how many rows it held, what it changed. */
	public record Written(String file, int rows, FileSummary summary) {
	}

	private record Pending(String file, int rows, Future<FileSummary> result) {
	}

	private static final AtomicInteger RUNS = new AtomicInteger();

	/** Null with one thread: batches are written on the caller's thread. */
	private final ThreadPoolTaskExecutor pool;

	private final int maxInFlight;

	private final Consumer<Written> done;

	// kept by hand: no executor hands outcomes back in submission order or blocks the submitter at a bound
	private final Deque<Pending> pending = new ArrayDeque<>();

	/**
	 * @param threads writer threads (1: write on the caller's thread)
	 * @param done called on the caller's thread with each batch's outcome, in submission order
	 */
	BatchWriters(int threads, Consumer<Written> done) {
		if (threads < 1) {
			throw new IllegalArgumentException("at least one writer is needed, was " + threads);
		}
		this.done = done;
		this.maxInFlight = 2 * threads;
		if (threads == 1) {
			this.pool = null;
		}
		else {
			this.pool = new ThreadPoolTaskExecutor();
			this.pool.setCorePoolSize(threads);
			this.pool.setMaxPoolSize(threads);
			this.pool.setThreadNamePrefix("import-writer-" + RUNS.incrementAndGet() + "-");
			this.pool.setDaemon(true);
			// close() settles every batch first: the threads are let go without an interrupt
			this.pool.setWaitForTasksToCompleteOnShutdown(true);
			this.pool.initialize();
		}
	}

	/**
	 * Writes a batch (on a writer thread). Blocks while too many batches are in flight, handing back
	 * the outcomes of those that ended; the first failure among them is thrown here.
	 */
	void submit(String file, int rows, Supplier<FileSummary> write) {
		if (this.pool == null) {
			this.done.accept(new Written(file, rows, write.get()));
			return;
		}
		this.pending.add(new Pending(file, rows, this.pool.submit(write::get)));
		while (this.pending.size() > this.maxInFlight) {
			complete(this.pending.poll());
		}
	}

	/** Waits for every batch submitted so far and hands their outcomes back; throws the first failure. */
	void awaitAll() {
		while (!this.pending.isEmpty()) {
			complete(this.pending.poll());
		}
	}

	/**
	 * After a failure, waits for the batches still being written (each ends within its transaction
	 * timeout) and hands back those that committed; then stops the threads.
	 */
	@Override
	public void close() {
		if (this.pool == null) {
			return;
		}
		try {
			while (!this.pending.isEmpty()) {
				Pending next = this.pending.poll();
				try {
					this.done.accept(new Written(next.file(), next.rows(), uninterruptibly(next.result())));
				}
				catch (ExecutionException | RuntimeException ex) {
					log.debug("An import batch of {} ended with an earlier failure: {}", next.file(), ex.toString());
				}
			}
		}
		finally {
			this.pool.shutdown();
		}
	}

	private void complete(Pending next) {
		FileSummary summary;
		try {
			summary = uninterruptibly(next.result());
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(cause);
		}
		this.done.accept(new Written(next.file(), next.rows(), summary));
	}

	/**
	 * The batch's outcome. An interrupt does not abandon a batch that is being written: the flag is
	 * kept, and the importer stops before its next batch (as it does with one thread).
	 */
	private static <T> T uninterruptibly(Future<T> result) throws ExecutionException {
		return Uninterruptibly.await(result::get);
	}

}
