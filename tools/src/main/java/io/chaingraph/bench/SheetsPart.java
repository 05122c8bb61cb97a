package io.chaingraph.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import io.chaingraph.dataset.CreditCode;
import io.chaingraph.importing.ImportProgress;
import io.chaingraph.importing.ImportReport;
import io.chaingraph.importing.ImportService;
import io.chaingraph.importing.ImportStatus;
import io.chaingraph.importing.read.DatasetSource;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Enterprise sheets: the same enterprises imported from an {@code .xlsx} workbook (Chinese headers, ids
 * resolved by credit code) and from format v1's {@code enterprises.csv}, each into a fresh database.
 * Rows per second end to end, the ratio (target: the workbook at least 0.7× the CSV), and the peak heap
 * while each import runs.
 */
public final class SheetsPart implements BenchPart {

	static final double TARGET_VS_CSV = 0.7;

	/** Parks the enterprises are spread over (given in parks.csv, named by name in the sheet). */
	static final int PARKS = 20;

	@Override
	public String name() {
		return "sheets";
	}

	record Load(Duration total, long rows, HeapWatcher.Peak heap) {

		double rowsPerSecond() {
			return this.rows / (this.total.toNanos() / 1e9);
		}

	}

	@Override
	public List<MarkdownTable> run(BenchContext context) throws Exception {
		MarkdownTable table = new MarkdownTable("Sheets: an enterprise workbook vs the same rows as enterprises.csv",
				"size", "enterprises", "source", "file size", "runs", "end to end, median", "rows/s", "× CSV",
				"peak heap used", "peak live after GC");
		List<String> verdicts = new ArrayList<>();
		for (BenchSize size : context.sizes()) {
			Path dir = context.workDir().resolve("sheets").resolve(size.label());
			Path csv = dir.resolve("csv");
			Path xlsx = dir.resolve("xlsx");
			long started = System.nanoTime();
			write(csv, xlsx, size.enterprises(), 42);
			context.log().printf("Sheets, size %s: %,d enterprises written as CSV and as a workbook in %.1f s%n",
					size, size.enterprises(), (System.nanoTime() - started) / 1e9);
			Harness.Measured<Load> fromCsv = context.harness().measure(size.label() + " enterprises.csv",
					size.importWarmups(), size.runs(), run -> {
						Load load = load(context, csv, size.enterprises());
						return new Harness.Timed<>(load, load.total());
					});
			Harness.Measured<Load> fromXlsx = context.harness().measure(size.label() + " enterprises.xlsx",
					size.importWarmups(), size.runs(), run -> {
						Load load = load(context, xlsx, size.enterprises());
						return new Harness.Timed<>(load, load.total());
					});
			Load c = fromCsv.medianValue(l -> l.total().toNanos());
			Load x = fromXlsx.medianValue(l -> l.total().toNanos());
			double ratio = x.rowsPerSecond() / c.rowsPerSecond();
			table.row(size.label(), fmt(size.enterprises()), "enterprises.csv", megabytes(csv.resolve("enterprises.csv")),
					String.valueOf(fromCsv.stats().n()), seconds(fromCsv.stats().median()), rate(c.rowsPerSecond()),
					"1.00×", c.heap().usedMb(), c.heap().liveMb());
			table.row(size.label(), fmt(size.enterprises()), "企业名录.xlsx", megabytes(xlsx.resolve("企业名录.xlsx")),
					String.valueOf(fromXlsx.stats().n()), seconds(fromXlsx.stats().median()), rate(x.rowsPerSecond()),
					Harness.ratio(ratio, 1), x.heap().usedMb(), x.heap().liveMb());
			verdicts.add(String.format(Locale.ROOT, "- %s: the workbook imports at %s the CSV's rows/s (target ≥ %.1f×: %s); "
					+ "peak heap %s with -Xmx %,d MB.", size.label(), Harness.ratio(ratio, 1), TARGET_VS_CSV,
					ratio >= TARGET_VS_CSV ? "met" : "MISSED", x.heap().usedMb(), Runtime.getRuntime().maxMemory() >> 20));
			context.log().print(table.render());
		}
		table.note("The same enterprises (name, credit code, park, region, founding year, employees, revenue) and the "
				+ "same parks.csv; the CSV names its own ids (ent-<credit code>) and park ids, the workbook's one sheet "
				+ "has Chinese headers (企业名称, 统一社会信用代码, 所属园区 by name, …) and its rows find their ids by credit "
				+ "code, as a planning office's export would. End to end = reading the files to the last commit, "
				+ "validation included; each load into a fresh embedded database.");
		table.note("Peak heap: JVM-wide, from garbage-collection notifications while the import runs (the database "
				+ "shares the JVM); the workbook is read streaming (POI's event API), so its rows are never held whole.");
		verdicts.forEach(table::note);
		return List.of(table);
	}

