package io.chaingraph.importing.read;

/**
 * Waits without giving up on an interrupt: the importer's hand-overs between threads always end (a
 * batch within its transaction timeout, a reader at its file's end), so an interrupt is kept for the
 * importer to act on between two batches, as it does with one thread.
 */
public final class Uninterruptibly {

	/** A blocking call that may also fail with {@code X}. */
	@FunctionalInterface
	public interface Wait<T, X extends Exception> {

		T get() throws InterruptedException, X;

	}

	private Uninterruptibly() {
	}

	/** Calls {@code wait} until it returns, then sets the interrupt flag again if it was interrupted. */
	public static <T, X extends Exception> T await(Wait<T, X> wait) throws X {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return wait.get();
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
