package io.chaingraph.audit;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One audited write, kept as a {@code :Change} node: who, when, which operation on which entity
 * (or relationship: {@code entityId} is its start, {@code targetId} its end), and the record's
 * values before and after as JSON ({@code null} before a create, after a delete). Read with the
 * driver's object mapping (the node's properties by component name).
 */
public record Change(String id, OffsetDateTime at, String actor, String role, String operation, String label,
		String entityId, String targetId, String before, String after, List<String> changedFields, Integer version) {

	/** A change without changed fields (a create, a delete, an import run) has none stored. */
	public Change {
		changedFields = (changedFields != null) ? changedFields : List.of();
	}

}
