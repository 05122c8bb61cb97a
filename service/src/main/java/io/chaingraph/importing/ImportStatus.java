package io.chaingraph.importing;

/** Life cycle of an import run. */
public enum ImportStatus {

	/** An upload waiting for the import before it to finish (one import runs at a time). */
	QUEUED,
	/** Validating or loading; a run left RUNNING by a dead process is marked INTERRUPTED on the next start or run. */
	RUNNING,
	/** Everything loaded. */
	SUCCEEDED,
	/** Loading failed half-way (e.g. the database went away); re-run the same dataset to complete it. */
	FAILED,
	/** The process died half-way; re-run the same dataset to complete it. */
	INTERRUPTED,
	/** Validation found errors; nothing was written. */
	INVALID,
	/** Validated and compared with the graph only; nothing was written. */
	DRY_RUN

}
