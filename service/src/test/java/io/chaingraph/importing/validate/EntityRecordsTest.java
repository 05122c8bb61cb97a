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

}
