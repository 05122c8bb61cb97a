package io.chaingraph.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.chaingraph.gap.SegmentGaps;
import io.chaingraph.support.ChainFixture;
import io.chaingraph.support.ChainFixtureTest;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain report over real HTTP ({@code GET /export/report}) on {@link ChainFixture}: the workbook read back
 * with Apache POI's reader, every figure compared with what {@code chainGaps} and {@code gapCandidates} answer
 * over GraphQL for the same park and chain; the print page with every segment row, every candidate, the data
 * sources and the A4 print rule; the refusals; a coverage history plugged into the trend.
 */
class ChainReportTest extends ChainFixtureTest {

	static final String GAPS = """
			query($parkId: ID!, $chainId: ID!) { chainGaps(parkId: $parkId, chainId: $chainId) {
			  park { id name } chain { id name } coverage counts { segments present missing broken weak }
			  segments { node { id name } localCount kind }
			  gaps { node { id name } kind localCount candidateCount } } }""";

	static final String CANDIDATES = """
			query($parkId: ID!, $nodeId: ID!, $first: Int) { gapCandidates(parkId: $parkId, nodeId: $nodeId, first: $first) {
			  edges { node { enterprise { id name } score reasonDetails { code label labelEn } } } } }""";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	SegmentGaps segmentGaps;

	@Autowired
	ReportSources sources;

	private final HttpClient client = HttpClient.newHttpClient();

	@BeforeEach
	void provenance() {
		// two enterprises of P in chain C with a source, one of them and the park written by a stored run
		this.graph.write("""
				MATCH (e1:Enterprise {id: 'e1'}), (e3:Enterprise {id: 'e3'}), (p:Park {id: 'P'}), (c:Chain {id: 'C'})
				SET e1.source = 'enterprises.csv', e1.importRun = 'run-1', e3.source = '企业.xlsx:企业',
				    p.source = 'parks.csv', p.importRun = 'run-1', c.source = 'chains.csv'
				CREATE (:ImportRun {id: 'run-1', dataset: 'wenzhou', status: 'SUCCEEDED',
				                    finished: datetime('2026-01-02T03:04:05Z')})""", Map.of());
	}

	record Download(int status, Map<String, List<String>> headers, byte[] body) {

		String header(String name) {
			return this.headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
				.map(e -> e.getValue().get(0)).findFirst().orElse(null);
		}

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

