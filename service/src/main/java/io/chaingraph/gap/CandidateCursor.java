package io.chaingraph.gap;

import io.chaingraph.common.Cursors;

/** Keyset position in a candidate ranking: (score descending, name, id); cursors of the list {@value #LIST}. */
record CandidateCursor(double score, String name, String id) {

	static final String LIST = "gapCandidates";

	String encode(Cursors cursors) {
		return cursors.cursor(LIST, "score", this.score, "name", this.name, "id", this.id);
	}

	/** The position of a decoded {@code after} cursor; null for none. */
	static CandidateCursor of(Cursors.Position after) {
		return (after != null) ? new CandidateCursor(after.number("score"), after.string("name"), after.string("id"))
				: null;
	}

}
