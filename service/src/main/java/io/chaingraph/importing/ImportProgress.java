package io.chaingraph.importing;

/** Receives progress while an import writes; the command line draws a bar or prints lines. */
public interface ImportProgress {

	ImportProgress NONE = new ImportProgress() {
	};

	default void start(long totalRows) {
	}

	/**
	 * A batch of {@code file} was written: {@code rows} more dataset rows are done (its share of the
	 * file's rows; they add up to {@link #start}'s total, the summary's total).
	 */
	default void advance(String file, long rows) {
	}

	default void finish() {
	}

}