	private Download get(String query) {
		try {
			HttpResponse<byte[]> response = this.client.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/export/report?" + query)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			return new Download(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> chainGaps(String parkId, String chainId) {
		return tester().document(GAPS).variable("parkId", parkId).variable("chainId", chainId).execute()
			.path("chainGaps").entity(Map.class).get();
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private List<Map<String, Object>> candidates(String parkId, String nodeId, int first) {
		return (List) tester().document(CANDIDATES).variable("parkId", parkId).variable("nodeId", nodeId)
			.variable("first", first).execute().path("gapCandidates.edges[*].node").entityList(Map.class).get();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theWorkbookReadBackHoldsWhatChainGapsAndGapCandidatesAnswer() throws IOException {
		Download download = get("parkId=P&chainId=C&candidates=2");
		assertThat(download.status()).as(download.text()).isEqualTo(200);
		assertThat(download.header("Content-Type"))
			.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(download.header("Content-Disposition")).startsWith("attachment")
			.contains("report-P-C.xlsx");
		Map<String, Object> gaps = chainGaps("P", "C");
		Map<String, Object> counts = (Map<String, Object>) gaps.get("counts");
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
			assertThat(names(workbook)).containsExactly(ReportWorkbook.SUMMARY, ReportWorkbook.SEGMENTS,
					ReportWorkbook.CANDIDATES, ReportWorkbook.TREND);

			// summary: the park, the chain, the figures of chainGaps, the sources
			Sheet summary = workbook.getSheet(ReportWorkbook.SUMMARY);
			assertThat(row(summary, "园区 Park")).containsExactly("园区 Park", "园区P", "P");
			assertThat(row(summary, "产业链 Chain")).containsExactly("产业链 Chain", "链C", "C");
			assertThat(row(summary, "日期 Date").get(1)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d [+-]\\d\\d:\\d\\d");
			assertThat(number(summary, "覆盖率 Coverage")).isEqualTo(((Number) gaps.get("coverage")).doubleValue());
			assertThat(number(summary, "环节 Segments")).isEqualTo(((Number) counts.get("segments")).doubleValue());
			assertThat(number(summary, "有本地企业 Held")).isEqualTo(((Number) counts.get("present")).doubleValue());
			assertThat(number(summary, "断链 Broken")).isEqualTo(((Number) counts.get("broken")).doubleValue());
			assertThat(number(summary, "缺链 Missing")).isEqualTo(((Number) counts.get("missing")).doubleValue());
			assertThat(number(summary, "弱链 Weak")).isEqualTo(((Number) counts.get("weak")).doubleValue());
			assertThat(number(summary, "每个缺口的候选企业 Candidates per gap")).isEqualTo(2.0);
			// e1..e5 work in chain C (e6, e7 in C2); e1 and e3 name a source, the other three none
			assertThat(number(summary, "本链本地企业 Park's enterprises in the chain")).isEqualTo(5.0);
			assertThat(row(summary, "园区的来源 Park's source")).containsExactly("园区的来源 Park's source", "parks.csv");
			assertThat(row(summary, "产业链的来源 Chain's source")).containsExactly("产业链的来源 Chain's source", "chains.csv");
			assertThat(row(summary, "（空） none")).containsExactly("（空） none", "3");
			assertThat(row(summary, "enterprises.csv")).containsExactly("enterprises.csv", "1");
			assertThat(row(summary, "企业.xlsx:企业")).containsExactly("企业.xlsx:企业", "1");
			// run-1 wrote e1 and the park
			assertThat(row(summary, "run-1")).containsExactly("run-1", "wenzhou", "SUCCEEDED", "2026-01-02T03:04:05Z", "2");

			// segments: one row per segment of chainGaps, in its order, with status and local count
			List<List<String>> segmentRows = rows(workbook.getSheet(ReportWorkbook.SEGMENTS));
			assertThat(segmentRows.get(0)).isEqualTo(ReportWorkbook.SEGMENT_HEADERS);
			Map<String, Object> gapById = new HashMap<>();
			for (Map<String, Object> gap : (List<Map<String, Object>>) gaps.get("gaps")) {
				gapById.put((String) ((Map<String, Object>) gap.get("node")).get("id"), gap);
			}
			List<List<String>> expectedSegments = new ArrayList<>();
			for (Map<String, Object> segment : (List<Map<String, Object>>) gaps.get("segments")) {
				Map<String, Object> node = (Map<String, Object>) segment.get("node");
				String kind = (String) segment.get("kind");
				List<String> expected = new ArrayList<>(List.of((String) node.get("id"), (String) node.get("name")));
				expected.add(segmentRows.get(expectedSegments.size() + 1).get(2)); // the stage, checked below
				expected.add(String.valueOf(segment.get("localCount")));
				expected.add(segmentRows.get(expectedSegments.size() + 1).get(4)); // the status label, checked below
				expected.add((kind == null) ? "OK" : kind);
				if (gapById.containsKey(node.get("id"))) {
					expected.add(String.valueOf(((Map<String, Object>) gapById.get(node.get("id"))).get("candidateCount")));
				}
				expectedSegments.add(expected);
			}
			assertThat(segmentRows.subList(1, segmentRows.size())).isEqualTo(expectedSegments);
			assertThat(segmentRows.stream().skip(1).map(r -> r.get(2))).containsExactly("上游 Upstream",
					"中游 Midstream", "中游 Midstream", "中游 Midstream", "中游 Midstream", "下游 Downstream", "下游 Downstream");
			assertThat(segmentRows.stream().skip(1).map(r -> r.get(5) + "=" + r.get(4))).containsOnly(
					"OK=已覆盖 Covered", "BROKEN=断链 Broken", "MISSING=缺链 Missing", "WEAK=弱链 Weak");

			// candidates: per gap, in chainGaps' order, the first two of gapCandidates with their reasons
			List<List<String>> candidateRows = rows(workbook.getSheet(ReportWorkbook.CANDIDATES));
			assertThat(candidateRows.get(0)).isEqualTo(ReportWorkbook.CANDIDATE_HEADERS);
			List<List<String>> expectedCandidates = new ArrayList<>();
			for (Map<String, Object> gap : (List<Map<String, Object>>) gaps.get("gaps")) {
				Map<String, Object> node = (Map<String, Object>) gap.get("node");
				String status = ReportLabels.status(io.chaingraph.gap.GapKind.valueOf((String) gap.get("kind")));
				List<Map<String, Object>> found = candidates("P", (String) node.get("id"), 2);
				if (found.isEmpty()) {
					expectedCandidates.add(List.of((String) node.get("id"), (String) node.get("name"), status, "", "",
							"（无候选企业） no candidates"));
				}
				int rank = 0;
				for (Map<String, Object> candidate : found) {
					rank++;
					Map<String, Object> enterprise = (Map<String, Object>) candidate.get("enterprise");
					List<Map<String, Object>> reasons = (List<Map<String, Object>>) candidate.get("reasonDetails");
					expectedCandidates.add(List.of((String) node.get("id"), (String) node.get("name"), status,
							String.valueOf(rank), (String) enterprise.get("id"), (String) enterprise.get("name"),
							"（空） none", number(((Number) candidate.get("score")).doubleValue()),
							join(reasons, "code"), join(reasons, "label"), join(reasons, "labelEn")));
				}
			}
			assertThat(candidateRows.subList(1, candidateRows.size())).isEqualTo(expectedCandidates);
			// E has three candidates, two listed; Gamma first: LEADING and LISTED, a supplier of e3 in the park
			assertThat(candidateRows.stream().filter(r -> r.get(0).equals("E")).count()).isEqualTo(2);
			assertThat(candidateRows.get(1).get(5)).isEqualTo("Gamma");
			assertThat(candidateRows.get(1).get(8)).startsWith("LEADING\nLISTED\nSIZE\nWORKS_IN\nSUPPLIES_LOCAL");
			assertThat(candidateRows.get(1).get(9)).contains("龙头企业（+3）").contains("已向园区内的e3供货");
			assertThat(candidateRows.get(1).get(10)).contains("Leading enterprise (LEADING, +3)");

			// trend: this report's point only, and the note saying so
			List<List<String>> trend = rows(workbook.getSheet(ReportWorkbook.TREND));
			assertThat(trend.get(0)).isEqualTo(ReportWorkbook.TREND_HEADERS);
			assertThat(trend.get(1).get(0)).isEqualTo(row(summary, "日期 Date").get(1));
			assertThat(workbook.getSheet(ReportWorkbook.TREND).getRow(1).getCell(1).getNumericCellValue())
				.isEqualTo(((Number) gaps.get("coverage")).doubleValue());
			assertThat(trend.get(1).get(2)).isEqualTo(ReportLabels.CURRENT_POINT);
			assertThat(trend).contains(List.of(ReportLabels.SINGLE_POINT));
			assertThat(trend).hasSize(4);
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void thePrintPageHoldsEverySegmentAndCandidateAndPrintsOnA4() {
		Download download = get("parkId=P&chainId=C&format=HTML");
		assertThat(download.status()).as(download.text()).isEqualTo(200);
		assertThat(download.header("Content-Type")).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
		// opened in the browser, to print
		assertThat(download.header("Content-Disposition")).startsWith("inline").contains("report-P-C.html");
		String html = download.text();
		assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"zh-CN\">")
			.contains("@page { size: A4;")
			.contains("@media print")
			.doesNotContain("<script")
			.contains("<span id=\"report-park\">园区P</span>")
			.contains("<span id=\"report-chain\">链C</span>")
			.contains("<h1 id=\"report-title\">产业链缺口报告 <span class=\"en\">Chain gap report</span></h1>");
		Map<String, Object> gaps = chainGaps("P", "C");
		Map<String, Object> counts = (Map<String, Object>) gaps.get("counts");
		for (String key : List.of("segments", "present", "broken", "missing", "weak")) {
			assertThat(html).contains("<td id=\"count-" + key + "\">" + counts.get(key) + "</td>");
		}
		assertThat(html).contains("<td id=\"report-coverage\">"
				+ ReportLabels.percent(((Number) gaps.get("coverage")).doubleValue()) + "</td>");
		for (Map<String, Object> segment : (List<Map<String, Object>>) gaps.get("segments")) {
			Map<String, Object> node = (Map<String, Object>) segment.get("node");
			String kind = (segment.get("kind") == null) ? "OK" : (String) segment.get("kind");
			assertThat(html).contains("<tr id=\"segment-" + node.get("id") + "\" data-kind=\"" + kind + "\"><td>"
					+ node.get("name") + " ");
			assertThat(html).containsPattern("<tr id=\"segment-" + node.get("id")
					+ "\"[^\\n]*<td class=\"num local\">" + segment.get("localCount") + "</td>");
		}
		assertThat(html.split("<tr id=\"segment-", -1)).hasSize(((List<?>) gaps.get("segments")).size() + 1);
		for (Map<String, Object> gap : (List<Map<String, Object>>) gaps.get("gaps")) {
			String id = (String) ((Map<String, Object>) gap.get("node")).get("id");
			assertThat(html).contains("<section class=\"gap\" id=\"gap-" + id + "\" data-kind=\"" + gap.get("kind") + "\">");
			for (Map<String, Object> candidate : candidates("P", id, ChainReports.DEFAULT_CANDIDATES)) {
				assertThat(html).contains("<tr class=\"candidate\" data-enterprise=\""
						+ ((Map<String, Object>) candidate.get("enterprise")).get("id") + "\">");
			}
		}
		assertThat(html.split("<tr class=\"candidate\"", -1)).hasSize(1 + 3 + 1); // E: q1, q2, q3; B2: q4
		assertThat(html).contains("<li data-code=\"LEADING\">龙头企业（+3） <span class=\"en\">Leading enterprise (LEADING, +3)</span></li>");
		assertThat(html).contains("id=\"report-sources\"").contains("<td>enterprises.csv</td>")
			.contains("<td>run-1</td><td>wenzhou</td>");
		assertThat(html).contains("id=\"report-trend\"").contains("id=\"report-trend-note\"");
	}

	@Test
	void markupInNamesIsEscaped() {
		this.graph.write("MATCH (p:Park {id: 'P'}) SET p.name = '<b>园区</b> & \"P\"'", Map.of());
		String html = get("parkId=P&chainId=C&format=html").text();
		assertThat(html).contains("<span id=\"report-park\">&lt;b&gt;园区&lt;/b&gt; &amp; &quot;P&quot;</span>")
			.doesNotContain("<b>园区");
	}

	@Test
	void refusalsNameTheParameterInChineseAndEnglish() {
		assertRefused(get("parkId=nope&chainId=C"), 404, "parkId", "找不到园区 'nope' · No park with id 'nope'");
		assertRefused(get("parkId=P&chainId=nope&format=html"), 404, "chainId",
				"找不到产业链 'nope' · No chain with id 'nope'");
		assertRefused(get("parkId=P&chainId=C&format=pdf"), 400, "format", "format must be one of xlsx, html, was 'pdf'");
		assertRefused(get("parkId=P&chainId=C&candidates=21"), 400, "candidates",
				"candidates must be between 0 and 20, was 21");
		assertRefused(get("parkId=P&chainId=C&weakBelow=0"), 400, "weakBelow", "weakBelow must be at least 1, was 0");
		assertRefused(get("chainId=C"), 400, "parkId", "parkId is required");
		assertRefused(get("parkId=P&chainId=C&first=3"), 400, "first",
				"/export/report has no parameter 'first'; it takes candidates, chainId, format, parkId, weakBelow");
	}

	@Test
	void noCandidatesAndAHigherThresholdChangeTheReportAsTheyChangeChainGaps() throws IOException {
		Download download = get("parkId=P&chainId=C&candidates=0&weakBelow=3");
		assertThat(download.status()).as(download.text()).isEqualTo(200);
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
			// weakBelow 3: B and D (2 each) are weak too: 7 gaps, each without candidates listed
			List<List<String>> candidateRows = rows(workbook.getSheet(ReportWorkbook.CANDIDATES));
			assertThat(candidateRows.stream().skip(1).map(r -> r.get(0))).containsExactly("E", "G", "B2", "A", "B1", "B", "D");
			assertThat(candidateRows.stream().skip(1).map(r -> r.get(5))).containsOnly("（无候选企业） no candidates");
			assertThat(number(workbook.getSheet(ReportWorkbook.SUMMARY), "弱链 Weak")).isEqualTo(4.0);
			assertThat(number(workbook.getSheet(ReportWorkbook.SUMMARY), "弱链阈值 Weak below (local enterprises)"))
				.isEqualTo(3.0);
		}
	}

	@Test
	void aCoverageHistoryComesBeforeTheReportsOwnPointInTheTrend() throws IOException {
		OffsetDateTime quarter = OffsetDateTime.parse("2026-01-01T00:00:00+08:00");
		CoverageHistory history = (parkId, chainId, weakBelow) -> List.of(
				new ChainReport.TrendPoint(quarter, 0.25, parkId + "/" + chainId + "/" + weakBelow),
				new ChainReport.TrendPoint(quarter.plusMonths(3), 0.5, "run-2"));
		ChainReports withHistory = new ChainReports(this.segmentGaps, this.sources,
				new StaticListableBeanFactory(Map.<String, Object>of("history", history)).getBeanProvider(CoverageHistory.class));
		ChainReport report = withHistory.build("P", "C", 2, 1);
		assertThat(report.trend()).extracting(ChainReport.TrendPoint::coverage)
			.containsExactly(0.25, 0.5, report.coverage());
		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
		ReportFormat.XLSX.write(report, xlsx);
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
			List<List<String>> trend = rows(workbook.getSheet(ReportWorkbook.TREND));
			assertThat(trend).hasSize(4);
			assertThat(trend.get(1)).containsExactly("2026-01-01 00:00 +08:00", "0.25", "P/C/2");
			assertThat(trend.get(2)).containsExactly("2026-04-01 00:00 +08:00", "0.5", "run-2");
			assertThat(trend.get(3).get(2)).isEqualTo(ReportLabels.CURRENT_POINT);
		}
		String html = ReportPage.html(report);
		assertThat(html).contains("id=\"report-trend-chart\"").doesNotContain("id=\"report-trend-note\"")
			.contains("<td class=\"num\">25.0%</td><td>P/C/2</td>");
	}

	private void assertRefused(Download download, int status, String parameter, String message) {
		assertThat(download.status()).as(download.text()).isEqualTo(status);
		JsonNode body = JSON.readTree(download.body());
		assertThat(body.path("message").asString()).isEqualTo(message);
		if (parameter != null) {
			assertThat(body.path("parameter").asString()).isEqualTo(parameter);
		}
	}

	// ---- reading the workbook

	private static List<String> names(Workbook workbook) {
		List<String> names = new ArrayList<>();
		workbook.forEach(sheet -> names.add(sheet.getSheetName()));
		return names;
	}

	/** Every row as text (numbers as whole numbers where they are), trailing blanks left out. */
	static List<List<String>> rows(Sheet sheet) {
		List<List<String>> rows = new ArrayList<>();
		for (int r = 0; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			List<String> cells = new ArrayList<>();
			if (row != null) {
				for (int c = 0; c < row.getLastCellNum(); c++) {
					cells.add(text(row.getCell(c)));
				}
			}
			while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
				cells.remove(cells.size() - 1);
			}
			rows.add(cells);
		}
		return rows;
	}

	private static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		return (cell.getCellType() == CellType.NUMERIC) ? number(cell.getNumericCellValue()) : cell.getStringCellValue();
	}

	private static String number(double value) {
		return (value == Math.rint(value)) ? Long.toString((long) value) : Double.toString(value);
	}

	/** The first row whose first cell is {@code label}, as text. */
	private static List<String> row(Sheet sheet, String label) {
		return rows(sheet).stream().filter(r -> !r.isEmpty() && r.get(0).equals(label)).findFirst()
			.orElseThrow(() -> new AssertionError("no row " + label + " in " + sheet.getSheetName()));
	}

	/** The number beside {@code label}. */
	private static double number(Sheet sheet, String label) {
		for (Row row : sheet) {
			if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
					&& row.getCell(0).getStringCellValue().equals(label)) {
				return row.getCell(1).getNumericCellValue();
			}
		}
		throw new AssertionError("no row " + label + " in " + sheet.getSheetName());
	}

	private static String join(List<Map<String, Object>> reasons, String key) {
		return String.join("\n", reasons.stream().map(r -> (String) r.get(key)).toList());
	}

}
