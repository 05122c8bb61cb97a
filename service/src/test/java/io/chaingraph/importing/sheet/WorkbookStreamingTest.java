package io.chaingraph.importing.sheet;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.chaingraph.importing.read.DatasetSource;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbook reader streams: a 40,000-row sheet (320,000 cells, shared strings as Excel
 * writes them) is read to its end in a JVM with a 32 MB heap, where building the sheet in memory
 * (XSSFWorkbook: about a kilobyte per cell) could not even start.
 */
class WorkbookStreamingTest {

	static final int ROWS = 40_000;

	@Test
	void aLargeSheetIsReadUnderASmallHeap(@TempDir Path tmp) throws Exception {
		Path file = tmp.resolve("large.xlsx");
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 100, true, true); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet("企业");
			Row header = sheet.createRow(0);
			String[] headers = { "企业名称", "统一社会信用代码", "所属园区", "成立年份", "注册资本", "法定代表人", "所属行业", "注册地址" };
			for (int c = 0; c < headers.length; c++) {
				header.createCell(c).setCellValue(headers[c]);
			}
			for (int r = 1; r <= ROWS; r++) {
				Row row = sheet.createRow(r);
				row.createCell(0).setCellValue("模拟企业" + r);
				row.createCell(1).setCellValue("");
				row.createCell(2).setCellValue("园区" + (r % 50));
				row.createCell(3).setCellValue(1990 + r % 30);
				row.createCell(4).setCellValue((r % 900) + "万元");
				row.createCell(5).setCellValue("法人" + (r % 1000));
				row.createCell(6).setCellValue("行业" + (r % 20));
				row.createCell(7).setCellValue("温州市某区某路" + r + "号");
			}
			workbook.write(out);
		}
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process process = new ProcessBuilder(java.toString(), "-Xmx32m", "-cp", classpath, Scan.class.getName(),
				file.toString())
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
		String output = new String(process.getInputStream().readAllBytes()).strip();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).endsWith("rows=" + (ROWS + 1) + " last=模拟企业" + ROWS);
	}

	/** Reads every row of the first sheet and prints how many there were and the last name. */
	public static final class Scan {

		public static void main(String[] args) throws Exception {
			DatasetSource.Content content = new DatasetSource.FileContent(Path.of(args[0]));
			String sheet = Workbook.sheetNames(content).get(0);
			int[] rows = { 0 };
			String[] last = { null };
			Workbook.rows(content, sheet, row -> {
				rows[0]++;
				last[0] = row.cell(0);
				return true;
			});
			System.out.println("rows=" + rows[0] + " last=" + last[0]);
		}

	}

}
