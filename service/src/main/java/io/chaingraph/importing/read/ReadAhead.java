package io.chaingraph.importing.read;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Runs a producer (reading and typing a dataset's rows) on a thread of its own while the calling
 * thread consumes what it produced, in the order produced: validation's checks keep their state on
 * one thread, and the parsing and typing move to the machine's other core. At most
 * {@value #CHUNKS_AHEAD} chunks of {@value #CHUNK} items wait between the two. A failure of the
 * producer is thrown on the calling thread as it is (an unreadable file's exception, say), once the
 * items produced before it are consumed; a failure of the consumer stops the producer.
 */
public final class ReadAhead {

	static final int CHUNK = 256;

	static final int CHUNKS_AHEAD = 8;

	/** A new daemon thread per dataset read, named import-reader-N. */
	private static final SimpleAsyncTaskExecutor READERS = readers();

	/** Marks the end of the items, after a failure as well. */
	private static final List<Object> END = List.of();

	private ReadAhead() {
	}

	/**
	 * Calls {@code producer} on a thread of its own, handing each item it emits to {@code consumer} on
	 * this thread; returns when both are done.
	 */
	@SuppressWarnings("unchecked")
	public static <T> void forEach(Consumer<Consumer<T>> producer, Consumer<T> consumer) {
		BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
		// kept by hand: the ordered, bounded hand-over of chunks; the executor only starts the reader
		Future<Throwable> reader = READERS.submit(() -> {
			Throwable failure = null;
			List<Object> chunk = new ArrayList<>(CHUNK);
			try {
				producer.accept((item) -> {
					chunk.add(item);
					if (chunk.size() == CHUNK) {
						put(queue, new ArrayList<>(chunk));
						chunk.clear();
					}
				});
			}
			catch (Stopped ex) {
				return null; // the consumer failed: nobody reads any more
			}
			catch (Throwable ex) {
				failure = ex;
			}
			try {
				// what was produced before a failure is consumed before it is thrown
				if (!chunk.isEmpty()) {
					put(queue, chunk);
				}
				put(queue, END);
			}
			catch (Stopped ex) {
				// the consumer failed meanwhile
			}
			return failure;
		});
		try {
			while (true) {
				List<Object> chunk = take(queue);
				if (chunk == END) {
					break;
				}
				for (Object item : chunk) {
					consumer.accept((T) item);
				}
			}
		}
		catch (RuntimeException | Error ex) {
			reader.cancel(true); // interrupts the reader
			throw ex;
		}
		Throwable failed = join(reader);
		if (failed instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (failed instanceof Error error) {
			throw error;
		}
		if (failed != null) {
			throw new IllegalStateException(failed);
		}
	}

	private static void put(BlockingQueue<List<Object>> queue, List<Object> chunk) {
		try {
			queue.put(chunk);
		}
		catch (InterruptedException ex) {
			throw new Stopped();
		}
	}

	/** The producer always ends (END follows its last item or its failure): an interrupt waits for it. */
	private static List<Object> take(BlockingQueue<List<Object>> queue) {
		return Uninterruptibly.await(queue::take);
	}

	/** The producer's failure, or null; the reader ends right after END. */
	private static Throwable join(Future<Throwable> reader) {
		try {
			return Uninterruptibly.await(reader::get);
		}
		catch (ExecutionException ex) {
			return ex.getCause();
		}
	}

	private static SimpleAsyncTaskExecutor readers() {
		SimpleAsyncTaskExecutor readers = new SimpleAsyncTaskExecutor("import-reader-");
		readers.setDaemon(true);
		return readers;
	}

	/** The producer was interrupted because the consumer failed. */
	private static final class Stopped extends RuntimeException {

		Stopped() {
			super(null, null, false, false);
		}

	}

}
