package io.chaingraph.importing.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chaingraph.dataset.Problem;
import io.chaingraph.importing.read.DatasetSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * {@code mapping.yml} beside the data: sheet name (a CSV file: its file name) → column header →
 * field, for header layouts the synonyms do not recognise; a sheet or column mapped to
 * {@code ignore} is skipped (docs/importing.md, "mapping.yml").
 *
 * <pre>
 * 企业清单:
 *   单位名称: name
 *   社会信用代码: creditCode
 *   备注: ignore
 * 填表说明: ignore
 * </pre>
 */
final class SheetMapping {

	static final String IGNORE = "ignore";

	/** sheet → header → field (null: ignore the column); a sheet mapped to null is ignored. */
	private final Map<String, Map<String, Field>> sheets;

	private SheetMapping(Map<String, Map<String, Field>> sheets) {
		this.sheets = sheets;
	}

	static final SheetMapping NONE = new SheetMapping(Map.of());

	/** Whether the sheet (or CSV file) is mapped to {@code ignore}. */
	boolean ignores(String sheet) {
		return this.sheets.containsKey(sheet) && this.sheets.get(sheet) == null;
	}

	boolean maps(String sheet) {
		return this.sheets.get(sheet) != null;
	}

	/**
	 * The field a column of the sheet is mapped to: empty when the mapping does not name the column,
	 * an empty optional inside when it is ignored.
	 */
	Optional<Optional<Field>> field(String sheet, String header) {
		Map<String, Field> columns = this.sheets.get(sheet);
		if (columns == null || !columns.containsKey(header.strip())) {
			return Optional.empty();
		}
		return Optional.of(Optional.ofNullable(columns.get(header.strip())));
	}

	/** Reads the mapping; its problems are reported as {@code mapping.yml:line: …}. */
	static SheetMapping read(DatasetSource source, List<Problem> problems) {
		DatasetSource.Content content = source.files().get(DatasetSource.MAPPING_FILE);
		if (content == null) {
			return NONE;
		}
		String file = DatasetSource.MAPPING_FILE;
		Object root;
		try (InputStream in = content.open()) {
			LoaderOptions options = new LoaderOptions();
			options.setAllowDuplicateKeys(false);
			options.setMaxAliasesForCollections(10);
			options.setCodePointLimit(1_000_000);
			root = new Yaml(new SafeConstructor(options)).load(in);
		}
		catch (MarkedYAMLException ex) {
			problems.add(Problem.error(file, ex.getProblemMark().getLine() + 1, "-", "malformed YAML: " + ex.getProblem()));
			return NONE;
		}
		catch (YAMLException | IOException ex) {
			problems.add(Problem.error(file, 0, "-", "malformed YAML: " + ex.getMessage()));
			return NONE;
		}
		if (root == null) {
			return NONE;
		}
		if (!(root instanceof Map<?, ?> map)) {
			problems.add(Problem.error(file, 1, "-", "expected sheet name → (column header → field), or sheet name → ignore"));
			return NONE;
		}
		Map<String, Map<String, Field>> sheets = new LinkedHashMap<>();
		map.forEach((sheet, columns) -> {
			String name = String.valueOf(sheet).strip();
			if (IGNORE.equals(columns)) {
				sheets.put(name, null);
				return;
			}
			if (!(columns instanceof Map<?, ?> byHeader)) {
				problems.add(Problem.error(file, 0, name, "expected column header → field, or ignore"));
				return;
			}
			Map<String, Field> fields = new LinkedHashMap<>();
			byHeader.forEach((header, fieldName) -> {
				String target = String.valueOf(fieldName).strip();
				if (target.equals(IGNORE)) {
					fields.put(String.valueOf(header).strip(), null);
					return;
				}
				Optional<Field> field = Field.named(target);
				if (field.isEmpty()) {
					problems.add(Problem.error(file, 0, name, "column '" + header + "': unknown field '" + target
							+ "' (known: " + java.util.Arrays.stream(Field.values()).map(f -> f.column).toList()
							+ ", or ignore)"));
				}
				else {
					fields.put(String.valueOf(header).strip(), field.get());
				}
			});
			sheets.put(name, fields);
		});
		return new SheetMapping(sheets);
	}

}
