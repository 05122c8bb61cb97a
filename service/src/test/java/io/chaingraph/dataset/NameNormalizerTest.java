package io.chaingraph.dataset;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NameNormalizerTest {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			國技互聯(lián)              | 国技互联
			調(diào)研                  | 调研
			中國基因藥谷               | 中国基因药谷
			中国基因药谷               | 中国基因药谷
			基因藥(yào)谷             | 基因药谷
			溫州國際云軟件谷           | 温州国际云软件谷
			建設(shè)工作               | 建设工作
			暢通轉(zhuǎn)化鏈            | 畅通转化链
			ＡＢＣ　科技（集团）       | abc 科技(集团)
			'  温州   软件  '          | 温州 软件
			国技互联 (Guojì)           | 国技互联
			示例园区(示例)             | 示例园区(示例)
			Wenzhou Cloud (WCV)        | wenzhou cloud (wcv)
			""")
	void normalises(String input, String expected) {
		assertThat(NameNormalizer.normalize(input)).isEqualTo(expected);
	}

	/**
	 * Texts without a code point of OpenCC's traditional → simplified rules skip the converter: for
	 * every such code point of the Basic Multilingual Plane and the ideographic planes, the converter
	 * itself must give the text back unchanged.
	 */
	@Test
	void whatSkipsTheConverterIsWhatTheConverterLeavesAlone() {
		List<Integer> changedButSkipped = new java.util.ArrayList<>();
		int checked = 0;
		for (int cp = 0; cp <= 0x3FFFF; cp++) {
			if ((cp > 0xFFFF && cp < 0x20000) || Character.getType(cp) == Character.SURROGATE
					|| !Character.isDefined(cp)) {
				continue;
			}
			String text = new String(Character.toChars(cp));
			if (!NameNormalizer.convertible(text)) {
				checked++;
				if (!com.github.houbb.opencc4j.util.ZhConverterUtil.toSimple(text).equals(text)) {
					changedButSkipped.add(cp);
				}
			}
		}
		assertThat(checked).isGreaterThan(50_000);
		assertThat(changedButSkipped).isEmpty();
		assertThat(NameNormalizer.convertible("温州国际云软件谷 abc")).isFalse();
		assertThat(NameNormalizer.convertible("溫州")).isTrue();
		// a rule for a longer text: the text is marked by one of its characters
		assertThat(com.github.houbb.opencc4j.util.ZhConverterUtil.toSimple("情有獨鍾")).isNotEqualTo("情有獨鍾");
		assertThat(NameNormalizer.convertible("情有獨鍾")).isTrue();
	}

	/** Every text a rule of the converter's data replaces is marked, unless the rule changes nothing. */
	@Test
	void everyRuleOfTheConvertersDataIsMarked() throws java.io.IOException {
		int rules = 0;
		for (String dictionary : NameNormalizer.TS_DICTIONARIES) {
			try (java.io.InputStream in = getClass().getClassLoader().getResourceAsStream(dictionary)) {
				assertThat(in).as(dictionary).isNotNull();
				for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
					String from = line.split("\\t", 2)[0].strip();
					if (!from.isEmpty() && line.contains("\t")) {
						rules++;
						assertThat(NameNormalizer.convertible(from)
								|| com.github.houbb.opencc4j.util.ZhConverterUtil.toSimple(from).equals(from))
							.as(from).isTrue();
					}
				}
			}
		}
		assertThat(rules).isGreaterThan(4_000);
	}

	@Test
	void traditionalAndSimplifiedNamesMeet() {
		assertThat(NameNormalizer.normalize("中國基因藥谷")).isEqualTo(NameNormalizer.normalize("中国基因药谷"));
		assertThat(NameNormalizer.normalize("國技互聯(lián)")).isEqualTo(NameNormalizer.normalize("国技互联"));
	}

	@Test
	void theSeedReportLosesAllItsPinyinNoise() {
		String seed = "4月11日,市委書記張振豐調(diào)研“一港五谷”(中國基因藥谷、國際云軟件谷)建設(shè)工作。"
				+ "走進(jìn)國技互聯(lián)等入駐企業(yè),張振豐詳詢企業(yè)研發(fā)、人才服務(wù)等";
		String normalised = NameNormalizer.normalize(seed);
		assertThat(normalised).doesNotContainPattern("\\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\\)")
			.contains("调研", "(中国基因药谷、国际云软件谷)", "建设工作", "走进国技互联", "入驻企业", "研发", "服务");
	}

	@Test
	void blankIsEmptyAndFormsAreDistinct() {
		assertThat(NameNormalizer.normalize(null)).isEmpty();
		assertThat(NameNormalizer.normalize("  ")).isEmpty();
		assertThat(NameNormalizer.normalizeAll("中國基因藥谷", List.of("中国基因药谷", "基因药谷", " ")))
			.containsExactly("中国基因药谷", "基因药谷");
	}

}
