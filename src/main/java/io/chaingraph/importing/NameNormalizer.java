package io.chaingraph.importing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

/**
 * The normalised form of a name, used for matching and search (DESIGN §2): full-width → half-width
 * (NFKC), pinyin annotations after Chinese characters stripped ({@code 調(diào)} → {@code 調}),
 * traditional → simplified script (OpenCC data via opencc4j), whitespace collapsed, Latin letters
 * lower-cased. {@code 國技互聯(lián)} and {@code 国技互联} both normalise to {@code 国技互联}.
 */
public final class NameNormalizer {

	/**
	 * A parenthesised run of pinyin syllables (letters, tone marks, tone digits, spaces, apostrophes)
	 * directly after a Han character.
	 */
	private static final Pattern PINYIN_ANNOTATION = Pattern.compile(
			"(?<=\\p{IsHan})\\s?\\((?=[^)]*[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ])[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ1-5' ]{1,40}\\)");

	private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u3000]+");

	private NameNormalizer() {
	}

	/** The normalised form; null and blank give "". */
	public static String normalize(String text) {
		if (text == null || text.isBlank()) {
			return "";
		}
		String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
		s = PINYIN_ANNOTATION.matcher(s).replaceAll("");
		s = ZhConverterUtil.toSimple(s);
		s = WHITESPACE.matcher(s).replaceAll(" ").strip();
		return s.toLowerCase(Locale.ROOT);
	}

	/** Distinct normalised forms of a name and its aliases, the name's first. */
	public static List<String> normalizeAll(String name, Collection<String> aliases) {
		return formsOf(normalize(name), aliases);
	}

	/** {@link #normalizeAll(String, Collection)} when the name's normalised form is known already. */
	static List<String> formsOf(String normalizedName, Collection<String> aliases) {
		Set<String> forms = new LinkedHashSet<>();
		forms.add(normalizedName);
		for (String alias : aliases) {
			String form = normalize(alias);
			if (!form.isEmpty()) {
				forms.add(form);
			}
		}
		return new ArrayList<>(forms);
	}

}
