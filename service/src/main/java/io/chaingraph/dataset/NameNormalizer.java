package io.chaingraph.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

/**
 * The normalised form of a name, used for matching and search (docs/design.md, "Names and normalisation"): full-width → half-width
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

	/**
	 * OpenCC's traditional → simplified data as opencc4j reads it: one rule per line, the text to
	 * replace, a tab, its replacements.
	 */
	static final List<String> TS_DICTIONARIES = List.of("data/dictionary/TSCharacters.txt",
			"data/dictionary/TSPhrases.txt");

	/**
	 * Code points that mark a text the converter could change: every character a traditional →
	 * simplified rule replaces by another, and one character of every longer text a rule replaces
	 * (such a text matches only where all its characters are, that one included). A text with none of
	 * them converts to itself, so it skips the converter: most names, already in simplified script (the
	 * converter was most of an import's time spent normalising). {@code NameNormalizerTest} checks
	 * every code point outside the set against the converter itself.
	 */
	private static final BitSet CONVERTIBLE = convertible();

	private NameNormalizer() {
	}

	private static BitSet convertible() {
		BitSet set = new BitSet(Character.MAX_CODE_POINT + 1);
		List<String> longer = new ArrayList<>();
		for (String dictionary : TS_DICTIONARIES) {
			try (InputStream in = ZhConverterUtil.class.getClassLoader().getResourceAsStream(dictionary)) {
				if (in == null) {
					throw new IllegalStateException("opencc4j's " + dictionary + " is not on the class path");
				}
				new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().forEach(line -> {
					String[] rule = line.strip().split("\t", 2);
					if (rule.length < 2 || rule[0].isEmpty()) {
						return;
					}
					String from = rule[0];
					if (from.codePointCount(0, from.length()) > 1) {
						longer.add(from);
					}
					else if (!from.equals(rule[1].strip().split(" ")[0])) {
						set.set(from.codePointAt(0)); // (rules such as 云 → 云 change nothing)
					}
				});
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read opencc4j's " + dictionary, ex);
			}
		}
		for (String from : longer) {
			if (from.codePoints().noneMatch(set::get)) {
				set.set(from.codePointAt(0));
			}
		}
		return set;
	}

	/** Whether the converter could change the text (see {@link #CONVERTIBLE}). */
	static boolean convertible(String text) {
		return text.codePoints().anyMatch(CONVERTIBLE::get);
	}

	/** The normalised form; null and blank give "". */
	public static String normalize(String text) {
		if (text == null || text.isBlank()) {
			return "";
		}
		String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
		s = PINYIN_ANNOTATION.matcher(s).replaceAll("");
		if (convertible(s)) {
			s = ZhConverterUtil.toSimple(s);
		}
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
