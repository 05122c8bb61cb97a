package io.chaingraph.document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.chaingraph.dataset.NameNormalizer;
import org.ahocorasick.trie.PayloadEmit;
import org.ahocorasick.trie.PayloadTrie;

/**
 * Finds the names in a normalised paragraph: the graph's own names and aliases through an
 * Aho-Corasick automaton (longest match wins, no overlaps), then organisation names the graph does
 * not hold yet, by their endings (有限公司, 研究院, 中心, 实验室, 谷, 园, …) and the words that open
 * them (落地, 入驻, 其中, punctuation, …). See docs/documents.md for why a pattern and not a
 * statistical recogniser.
 */
final class MentionFinder {

	/** An entity of the graph, the dictionary's entries. */
	record Known(String id, String label, String name, List<String> aliases) {
	}

	/**
	 * A name in the text: {@code start}..{@code end} (exclusive) in the paragraph; {@code known} is
	 * null for a name the graph does not hold, whose likely kind is {@code label} then.
	 */
	record Mention(int start, int end, String surface, Known known, String label, boolean byAlias,
			boolean ambiguous) {

		boolean isPark() {
			return "Park".equals(this.label);
		}

		String key() {
			return (this.known != null) ? this.known.id() : "new:" + this.surface;
		}

	}

	/** Shorter names would match inside ordinary words. */
	static final int MIN_NAME = 2;

	/** Endings of organisation names, longest first, with the kind of entity they suggest. */
	static final Map<String, String> ENDINGS = endings();

	private static final Pattern ENDING = Pattern.compile(String.join("|", ENDINGS.keySet()));

	/** Words (and characters) a new name starts after. */
	private static final Pattern OPENERS = Pattern.compile(
			"落地|入驻|签约|落户|其中|走进|引进|引育|依托|联合|成立|设立|建设|打造|建成|包括|比如|如|与|和|及|、|等|的|在|是|为|了|已|把|向|由|对|从|到");

	/** Words that show a candidate is a phrase, not a name. */
	private static final Pattern NOT_A_NAME = Pattern.compile(
			"推动|走出|提供|形成|发展|加快|提升|推进|实现|一流|领先|国内|世界|全国|全省|我们|要|着力|聚焦|服务|生态");

	private static final Pattern NUMERAL_START = Pattern.compile("^[一二三四五六七八九十两几多各该本此这那]");

	private final PayloadTrie<List<Known>> trie;

	private final Set<String> names;

	MentionFinder(Collection<Known> entities) {
		Map<String, List<Known>> forms = new LinkedHashMap<>();
		java.util.HashSet<String> names = new java.util.HashSet<>();
		for (Known entity : entities) {
			List<String> all = NameNormalizer.normalizeAll(entity.name(), entity.aliases());
			names.add(all.get(0));
			for (String form : all) {
				if (form.codePointCount(0, form.length()) >= MIN_NAME) {
					List<Known> list = forms.computeIfAbsent(form, f -> new ArrayList<>());
					if (!list.contains(entity)) {
						list.add(entity);
					}
				}
			}
		}
		var builder = PayloadTrie.<List<Known>>builder().ignoreOverlaps();
		forms.forEach(builder::addKeyword);
		this.trie = builder.build();
		this.names = names;
	}

	/** The mentions in a normalised paragraph, in order, none overlapping. */
	List<Mention> find(String paragraph) {
		List<Mention> mentions = new ArrayList<>();
		for (PayloadEmit<List<Known>> emit : this.trie.parseText(paragraph)) {
			List<Known> candidates = emit.getPayload();
			Known known = candidates.get(0);
			String surface = emit.getKeyword();
			mentions.add(new Mention(emit.getStart(), emit.getEnd() + 1, surface, known, known.label(),
					!this.names.contains(surface), candidates.size() > 1));
		}
		for (Mention fresh : newNames(paragraph)) {
			// longest wins, but a known name that ends where the candidate ends is the name itself
			// (世界一流基因药谷 is 基因药谷 with words before it)
			boolean keep = true;
			List<Mention> covered = new ArrayList<>();
			for (Mention m : mentions) {
				if (m.end() <= fresh.start() || m.start() >= fresh.end()) {
					continue;
				}
				if (m.start() >= fresh.start() && m.end() < fresh.end()) {
					covered.add(m);
				}
				else {
					keep = false;
				}
			}
			if (keep) {
				mentions.removeAll(covered);
				mentions.add(fresh);
			}
		}
		mentions.sort(Comparator.comparingInt(Mention::start));
		return mentions;
	}

	/** Names ending like an organisation's, opened by punctuation or one of {@link #OPENERS}. */
	List<Mention> newNames(String paragraph) {
		List<Mention> found = new ArrayList<>();
		Matcher ending = ENDING.matcher(paragraph);
		int from = 0;
		while (ending.find(from)) {
			from = ending.end();
			int end = ending.end();
			int start = ending.start();
			while (start > 0 && end - start < 24 && isNameChar(paragraph.charAt(start - 1))) {
				start--;
			}
			String window = paragraph.substring(start, ending.start());
			Matcher opener = OPENERS.matcher(window);
			int open = 0;
			while (opener.find()) {
				open = opener.end();
			}
			String stem = window.substring(open);
			String name = stem + ending.group();
			int minStem = "Enterprise".equals(ENDINGS.get(ending.group())) ? 2 : 3; // 研发中心, 名园: words, not names
			if (stem.codePointCount(0, stem.length()) < minStem || name.length() > 20 || NOT_A_NAME.matcher(name).find()
					|| NUMERAL_START.matcher(name).find() || !Character.UnicodeScript.of(name.codePointAt(0))
						.equals(Character.UnicodeScript.HAN)) {
				continue;
			}
			int nameStart = start + open;
			found.add(new Mention(nameStart, end, name, null, ENDINGS.get(ending.group()), false, false));
		}
		return found;
	}

	private static boolean isNameChar(char c) {
		return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || Character.isLetterOrDigit(c)
				|| c == '(' || c == ')';
	}

	private static Map<String, String> endings() {
		Map<String, String> endings = new LinkedHashMap<>();
		for (String company : List.of("股份有限公司", "有限责任公司", "有限公司")) {
			endings.put(company, "Enterprise");
		}
		for (String platform : List.of("研究院", "实验室", "中心")) {
			endings.put(platform, "Platform");
		}
		for (String park : List.of("产业园", "科创园", "谷", "园")) {
			endings.put(park, "Park");
		}
		return endings;
	}

}
