package io.chaingraph.assignment;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.chaingraph.config.Graph;
import io.chaingraph.importing.ImportProgress;
import io.chaingraph.importing.ImportReport;
import io.chaingraph.importing.ImportService;
import io.chaingraph.importing.ReportPrinter;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.support.DatasetDir;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.GraphChecksum;
import io.chaingraph.support.SecuredIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chain assignment on the real embedded database: after an import, enterprises without a segment get
 * one proposed (by the segments' own names, or a rules table's industry codes and keywords), with the
 * rule, the evidence and a confidence; nothing changes until an editor accepts, through curation.
 */
class SegmentAssignmentTest extends SecuredIntegrationTest {

	/** The test dataset's enterprises plus three without a segment (industry and business scope given). */
	static final String ENTERPRISES = """
			id,name,creditCode,aliases,parkId,region,tags,founded,employees,revenue,description,source,industry,businessScope
			t-e1,國技互聯(lián),91330300MA2CQKXN3R,,t-park,温州,LEADING|LISTED,2010,300,5.5,,report,,
			t-e2,甲生物,,,t-sub,温州,,2015,50,0.5,,,,
			t-e3,乙制药,,,t-other,杭州,HIGH_TECH,2001,900,12,,,,
			t-e4,丙物流,,,,上海,,,,,,,,
			t-e5,丁科技,,,t-park,温州,,2020,40,0.3,,,M7340 医学研究和试验发展,提供基因测序服务；技术开发
			t-e6,戊餐饮,,,t-park,温州,,2020,10,0.1,,,H6210 正餐服务,餐饮服务
			t-e7,己生物,,,t-park,温州,,2021,30,0.2,,,C2762 基因工程药物和疫苗制造,民营医院管理咨询
			""";

	@Autowired
	ImportService imports;

	@Autowired
	Graph graph;

	@Autowired
	AssignmentProperties properties;

	@TempDir
	Path tmp;

	Path dataset;

	@BeforeEach
	void dataset() {
		new Fixtures(this.graph).wipe();
		this.dataset = new DatasetDir(this.tmp.resolve("ds")).with("enterprises.csv", ENTERPRISES).write();
	}

	private ImportReport importDataset() {
		return this.imports.run(DatasetSource.fromDirectory(this.dataset), false, ImportProgress.NONE);
	}

	private Map<String, Object> proposal(String id) {
		return this.graph.one("MATCH (p:Proposal {id: $id}) RETURN properties(p) AS p", Map.of("id", id),
				r -> r.get("p").asMap()).orElse(null);
	}

	private long segmentLinks(String enterpriseId) {
		return this.graph.one("MATCH (:Enterprise {id: $id})-[r:OPERATES_IN]->() RETURN count(r) AS n",
				Map.of("id", enterpriseId), r -> r.get("n").asLong()).orElseThrow();
	}

	@Test
	void anImportProposesASegmentByTheSegmentsOwnNamesAndProposesNothingTwice() {
		ImportReport report = importDataset();
		// t-e5's business scope names the segment 基因测序; t-e6 and t-e7 name none of the segments
		assertThat(report.segmentProposals()).isEqualTo(1);
		assertThat(ReportPrinter.text(report)).contains("环节建议 1 家企业尚无产业链环节",
				"Segment proposals: 1 enterprise(s) without a chain segment");
		Map<String, Object> p = proposal("seg-t-e5");
		assertThat(p).containsEntry("kind", "SEGMENT")
			.containsEntry("status", "PENDING")
			.containsEntry("subjectId", "t-e5")
			.containsEntry("objectId", "t-n1")
			.containsEntry("objectName", "基因测序")
			.containsEntry("field", "businessScope")
			.containsEntry("confidence", SegmentMatcher.NAME_CONFIDENCE);
		assertThat((String) p.get("rule")).contains("环节名称 segment name", "基因测序");
		String evidence = (String) p.get("sentence");
		assertThat(evidence.substring(((Number) p.get("start")).intValue(), ((Number) p.get("end")).intValue()))
			.isEqualTo("基因测序");
		// a proposal only: no segment link yet; enterprises with a segment get none
		assertThat(segmentLinks("t-e5")).isZero();
		assertThat(proposal("seg-t-e1")).isNull();
		assertThat(proposal("seg-t-e6")).isNull();

		// the same import again proposes nothing and changes nothing
		String before = GraphChecksum.of(this.graph);
		ImportReport again = importDataset();
		assertThat(again.segmentProposals()).isZero();
		assertThat(GraphChecksum.of(this.graph)).isEqualTo(before);
	}

