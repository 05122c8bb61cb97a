package io.chaingraph.importing.sheet;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import io.chaingraph.config.Graph;
import io.chaingraph.dataset.Problem;
import io.chaingraph.importing.ImportProgress;
import io.chaingraph.importing.ImportReport;
import io.chaingraph.importing.ImportService;
import io.chaingraph.importing.ImportStatus;
import io.chaingraph.importing.ReportPrinter;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.GraphChecksum;
import io.chaingraph.support.IntegrationTest;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Enterprise sheets on the real embedded database: workbooks (and a CSV) written by the test,
 * recognised by their header, resolved against the dataset and the graph, loaded all-or-nothing
 * and idempotently; broken workbooks refused with a clear error and nothing written.
 */
class EnterpriseSheetImportTest extends IntegrationTest {

	/** Valid codes (GB 32100-2015 check digits), as in the sample dataset. */
	static final String CODE_A = "91330300MA2C07919L";

	static final String CODE_B = "91330300MA2C63352J";

	@Autowired
	ImportService imports;

	@Autowired
	Graph graph;

	@TempDir
	Path tmp;

	Path dir;

	@BeforeEach
	void seed() throws Exception {
		new Fixtures(this.graph).wipe()
			.cypher("CREATE (:Park:Entity {id: 'g-park', name: '已有园区', aliases: ['老园区'], normName: '已有园区'})")
			.cypher("CREATE (:ChainNode:Entity {id: 'g-node', name: '基因测序', aliases: [], normName: '基因测序', stage: 'UPSTREAM'})")
			.cypher("CREATE (:Enterprise:Entity {id: 'g-ent', name: '已有企业', aliases: [], tags: [], normName: '已有企业', normText: '已有企业'})");
		this.dir = Files.createDirectories(this.tmp.resolve("ds"));
	}

	private ImportReport run(boolean dryRun) {
		return this.imports.run(DatasetSource.fromDirectory(this.dir), dryRun, ImportProgress.NONE);
	}

	private void write(String file, byte[] bytes) throws Exception {
		Files.write(this.dir.resolve(file), bytes);
	}

	private List<String> errors(ImportReport report) {
		return report.problems().stream().filter(Problem::isError).map(Problem::format).toList();
	}

	private Map<String, Object> enterprise(String id) {
		return this.graph.one("""
				MATCH (e:Enterprise {id: $id})
				OPTIONAL MATCH (e)-[:LOCATED_IN]->(p:Park)
				RETURN e {.*, park: p.id, nodes: [(e)-[:OPERATES_IN]->(n) | n.id]} AS e""", Map.of("id", id),
				r -> r.get("e").asMap()).orElse(null);
	}

	private static List<Object> row(Object... cells) {
		return Arrays.asList(cells);
	}

