package io.chaingraph.importing.validate;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A validated dataset, ready to write: node steps first, then relationship steps. A step does not
 * hold its rows: it reads them from the dataset's files again when written, one batch of typed rows
 * (with their properties and fingerprints) at a time. Produced only when validation found no error.
 */
public record LoadPlan(List<Step> steps, List<NameVariant> nameVariants, Map<String, String> checksums,
		Map<String, Integer> rowsPerFile) {

	/** The rows of a step, read from the files on each call, handed over in batches. */
	@FunctionalInterface
	public interface Batches<T> {

		void forEach(int batchSize, Consumer<List<T>> batch);

	}

	public sealed interface Step permits NodeStep, RelStep {

		String file();

		/** How many rows its batches hold in all. */
		int size();

	}

	/** MERGE nodes of one label by id. */
	public record NodeStep(String file, String label, int size, Batches<NodeRow> rows) implements Step {

	}

	/**
	 * MERGE relationships of one type. {@code single}: an entity has at most one such relationship
	 * (LOCATED_IN, PART_OF, IN_CHAIN), so other targets are removed; a row with no target only removes.
	 * {@code columns}: the file's columns that become properties of the relationship.
	 */
	public record RelStep(String file, String type, String fromLabel, String toLabel, boolean single, int size,
			List<String> columns, Batches<RelRow> rows) implements Step {

	}

	/**
	 * @param props the node's properties as the row alone gives them (what a new node gets)
	 * @param present the record keys the row sets (the columns its file has, name, aliases; source when
	 * given): only these replace stored values, see {@code EntityRecords.mergeNode}
	 * @param line the row's line in its file
	 * @param fresh the id was not in the graph when the dataset was validated, so the node can be
	 * created without looking for an existing one
	 */
	public record NodeRow(String id, Map<String, Object> props, Set<String> present, int line, boolean fresh) {
	}

	/**
	 * @param present the property keys the row sets (see {@link NodeRow})
	 * @param fresh an end was not in the graph when the dataset was validated, so the relationship
	 * cannot exist yet (nor any stale one to remove) and can be created without looking
	 */
	public record RelRow(String from, String to, Map<String, Object> props, Set<String> present, int line,
			boolean fresh) {
	}

}
