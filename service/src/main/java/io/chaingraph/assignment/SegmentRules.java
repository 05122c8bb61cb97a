package io.chaingraph.assignment;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import org.springframework.core.io.Resource;

/**
 * The table that proposes a chain segment for an enterprise that has none (docs/importing.md, "Chain
 * assignment"): per row a segment ({@code nodeId}), GB/T 4754 industry codes (a code matches itself and
 * every finer code under it: {@code C276} matches {@code C2761}), keywords looked for in the
 * enterprise's industry, business scope, name and description, and the confidence of a match.
 *
 * @param rules the rows of every table, in order
 */
public record SegmentRules(List<Rule> rules) {

	/** The columns of a rules table, in this order. */
	static final String[] HEADER = { "nodeId", "industryCodes", "keywords", "confidence", "note" };

	/**
	 * One row.
	 * @param id where it is written, {@code FILE:LINE}: the proposal names it as the rule that made it
	 * @param industryCodes upper-case, without spaces
	 * @param keywords as written (matched after normalisation: simplified script, lower case)
	 */
	public record Rule(String id, String nodeId, List<String> industryCodes, List<String> keywords, double confidence,
			String note) {
	}

	/** A rules table that cannot be read: names the file, line and column. */
	public static final class InvalidRules extends IllegalArgumentException {

		InvalidRules(String message) {
			super(message);
		}

	}

	/** The rows of every resource, in order; a missing or broken one is an {@link InvalidRules}. */
	public static SegmentRules load(List<Resource> resources) {
		List<Rule> all = new ArrayList<>();
		for (Resource resource : resources) {
			String origin = (resource.getFilename() != null) ? resource.getFilename() : resource.getDescription();
			if (!resource.exists()) {
				throw new InvalidRules("Segment rules " + resource.getDescription() + " not found / 找不到环节规则表");
			}
			try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
				all.addAll(read(origin, reader).rules());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read segment rules " + resource.getDescription(), ex);
			}
		}
		return new SegmentRules(List.copyOf(all));
	}

	/** One table: a header row with {@link #HEADER}'s columns, then a rule per row; # starts a comment line. */
	public static SegmentRules read(String origin, Reader reader) throws IOException {
		CSVFormat format = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setCommentMarker('#')
			.setIgnoreEmptyLines(true)
			.setTrim(true)
			.get();
		List<Rule> rules = new ArrayList<>();
		try (var parser = format.parse(reader)) {
			List<String> header = parser.getHeaderNames();
			for (String column : HEADER) {
				if (!column.equals("note") && !header.contains(column)) {
					throw new InvalidRules(origin + ":1: " + column + ": missing column; a rules table has the columns "
							+ String.join(",", HEADER) + " / 缺少列");
				}
			}
			for (CSVRecord row : parser) {
				String where = origin + ":" + (row.getParser().getCurrentLineNumber());
				String nodeId = row.get("nodeId");
				if (nodeId.isEmpty()) {
					throw new InvalidRules(where + ": nodeId: empty; name the chain segment the rule proposes / 环节编号为空");
				}
				List<String> codes = split(row.get("industryCodes")).stream()
					.map(c -> c.replace(" ", "").toUpperCase(Locale.ROOT))
					.toList();
				for (String code : codes) {
					if (!code.matches("[A-T]?\\d{2,4}")) {
						throw new InvalidRules(where + ": industryCodes: '" + code + "' is not a GB/T 4754 code (a letter and"
								+ " 2 to 4 digits, such as C2761) / 不是国民经济行业代码");
					}
				}
				List<String> keywords = split(row.get("keywords"));
				if (codes.isEmpty() && keywords.isEmpty()) {
					throw new InvalidRules(where + ": keywords: a rule needs industry codes or keywords / 规则需要行业代码或关键词");
				}
				double confidence;
				try {
					confidence = Double.parseDouble(row.get("confidence"));
				}
				catch (NumberFormatException ex) {
					confidence = Double.NaN;
				}
				if (!(confidence > 0 && confidence <= 1)) {
					throw new InvalidRules(where + ": confidence: '" + row.get("confidence")
							+ "' must be a number above 0 and at most 1 / 置信度须在 0 与 1 之间");
				}
				String note = row.isMapped("note") && row.isSet("note") ? row.get("note") : "";
				rules.add(new Rule(where, nodeId, codes, keywords, confidence, note));
			}
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			if (ex instanceof InvalidRules invalid) {
				throw invalid;
			}
			throw new InvalidRules(origin + ": " + ex.getMessage());
		}
		return new SegmentRules(List.copyOf(rules));
	}

	private static List<String> split(String cell) {
		return Arrays.stream(cell.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

}
