package io.chaingraph.importing;

/**
 * Where runs wait for their turn (the upload queue): the run views ask it for a QUEUED run's place.
 * Owned here and implemented by the upload step, so that the runs do not depend on the uploads.
 */
public interface RunQueue {

	/** The run's place in the queue (1 = next), or null when it is not waiting there. */
	Integer position(String runId);

}
