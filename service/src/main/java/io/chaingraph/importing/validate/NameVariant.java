package io.chaingraph.importing.validate;

/**
 * An id the graph already holds under another name. The graph keeps its name and the dataset's
 * name becomes an alias rather than silently overwriting it; {@code scriptVariant} when the two
 * only differ in script or noise (same normalised form).
 */
public record NameVariant(String file, int line, String label, String id, String keptName, String newName,
		boolean scriptVariant) {
}
