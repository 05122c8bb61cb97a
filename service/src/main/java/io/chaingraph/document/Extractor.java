package io.chaingraph.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.chaingraph.document.MentionFinder.Mention;

/**
 * What a document says, as findings to review (docs/documents.md, "What is found"): every name
 * ({@link Kind#MENTION} of an entity in the graph, {@link Kind#NEW_ENTITY} for one it lacks), a
 * platform, enterprise or park in a park ({@link Kind#IN_PARK}: 落地, 入驻, 签约, 其中 …), a count of a
 * park's enterprises or platforms ({@link Kind#COUNT}: 引育生态企业276家) and a park's chains
 * ({@link Kind#CHAIN}: 畅通转化链). Each with the sentence it comes from and its span in the text.
 */
final class Extractor {

	enum Kind {

		MENTION, NEW_ENTITY, IN_PARK, COUNT, CHAIN

	}

	/** An end of a finding: an entity of the graph ({@code id} set) or a name it lacks. */
	record Party(String id, String name, String label) {

		static Party of(Mention mention) {
			return (mention.known() != null)
					? new Party(mention.known().id(), mention.known().name(), mention.known().label())
					: new Party(null, mention.surface(), mention.label());
		}

	}

	/**
	 * One finding: its subject, its object (the park, for IN_PARK), a count or a chain's name
	 * ({@code value}), how sure the rule is, and the evidence (the sentence, the span in the text).
	 */
	record Finding(Kind kind, Party subject, Party object, Long count, String value, double confidence,
			String sentence, int start, int end) {

		/** Equal findings of one document are one proposal (the first evidence kept). */
		String key() {
			return this.kind + "|" + key(this.subject) + "|" + key(this.object) + "|" + this.count + "|" + this.value;
		}

		private static String key(Party party) {
			return (party == null) ? "" : (party.id() != null) ? party.id() : "new:" + party.name();
		}

	}

	private static final Pattern SENTENCE_END = Pattern.compile("[。！？；!?;]");

	/** Park … 落地/入驻/签约 … X: X is in the park. */
	private static final Pattern HOSTS = Pattern.compile(
			"(已经|已|近日|日前|先后|共|累计|成功|正式|今年|新)*(签约落地|签约入驻|落地|入驻|签约|落户|引进|集聚)了?");

	/** X (等) 入驻 / 落户 / 签约 (P): X is in P, or in the park the paragraph is about. */
	private static final Pattern MOVES_IN = Pattern.compile("^\\s*(等)?(入驻|落户|签约落户|签约入驻|签约|落地)");

	private static final Pattern COUNT = Pattern.compile(
			"(引育|集聚|引进|培育|聚集|落地|入驻|建成)了?([\\p{IsHan}]{0,6}?)(企业|项目|平台|机构)(\\d+)(余|多)?(家|个|项)"
					+ "|(引育|集聚|引进|培育|聚集|落地|入驻|建成)了?(\\d+|[一二三四五六七八九十两]+)(大|家|个|项)([\\p{IsHan}]{0,6}?)(企业|项目|平台|机构)");

	private static final Pattern CHAIN = Pattern.compile("(畅通|打通|贯通)([\\p{IsHan}]{1,4}?链)(?!条)");

	private final MentionFinder finder;

	Extractor(MentionFinder finder) {
		this.finder = finder;
	}

	List<Finding> extract(DocumentText document) {
		Map<String, Finding> findings = new LinkedHashMap<>();
		int offset = 0;
		for (String paragraph : document.paragraphs()) {
			paragraph(paragraph, offset, findings);
			offset += paragraph.length() + 1;
		}
		return new ArrayList<>(findings.values());
	}

	private void paragraph(String paragraph, int offset, Map<String, Finding> findings) {
		List<Mention> mentions = this.finder.find(paragraph);
		Matcher ends = SENTENCE_END.matcher(paragraph);
		int from = 0;
		while (from < paragraph.length()) {
			int to = ends.find(from) ? ends.end() : paragraph.length();
			String sentence = paragraph.substring(from, to).strip();
			int sFrom = from;
			List<Mention> inSentence = mentions.stream().filter(m -> m.start() >= sFrom && m.end() <= to).toList();
			for (Mention m : inSentence) {
				double confidence = (m.known() == null) ? newNameConfidence(m)
						: m.ambiguous() ? 0.5 : m.byAlias() ? 0.9 : 0.95;
				add(findings, new Finding((m.known() != null) ? Kind.MENTION : Kind.NEW_ENTITY, Party.of(m), null, null,
						null, confidence, sentence, offset + m.start(), offset + m.end()));
			}
			relations(paragraph, sentence, sFrom, to, offset, mentions, inSentence, findings);
			from = to;
		}
	}

