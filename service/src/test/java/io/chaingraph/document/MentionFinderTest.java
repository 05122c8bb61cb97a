package io.chaingraph.document;

import java.util.List;

import io.chaingraph.dataset.NameNormalizer;
import io.chaingraph.document.MentionFinder.Known;
import io.chaingraph.document.MentionFinder.Mention;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules by which names are found in a paragraph (docs/documents.md, "What is found"), one sentence
 * each; the labelled paragraphs measure them together (`bench --parts mentions`).
 */
class MentionFinderTest {

	static final MentionFinder FINDER = new MentionFinder(List.of(
			new Known("park-tj", "Park", "天津软件园", List.of()),
			new Known("park-cd", "Park", "成都高新技术产业开发区", List.of("成都高新区")),
			new Known("park-biocity", "Park", "成都天府国际生物城", List.of()),
			new Known("chain-bio", "Chain", "生物医药", List.of())));

	static List<String> names(String paragraph) {
		return FINDER.find(NameNormalizer.normalize(paragraph))
			.stream()
			.map(m -> (m.known() != null) ? m.known().id() : m.label() + ":" + m.surface())
			.toList();
	}

	@Test
	void aNameEndingInYuanquIsOneName() {
		assertThat(names("12月9日，北上海生物医药产业园区的启动项目奠基。")).containsExactly("Park:北上海生物医药产业园区");
	}

	@Test
	void aParkThatOpensIsNotANewParkCalledItsNamePlusTheVerb() {
		assertThat(names("天津软件园开园仪式举行。")).containsExactly("park-tj");
		assertThat(names("成都天府国际生物城正式开园，入园企业17家。")).containsExactly("park-biocity");
		// a name of the graph followed by more of a name is the longer name; followed by a description, itself
		assertThat(names("园区位于成都高新区菁蓉汇创新中心。")).containsExactly("Platform:成都高新区菁蓉汇创新中心");
		assertThat(names("开园仪式在天津软件园创新中心举办。")).containsExactly("park-tj");
	}

	@Test
	void aRegisteredNameKeepsTheWordsThatOpenNamesElsewhere() {
		assertThat(names("由东莞市城市工程建设集团有限公司负责施工。"))
			.containsExactly("Enterprise:东莞市城市工程建设集团有限公司");
		assertThat(names("由天津生态城产业园发展有限公司投资建设。"))
			.containsExactly("Enterprise:天津生态城产业园发展有限公司");
	}

	@Test
	void aGroupIsAnEnterprise() {
		assertThat(names("该中心由黄桥街道与拾焰控股集团共同打造。")).containsExactly("Enterprise:拾焰控股集团");
		// a park's ending that goes on as a group's name is not where a name ends
		assertThat(names("济宁软件园由济宁创新谷集团运营。")).containsExactly("Park:济宁软件园", "Enterprise:济宁创新谷集团");
	}

	@Test
	void countsPointingWordsAndPartsOfAZoneAreNotNames() {
		assertThat(names("彭州4个园区共引进项目54个。")).isEmpty();
		assertThat(names("东莞首个生物医药主题园区加速成型。")).containsExactly("chain-bio");
		assertThat(names("考察组走访了某阀门科技有限公司。")).isEmpty();
		assertThat(names("成都天府软件园位于成都高新区南部园区。")).containsExactly("Park:成都天府软件园", "park-cd");
		assertThat(names("总部和全球研发中心、研发中心、会议中心")).isEmpty();
	}

	@Test
	void aDescriptionIsNotANameButAPlaceOrABrandMakesOne() {
		assertThat(names("二期为绿色新材料研发中心和新材料进出口集散中心。")).isEmpty();
		assertThat(names("合作建设氢能科技产业园，获批国家数字服务出口基地。")).isEmpty();
		assertThat(names("7月中旬，市投资促进苏州中心赴苏州招商。")).isEmpty();
		assertThat(names("高标准规划先进材料（半导体）产业园。")).isEmpty();
		assertThat(names("又启动建设占地3000多亩的长三角汽车科创基地。")).containsExactly("Park:长三角汽车科创基地");
		assertThat(names("中国西部香疗产业园等项目完成签约。")).containsExactly("Park:中国西部香疗产业园");
		// a chain's name inside a name is the name's, not a mention of the chain
		assertThat(names("5月8日，成都·广安生物医药产业协作研发基地开园。"))
			.containsExactly("Park:成都·广安生物医药产业协作研发基地");
	}

	@Test
	void aPlaceNameStartingWithANumeralIsStillAName() {
		assertThat(names("园区已入驻四川五九六智感科技服务有限公司等企业。"))
			.containsExactly("Enterprise:四川五九六智感科技服务有限公司");
		assertThat(names("落地三大国家级平台")).isEmpty();
	}

	@Test
	void aVerbBeforeANameOpensIt() {
		List<Mention> found = FINDER.find(NameNormalizer.normalize("已投入运行国家先进计算产业创新（宜昌）中心等平台"));
		assertThat(found).singleElement()
			.satisfies(m -> assertThat(m.surface()).isEqualTo("国家先进计算产业创新(宜昌)中心"));
	}

}
