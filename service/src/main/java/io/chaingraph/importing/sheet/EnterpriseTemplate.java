package io.chaingraph.importing.sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The blank enterprise workbook: one sheet 企业 whose header row holds every recognised field under
 * its first (Chinese) header, each with a note naming its English synonym; code columns are
 * formatted as text so that Excel keeps their leading zeros. Written by
 * {@code java -jar chaingraph.jar template FILE.xlsx} (docs/importing.md, "Enterprise sheets").
 */
public final class EnterpriseTemplate {

	public static final String SHEET = "企业";

	/** The fields in the template's order (an id column is for those who have ids; left out). */
	static final List<Field> FIELDS = List.of(Field.NAME, Field.CREDIT_CODE, Field.STOCK_CODE, Field.ALIASES,
			Field.PARK, Field.SEGMENT, Field.FOUNDED, Field.REGISTERED_CAPITAL, Field.LEGAL_REPRESENTATIVE,
			Field.INDUSTRY, Field.ADDRESS, Field.BUSINESS_SCOPE, Field.REGION, Field.TAGS, Field.EMPLOYEES,
			Field.REVENUE, Field.DESCRIPTION, Field.SOURCE);

	private static final Set<Field> TEXT_COLUMNS = Set.of(Field.CREDIT_CODE, Field.STOCK_CODE);

	private EnterpriseTemplate() {
	}

	/** The template's header row. */
	public static List<String> headers() {
		return FIELDS.stream().map(Field::header).toList();
	}

	public static void write(Path file) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet(SHEET);
			Font bold = workbook.createFont();
			bold.setBold(true);
			CellStyle headerStyle = workbook.createCellStyle();
			headerStyle.setFont(bold);
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			Drawing<?> drawing = sheet.createDrawingPatriarch();
			Row header = sheet.createRow(0);
			for (int c = 0; c < FIELDS.size(); c++) {
				Field field = FIELDS.get(c);
				var cell = header.createCell(c);
				cell.setCellValue(field.header());
				cell.setCellStyle(headerStyle);
				ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
				anchor.setCol1(c);
				anchor.setCol2(c + 3);
				anchor.setRow1(0);
				anchor.setRow2(4);
				Comment note = drawing.createCellComment(anchor);
				note.setString(workbook.getCreationHelper().createRichTextString(note(field)));
				cell.setCellComment(note);
				sheet.setColumnWidth(c, (field == Field.BUSINESS_SCOPE || field == Field.DESCRIPTION) ? 40 * 256 : 18 * 256);
				if (TEXT_COLUMNS.contains(field)) {
					sheet.setDefaultColumnStyle(c, text);
				}
			}
			sheet.createFreezePane(0, 1);
			workbook.write(out);
		}
	}

	private static String note(Field field) {
		String english = field.headers.stream().filter(h -> h.chars().allMatch(ch -> ch < 128)).findFirst()
			.orElse(field.column);
		String hint = switch (field) {
			case NAME -> "必填 required";
			case CREDIT_CODE -> "18 位, 校验 GB 32100-2015";
			case ALIASES, TAGS -> "多个用 | 或 、 分隔 (several: | or 、)";
			case SEGMENT -> "id 或名称, 多个用 | 分隔 (ids or names, several: |)";
			case PARK -> "id 或名称 (id or name)";
			case FOUNDED -> "日期或年份 (date or year)";
			case REVENUE -> "亿元";
			default -> "";
		};
		return field.header() + " / " + english + (hint.isEmpty() ? "" : "\n" + hint);
	}

}
