package io.chaingraph.gap;

/** Gap kinds, most severe first (docs/design.md, "Gap semantics"). */
public enum GapKind {

	/** No local enterprise, but a present segment feeds it and it feeds a present segment: the chain is cut. */
	BROKEN,
	/** No local enterprise. */
	MISSING,
	/** Some local enterprises, fewer than weakBelow. */
	WEAK

}
