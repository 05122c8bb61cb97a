package io.chaingraph.assignment;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules table's format, its errors, and the table shipped for the sample chains. */
class SegmentRulesTest {

	static SegmentRules read(String text) throws IOException {
		return SegmentRules.read("rules.csv", new StringReader(text));
	}

	@Test
	void aTableReadsCodesKeywordsAndConfidenceWithTheLineOfEachRule() throws IOException {
		SegmentRules rules = read("""
				nodeId,industryCodes,keywords,confidence,note
				# a comment line
				n1,c2761 | M73,基因测序|DNA合成,0.8,测序
				n2,,医院,1,
				""");
		assertThat(rules.rules()).hasSize(2);
		SegmentRules.Rule first = rules.rules().get(0);
		assertThat(first.id()).isEqualTo("rules.csv:3");
		assertThat(first.industryCodes()).containsExactly("C2761", "M73");
		assertThat(first.keywords()).containsExactly("基因测序", "DNA合成");
		assertThat(first.confidence()).isEqualTo(0.8);
		assertThat(rules.rules().get(1).id()).isEqualTo("rules.csv:4");
	}

	@Test
	void aBrokenRowNamesItsFileLineAndColumn() {
		String header = "nodeId,industryCodes,keywords,confidence,note\n";
		assertThatThrownBy(() -> read(header + "n1,,测序,high,\n")).isInstanceOf(SegmentRules.InvalidRules.class)
			.hasMessageStartingWith("rules.csv:2: confidence: 'high' must be a number above 0 and at most 1");
		assertThatThrownBy(() -> read(header + "n1,,测序,1.5,\n")).hasMessageStartingWith("rules.csv:2: confidence:");
		assertThatThrownBy(() -> read(header + "n1,医药,测序,0.5,\n"))
			.hasMessageStartingWith("rules.csv:2: industryCodes: '医药' is not a GB/T 4754 code");
		assertThatThrownBy(() -> read(header + "n1,,,0.5,\n"))
			.hasMessageStartingWith("rules.csv:2: keywords: a rule needs industry codes or keywords");
		assertThatThrownBy(() -> read(header + ",,测序,0.5,\n")).hasMessageStartingWith("rules.csv:2: nodeId: empty");
		assertThatThrownBy(() -> read("nodeId,keywords\nn1,测序\n"))
			.hasMessageStartingWith("rules.csv:1: industryCodes: missing column");
	}

	@Test
	void theShippedTableCoversEverySegmentOfTheSampleChainsAndNamesNoOther() throws IOException {
		SegmentRules rules = SegmentRules.load(List.of(new ClassPathResource("assignment/segment-rules.csv")));
		Set<String> sampleNodes = Files.readAllLines(Path.of("import", "wenzhou", "chain_nodes.csv"))
			.stream()
			.skip(1)
			.map(line -> line.substring(0, line.indexOf(',')))
			.collect(Collectors.toSet());
		Set<String> ruled = rules.rules().stream().map(SegmentRules.Rule::nodeId).collect(Collectors.toSet());
		assertThat(ruled).isEqualTo(sampleNodes);
	}

	@Test
	void aLatinKeywordMatchesOnlyAsAWholeWord() {
		assertThat(SegmentMatcher.contains("aav基因治疗载体", "aav")).isTrue();
		assertThat(SegmentMatcher.contains("提供 cro 服务", "cro")).isTrue();
		assertThat(SegmentMatcher.contains("microsoft 授权", "cro")).isFalse();
		assertThat(SegmentMatcher.contains("医院管理", "医院")).isTrue();
	}

}
