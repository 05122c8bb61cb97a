package io.chaingraph.entity;

/** Position of a segment in its chain. */
public enum Stage {

	UPSTREAM, MIDSTREAM, DOWNSTREAM

}
