package io.chaingraph.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import io.chaingraph.config.Graph;
import org.neo4j.driver.TransactionContext;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Records every write as a {@code :Change} node. A mutation records its change in its own
 * transaction (it commits with the write or not at all); an import run records one change when it
 * finishes, with its totals as the "after" values.
 */
@Component
public class AuditLog {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static final String RECORD = """
			CREATE (c:Change {id: $id, at: datetime(), actor: $actor, role: $role, operation: $operation,
			                  label: $label, entityId: $entityId, targetId: $targetId, before: $before, after: $after,
			                  changedFields: $changed, version: $version})""";

	private final Graph graph;

	AuditLog(Graph graph) {
		this.graph = graph;
	}

	/** Records a change inside the caller's transaction. */
	public void record(TransactionContext tx, Actor actor, String operation, String label, String entityId,
			String targetId, Map<String, Object> before, Map<String, Object> after, Integer version) {
		tx.run(RECORD, parameters(actor, operation, label, entityId, targetId, before, after, version)).consume();
	}

	/** Records a change in a transaction of its own (import runs). */
	public void record(Actor actor, String operation, String label, String entityId, Map<String, Object> after) {
		this.graph.write(RECORD, parameters(actor, operation, label, entityId, null, null, after, null));
	}

	private static Map<String, Object> parameters(Actor actor, String operation, String label, String entityId,
			String targetId, Map<String, Object> before, Map<String, Object> after, Integer version) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", "change-" + UUID.randomUUID());
		parameters.put("actor", actor.name());
		parameters.put("role", actor.role());
		parameters.put("operation", operation);
		parameters.put("label", label);
		parameters.put("entityId", entityId);
		parameters.put("targetId", targetId);
		parameters.put("before", json(before));
		parameters.put("after", json(after));
		parameters.put("changed", changed(before, after));
		parameters.put("version", version);
		return parameters;
	}

	/** Keys whose value differs between before and after (all keys of a create or delete). */
	static List<String> changed(Map<String, Object> before, Map<String, Object> after) {
		Map<String, Object> b = (before != null) ? before : Map.of();
		Map<String, Object> a = (after != null) ? after : Map.of();
		TreeSet<String> keys = new TreeSet<>(b.keySet());
		keys.addAll(a.keySet());
		List<String> changed = new ArrayList<>();
		for (String key : keys) {
			if (!key.equals("fingerprint") && !key.equals("version") && !Objects.equals(b.get(key), a.get(key))) {
				changed.add(key);
			}
		}
		return changed;
	}

	private static String json(Map<String, Object> values) {
		return (values != null) ? JSON.writeValueAsString(new TreeMap<>(values)) : null;
	}

}
