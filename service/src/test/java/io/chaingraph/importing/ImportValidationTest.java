package io.chaingraph.importing;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

import io.chaingraph.config.Graph;
import io.chaingraph.dataset.Problem;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.importing.read.ProblemList;
import io.chaingraph.support.DatasetDir;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.GraphChecksum;
import io.chaingraph.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every validation rule of the importer, each with a dataset broken in one place: the exact
 * {@code file:line: column: message} is reported, the run is INVALID and the graph is untouched.
 */
class ImportValidationTest extends IntegrationTest {

	@Autowired
	ImportService imports;

	@Autowired
	Graph graph;

	@TempDir
	Path tmp;

	DatasetDir dataset;

	String before;

	@BeforeEach
	void seedGraph() {
		new Fixtures(this.graph).wipe()
			.cypher("CREATE (:Park:Entity {id: 'g-park', name: '已有园区', aliases: [], normName: '已有园区'})")
			.cypher("CREATE (:Enterprise:Entity {id: 'g-ent', name: '已有企业', aliases: [], tags: []})");
		this.dataset = new DatasetDir(this.tmp.resolve("ds"));
		this.before = GraphChecksum.dump(this.graph);
	}

	private List<String> errors(Path dir) {
		ImportReport report = this.imports.run(DatasetSource.fromDirectory(dir), false, ImportProgress.NONE);
		assertThat(report.status()).isEqualTo(ImportStatus.INVALID);
		assertThat(report.runId()).isNull();
		assertThat(GraphChecksum.dump(this.graph)).as("graph unchanged").isEqualTo(this.before);
		assertThat(this.graph.one("MATCH (r:ImportRun) RETURN count(r) AS n", java.util.Map.of(),
				r -> r.get("n").asLong())).contains(0L);
		return report.problems().stream().filter(Problem::isError).map(Problem::format).toList();
	}

	@Test
	void validDatasetHasNoErrors() {
		ImportReport report = this.imports.run(DatasetSource.fromDirectory(this.dataset.write()), true,
				ImportProgress.NONE);
		assertThat(report.problems()).isEmpty();
		assertThat(report.status()).isEqualTo(ImportStatus.DRY_RUN);
	}

	@Test
	void aThousandProblemsPerCheckAreListedAndTheRestCounted() {
		StringBuilder rows = new StringBuilder();
		for (int i = 0; i < 1_500; i++) {
			rows.append("t-bad").append(i).append(",,,,,,,,,,,\n"); // no name: an error on every row
		}
		List<String> errors = errors(this.dataset.append("enterprises.csv", rows.toString()).write());
		assertThat(errors).hasSize(ProblemList.LIMIT + 1);
		assertThat(errors).filteredOn(e -> e.endsWith("name: required value is empty")).hasSize(ProblemList.LIMIT)
			.first().isEqualTo("enterprises.csv:6: name: required value is empty");
		assertThat(errors).contains("enterprises.csv:0: -: 500 more errors in this file not listed "
				+ "(only the first 1,000 problems of each check are kept)");
	}

