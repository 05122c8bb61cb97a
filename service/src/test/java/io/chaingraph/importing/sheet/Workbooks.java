package io.chaingraph.importing.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes small workbooks for tests: sheet name → rows of cells (text, numbers, dates; null leaves a cell out). */
final class Workbooks {

	private final Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();

	Workbooks sheet(String name, List<List<Object>> rows) {
		this.sheets.put(name, rows);
		return this;
	}

	byte[] bytes() {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
			this.sheets.forEach((name, rows) -> {
				Sheet sheet = workbook.createSheet(name);
				for (int r = 0; r < rows.size(); r++) {
					Row row = sheet.createRow(r);
					List<Object> cells = rows.get(r);
					for (int c = 0; c < cells.size(); c++) {
						Object value = cells.get(c);
						if (value instanceof String text) {
							row.createCell(c).setCellValue(text);
						}
						else if (value instanceof Number number) {
							row.createCell(c).setCellValue(number.doubleValue());
						}
						else if (value instanceof LocalDate day) {
							var cell = row.createCell(c);
							cell.setCellValue(day);
							cell.setCellStyle(date);
						}
					}
				}
			});
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
