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

	/**
	 * Words (and characters) a new name starts after, also inside an enterprise's registered name: verbs of
	 * moving in and visiting, conjunctions, particles, dates.
	 */
	private static final String OPENING_WORDS = "落地|入驻|签约|落户|其中|走进|引进|引育|依托|包括|比如|会同|位于|举行|运行|设有"
			+ "|获批|获评|来到|走访|考察|还有|拥有|业主|\\d+[年月日]|如|与|和|及|、|等|的|在|是|为|了|已|把|向|由|对|从|到";

	/** Words a new park's or platform's name starts after. */
	private static final Pattern OPENERS = Pattern.compile(OPENING_WORDS + "|联合|成立|设立|建设|打造|建成|规划|建有|该");

	/**
	 * Words an enterprise's name starts after: not those its registered name may itself contain
	 * (东莞市城市工程建设集团有限公司, 联合发展有限公司).
	 */
	private static final Pattern ENTERPRISE_OPENERS = Pattern.compile(OPENING_WORDS);

	/** Words that show a candidate is a phrase, not a name. */
	private static final Pattern NOT_A_NAME = Pattern.compile(
			"推动|走出|提供|形成|加快|提升|推进|实现|一流|领先|国内|世界|全球|全国|全省|我们|要|着力|聚焦|首个|首家|首座|首批|一批|园中园");

	/** Words of a phrase that a registered enterprise name may still hold (…产业园发展有限公司, …服务有限公司). */
	private static final Pattern NOT_A_PLACE_NAME = Pattern.compile("发展|服务|生态");

	/** A count inside a candidate (彭州4个园区, 三大平台): a phrase, not a name. */
	private static final Pattern QUANTITY = Pattern.compile("\\d+[个家大座]|[一二三四五六七八九十两几多]+[个家大座]");

	/**
	 * A candidate opened by a count (三大平台, 一港五谷, 两个园区) or a pointing word (该园, 某阀门科技有限公司):
	 * not a name; a place name that starts with a numeral (四川, 九江, 十堰) is.
	 */
	private static final Pattern NUMERAL_START = Pattern.compile(
			"^([一二三四五六七八九十两几多]+[个家大座批项港谷园所条]|[各该本此这那某]|[市省])");

	/**
	 * Words of industries, functions and scope (绿色, 新材料, 研发, 检测, 中国, 国际, …). A stem made of nothing else
	 * describes a project or a kind of place (绿色新材料研发中心, 细胞质量检测中心, 氢能科技产业园, 国家数字服务出口基地);
	 * a name also holds a place, a brand or a person's word (苏州…, 联东…, 香疗…).
	 */
	private static final Pattern GENERIC = longestFirst("中国", "国家", "国际", "全国", "全球", "东部",
			"西部", "南部", "北部", "中部", "区域", "高端", "先进", "新型", "绿色", "智能", "智慧", "数字", "数据", "信息", "软件",
			"网络", "人工智能", "算力", "计算", "超算", "科技", "技术", "创新", "创业", "双创", "研发", "研究", "检测", "测试",
			"质量", "标准", "生产", "制造", "智造", "装备", "设备", "新材料", "材料", "新能源", "能源", "氢能", "储能", "电池",
			"汽车", "零部件", "电子", "半导体", "集成电路", "芯片", "生物", "医药", "医疗", "器械", "健康", "生命", "细胞",
			"基因", "药物", "化工", "物流", "仓储", "进出口", "集散", "贸易", "金融", "服务", "孵化", "加速", "转化", "成果",
			"示范", "特色", "综合", "产业", "工业", "企业", "公共", "平台", "系统", "集成", "工程", "文化", "旅游", "农业",
			"现代", "未来", "出口", "主题", "标杆", "配套", "产学研", "中试", "产业化", "专业化", "精深", "加工", "食品",
			"农产品", "康养", "航空", "航天", "无人机", "低空", "大数据", "数据中心", "云存储", "存储", "分布式", "运营",
			"检验", "物联网", "互联网", "通信", "电商", "直播", "光伏", "风电", "(", ")", "·");

	/**
	 * A park or platform ending that goes on as an enterprise's name (济宁创新谷集团) or as a place (…中心服务区,
	 * 中心城区): not where a name ends.
	 */
	private static final Pattern GOES_ON = Pattern.compile("^(集团|公司|控股|股份|有限|区|城|服务区|大厦|广场)");

	/** 开园, 入园, 名园 …: a verb or a word with 园, not a park's name. */
	private static final String BEFORE_A_PARK_WORD = "开入进建满立出名全本该";

	/** 成都高新区南部园区: a part of a zone, not a park of its own. */
	private static final Pattern PART_OF_A_ZONE = Pattern.compile("(东部|西部|南部|北部|中部|片区)$");

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
			List<Mention> known = covered.stream().filter(m -> m.known() != null).toList();
			if (keep && !known.isEmpty() && describes(fresh, known)) {
				keep = false; // 浪潮 + 云计算中心, 共青城低空经济产业园 + 无人机生产制造中心: a known name's facility
			}
			if (keep) {
				mentions.removeAll(covered);
				mentions.add(fresh);
			}
		}
		mentions.sort(Comparator.comparingInt(Mention::start));
		return mentions;
	}

	/** An alternation of the words, the longest first (产业化 before 产业), each taken literally. */
	private static Pattern longestFirst(String... words) {
		return Pattern.compile(java.util.Arrays.stream(words)
			.sorted(Comparator.comparingInt(String::length).reversed())
			.map(Pattern::quote)
			.collect(java.util.stream.Collectors.joining("|")));
	}

	/**
	 * Whether a candidate that holds names of the graph only adds a description to them: without those
	 * names and its ending, nothing but {@link #GENERIC} words is left (天津软件园 + 创新中心, 浪潮 + 云计算中心).
	 */
	private static boolean describes(Mention fresh, List<Mention> covered) {
		List<Mention> inside = new ArrayList<>(covered);
		inside.sort(Comparator.comparingInt(Mention::start).reversed());
		StringBuilder rest = new StringBuilder(fresh.surface());
		for (Mention m : inside) {
			rest.delete(m.start() - fresh.start(), m.end() - fresh.start());
		}
		String words = rest.toString();
		for (String ending : ENDINGS.keySet()) { // longest first
			if (words.endsWith(ending)) {
				words = words.substring(0, words.length() - ending.length());
				break;
			}
		}
		return GENERIC.matcher(words).replaceAll("").isEmpty();
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
			boolean enterprise = "Enterprise".equals(ENDINGS.get(ending.group()));
			Matcher opener = (enterprise ? ENTERPRISE_OPENERS : OPENERS).matcher(window);
			int open = 0;
			while (opener.find()) {
				open = opener.end();
			}
			String stem = window.substring(open);
			String name = stem + ending.group();
			int minStem = enterprise ? 2 : 3; // 研发中心, 名园: words, not names
			if (stem.codePointCount(0, stem.length()) < minStem || name.length() > 20 || NOT_A_NAME.matcher(name).find()
					|| (!enterprise && (NOT_A_PLACE_NAME.matcher(name).find() || PART_OF_A_ZONE.matcher(stem).find()
							|| GOES_ON.matcher(paragraph.substring(end)).find()
							|| (ending.group().equals("园") && BEFORE_A_PARK_WORD.indexOf(stem.charAt(stem.length() - 1)) >= 0)))
					|| QUANTITY.matcher(name).find() || NUMERAL_START.matcher(name).find()
					|| GENERIC.matcher(stem).replaceAll("").isEmpty()
					|| !Character.UnicodeScript.of(name.codePointAt(0)).equals(Character.UnicodeScript.HAN)) {
				continue;
			}
			int nameStart = start + open;
			found.add(new Mention(nameStart, end, name, null, ENDINGS.get(ending.group()), false, false));
		}
		return found;
	}

	private static boolean isNameChar(char c) {
		return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || Character.isLetterOrDigit(c)
				|| c == '(' || c == ')' || c == '·';
	}

	private static Map<String, String> endings() {
		Map<String, String> endings = new LinkedHashMap<>();
		for (String company : List.of("股份有限公司", "有限责任公司", "有限公司", "集团")) {
			endings.put(company, "Enterprise");
		}
		for (String platform : List.of("研究院", "实验室", "中心")) {
			endings.put(platform, "Platform");
		}
		for (String park : List.of("产业园区", "科创园区", "产业园", "科创园", "园区", "基地", "谷", "园")) {
			endings.put(park, "Park");
		}
		return endings;
	}

}
