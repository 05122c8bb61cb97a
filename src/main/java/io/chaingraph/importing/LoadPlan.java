package io.chaingraph.importing;

import java.util.List;
import java.util.Map;

/**
 * A validated dataset, ready to write: node steps first, then relationship steps, each row with
 * its typed properties and fingerprint. Produced only when validation found no error.
 */
record LoadPlan(List<Step> steps, List<NameVariant> nameVariants, Map<String, String> checksums,
		Map<String, Integer> rowsPerFile) {

	sealed interface Step permits NodeStep, RelStep {

		String file();

		int size();

	}

	/** MERGE nodes of one label by id. */
	record NodeStep(String file, String label, List<NodeRow> rows) implements Step {

		@Override
		public int size() {
			return this.rows.size();
		}

	}

	/**
	 * MERGE relationships of one type. {@code single}: an entity has at most one such relationship
	 * (LOCATED_IN, PART_OF, IN_CHAIN), so other targets are removed; a row with no target only removes.
	 */
	record RelStep(String file, String type, String fromLabel, String toLabel, boolean single, List<RelRow> rows)
			implements Step {

		@Override
		public int size() {
			return this.rows.size();
		}

	}

	/**
	 * @param fresh the id was not in the graph when the dataset was validated, so the node can be
	 * created without looking for an existing one
	 */
	record NodeRow(String id, Map<String, Object> props, boolean fresh) {
	}

	/**
	 * @param fresh an end was not in the graph when the dataset was validated, so the relationship
	 * cannot exist yet (nor any stale one to remove) and can be created without looking
	 */
	record RelRow(String from, String to, Map<String, Object> props, boolean fresh) {
	}

}
