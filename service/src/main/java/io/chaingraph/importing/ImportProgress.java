package io.chaingraph.importing;

/** Receives progress while an import writes; the command line draws a bar or prints lines. */
public interface ImportProgress {

	ImportProgress NONE = new ImportProgress() {
	};

	default void start(long totalRows) {
	}

	/** {@code rows} more rows of {@code file} were written (one batch). */
	default void advance(String file, long rows) {
	}

	default void finish() {
	}

}
