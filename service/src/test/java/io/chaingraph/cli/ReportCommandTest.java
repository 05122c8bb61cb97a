package io.chaingraph.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.chaingraph.config.Graph;
import io.chaingraph.report.ChainReports;
import io.chaingraph.support.ChainFixture;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.IntegrationTest;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code report --park P --chain C --out DIR [--format F]} with the running application's reports (the
 * command's own start-up of the application is what {@code import} and {@code ingest} use): the files it writes,
 * read back, and what it says for an unknown park or chain or a bad format.
 */
class ReportCommandTest extends IntegrationTest {

	@Autowired
	Graph graph;

	@Autowired
	ChainReports reports;

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@BeforeEach
	void build() {
		ChainFixture.build(new Fixtures(this.graph));
	}

	private int run(String... args) {
		return ReportCommand.run(args, this.reports, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private String out() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

	@Test
	void writesTheWorkbookAndThePrintPage() throws IOException {
		Path target = this.dir.resolve("reports");
		assertThat(run("--park", "P", "--chain", "C", "--out", target.toString())).as(err()).isZero();
		Path xlsx = target.resolve("report-P-C.xlsx");
		Path html = target.resolve("report-P-C.html");
		assertThat(out()).contains("已写入 Wrote " + xlsx.toAbsolutePath()).contains("已写入 Wrote " + html.toAbsolutePath())
			.contains("园区P · 链C: 覆盖率 coverage 57.1%, 断链 broken 2, 缺链 missing 1, 弱链 weak 2");
		try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(4);
			// the segments sheet: a header and the seven segments of chain C
			assertThat(workbook.getSheetAt(1).getLastRowNum()).isEqualTo(7);
		}
		assertThat(Files.readString(html)).contains("<span id=\"report-park\">园区P</span>").contains("@page { size: A4;");
		assertThat(err()).isEmpty();
	}

	@Test
	void formatWritesOneFile() throws IOException {
		assertThat(run("--park", "P", "--chain", "C", "--out", this.dir.toString(), "--format", "html")).as(err()).isZero();
		try (var files = Files.list(this.dir)) {
			assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report-P-C.html");
		}
	}

	@Test
	void anUnknownParkOrChainIsSaidInChineseAndEnglishAndWritesNothing() throws IOException {
		assertThat(run("--park", "nope", "--chain", "C", "--out", this.dir.toString())).isEqualTo(1);
		assertThat(err()).isEqualTo("chaingraph report: 找不到园区 'nope' · No park with id 'nope'" + System.lineSeparator());
		assertThat(run("--park", "P", "--chain", "nope", "--out", this.dir.toString())).isEqualTo(1);
		assertThat(err()).contains("chaingraph report: 找不到产业链 'nope' · No chain with id 'nope'");
		try (var files = Files.list(this.dir)) {
			assertThat(files).isEmpty();
		}
		assertThat(out()).isEmpty();
	}

	@Test
	void badArgumentsAreRefused() {
		assertThat(run("--park", "P", "--chain", "C", "--out", this.dir.toString(), "--format", "pdf")).isEqualTo(2);
		assertThat(err()).contains("--format 须为 xlsx 或 html · --format must be xlsx or html, was 'pdf'");
		assertThat(run("--park", "P", "--out", this.dir.toString())).isEqualTo(2);
		assertThat(err()).contains("Missing required option: '--chain=C'");
		assertThat(run("--park", "P", "--chain", "C", "--out", this.dir.toString(), "--candidates", "99")).isEqualTo(1);
		assertThat(err()).contains("candidates must be between 0 and 20, was 99");
	}

}
