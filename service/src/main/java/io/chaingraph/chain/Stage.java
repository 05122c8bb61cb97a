package io.chaingraph.chain;

/** Position of a segment in its chain. */
public enum Stage {

	UPSTREAM, MIDSTREAM, DOWNSTREAM

}
