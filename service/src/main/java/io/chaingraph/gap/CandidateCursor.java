package io.chaingraph.gap;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Keyset position in a candidate ranking: (score descending, name, id). */
record CandidateCursor(double score, String name, String id) {

	String encode() {
		return Base64.getUrlEncoder().withoutPadding()
			.encodeToString((this.score + "\u0000" + this.name + "\u0000" + this.id).getBytes(StandardCharsets.UTF_8));
	}

	static CandidateCursor decode(String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return null;
		}
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\u0000", 3);
			return new CandidateCursor(Double.parseDouble(parts[0]), parts[1], parts[2]);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("after is not a cursor returned by gapCandidates: " + cursor);
		}
	}

}
