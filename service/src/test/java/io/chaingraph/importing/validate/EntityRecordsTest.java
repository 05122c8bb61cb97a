package io.chaingraph.importing.validate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.chaingraph.dataset.EntityRecords;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The importer sends new rows as lists of values in the order of {@link EntityRecords#nodeKeys} and
 * {@link EntityRecords#relKeys}: every key a record can have must be among them.
 */
class EntityRecordsTest {

	@Test
	void everyPropertyOfAFullyFilledNodeIsAmongItsLabelsKeys() {
		EntityRecords.PROPERTIES.forEach((label, columns) -> {
			Map<String, Object> typed = new HashMap<>();
			columns.forEach(column -> typed.put(column, "value of " + column));
			Map<String, Object> props = EntityRecords.nodeProps(label, "x-1", "名稱", List.of("別名"), typed, "test/file");
			assertThat(EntityRecords.nodeKeys(label)).as(label).containsAll(props.keySet()).isSorted()
				.doesNotHaveDuplicates();
		});
	}

	@Test
	void everyPropertyOfARelationshipIsAmongItsKeys() {
		for (PlanRows.Link link : PlanRows.LINKS) {
			Map<String, Object> typed = new HashMap<>();
			link.columns().forEach(column -> typed.put(column, 1));
			Map<String, Object> props = EntityRecords.relProps(typed, "test/file",
					link.columns().toArray(String[]::new));
			assertThat(EntityRecords.relKeys(link.columns())).as(link.type()).containsExactlyElementsOf(props.keySet());
		}
	}

	@Test
	void aMergedRecordKeepsWhatTheRowDoesNotSetAndIsFingerprintedWhole() {
		Map<String, Object> typed = Map.of("revenue", 5.5, "tags", List.of("LEADING"), "employees", 300L);
		Map<String, Object> stored = EntityRecords.nodeProps("Enterprise", "e1", "甲", List.of("甲公司"), typed, "report");
		// the row has id, name and revenue only; it names no source
		Map<String, Object> row = EntityRecords.nodeProps("Enterprise", "e1", "甲", List.of(), Map.of("revenue", 5.5),
				"enterprises");
		Map<String, Object> same = EntityRecords.mergeNode("Enterprise", stored, row, java.util.Set.of("name", "revenue"));
		assertThat(same).isEqualTo(stored);

		Map<String, Object> changed = EntityRecords.mergeNode("Enterprise", stored,
				EntityRecords.nodeProps("Enterprise", "e1", "甲", List.of(), Map.of("revenue", 6.5), "enterprises"),
				java.util.Set.of("name", "revenue", "employees"));
		// employees is a column of the row's file with an empty cell: cleared; the source becomes the row's
		assertThat(changed).containsEntry("revenue", 6.5).containsEntry("tags", List.of("LEADING"))
			.containsEntry("aliases", List.of("甲公司")).containsEntry("source", "enterprises").doesNotContainKey("employees");
		assertThat(changed.get("fingerprint")).isEqualTo(EntityRecords.fingerprint(changed));
	}

}
