package io.chaingraph.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.chaingraph.dataset.NameNormalizer;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A document's text, paragraph by paragraph, as read from UTF-8 text, HTML or {@code .docx}, and
 * normalised like names ({@link NameNormalizer}: simplified script, pinyin glosses such as
 * {@code 調(diào)} removed, half-width): one paragraph a line. Evidence spans are offsets into
 * {@link #text()}.
 */
public record DocumentText(String title, List<String> paragraphs) {

	/** Larger documents are refused (a news or policy document is far smaller). */
	public static final long MAX_BYTES = 20L * 1024 * 1024;


	/** Why a file is not read (unknown type, not UTF-8, a corrupt or oversized {@code .docx}). */
	public static final class Unreadable extends RuntimeException {

		public Unreadable(String message) {
			super(message);
		}

	}

	/** The paragraphs joined by line breaks: the stored text. */
	public String text() {
		return String.join("\n", this.paragraphs);
	}

	/** Reads the bytes of a file named {@code fileName} (its extension tells the format). */
	public static DocumentText read(String fileName, byte[] bytes) {
		String lower = fileName.toLowerCase(Locale.ROOT);
		List<String> raw;
		String title = null;
		if (lower.endsWith(".txt") || lower.endsWith(".text") || lower.endsWith(".md")) {
			raw = utf8(bytes, fileName).lines().toList();
		}
		else if (lower.endsWith(".html") || lower.endsWith(".htm")) {
			var html = Jsoup.parse(utf8(bytes, fileName));
			html.select("script, style, noscript").remove();
			title = html.title();
			raw = new ArrayList<>();
			String blocks = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, th";
			for (Element block : html.body().select(blocks)) {
				if (block.select(blocks).size() == 1) { // innermost blocks only: no text twice
					raw.add(block.text());
				}
			}
			if (raw.isEmpty()) {
				raw = html.body().wholeText().lines().toList();
			}
		}
		else if (lower.endsWith(".docx")) {
			raw = docx(bytes, fileName);
		}
		else {
			throw new Unreadable(fileName + ": not a document this service reads (.txt in UTF-8, .html, .docx)"
					+ " / 不支持的文件类型");
		}
		List<String> paragraphs = new ArrayList<>();
		for (String line : raw) {
			String norm = NameNormalizer.normalize(line);
			if (!norm.isEmpty()) {
				paragraphs.add(norm);
			}
		}
		if (paragraphs.isEmpty()) {
			throw new Unreadable(fileName + ": the document has no text / 文档没有文字");
		}
		String name = fileName.replaceAll("^.*[/\\\\]", "").replaceAll("\\.[^.]*$", "");
		if (title == null || title.isBlank()) {
			String first = paragraphs.get(0);
			title = (first.length() <= 60) ? first : name;
		}
		return new DocumentText(NameNormalizer.normalize(title), List.copyOf(paragraphs));
	}

	private static String utf8(byte[] bytes, String fileName) {
		int skip = (bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF)
				? 3 : 0;
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new Unreadable(fileName + ": not UTF-8 text / 不是 UTF-8 编码");
		}
	}

	/**
	 * A {@code .docx} through POI's XWPF. POI opens the package through {@code ZipSecureFile}, which
	 * refuses an entry that inflates more than 100 times its compressed size (a zip bomb).
	 */
	private static List<String> docx(byte[] bytes, String fileName) {
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
			List<String> paragraphs = new ArrayList<>();
			for (XWPFParagraph paragraph : document.getParagraphs()) {
				paragraphs.add(paragraph.getText());
			}
			document.getTables().forEach(table -> table.getRows()
				.forEach(row -> row.getTableCells().forEach(cell -> paragraphs.add(cell.getText()))));
			return paragraphs;
		}
		catch (IOException | RuntimeException ex) {
			String why = String.valueOf(ex.getMessage());
			if (why.contains("Zip bomb") || why.contains("zip bomb") || why.contains("ZipSecureFile")) {
				throw new Unreadable(fileName + ": refused, its content inflates beyond the zip-bomb limit"
						+ " / 压缩比异常，疑似压缩炸弹");
			}
			throw new Unreadable(fileName + ": not a readable .docx (" + ex.getClass().getSimpleName() + ")"
					+ " / 无法读取的 .docx");
		}
	}

}