	private void relations(String paragraph, String sentence, int from, int to, int offset, List<Mention> all,
			List<Mention> inSentence, Map<String, Finding> findings) {
		String text = paragraph.substring(from, to);
		// P 已落地 X, Y 等: everything named after the verb is in P
		for (Mention park : inSentence) {
			if (!park.isPark()) {
				continue;
			}
			Matcher verb = HOSTS.matcher(paragraph).region(park.end(), to);
			if (!verb.lookingAt()) {
				continue;
			}
			for (Mention x : inSentence) {
				if (x.start() >= verb.end() && !x.key().equals(park.key())) {
					add(findings, new Finding(Kind.IN_PARK, Party.of(x), Party.of(park), null, null, 0.8, sentence,
							offset + x.start(), offset + x.end()));
				}
			}
		}
		for (Mention x : inSentence) {
			String after = paragraph.substring(x.end(), to);
			Matcher moves = MOVES_IN.matcher(after);
			boolean movesIn = moves.find();
			boolean among = paragraph.substring(from, x.start()).strip().endsWith("其中");
			if (!movesIn && !among) {
				continue;
			}
			// the park named after the verb, else the park the paragraph spoke of last
			Mention park = null;
			if (movesIn) {
				park = inSentence.stream()
					.filter(m -> m.isPark() && m.start() >= x.end() + moves.end() && m.start() <= x.end() + moves.end() + 1)
					.findFirst()
					.orElse(null);
			}
			if (park == null) {
				park = lastParkBefore(all, x);
			}
			if (park != null && !park.key().equals(x.key())) {
				add(findings, new Finding(Kind.IN_PARK, Party.of(x), Party.of(park), null, null, among ? 0.6 : 0.7,
						sentence, offset + x.start(), offset + x.end()));
			}
		}
		Matcher count = COUNT.matcher(text);
		while (count.find()) {
			Mention park = lastParkBefore(all, from + count.start());
			if (park == null) {
				continue;
			}
			boolean digitsAfter = count.group(1) != null;
			long n = digitsAfter ? Long.parseLong(count.group(4)) : number(count.group(8));
			String what = digitsAfter ? count.group(2) + count.group(3) : count.group(10) + count.group(11);
			if (n <= 0) {
				continue;
			}
			add(findings, new Finding(Kind.COUNT, Party.of(park), null, n, what, 0.7, sentence,
					offset + from + count.start(), offset + from + count.end()));
		}
		Matcher chain = CHAIN.matcher(text);
		while (chain.find()) {
			Mention park = lastParkBefore(all, from + chain.start());
			if (park != null) {
				add(findings, new Finding(Kind.CHAIN, Party.of(park), null, null, chain.group(2), 0.7, sentence,
						offset + from + chain.start(2), offset + from + chain.end(2)));
			}
		}
	}

	private static Mention lastParkBefore(List<Mention> all, Mention x) {
		Mention park = null;
		for (Mention m : all) {
			if (m.start() >= x.start()) {
				break;
			}
			if (m.isPark() && !m.key().equals(x.key())) {
				park = m;
			}
		}
		return park;
	}

	private static Mention lastParkBefore(List<Mention> all, int position) {
		Mention park = null;
		for (Mention m : all) {
			if (m.start() >= position) {
				break;
			}
			if (m.isPark()) {
				park = m;
			}
		}
		return park;
	}

	private static double newNameConfidence(Mention m) {
		return switch (m.label()) {
			case "Enterprise" -> 0.8;
			case "Platform" -> 0.6;
			default -> 0.5;
		};
	}

	/** 1 to 99 in Chinese numerals, or digits. */
	static long number(String text) {
		if (text.chars().allMatch(Character::isDigit)) {
			return Long.parseLong(text);
		}
		String digits = "零一二三四五六七八九";
		long value = 0;
		long current = 0;
		for (char c : text.toCharArray()) {
			if (c == '十') {
				value += ((current == 0) ? 1 : current) * 10;
				current = 0;
			}
			else if (c == '两') {
				current = 2;
			}
			else {
				current = digits.indexOf(c);
			}
		}
		return value + Math.max(current, 0);
	}

	private static void add(Map<String, Finding> findings, Finding finding) {
		findings.putIfAbsent(finding.key(), finding);
	}

}