	@Test
	void aChineseWorkbookImportsWithIdsResolvedAndAgainUnchanged() throws Exception {
		write("企业名录.xlsx", new Workbooks().sheet("企业", List.of(row(), // a blank row above the header
				row("企业名称", "统一社会信用代码", "股票代码", "曾用名", "所属园区", "所属环节", "成立日期", "注册资本", "备注"),
				row("新材料科技有限公司", CODE_A, "002003", "新材料、旧名", "已有园区", "基因测序", LocalDate.of(2010, 5, 1), "5000万元", "x"),
				row("已有企业", "", "", "", "g-park", "g-node|基因测序", 2015, "", ""),
				row("无代码企业", null, null, null, "老园区", null, "2018年", null, null)))
			.bytes());
		ImportReport report = run(false);
		assertThat(errors(report)).isEmpty();
		assertThat(report.status()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(report.problems()).extracting(Problem::format)
			.containsExactly("企业名录.xlsx:企业!2: -: warning: columns not read: 未导入的列 [备注] (map them in mapping.yml if they are fields)");

		Map<String, Object> created = enterprise("ent-" + CODE_A);
		assertThat(created).containsEntry("name", "新材料科技有限公司").containsEntry("creditCode", CODE_A)
			.containsEntry("stockCode", "002003").containsEntry("founded", 2010L)
			.containsEntry("registeredCapital", "5000万元").containsEntry("aliases", List.of("新材料", "旧名"))
			.containsEntry("park", "g-park").containsEntry("nodes", List.of("g-node"))
			.containsEntry("source", "企业名录.xlsx:企业");
		// matched by name: the existing enterprise keeps its id
		assertThat(enterprise("g-ent")).containsEntry("founded", 2015L).containsEntry("park", "g-park")
			.containsEntry("nodes", List.of("g-node"));
		// no credit code: an id from the normalised name; the park by its alias
		String derived = Resolver.newId("", "无代码企业");
		assertThat(derived).startsWith("ent-").hasSize(20);
		assertThat(enterprise(derived)).containsEntry("founded", 2018L).containsEntry("park", "g-park");

		String after = GraphChecksum.dump(this.graph);
		ImportReport again = run(false);
		assertThat(errors(again)).isEmpty();
		assertThat(again.files()).allSatisfy(f -> {
			assertThat(f.nodesCreated() + f.nodesUpdated()).as(f.file()).isZero();
			assertThat(f.relsCreated() + f.relsUpdated() + f.relsRemoved()).as(f.file()).isZero();
		});
		assertThat(GraphChecksum.dump(this.graph).replaceAll("importRun[^,}]*", ""))
			.isEqualTo(after.replaceAll("importRun[^,}]*", ""));
	}

	@Test
	void aDryRunCountsTheRowsThatCreateUpdateMatchAndStayAmbiguous() throws Exception {
		write("名录.xlsx", new Workbooks().sheet("企业", List.of(row("企业名称"), row("不变企业"))).bytes());
		assertThat(errors(run(false))).isEmpty();
		write("名录.xlsx", new Workbooks().sheet("企业", List.of(row("企业名称", "所属园区"), row("新企业", "g-park"),
				row("已有企业", "g-park"), row("不变企业", ""))).bytes());
		ImportReport dry = run(true);
		assertThat(errors(dry)).isEmpty();
		// 新企业 is new, 已有企业 gains its source (an update), 不变企业 matches by name and stays as it is
		assertThat(ReportPrinter.text(dry)).contains("企业表 名录.xlsx:企业: 新建 create 1 · 更新 update 1 · 匹配未变 match 1 · 有歧义 ambiguous 0");

		new Fixtures(this.graph).cypher(
				"CREATE (:Enterprise:Entity {id: 'g-twin', name: '不變企業', aliases: [], tags: [], normName: '不变企业', normText: '不变企业'})");
		ImportReport ambiguous = run(true);
		assertThat(ReportPrinter.text(ambiguous)).contains("有歧义 ambiguous: 1 row(s) name more than one enterprise of the graph",
				"nothing was written");
	}

	@Test
	void aListingCodeFindsTheEnterpriseWhenNoCreditCodeDoes() throws Exception {
		new Fixtures(this.graph).cypher("""
				CREATE (:Enterprise:Entity {id: 'g-listed', name: '上市企业', aliases: [], tags: [], stockCode: '600001',
				                            normName: '上市企业', normText: '上市企业'})""");
		write("上市.xlsx", new Workbooks().sheet("名单", List.of(row("企业名称", "统一社会信用代码", "股票代码"),
				row("上市企业股份", "", "600001"), row("另一家", "", "600002"))).bytes());
		ImportReport report = run(false);
		assertThat(errors(report)).isEmpty();
		// the listed row is the graph's enterprise (its sheet name becomes an alias); the other is new
		assertThat(enterprise("g-listed")).containsEntry("name", "上市企业").containsEntry("stockCode", "600001")
			.containsEntry("aliases", List.of("上市企业股份"));
		assertThat(this.graph.one("MATCH (e:Enterprise {stockCode: '600002'}) RETURN e.id AS id", Map.of(),
				r -> r.get("id").asString())).hasValue(Resolver.newId("", "另一家"));
		assertThat(this.graph.one("MATCH (e:Enterprise) RETURN count(e) AS n", Map.of(), r -> r.get("n").asLong()))
			.hasValue(3L);
	}

	@Test
	void aColumnOneSheetLacksKeepsTheStoredValueOfItsRows() throws Exception {
		this.graph.write("MATCH (e:Enterprise {id: 'g-ent'}) SET e.founded = 1999, e.region = '浙江省温州市'", Map.of());
		this.graph.write("MATCH (e:Enterprise {id: 'g-ent'}), (p:Park {id: 'g-park'}) CREATE (e)-[:LOCATED_IN]->(p)",
				Map.of());
		// the first sheet has 成立年份 and 所属园区, the second neither: its row leaves them as they are
		write("两表.xlsx", new Workbooks()
			.sheet("甲", List.of(row("企业名称", "统一社会信用代码", "成立年份", "所属园区"), row("甲企业", CODE_A, 2012, "已有园区")))
			.sheet("乙", List.of(row("企业名称", "注册地址"), row("已有企业", "温州市鹿城区")))
			.bytes());
		ImportReport report = run(false);
		assertThat(errors(report)).isEmpty();
		assertThat(enterprise("g-ent")).containsEntry("founded", 1999L).containsEntry("region", "浙江省温州市")
			.containsEntry("park", "g-park").containsEntry("address", "温州市鹿城区");
		assertThat(enterprise("ent-" + CODE_A)).containsEntry("founded", 2012L).containsEntry("park", "g-park");
		assertThat(run(false).unchanged()).isTrue();
	}

	@Test
	void englishHeadersAndASheetSavedAsCsvReadTheSame() throws Exception {
		Files.writeString(this.dir.resolve("companies.csv"), "\uFEFFCompany Name,Credit Code,Park,Founded\n"
				+ "CSV 企业," + CODE_B + ",已有园区,2001-03-04\n", StandardCharsets.UTF_8);
		ImportReport report = run(false);
		assertThat(errors(report)).isEmpty();
		assertThat(enterprise("ent-" + CODE_B)).containsEntry("name", "CSV 企业").containsEntry("founded", 2001L)
			.containsEntry("park", "g-park").containsEntry("source", "companies.csv");
	}

	@Test
	void mappingYmlMapsAnotherLayoutAndIgnoresNotes() throws Exception {
		write("book.xlsx", new Workbooks().sheet("清单", List.of(row("单位全称", "代码", "园"), row("映射企业", CODE_B, "已有园区")))
			.sheet("填表说明", List.of(row("请按要求填写")))
			.bytes());
		Files.writeString(this.dir.resolve("mapping.yml"), """
				清单:
				  单位全称: name
				  代码: creditCode
				  园: park
				填表说明: ignore
				""");
		ImportReport report = run(false);
		assertThat(errors(report)).isEmpty();
		assertThat(enterprise("ent-" + CODE_B)).containsEntry("name", "映射企业").containsEntry("park", "g-park");
	}

	@Test
	void rowProblemsPointAtWorkbookSheetAndRowAndNothingIsWritten() throws Exception {
		new Fixtures(this.graph).cypher(
				"CREATE (:Enterprise:Entity {id: 'g-twin1', name: '双胞胎公司', aliases: [], tags: [], normName: '双胞胎公司', normText: '双胞胎公司'})")
			.cypher("CREATE (:Enterprise:Entity {id: 'g-twin2', name: '雙胞胎公司', aliases: [], tags: [], normName: '双胞胎公司', normText: '双胞胎公司'})");
		String before = GraphChecksum.dump(this.graph);
		write("名录.xlsx", new Workbooks().sheet("企业", List.of(row("企业名称", "统一社会信用代码", "所属园区", "所属环节"),
				row("坏代码企业", "91330300MA2C07919A", "", ""), row("双胞胎公司", "", "", ""),
				row("某企业", "", "不存在的园区", "不存在的环节")))
			.bytes());
		ImportReport report = run(false);
		assertThat(report.status()).isEqualTo(ImportStatus.INVALID);
		assertThat(errors(report)).contains(
				"名录.xlsx:企业!2: creditCode: '91330300MA2C07919A': check digit is 'A' but should be 'L' (GB 32100-2015)",
				"名录.xlsx:企业!3: 企业名称: ambiguous: 2 enterprises in the graph match name '双胞胎公司': g-twin1 (双胞胎公司), "
						+ "g-twin2 (雙胞胎公司); 匹配到多家企业, give the credit code or an id column (企业编号) to say which",
				"名录.xlsx:企业!4: 所属园区: unknown park '不存在的园区' (no park with this id or name in the dataset or the graph)",
				"名录.xlsx:企业!4: 所属环节: unknown chain segment '不存在的环节' (no chain segment with this id or name in the dataset or the graph)");
		assertThat(GraphChecksum.dump(this.graph)).isEqualTo(before);
	}

	@Test
	void brokenWorkbooksAreRefusedAndNothingIsWritten() throws Exception {
		String before = GraphChecksum.dump(this.graph);
		byte[] good = new Workbooks().sheet("企业", List.of(row("企业名称"), row("某企业"))).bytes();

		write("a.xlsx", "this is not a workbook".getBytes(StandardCharsets.UTF_8));
		assertThat(errors(run(false))).singleElement().asString().startsWith("a.xlsx:0: -: not an .xlsx workbook, or a damaged one");
		Files.delete(this.dir.resolve("a.xlsx"));

		write("b.xlsx", Arrays.copyOf(good, good.length / 2));
		assertThat(errors(run(false))).singleElement().asString().startsWith("b.xlsx:0: -: ").contains("damaged");
		Files.delete(this.dir.resolve("b.xlsx"));

		write("c.xlsx", encrypted(good));
		assertThat(errors(run(false))).singleElement().asString().startsWith("c.xlsx:0: -: the workbook is password-protected");
		Files.delete(this.dir.resolve("c.xlsx"));

		write("d.xlsx", new Workbooks().sheet("Sheet1", List.of(row("甲", "乙"), row("1", "2"))).bytes());
		assertThat(errors(run(false))).singleElement().asString()
			.startsWith("d.xlsx:Sheet1!1: -: no recognisable enterprise header: 未识别的表头 [甲, 乙]");
		Files.delete(this.dir.resolve("d.xlsx"));

		write("e.xlsx", zipBomb(good));
		assertThat(errors(run(false))).singleElement().asString().startsWith("e.xlsx:")
			.contains("zip bomb");
		assertThat(GraphChecksum.dump(this.graph)).isEqualTo(before);
		assertThat(this.graph.one("MATCH (r:ImportRun) RETURN count(r) AS n", Map.of(), r -> r.get("n").asLong()))
			.contains(0L);
	}

	@Test
	void theTemplateIsRecognisedAndEveryHeaderMapsToAField(@TempDir Path out) throws Exception {
		Path template = out.resolve("t.xlsx");
		EnterpriseTemplate.write(template);
		assertThat(EnterpriseTemplate.headers()).allSatisfy(h -> assertThat(Field.of(h)).isPresent());
		Files.copy(template, this.dir.resolve("t.xlsx"));
		ImportReport report = run(true);
		assertThat(report.problems()).isEmpty();
		assertThat(report.status()).isEqualTo(ImportStatus.DRY_RUN);
	}

	/** The workbook encrypted with a password (agile encryption), as Excel saves a protected one. */
	private static byte[] encrypted(byte[] workbook) throws Exception {
		EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
		Encryptor encryptor = info.getEncryptor();
		encryptor.confirmPassword("secret");
		try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			try (OutputStream data = encryptor.getDataStream(fs)) {
				data.write(workbook);
			}
			fs.writeFilesystem(out);
			return out.toByteArray();
		}
	}

	/** The workbook with 20 MB of blanks in its sheet: tiny compressed, far over POI's inflate ratio. */
	private static byte[] zipBomb(byte[] workbook) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(workbook));
				ZipOutputStream zip = new ZipOutputStream(out)) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				byte[] content = in.readAllBytes();
				zip.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					String xml = new String(content, StandardCharsets.UTF_8);
					int end = xml.lastIndexOf("</worksheet>");
					zip.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
					byte[] blanks = new byte[1024 * 1024];
					Arrays.fill(blanks, (byte) ' ');
					for (int i = 0; i < 20; i++) {
						zip.write(blanks);
					}
					zip.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
				}
				else {
					zip.write(content);
				}
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

}