	private static Load load(BenchContext context, Path dir, long rows) {
		try (BenchDatabase db = context.database(null, false)) {
			ImportService service = db.bean(ImportService.class);
			ImportReport report;
			HeapWatcher.Peak peak;
			long started;
			long finished;
			try (HeapWatcher heap = HeapWatcher.start()) {
				started = System.nanoTime();
				report = service.run(DatasetSource.fromDirectory(dir), false, ImportProgress.NONE);
				finished = System.nanoTime();
				peak = heap.peak();
			}
			if (report.status() != ImportStatus.SUCCEEDED) {
				throw new IllegalStateException("import of " + dir + " ended " + report.status() + ": "
						+ report.problems().stream().limit(5).map(p -> p.format()).toList());
			}
			return new Load(Duration.ofNanos(finished - started), rows, peak);
		}
	}

	/** The same enterprises as {@code csv/} (format v1) and {@code xlsx/} (one enterprise sheet). */
	static void write(Path csv, Path xlsx, int enterprises, long seed) throws IOException {
		Files.createDirectories(csv);
		Files.createDirectories(xlsx);
		StringBuilder parks = new StringBuilder("id,name,kind,region\n");
		for (int p = 0; p < PARKS; p++) {
			parks.append("bp-").append(p).append(",基准园区").append(p).append(",ZONE,浙江省温州市\n");
		}
		Files.writeString(csv.resolve("parks.csv"), parks, StandardCharsets.UTF_8);
		Files.writeString(xlsx.resolve("parks.csv"), parks, StandardCharsets.UTF_8);
		Random random = new Random(seed);
		try (Writer out = Files.newBufferedWriter(csv.resolve("enterprises.csv"), StandardCharsets.UTF_8);
				SXSSFWorkbook book = new SXSSFWorkbook(200);
				OutputStream file = Files.newOutputStream(xlsx.resolve("企业名录.xlsx"))) {
			out.write("id,name,creditCode,parkId,region,founded,employees,revenue\n");
			Sheet sheet = book.createSheet("企业");
			Row header = sheet.createRow(0);
			String[] headers = { "企业名称", "统一社会信用代码", "所属园区", "所在地区", "成立年份", "员工人数", "营业收入(亿元)" };
			for (int c = 0; c < headers.length; c++) {
				header.createCell(c).setCellValue(headers[c]);
			}
			for (int i = 0; i < enterprises; i++) {
				String code = creditCode(i);
				String name = "基准企业" + i + "有限公司";
				int park = random.nextInt(PARKS);
				int founded = 1990 + random.nextInt(35);
				int employees = 5 + random.nextInt(5000);
				double revenue = Math.round(random.nextDouble() * 500) / 10.0;
				out.write("ent-" + code + "," + name + "," + code + ",bp-" + park + ",浙江省温州市," + founded + ","
						+ employees + "," + revenue + "\n");
				Row row = sheet.createRow(i + 1);
				row.createCell(0).setCellValue(name);
				row.createCell(1).setCellValue(code);
				row.createCell(2).setCellValue("基准园区" + park);
				row.createCell(3).setCellValue("浙江省温州市");
				row.createCell(4).setCellValue(founded);
				row.createCell(5).setCellValue(employees);
				row.createCell(6).setCellValue(revenue);
			}
			book.write(file);
			book.dispose();
		}
	}

	/** A valid unified social credit code for the i-th enterprise (GB 32100-2015 check character). */
	static String creditCode(int i) {
		String first17 = String.format(Locale.ROOT, "91330300%09d", i);
		return first17 + CreditCode.checkCharacter(first17);
	}

	private static String fmt(long n) {
		return String.format(Locale.ROOT, "%,d", n);
	}

	private static String rate(double perSecond) {
		return String.format(Locale.ROOT, "%,.0f", perSecond);
	}

	private static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.2f s", duration.toNanos() / 1e9);
	}

	private static String megabytes(Path file) {
		try {
			return String.format(Locale.ROOT, "%.1f MB", Files.size(file) / (1024.0 * 1024.0));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
