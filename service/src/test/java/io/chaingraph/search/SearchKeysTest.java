package io.chaingraph.search;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.chaingraph.config.Graph;
import io.chaingraph.dataset.NameNormalizer;
import io.chaingraph.importing.ImportProgress;
import io.chaingraph.importing.ImportService;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.support.DatasetDir;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.GraphQlTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search by what analysts type most: an exact name, alias or id (whatever its script mix, among
 * more than a thousand names sharing its words), a listing code, a credit code or a prefix of one of
 * at least six characters. The test dataset's enterprises plus TCL科技 (listing code 000100) among
 * 1,200 other 科技 companies, TCL科技集团股份有限公司 and 深康佳A/深康佳B.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchKeysTest extends GraphQlTest {

	@Autowired
	Graph graph;

	@Autowired
	ImportService imports;

	@BeforeAll
	void load(@TempDir Path tmp) {
		new Fixtures(this.graph).wipe();
		String header = "id,name,creditCode,aliases,parkId,region,tags,founded,employees,revenue,description,source,stockCode\n";
		String rows = DatasetDir.VALID.get("enterprises.csv").lines().skip(1).map(line -> line + ",")
			.collect(Collectors.joining("\n", "", "\n"));
		// the exact names' ids sort last, so id order alone would not bring them first
		String crowd = IntStream.range(0, 1200)
			.mapToObj(i -> "k-%04d,TCL%s科技有限公司,,,t-park,温州,,,,,,,".formatted(i, (i % 2 == 0) ? "" : i))
			.collect(Collectors.joining("\n", "", "\n"));
		String named = """
				z-tcl,TCL科技,,TCL,t-park,惠州,LISTED,1981,,,,,000100
				z-tcl-group,TCL科技集团股份有限公司,,,t-park,惠州,,,,,,,
				z-kj-a,深康佳A,,,t-park,深圳,LISTED,,,,,,000016
				z-kj-b,深康佳B,,,t-park,深圳,LISTED,,,,,,200016
				""";
		Path dir = new DatasetDir(tmp.resolve("ds")).with("enterprises.csv", header + rows + crowd + named).write();
		this.imports.run(DatasetSource.fromDirectory(dir), false, ImportProgress.NONE);
		assertThat(this.graph.one("MATCH (e:Enterprise) RETURN count(e) AS n", Map.of(), r -> r.get("n").asInt()))
			.contains(4 + 1200 + 4);
	}

	private List<Map<String, Object>> hits(String text) {
		@SuppressWarnings({ "unchecked", "rawtypes" })
		List<Map<String, Object>> hits = (List) tester().documentName("search").variable("text", text)
			.variable("first", 50).execute().path("search.edges[*].node").entityList(Map.class).get();
		return hits;
	}

	private String first(String text) {
		List<Map<String, Object>> hits = hits(text);
		assertThat(hits).as("hits for %s", text).isNotEmpty();
		return (String) hits.get(0).get("id");
	}

	@ParameterizedTest
	@CsvSource({
			// exact names mixing Chinese with Latin letters, typed in any width or case
			"TCL科技, z-tcl", "tcl科技, z-tcl", "ＴＣＬ科技, z-tcl", "TCL科技集团股份有限公司, z-tcl-group",
			// share classes: names ending in a Latin letter
			"深康佳B, z-kj-b", "深康佳A, z-kj-a", "深康佳b, z-kj-b",
			// an exact alias, an exact id
			"TCL, z-tcl", "t-e3, t-e3", "k-0007, k-0007",
			// the traditional name with its pinyin noise, and its simplified form
			"國技互聯(lián), t-e1", "国技互联, t-e1" })
	void anExactNameAliasOrIdIsTheFirstHit(String text, String id) {
		assertThat(first(text)).as("first hit for %s", text).isEqualTo(id);
		// and only one hit holds that rank
		List<Map<String, Object>> hits = hits(text);
		if (hits.size() > 1) {
			assertThat(((Number) hits.get(1).get("score")).doubleValue())
				.isLessThan(((Number) hits.get(0).get("score")).doubleValue());
		}
	}

	@ParameterizedTest
	@CsvSource({ "000100, z-tcl", "200016, z-kj-b", "000016, z-kj-a" })
	void aListingCodeFindsItsEnterprise(String code, String id) {
		assertThat(first(code)).isEqualTo(id);
	}

	@ParameterizedTest
	@CsvSource({ "91330300MA2CQKXN3R", "91330300ma2cqkxn3r", "９１３３０３００MA2CQKXN3R", "91330300MA", "913303" })
	void aCreditCodeOrAPrefixOfAtLeastSixCharactersFindsItsEnterprise(String code) {
		assertThat(first(code)).isEqualTo("t-e1");
	}

	@Test
	void aCodePrefixShorterThanSixFindsNothing() {
		assertThat(hits("91330")).isEmpty();
		assertThat(hits("00010")).isEmpty();
	}

	@Test
	void aWholeCodeFindsOnlyItsEnterprise() {
		// 000016 is 深康佳A's whole code and no prefix of another key
		List<Map<String, Object>> hits = hits("000016");
		assertThat(hits).extracting(h -> h.get("id")).containsExactly("z-kj-a");
	}

	@Test
	void textWithManyMatchesTakesOnlyNamesHoldingAllItsPairs() {
		// every name of the crowd holds 科技 and 有限; only the crowd's names and TCL科技集团… hold 科技有限
		String norm = NameNormalizer.normalize("科技有限");
		List<Map<String, Object>> hits = hits("科技有限");
		assertThat(hits).hasSize(50);
		Map<String, String> normText = this.graph.list("MATCH (n:Entity) RETURN n.id AS id, n.normText AS t", Map.of(),
				r -> Map.entry(r.get("id").asString(), r.get("t").asString(""))).stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(hits).allSatisfy(h -> assertThat(normText.get((String) h.get("id"))).contains(norm));
		tester().documentName("search").variable("text", "科技有限").execute()
			.path("search.totalCount").entity(Integer.class).isEqualTo(SearchText.MAX_HITS);
	}

	@Test
	void whenNoNameHoldsAllPairsNamesHoldingSomeFollow() {
		// no name holds both 甲生物 and 乙制药: each of the two holds some of the text's pairs
		assertThat(hits("甲生物乙制药")).extracting(h -> h.get("id")).contains("t-e2", "t-e3");
		// the text of two parts asks for both when some name holds both
		assertThat(hits("深康佳 B")).extracting(h -> h.get("id")).containsExactly("z-kj-b");
	}

	@Test
	void theStatementsSearchKeysAreTheNormalisedNamesAliasesIdAndCodes() {
		List<Object> keys = this.graph.one("MATCH (e:Enterprise {id: 'z-tcl'}) RETURN e.searchKeys AS k", Map.of(),
				r -> r.get("k").asList()).orElseThrow();
		assertThat(keys).containsExactly("tcl科技", "tcl", "z-tcl", "000100");
		assertThat(this.graph.one("MATCH (e:Enterprise {id: 't-e1'}) RETURN e.searchKeys AS k", Map.of(),
				r -> r.get("k").asList()).orElseThrow()).containsExactly("国技互联", "t-e1", "91330300ma2cqkxn3r");
	}

}
