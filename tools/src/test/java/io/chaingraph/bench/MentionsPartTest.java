package io.chaingraph.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.chaingraph.config.Graph;
import io.chaingraph.document.DocumentService;
import io.chaingraph.importing.ImportService;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Mention finding measured on the labelled paragraphs, on the real database: the targets hold (precision ≥
 * 0.9, recall ≥ 0.8 for names the graph holds), and the measurement itself counts what it should.
 */
class MentionsPartTest extends IntegrationTest {

	/** The set, found from the folder the tests run in (the checkout's root or the tools module's). */
	static final Path SET = set();

	@Autowired
	ImportService imports;

	@Autowired
	DocumentService documents;

	@Autowired
	Graph graph;

	@TempDir
	Path tmp;

	static Path set() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isDirectory(dir.resolve(MentionsPart.DEFAULT_SET))) {
			dir = dir.getParent();
		}
		assertThat(dir).as("a folder above the working folder holding " + MentionsPart.DEFAULT_SET).isNotNull();
		return dir.resolve(MentionsPart.DEFAULT_SET);
	}

	@Test
	void theLabelledParagraphsMeetTheTargets() {
		new Fixtures(this.graph).wipe();
		MentionsPart.Score score = MentionsPart.evaluate(SET, this.imports, this.documents, this.graph);
		MarkdownTable table = MentionsPart.table(score, SET);
		assertThat(score.outcomes()).hasSizeGreaterThanOrEqualTo(20)
			.allSatisfy(o -> assertThat(o.paragraph().source()).isNotBlank());
		assertThat(score.known(null, false)).as("names the graph holds").isGreaterThanOrEqualTo(40);
		assertThat(score.unknown(null, false)).as("names the graph lacks").isGreaterThanOrEqualTo(20);
		assertThat(score.precision()).as(table.render()).isGreaterThanOrEqualTo(MentionsPart.TARGET_PRECISION);
		assertThat(score.knownRecall()).as(table.render()).isGreaterThanOrEqualTo(MentionsPart.TARGET_RECALL);
		// the paragraphs that never tuned the rules: names of the graph are found there too
		assertThat(score.heldOut().outcomes()).hasSizeGreaterThanOrEqualTo(8);
		assertThat(score.heldOut().knownRecall()).as(table.render()).isGreaterThanOrEqualTo(MentionsPart.TARGET_RECALL);
		assertThat(table.rows()).hasSize(MentionsPart.LABELS.size() + 2);
	}

	@Test
	void marksAreReadOutOfTheText() throws Exception {
		Path file = this.tmp.resolve("paragraphs.txt");
		Files.writeString(file, """
				# a comment
				## p1 标题
				source: somewhere
				[[中國基因藥谷|P:park-gene-valley]]已落地[[某某研究院|L]]，[[基因药谷|P:park-gene-valley]]引育企业276家。
				""");
		List<MentionsPart.Paragraph> paragraphs = MentionsPart.read(file);
		assertThat(paragraphs).singleElement().satisfies(p -> {
			assertThat(p.key()).isEqualTo("p1");
			assertThat(p.title()).isEqualTo("标题");
			assertThat(p.text()).isEqualTo("中國基因藥谷已落地某某研究院，基因药谷引育企业276家。");
			// the park is marked twice: one name to find
			assertThat(p.names()).extracting(MentionsPart.Marked::surface).containsExactly("中國基因藥谷", "某某研究院");
			assertThat(p.names()).extracting(MentionsPart.Marked::label).containsExactly("Park", "Platform");
		});
		Files.writeString(file, "## p1\nsource: s\n[[名称|X]]文字\n");
		assertThatIllegalArgumentException().isThrownBy(() -> MentionsPart.read(file))
			.withMessageContaining("paragraphs.txt:3: a mark is not of the form");
		Files.writeString(file, "## p1\n[[名称|P]]文字\n");
		assertThatIllegalArgumentException().isThrownBy(() -> MentionsPart.read(file))
			.withMessageContaining("paragraphs.txt:2: a paragraph needs");
	}

	@Test
	void aProposalIsRightWhenItNamesAMarkedEntityOrAMarkedName() {
		MentionsPart.Paragraph paragraph = MentionsPart.paragraph("p", "", "s", false,
				"[[國技互聯|E:ent-guoji-hulian]]入驻[[温州国际云软件谷|P:park-cloud-valley]]，[[瓯海数据科技有限公司|E]]签约。", "");
		MentionsPart.Outcome outcome = MentionsPart.compare(paragraph,
				List.of(new MentionsPart.Proposed("MENTION", "ent-guoji-hulian", "国技互联", "Enterprise"),
						new MentionsPart.Proposed("NEW_ENTITY", null, "瓯海数据科技有限公司", "Enterprise"),
						new MentionsPart.Proposed("NEW_ENTITY", null, "数据科技有限公司", "Enterprise")),
				Set.of(paragraph.names().get(0), paragraph.names().get(1)));
		assertThat(outcome.proposed().values()).containsExactly(true, true, false);
		assertThat(outcome.marked().values()).containsExactly(true, false, true);
		MentionsPart.Score score = new MentionsPart.Score(List.of(outcome));
		assertThat(score.precision()).isEqualTo(2.0 / 3);
		assertThat(score.knownRecall()).isEqualTo(0.5);
		assertThat(score.unknownRecall()).isEqualTo(1.0);
	}

}
