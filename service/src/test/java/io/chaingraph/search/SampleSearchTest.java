package io.chaingraph.search;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.chaingraph.config.Graph;
import io.chaingraph.dataset.NameNormalizer;
import io.chaingraph.importing.ImportProgress;
import io.chaingraph.importing.ImportService;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.GraphQlTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search on the bundled Wenzhou dataset, in the scripts a planner types: its parks are stored as
 * 中国基因药谷 (aliases 中國基因藥谷, 基因药谷, 基因藥谷) and 温州国际云软件谷 (aliases 国际云软件谷,
 * 溫州國際云軟件谷, …), the enterprise 国技互联 with the report's 國技互聯(lián).
 */
// every test only reads: the dataset is loaded once for the class (the classes sharing the test
// application's database each build their own graph before their tests)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleSearchTest extends GraphQlTest {

	@Autowired
	Graph graph;

	@Autowired
	ImportService imports;

	@BeforeAll
	void load() {
		new Fixtures(this.graph).wipe();
		this.imports.run(DatasetSource.fromDirectory(Path.of("import", "wenzhou")), false, ImportProgress.NONE);
	}

	private List<Map<String, Object>> hits(String text, List<String> types) {
		var request = tester().documentName("search").variable("text", text).variable("first", 50);
		if (types != null) {
			request = request.variable("types", types);
		}
		@SuppressWarnings({ "unchecked", "rawtypes" })
		List<Map<String, Object>> hits = (List) request.execute().path("search.edges[*].node").entityList(Map.class).get();
		return hits;
	}

	@ParameterizedTest
	@CsvSource({
			// traditional, simplified, pinyin-annotated, the full name in either script
			"基因藥谷, park-gene-valley", "基因药谷, park-gene-valley", "基因藥(yào)谷, park-gene-valley",
			"中國基因藥谷, park-gene-valley", "中国基因药谷, park-gene-valley",
			"国际云软件谷, park-cloud-valley", "國際云軟件谷, park-cloud-valley", "溫州國際(jì)云軟件谷, park-cloud-valley",
			// partial names and prefixes
			"云软件, park-cloud-valley", "温州国际云, park-cloud-valley", "國技互聯(lián), ent-guoji-hulian",
			"国技, ent-guoji-hulian", "海派生命, park-haipai", "温州市人工智能, plat-wz-ai-computing",
			"龙湾细胞, ent-gd-cart-d", "mRNA, node-gd-mrna", "mrn, node-gd-mrna", "AA, node-gd-aav" })
	void findsTheEntityWhateverTheScriptOrNoise(String text, String id) {
		List<Map<String, Object>> hits = hits(text, null);
		assertThat(hits).isNotEmpty();
		assertThat(hits.get(0).get("id")).as("best hit for %s", text).isEqualTo(id);
	}

	@Test
	void rankedExactNameFirstThenNamesContainingTheTextThenTheRest() {
		List<Map<String, Object>> hits = hits("基因药谷", null);
		assertThat(hits.get(0)).containsEntry("id", "park-gene-valley").containsEntry("type", "Park");
		// the stored normalised names and aliases (not the answer) say which hits contain the text
		Map<String, String> normText = this.graph.list("MATCH (n:Entity) RETURN n.id AS id, n.normText AS t", Map.of(),
				r -> Map.entry(r.get("id").asString(), r.get("t").asString(""))).stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		String norm = NameNormalizer.normalize("基因药谷");
		List<Boolean> contains = hits.stream().map(h -> normText.get((String) h.get("id")).contains(norm)).toList();
		// 基因药谷国际医院, 基因药谷医学研究, … contain it; every such hit comes before every other one
		assertThat(contains.subList(1, contains.size())).contains(true);
		assertThat(contains.indexOf(false) < 0 || contains.lastIndexOf(true) < contains.indexOf(false)).isTrue();
		List<Double> scores = hits.stream().map(h -> ((Number) h.get("score")).doubleValue()).toList();
		assertThat(scores).isSortedAccordingTo(java.util.Comparator.reverseOrder());
	}

	@Test
	void typeFilterKeepsOnlyThoseKinds() {
		List<Map<String, Object>> enterprises = hits("基因药谷", List.of("Enterprise"));
		assertThat(enterprises).isNotEmpty().allSatisfy(h -> assertThat(h).containsEntry("type", "Enterprise"));
		assertThat(enterprises).extracting(h -> h.get("id")).contains("ent-gd-hosp-a", "ent-gd-cro-b");
		List<Map<String, Object>> both = hits("基因药谷", List.of("Park", "Platform"));
		assertThat(both).extracting(h -> h.get("type")).containsOnly("Park", "Platform").contains("Park", "Platform");
		// the same hits as without the filter, in the same order, minus the other kinds
		List<Object> unfiltered = hits("基因药谷", null).stream()
			.filter(h -> List.of("Park", "Platform").contains(h.get("type")))
			.map(h -> h.get("id"))
			.toList();
		assertThat(both).extracting(h -> h.get("id")).containsExactlyElementsOf(unfiltered);
	}

}
