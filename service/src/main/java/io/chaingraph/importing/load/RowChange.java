package io.chaingraph.importing.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What an import does to one stored record it updates, field by field (old → new): what a dry run
 * lists for a person to review before loading.
 *
 * @param key the entity's id, or a relationship as {@code from → to (TYPE)}
 */
public record RowChange(String file, int line, String key, List<FieldChange> fields) {

	/** One field: its stored value and the value the import writes, as a person reads them ("(空)": none). */
	public record FieldChange(String field, String before, String after) {
	}

	/** {@code enterprises.csv:12 ent-x: revenue 1200 → 1500; tags [A] → [A, B]} */
	public String text() {
		return this.file + ":" + this.line + " " + this.key + ": " + this.fields.stream()
			.map(f -> f.field() + " " + f.before() + " → " + f.after())
			.collect(Collectors.joining("; "));
	}

	/** The fields among {@code keys} whose value differs between the stored and the merged record. */
	static RowChange of(String file, int line, String key, List<String> keys, Map<String, Object> stored,
			Map<String, Object> merged) {
		List<FieldChange> fields = new ArrayList<>();
		for (String field : keys) {
			String before = show(stored.get(field));
			String after = show(merged.get(field));
			if (!Objects.equals(before, after)) {
				fields.add(new FieldChange(field, before, after));
			}
		}
		return new RowChange(file, line, key, List.copyOf(fields));
	}

	static String show(Object value) {
		if (value == null || (value instanceof List<?> list && list.isEmpty())) {
			return "(空)";
		}
		if (value instanceof List<?> list) {
			return list.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
		}
		if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
			return String.valueOf(d.longValue());
		}
		return String.valueOf(value);
	}

}