	@Test
	void aRulesTableProposesByIndustryCodeAndKeywordTheMostConfidentFirst() throws Exception {
		importDataset();
		SegmentRules rules = SegmentRules.read("my-rules.csv", new StringReader("""
				nodeId,industryCodes,keywords,confidence,note
				t-n2,C27,,0.6,医药制造业
				t-n3,,医院|诊所,0.8,
				t-n3,H62,,0.3,
				"""));
		SegmentAssigner assigner = new SegmentAssigner(this.graph, this.properties, rules);
		String run = this.graph.one("MATCH (r:ImportRun) RETURN r.id AS id", Map.of(), r -> r.get("id").asString())
			.orElseThrow();
		// t-e7: C2762 falls under C27 (0.6), its scope names 医院 (0.8): the keyword wins; t-e6: H6210 under H62
		assertThat(assigner.propose(run)).isEqualTo(2);
		Map<String, Object> hospital = proposal("seg-t-e7");
		assertThat(hospital).containsEntry("objectId", "t-n3").containsEntry("confidence", 0.8)
			.containsEntry("field", "businessScope");
		assertThat((String) hospital.get("rule")).startsWith("my-rules.csv:3 · 关键词 keyword 医院");
		Map<String, Object> byCode = proposal("seg-t-e6");
		assertThat(byCode).containsEntry("objectId", "t-n3").containsEntry("field", "industry")
			.containsEntry("confidence", 0.3);
		assertThat((String) byCode.get("rule")).startsWith("my-rules.csv:4 · 行业代码 industry code H62");
		String code = (String) byCode.get("sentence");
		assertThat(code.substring(((Number) byCode.get("start")).intValue(), ((Number) byCode.get("end")).intValue()))
			.isEqualTo("H6210");
		// from the run, and already proposed ones are not proposed again
		assertThat(this.graph.one("MATCH (:Proposal {id: 'seg-t-e7'})-[:FROM]->(r:ImportRun) RETURN r.id AS id", Map.of(),
				r -> r.get("id").asString())).contains(run);
		assertThat(assigner.propose(run)).isZero();
	}

	@Test
	void theShippedRulesProposeSegmentsOfTheSampleChains() {
		this.imports.run(DatasetSource.fromDirectory(Path.of("import", "wenzhou")), false, ImportProgress.NONE);
		// an enterprise from a registry export: a name, an industry code and a business scope, no segment
		this.graph.write("""
				CREATE (:Enterprise:Entity {id: 'reg-1', name: '温州某生物科技有限公司', normName: '温州某生物科技有限公司',
				        industry: 'C2762 基因工程药物和疫苗制造', businessScope: '腺相关病毒（AAV）载体研发；技术服务', version: 1})""",
				Map.of());
		SegmentAssigner assigner = new SegmentAssigner(this.graph, this.properties,
				SegmentRules.load(List.of(new ClassPathResource("assignment/segment-rules.csv"))));
		String run = this.graph.one("MATCH (r:ImportRun) RETURN r.id AS id", Map.of(), r -> r.get("id").asString())
			.orElseThrow();
		assertThat(assigner.propose(run)).isEqualTo(1);
		// the AAV keyword (0.85) beats the industry code C2762 (0.75)
		assertThat(proposal("seg-reg-1")).containsEntry("objectId", "node-gd-aav").containsEntry("confidence", 0.85);
	}

	static final String ACCEPT = "mutation($id: ID!) { acceptProposal(id: $id) { id kind status resultId resultVersion } }";

	static final String REJECT = "mutation($id: ID!) { rejectProposal(id: $id, reason: \"不是本环节\") { id status } }";

	@Test
	void anEditorAcceptsASegmentProposalThroughCurationAndARejectedOneIsNotMadeAgain() {
		importDataset();
		JsonNode listed = this.http.post(VIEWER, """
				{ proposals(kind: SEGMENT, first: 10) { edges { node { id kind documentId importRunId rule field confidence
				  sentence start end subject { id name type } object { id name type } } } } }""", Map.of()).data();
		JsonNode node = listed.path("proposals").path("edges").get(0).path("node");
		assertThat(node.path("id").asString()).isEqualTo("seg-t-e5");
		assertThat(node.path("documentId").isNull()).isTrue();
		assertThat(node.path("importRunId").asString()).startsWith("import-");
		assertThat(node.path("field").asString()).isEqualTo("businessScope");
		assertThat(node.path("object").path("type").asString()).isEqualTo("ChainNode");
		assertThat(node.path("subject").path("name").asString()).isEqualTo("丁科技");

		assertThat(this.http.post(VIEWER, ACCEPT, Map.of("id", "seg-t-e5")).errors()).isNotEmpty();
		JsonNode accepted = this.http.post(EDITOR, ACCEPT, Map.of("id", "seg-t-e5")).data().path("acceptProposal");
		assertThat(accepted.path("status").asString()).isEqualTo("ACCEPTED");
		assertThat(accepted.path("resultId").asString()).isEqualTo("t-e5");
		Map<String, Object> link = this.graph.one("""
				MATCH (:Enterprise {id: 't-e5'})-[r:OPERATES_IN]->(n:ChainNode)
				RETURN n.id AS node, r.confidence AS confidence, r.source AS source""", Map.of(), r -> r.asMap())
			.orElseThrow();
		assertThat(link).containsEntry("node", "t-n1").containsEntry("confidence", SegmentMatcher.NAME_CONFIDENCE);
		assertThat((String) link.get("source")).startsWith("rule:环节名称 segment name");
		assertThat(this.graph.list("MATCH (c:Change) WHERE c.actor = 'editor' RETURN c.operation AS o", Map.of(),
				r -> r.get("o").asString())).isNotEmpty();

		// a rejected proposal stays rejected: the enterprise is not proposed again
		this.graph.write("MATCH (:Enterprise {id: 't-e5'})-[r:OPERATES_IN]->() DELETE r", Map.of());
		this.graph.write("MATCH (p:Proposal {id: 'seg-t-e5'}) SET p.status = 'PENDING'", Map.of());
		assertThat(this.http.post(EDITOR, REJECT, Map.of("id", "seg-t-e5")).data().path("rejectProposal")
			.path("status").asString()).isEqualTo("REJECTED");
		this.graph.write("MATCH (e:Enterprise {id: 't-e5'}) SET e.description = '改'", Map.of());
		assertThat(importDataset().segmentProposals()).isZero();
		assertThat(proposal("seg-t-e5")).containsEntry("status", "REJECTED");
	}

}
