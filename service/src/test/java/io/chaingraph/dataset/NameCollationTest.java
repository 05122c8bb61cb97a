package io.chaingraph.dataset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The pinyin sort key an enterprise is stored with, and what the importer and curation write of it. */
class NameCollationTest {

	@Test
	void keysCompareAsStringsTheWayTheNamesCollateInPinyin() {
		List<String> names = new ArrayList<>(List.of("中国药业", "溫州光学", "Zeta Tech", "温州电气", "白云科技", "樂清電器",
				"阿里制造", "乐清开关"));
		names.sort(Comparator.comparing(NameCollation::key));
		assertThat(names).containsExactly("阿里制造", "白云科技", "乐清开关", "樂清電器", "温州电气", "溫州光学", "中国药业",
				"Zeta Tech");
		assertThat(NameCollation.key("温州")).isEqualTo(NameCollation.key("温州")).matches("[0-9a-f]+");
		assertThat(NameCollation.VERSION).startsWith("icu ").endsWith(" zh");
	}

	@Test
	void enterprisesAreStoredWithTheKeyOutsideTheirFingerprint() {
		Map<String, Object> enterprise = EntityRecords.nodeProps("Enterprise", "e1", "温州电气", List.of(), Map.of(), "s");
		assertThat(enterprise).containsEntry("nameKey", NameCollation.key("温州电气"));
		assertThat(EntityRecords.nodeKeys("Enterprise")).contains("nameKey");
		Map<String, Object> without = new java.util.TreeMap<>(enterprise);
		without.remove("nameKey");
		assertThat(EntityRecords.fingerprint(without)).isEqualTo(enterprise.get("fingerprint"));
		assertThat(EntityRecords.nodeProps("Park", "p1", "温州园", List.of(), Map.of(), "s")).doesNotContainKey("nameKey");
		assertThat(EntityRecords.nodeKeys("Park")).doesNotContain("nameKey");
	}

}
