package io.chaingraph.dataset;

import java.util.HexFormat;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;

/**
 * The order of names a Chinese reader expects: ICU's {@code zh} collation (pinyin: 阿 before 白 before 温,
 * 温州 next to 溫州, Han before Latin). Stored per enterprise as {@code nameKey}, the hex form of the name's
 * collation key, so that comparing two keys as strings compares the names as the collator does and a
 * keyset page by (nameKey, id) runs on an index. A key depends on the collator's version
 * ({@link #VERSION}): the service recomputes stored keys at start when it changed.
 */
public final class NameCollation {

	private static final Collator COLLATOR = Collator.getInstance(ULocale.CHINA).freeze();

	/** The collator's identity; stored keys made by another are recomputed. */
	public static final String VERSION = "icu " + COLLATOR.getVersion() + " zh";

	private NameCollation() {
	}

	/** The sort key of a name: equal names give equal keys; the keys compare as the names collate. */
	public static String key(String name) {
		return HexFormat.of().formatHex(COLLATOR.getCollationKey((name != null) ? name : "").toByteArray());
	}

}