	@Test
	void filesTheImportDoesNotReadAreNamedInAWarning() throws java.io.IOException {
		Path dir = this.dataset.write();
		java.nio.file.Files.write(dir.resolve("企业名单.xls"), new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 });
		java.nio.file.Files.writeString(dir.resolve("notes.txt"), "sources of the data");
		java.nio.file.Files.writeString(dir.resolve("README.md"), "# the dataset's notes");
		java.nio.file.Files.writeString(dir.resolve(".DS_Store"), "");
		java.nio.file.Files.createDirectories(dir.resolve("old"));
		ImportReport report = this.imports.run(DatasetSource.fromDirectory(dir), true, ImportProgress.NONE);
		assertThat(report.hasErrors()).isFalse();
		assertThat(report.problems()).extracting(Problem::format).containsExactlyInAnyOrder(
				"notes.txt:0: -: warning: 未读取 not read: neither a file of dataset format v1 (parks.csv, enterprises.csv, "
						+ "... as .csv or .jsonl) nor an enterprise workbook (.xlsx; an old .xls must be saved as .xlsx)",
				"old/:0: -: warning: 未读取 not read: a folder; the import reads the dataset files at the top of the folder only",
				"企业名单.xls:0: -: warning: 未读取 not read: neither a file of dataset format v1 (parks.csv, enterprises.csv, "
						+ "... as .csv or .jsonl) nor an enterprise workbook (.xlsx; an old .xls must be saved as .xlsx)");
		assertThat(ReportPrinter.text(report)).contains("企业名单.xls:0: -: warning: 未读取 not read");
	}

	@Test
	void missingRequiredColumn() {
		assertThat(errors(this.dataset.with("chains.csv", "id,description\nt-chain,x\n").write()))
			.contains("chains.csv:1: name: required column is missing");
	}

	@Test
	void missingRequiredValue() {
		assertThat(errors(this.dataset.append("chains.csv", "t-chain2,,,\n").write()))
			.containsExactly("chains.csv:3: name: required value is empty");
	}

	@Test
	void unknownColumnIsAWarningOnly() {
		ImportReport report = this.imports.run(DatasetSource.fromDirectory(
				this.dataset.with("chains.csv", "id,name,colour\nt-chain,基因药物,red\n").write()), true,
				ImportProgress.NONE);
		assertThat(report.hasErrors()).isFalse();
		assertThat(report.problems()).extracting(Problem::format)
			.anyMatch(p -> p.startsWith("chains.csv:1: colour: warning: unknown column, ignored"));
	}

	@Test
	void malformedCsv() {
		assertThat(errors(this.dataset.append("chains.csv", "t-chain2,\"unterminated,x\n").write()))
			.anyMatch(e -> e.startsWith("chains.csv:") && e.contains("malformed CSV"));
		assertThat(errors(this.dataset.reset().append("chains.csv", "t-chain2,名,别名,描述,多余\n").write()))
			.containsExactly("chains.csv:3: -: malformed CSV: 5 fields where the header has 4");
	}

	@Test
	void gb18030IsReadAndAFileInNeitherEncodingIsExplained() throws java.io.IOException {
		Charset gb18030 = Charset.forName("GB18030");
		// a spreadsheet's CSV on a Chinese system: GB18030 (GBK), no BOM
		this.dataset.with("enterprises.csv", DatasetDir.VALID.get("enterprises.csv"));
		Path dir = this.dataset.writeBytes("chains.csv", "id,name,aliases\nt-chain,基因药物,生命健康|醫藥\n".getBytes(gb18030));
		java.nio.file.Files.write(dir.resolve("enterprises.csv"), DatasetDir.VALID.get("enterprises.csv").getBytes(gb18030));
		ImportReport report = this.imports.run(DatasetSource.fromDirectory(dir), false, ImportProgress.NONE);
		assertThat(report.problems()).filteredOn(Problem::isError).isEmpty();
		assertThat(this.graph.one("MATCH (c:Chain {id: 't-chain'}) RETURN c.name + ' ' + c.aliasText AS n", java.util.Map.of(),
				r -> r.get("n").asString())).contains("基因药物 生命健康 / 醫藥");
		assertThat(this.graph.one("MATCH (e:Enterprise {id: 't-e1'}) RETURN e.name AS n", java.util.Map.of(),
				r -> r.get("n").asString())).contains("國技互聯(lián)");
		new Fixtures(this.graph).wipe();
		this.before = GraphChecksum.dump(this.graph);

		// UTF-16 (a spreadsheet's "Unicode text"): NUL bytes
		assertThat(errors(this.dataset.reset().writeBytes("chains.csv",
				DatasetDir.VALID.get("chains.csv").getBytes(java.nio.charset.StandardCharsets.UTF_16LE))))
			.containsExactly("chains.csv:1: -: 文件编码无法识别 the file is neither UTF-8 nor GB18030 (UTF-16? a spreadsheet's "
					+ "\"Unicode text\"): invalid byte 0x00 at byte 1; save chains.csv as UTF-8 (in a spreadsheet: CSV UTF-8)");
		// bytes GB18030 does not define either
		byte[] broken = concat("id,name\nt-chain,基因".getBytes(gb18030), new byte[] { (byte) 0xFF }, "药物\n".getBytes(gb18030));
		assertThat(errors(this.dataset.writeBytes("chains.csv", broken))).containsExactly(
				"chains.csv:2: -: 文件编码无法识别 the file is neither UTF-8 nor GB18030: invalid byte 0xFF at byte 20; "
						+ "save chains.csv as UTF-8 (in a spreadsheet: CSV UTF-8)");
		// UTF-8 up to a broken byte: a damaged UTF-8 file, not GB18030
		byte[] damaged = concat("id,name\nt-chain,基因药物\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
				new byte[] { (byte) 0xE2, (byte) 0x82 }, "\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(errors(this.dataset.writeBytes("chains.csv", damaged))).containsExactly(
				"chains.csv:3: -: the file is UTF-8 up to byte 29, where byte 0xE2 is not (a damaged file?); "
						+ "repair it or save it as UTF-8 again");
		// JSON Lines are UTF-8
		assertThat(errors(this.dataset.without("chains.csv")
			.writeBytes("chains.jsonl", "{\"id\":\"t-chain\",\"name\":\"基因药物\"}\n".getBytes(gb18030))))
			.singleElement().asString()
			.startsWith("chains.jsonl:1: -: the file is not UTF-8")
			.contains("JSON Lines must be UTF-8")
			.contains("iconv -f GB18030 -t UTF-8 chains.jsonl");

		byte[] bom = ("\uFEFF" + DatasetDir.VALID.get("chains.csv")).getBytes(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(this.imports.run(DatasetSource.fromDirectory(this.dataset.reset().writeBytes("chains.csv", bom)), true,
				ImportProgress.NONE).hasErrors()).isFalse();
	}

	private static byte[] concat(byte[]... parts) {
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		for (byte[] part : parts) {
			bytes.writeBytes(part);
		}
		return bytes.toByteArray();
	}

	@Test
	void unknownEnumValues() {
		this.dataset.with("chain_nodes.csv", DatasetDir.VALID.get("chain_nodes.csv").replace("t-n3,t-chain,医院终端,,DOWNSTREAM",
				"t-n3,t-chain,医院终端,,SIDEWAYS"));
		this.dataset.with("platforms.csv", DatasetDir.VALID.get("platforms.csv").replace("FUND,MUNICIPAL", "BANK,GALACTIC"));
		this.dataset.append("platform_links.csv", "t-p2,t-e3,OWNS,,\n");
		assertThat(errors(this.dataset.write())).containsExactlyInAnyOrder(
				"chain_nodes.csv:5: stage: 未知取值 unknown value 'SIDEWAYS'; 可选 expected one of 上游 UPSTREAM, 中游 MIDSTREAM, 下游 DOWNSTREAM",
				"platforms.csv:3: kind: 未知取值 unknown value 'BANK'; 可选 expected one of 研发 RESEARCH, 算力 COMPUTING, 孵化器 INCUBATOR, 基金 FUND, 公共服务 SERVICE, 检验检测 TESTING, 数据 DATA",
				"platforms.csv:3: level: 未知取值 unknown value 'GALACTIC'; 可选 expected one of 国家级 NATIONAL, 省级 PROVINCIAL, 市级 MUNICIPAL",
				"platform_links.csv:6: kind: 未知取值 unknown value 'OWNS'; 可选 expected one of 服务 SERVES, 孵化 INCUBATES, 投资 INVESTS_IN, 技术转化 TRANSFERS_TECH_TO");
	}

	@Test
	void chineseEnumValuesAreAcceptedAndNearMissesGetADidYouMean() {
		this.dataset.with("chain_nodes.csv", DatasetDir.VALID.get("chain_nodes.csv")
			.replace("基因测序,,UPSTREAM", "基因测序,,上游")
			.replace("药品生产,,MIDSTREAM", "药品生产,,中游")
			.replace("医院终端,,DOWNSTREAM", "医院终端,,下遊"));
		this.dataset.with("platforms.csv", DatasetDir.VALID.get("platforms.csv").replace("FUND,MUNICIPAL", "基金,市级"));
		ImportReport report = this.imports.run(DatasetSource.fromDirectory(this.dataset.write()), false,
				ImportProgress.NONE);
		assertThat(report.problems()).filteredOn(Problem::isError).isEmpty();
		assertThat(this.graph.list("MATCH (n:ChainNode) RETURN n.id + ' ' + n.stage AS s ORDER BY s", java.util.Map.of(),
				r -> r.get("s").asString()))
			.containsExactly("t-n1 UPSTREAM", "t-n2 MIDSTREAM", "t-n2a MIDSTREAM", "t-n3 DOWNSTREAM");
		assertThat(this.graph.one("MATCH (p:Platform {id: 't-p2'}) RETURN p.kind + ' ' + p.level AS s", java.util.Map.of(),
				r -> r.get("s").asString())).contains("FUND MUNICIPAL");

		new Fixtures(this.graph).wipe();
		this.before = GraphChecksum.dump(this.graph);
		this.dataset.reset()
			.with("chain_nodes.csv", DatasetDir.VALID.get("chain_nodes.csv")
				.replace("基因测序,,UPSTREAM", "基因测序,,Upstraem")
				.replace("药品生产,,MIDSTREAM", "药品生产,,中游环节"))
			.with("platforms.csv", DatasetDir.VALID.get("platforms.csv").replace("FUND,MUNICIPAL", "孵化,市"));
		assertThat(errors(this.dataset.write())).containsExactlyInAnyOrder(
				"chain_nodes.csv:2: stage: 未知取值 unknown value 'Upstraem'; 是否想写 did you mean 上游 UPSTREAM?; "
						+ "可选 expected one of 上游 UPSTREAM, 中游 MIDSTREAM, 下游 DOWNSTREAM",
				"chain_nodes.csv:3: stage: 未知取值 unknown value '中游环节'; 是否想写 did you mean 中游 MIDSTREAM?; "
						+ "可选 expected one of 上游 UPSTREAM, 中游 MIDSTREAM, 下游 DOWNSTREAM",
				"platforms.csv:3: kind: 未知取值 unknown value '孵化'; 是否想写 did you mean 孵化器 INCUBATOR?; 可选 expected one of "
						+ "研发 RESEARCH, 算力 COMPUTING, 孵化器 INCUBATOR, 基金 FUND, 公共服务 SERVICE, 检验检测 TESTING, 数据 DATA",
				"platforms.csv:3: level: 未知取值 unknown value '市'; 是否想写 did you mean 市级 MUNICIPAL?; "
						+ "可选 expected one of 国家级 NATIONAL, 省级 PROVINCIAL, 市级 MUNICIPAL");
	}

	@Test
	void percentagesAreSharesWhereAShareIsExpectedAndRefusedElsewhere() {
		this.dataset.with("enterprise_nodes.csv", DatasetDir.VALID.get("enterprise_nodes.csv")
			.replace("t-e1,t-n2a,0.8,0.9", "t-e1,t-n2a,80%,90 ％"));
		ImportReport report = this.imports.run(DatasetSource.fromDirectory(this.dataset.write()), false,
				ImportProgress.NONE);
		assertThat(report.problems()).filteredOn(Problem::isError).isEmpty();
		assertThat(this.graph.one("MATCH (:Enterprise {id: 't-e1'})-[r:OPERATES_IN]->() RETURN r.weight + '/' + r.confidence AS w",
				java.util.Map.of(), r -> r.get("w").asString())).contains("0.8/0.9");

		new Fixtures(this.graph).wipe();
		this.before = GraphChecksum.dump(this.graph);
		this.dataset.reset()
			.with("enterprise_nodes.csv", DatasetDir.VALID.get("enterprise_nodes.csv")
				.replace("t-e1,t-n2a,0.8,0.9", "t-e1,t-n2a,80,120%"))
			.with("enterprises.csv", DatasetDir.VALID.get("enterprises.csv").replace("2015,50,0.5", "2015,50%,5%"));
		assertThat(errors(this.dataset.write())).containsExactlyInAnyOrder(
				"enterprise_nodes.csv:2: weight: 80 is outside 0..1; 是否想写 did you mean 0.8 (80%)?",
				"enterprise_nodes.csv:2: confidence: 120% is outside 0..1 (0%..100%)",
				"enterprises.csv:3: employees: '50%' 是百分比，不是整数 is a percentage, not a whole number; 是否想写 did you mean 50?",
				"enterprises.csv:3: revenue: '5%' 是百分比，不是数值 is a percentage, not an amount; 是否想写 did you mean 5?");
	}

	@Test
	void duplicateIdWithinTheDataset() {
		assertThat(errors(this.dataset.append("enterprises.csv", "t-e2,重复,,,,,,,,,,\n").write()))
			.containsExactly("enterprises.csv:6: id: duplicate id 't-e2' (first defined at enterprises.csv:3)");
	}

	@Test
	void sameIdUnderTwoLabels() {
		assertThat(errors(this.dataset.append("platforms.csv", "t-e1,撞号平台,SERVICE,,,,,\n").write()))
			.containsExactly("platforms.csv:4: id: id 't-e1' is already used by a Enterprise at enterprises.csv:2; "
					+ "ids must be unique across all labels");
		assertThat(errors(this.dataset.reset().append("platforms.csv", "g-park,撞号平台,SERVICE,,,,,\n").write()))
			.containsExactly("platforms.csv:4: id: id 'g-park' already exists in the graph as a Park ('已有园区'); "
					+ "ids must be unique across all labels");
	}

	@Test
	void referencesMustExistInTheDatasetOrTheGraph() {
		this.dataset.append("supplies.csv", "t-e1,nobody,,,\n");
		this.dataset.append("supplies.csv", "g-ent,t-e1,,,\n");
		this.dataset.append("enterprise_nodes.csv", "t-e1,t-park,,,\n");
		this.dataset.append("enterprises.csv", "t-e5,丁公司,,,g-park,,,,,,,\n");
		assertThat(errors(this.dataset.write())).containsExactlyInAnyOrder(
				"supplies.csv:4: customerId: unknown enterprise 'nobody' (neither in this dataset nor in the graph)",
				"enterprise_nodes.csv:6: nodeId: 't-park' is a park, expected a chain segment");
	}

	@Test
	void creditCodeCheckDigit() {
		assertThat(errors(this.dataset.with("enterprises.csv", DatasetDir.VALID.get("enterprises.csv")
			.replace("91330300MA2CQKXN3R", "91330300MA2CQKXN3A")).write())).containsExactly(
					"enterprises.csv:2: creditCode: '91330300MA2CQKXN3A': check digit is 'A' but should be 'R' (GB 32100-2015)");
		assertThat(errors(this.dataset.with("enterprises.csv", DatasetDir.VALID.get("enterprises.csv")
			.replace("91330300MA2CQKXN3R", "9133")).write()))
			.containsExactly("enterprises.csv:2: creditCode: '9133': must be 18 characters, has 4");
	}

	@Test
	void nonNumericNumbers() {
		assertThat(errors(this.dataset.with("enterprises.csv", DatasetDir.VALID.get("enterprises.csv")
			.replace("2015,50,0.5", "二〇一五,many,0.5x")).write())).containsExactlyInAnyOrder(
					"enterprises.csv:3: founded: '二〇一五' is not a whole number",
					"enterprises.csv:3: employees: 'many' is not a whole number",
					"enterprises.csv:3: revenue: '0.5x' is not a number");
		assertThat(errors(this.dataset.reset().append("enterprise_nodes.csv", "t-e4,t-n1,1.5,,\n").write()))
			.containsExactly("enterprise_nodes.csv:6: weight: 1.5 is outside 0..1");
	}

	@Test
	void feedsSelfLoop() {
		assertThat(errors(this.dataset.append("chain_links.csv", "t-n2,t-n2\n").write()))
			.containsExactly("chain_links.csv:4: toId: FEEDS self-loop: 't-n2' feeds itself");
	}

	@Test
	void partOfCycleInTheDatasetAndThroughTheGraph() {
		assertThat(errors(this.dataset.with("parks.csv", """
				id,name,aliases,kind,region,parentId,description
				t-park,中國基因藥谷,,VALLEY,温州,t-sub,
				t-sub,海派生命健康科创园,,PARK,温州,t-park,
				t-other,杭州示例园,,PARK,杭州,,
				""").write())).anyMatch(e -> e.matches("parks.csv:[23]: parentId: PART_OF cycle: .*"));
		// the graph says g-park is part of g-top; the dataset makes g-top part of g-park
		new Fixtures(this.graph).cypher("""
				MATCH (p:Park {id: 'g-park'})
				CREATE (p)-[:PART_OF]->(:Park:Entity {id: 'g-top', name: '顶层', aliases: []})""");
		this.before = GraphChecksum.dump(this.graph);
		assertThat(errors(this.dataset.reset().append("parks.csv", "g-top,顶层,,,,g-park,\n").write()))
			.containsExactly("parks.csv:5: parentId: PART_OF cycle: g-top → g-park → g-top");
	}

	@Test
	void allProblemsAreReportedAtOnce() {
		this.dataset.append("chain_links.csv", "t-n2,t-n2\n");
		this.dataset.append("supplies.csv", "t-e1,nobody,,,\n");
		this.dataset.append("chains.csv", "t-chain2,,,\n");
		assertThat(errors(this.dataset.write())).hasSize(3);
	}

	@Test
	void bothCsvAndJsonlOfOneFileIsAnError() {
		this.dataset.with("chains.jsonl", "{\"id\":\"t-chain\",\"name\":\"基因药物\"}\n");
		assertThat(errors(this.dataset.write()))
			.containsExactly("chains.jsonl:0: -: the dataset has both chains.csv and chains.jsonl; keep one of them");
	}

	@Test
	void hugeCellsAreRefused() {
		// found by DatasetFuzzTest: a 100 KB name was loaded as is
		String name = "基因".repeat(50_000);
		assertThat(errors(this.dataset.append("chains.csv", "t-chain2," + name + ",,\n").write()))
			.containsExactly("chains.csv:3: name: value is 100,000 characters long; at most 1,000 are allowed");
		assertThat(errors(this.dataset.reset().append("chains.csv", "t-chain2,链,," + "x".repeat(20_001) + "\n").write()))
			.containsExactly("chains.csv:3: description: value is 20,001 characters long; at most 20,000 are allowed");
	}

	@Test
	void aJsonObjectIsNotAValue() {
		// found by DatasetFuzzTest: the object's JSON text became the id '{"nested":true}' and was loaded; a nested array threw
		this.dataset.without("chains.csv")
			.with("chains.jsonl", "{\"id\":\"t-chain\",\"name\":\"基因药物\"}\n{\"id\":{\"nested\":true},\"name\":\"x\"}\n"
					+ "{\"id\":\"t-c3\",\"name\":\"y\",\"aliases\":[[\"a\"],\"b\"]}\n");
		assertThat(errors(this.dataset.write())).containsExactly(
				"chains.jsonl:2: id: a JSON object is not a value: use text, a number, or an array of them",
				"chains.jsonl:3: aliases: list items must be text or numbers, not arrays");
	}

}
