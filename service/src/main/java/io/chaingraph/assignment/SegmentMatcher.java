package io.chaingraph.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.chaingraph.assignment.SegmentRules.Rule;
import io.chaingraph.dataset.NameNormalizer;

/**
 * Picks the segment an enterprise most likely belongs to: every rule of the table whose segment is in
 * the graph, then the segments' own names and aliases (a built-in rule of lower confidence). The best
 * match wins: highest confidence, then the longer keyword, then the segment id.
 */
final class SegmentMatcher {

	/** Confidence of a match on a segment's own name or alias. */
	static final double NAME_CONFIDENCE = 0.5;

	/** Longest evidence kept, in characters, around the matched text. */
	static final int EVIDENCE_CHARS = 120;

	/** A GB/T 4754 code in an industry cell: an optional section letter and 2 to 4 digits. */
	private static final Pattern CODE = Pattern.compile("(?<![A-Za-z0-9])([A-Ta-t]?)(\\d{2,4})(?!\\d)");

	/** A chain segment of the graph. */
	record Segment(String id, String name, List<String> aliases) {
	}

	/** What an enterprise's record says, by field. */
	record Enterprise(String id, String name, String industry, String businessScope, String description) {
	}

	/**
	 * A proposal: the segment, the rule that made it ({@code FILE:LINE}, or {@code 环节名称 segment name}),
	 * the field matched and the evidence text with the match's span in it.
	 */
	record Match(String nodeId, String nodeName, String rule, String ruleText, double confidence, String field,
			String evidence, int start, int end, int strength) {
	}

	/** A keyword normalised once, with the rule it belongs to. */
	private record Keyword(String text, String normalised, Rule rule, Segment segment) {
	}

	private final List<Keyword> keywords = new ArrayList<>();

	private final List<Rule> codeRules = new ArrayList<>();

	private final Map<String, Segment> segments;

	SegmentMatcher(SegmentRules rules, Map<String, Segment> segments) {
		this.segments = segments;
		for (Rule rule : rules.rules()) {
			Segment segment = segments.get(rule.nodeId());
			if (segment == null) {
				continue; // a rule for a chain this graph does not hold
			}
			if (!rule.industryCodes().isEmpty()) {
				this.codeRules.add(rule);
			}
			for (String keyword : rule.keywords()) {
				add(keyword, rule, segment);
			}
		}
		for (Segment segment : segments.values()) {
			Rule byName = new Rule("环节名称 segment name", segment.id(), List.of(), List.of(), NAME_CONFIDENCE, "");
			add(segment.name(), byName, segment);
			for (String alias : segment.aliases()) {
				add(alias, byName, segment);
			}
		}
	}

	private void add(String keyword, Rule rule, Segment segment) {
		String normalised = NameNormalizer.normalize(keyword);
		// one-letter and one-character keywords say too little
		if (normalised.codePointCount(0, normalised.length()) >= 2) {
			this.keywords.add(new Keyword(keyword, normalised, rule, segment));
		}
	}

	/** The best match for the enterprise, if any rule matches. */
	Optional<Match> match(Enterprise e) {
		Match best = null;
		for (Rule rule : this.codeRules) {
			Match m = byCode(rule, e.industry());
			if (m != null && better(m, best)) {
				best = m;
			}
		}
		String[][] fields = { { "industry", e.industry() }, { "businessScope", e.businessScope() },
				{ "name", e.name() }, { "description", e.description() } };
		for (String[] field : fields) {
			if (field[1] == null || field[1].isBlank()) {
				continue;
			}
			String normalised = NameNormalizer.normalize(field[1]);
			for (Keyword keyword : this.keywords) {
				if (contains(normalised, keyword.normalised())) {
					Match m = candidate(keyword, field[0], field[1]);
					if (better(m, best)) {
						best = m;
					}
				}
			}
		}
		return Optional.ofNullable(best);
	}

	private Match byCode(Rule rule, String industry) {
		if (industry == null || industry.isBlank()) {
			return null;
		}
		Matcher code = CODE.matcher(industry);
		while (code.find()) {
			String letter = code.group(1).toUpperCase(Locale.ROOT);
			String digits = code.group(2);
			for (String ruleCode : rule.industryCodes()) {
				String ruleLetter = Character.isLetter(ruleCode.charAt(0)) ? ruleCode.substring(0, 1) : "";
				String ruleDigits = ruleCode.substring(ruleLetter.length());
				boolean sameSection = letter.isEmpty() || ruleLetter.isEmpty() || letter.equals(ruleLetter);
				if (sameSection && digits.startsWith(ruleDigits)) {
					Segment segment = this.segments.get(rule.nodeId());
					return evidence(segment, rule, "行业代码 industry code " + ruleCode, "industry", industry, code.start(),
							code.end(), ruleDigits.length() + 10);
				}
			}
		}
		return null;
	}

	private Match candidate(Keyword keyword, String field, String text) {
		int at = text.toLowerCase(Locale.ROOT).indexOf(keyword.text().toLowerCase(Locale.ROOT));
		int start = Math.max(0, at);
		int end = (at < 0) ? text.length() : at + keyword.text().length();
		return evidence(keyword.segment(), keyword.rule(), "关键词 keyword " + keyword.text(), field, text, start, end,
				keyword.normalised().length());
	}

	private static Match evidence(Segment segment, Rule rule, String ruleText, String field, String text, int start,
			int end, int strength) {
		String shown = text;
		int from = 0;
		if (text.length() > EVIDENCE_CHARS) {
			from = Math.max(0, Math.min(start - EVIDENCE_CHARS / 3, text.length() - EVIDENCE_CHARS));
			shown = text.substring(from, from + EVIDENCE_CHARS);
		}
		int s = Math.max(0, start - from);
		int e = Math.min(shown.length(), end - from);
		return new Match(segment.id(), segment.name(), rule.id(), ruleText, rule.confidence(), field, shown, s, e,
				strength);
	}

	/** Whether {@code m} beats {@code best}: higher confidence, then a longer keyword or finer code, then the id. */
	private static boolean better(Match m, Match best) {
		if (best == null) {
			return true;
		}
		if (m.confidence() != best.confidence()) {
			return m.confidence() > best.confidence();
		}
		if (m.strength() != best.strength()) {
			return m.strength() > best.strength();
		}
		return m.nodeId().compareTo(best.nodeId()) < 0;
	}

	/**
	 * Whether the text holds the keyword; a keyword of Latin letters (CRO, AAV, SaaS) only as a whole
	 * word, not inside another.
	 */
	static boolean contains(String text, String keyword) {
		int at = text.indexOf(keyword);
		while (at >= 0) {
			boolean latinStart = isLatin(keyword.charAt(0));
			boolean latinEnd = isLatin(keyword.charAt(keyword.length() - 1));
			boolean before = at == 0 || !latinStart || !isLatin(text.charAt(at - 1));
			int after = at + keyword.length();
			boolean following = after == text.length() || !latinEnd || !isLatin(text.charAt(after));
			if (before && following) {
				return true;
			}
			at = text.indexOf(keyword, at + 1);
		}
		return false;
	}

	private static boolean isLatin(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	}

}
