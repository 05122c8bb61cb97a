package io.chaingraph.curation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import io.chaingraph.audit.Actor;
import io.chaingraph.audit.AuditLog;
import io.chaingraph.common.NotFoundException;
import io.chaingraph.config.Graph;
import io.chaingraph.curation.CurationException.FieldProblem;
import io.chaingraph.dataset.DatasetFormat.FileSpec;
import io.chaingraph.dataset.EntityRecords;
import io.chaingraph.dataset.RecordRules;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Service;

/**
 * Hand edits of entities and relationships. Each is checked with the importer's rules
 * ({@link RecordRules}), stored in the importer's form ({@link EntityRecords}: normalised names,
 * source, fingerprint), versioned, and audited, all in one transaction: the entity is locked first,
 * then its version compared with the one the client read, so two concurrent edits can never both
 * win against the same version.
 * <p>
 * Labels and relationship types reach Cypher only as parameters ({@code $($label)}, Neo4j 5.26
 * dynamic labels), and only from the closed sets below.
 */
@Service
class CurationService {

	/** Where a curated record says it came from unless the editor names a source. */
	static final String DEFAULT_SOURCE = "curation";

	/** A relationship an entity has at most one of, written from a column of its record. */
	record Single(String column, String type, String targetLabel) {
	}

	/** The entity kinds curation edits, with the dataset file whose rules their records follow. */
	enum Kind {

		PARK("Park", "parks", List.of(new Single("parentId", "PART_OF", "Park"))),
		ENTERPRISE("Enterprise", "enterprises", List.of(new Single("parkId", "LOCATED_IN", "Park"))),
		PLATFORM("Platform", "platforms", List.of(new Single("parkId", "LOCATED_IN", "Park"))),
		CHAIN_NODE("ChainNode", "chain_nodes",
				List.of(new Single("chainId", "IN_CHAIN", "Chain"), new Single("parentId", "PART_OF", "ChainNode")));

		final String label;

		final String file;

		final List<Single> singles;

		Kind(String label, String file, List<Single> singles) {
			this.label = label;
			this.file = file;
			this.singles = singles;
		}

		FileSpec spec() {
			return RecordRules.spec(this.file);
		}

	}

	/** The relationship kinds curation links, with the dataset file whose rules their rows follow. */
	enum LinkKind {

		OPERATES_IN("enterprise_nodes", "enterpriseId", "nodeId", "weight", "confidence"),
		SUPPLIES("supplies", "supplierId", "customerId", "product", "since"),
		FEEDS("chain_links", "fromId", "toId"),
		PLATFORM("platform_links", "platformId", "targetId", "since");

		final String file;

		final String fromColumn;

		final String toColumn;

		final String[] columns;

		LinkKind(String file, String fromColumn, String toColumn, String... columns) {
			this.file = file;
			this.fromColumn = fromColumn;
			this.toColumn = toColumn;
			this.columns = columns;
		}

	}

	record Deleted(String id, String type, int relationshipsRemoved) {
	}

	record Link(String type, String fromId, String toId, int version, String outcome) {
	}

	/** What an edit left: the entity's id, label and version. */
	record Written(String id, String label, int version) {
	}

	// ---- statements (values and labels as parameters only)

	private static final String LOCK = """
			MATCH (n:Entity {id: $id})
			SET n._lock = true
			REMOVE n._lock
			RETURN count(n) AS found""";

	private static final String READ_RECORD = """
			MATCH (n:Entity {id: $id})
			RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS label, properties(n) AS props,
			       COLLECT { MATCH (n)-[r:LOCATED_IN|PART_OF|IN_CHAIN]->(t:Entity) RETURN [type(r), t.id] } AS singles""";

	private static final String LOOKUP = """
			UNWIND $ids AS id
			MATCH (n:Entity {id: id})
			OPTIONAL MATCH (n)-[:IN_CHAIN]->(c:Chain)
			RETURN id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name, c.id AS chain""";

	private static final String ANCESTORS = """
			MATCH (n:Entity {id: $id})
			OPTIONAL MATCH path = (n)-[:PART_OF*1..50]->(a:Entity)
			WITH a, length(path) AS d ORDER BY d
			RETURN [x IN collect(a.id) WHERE x IS NOT NULL] AS ancestors""";

	private static final String CREATE = """
			CREATE (n:Entity:$($label))
			SET n = $props, n.version = 1""";

	private static final String WRITE = """
			MATCH (n:Entity {id: $id})
			SET n = $props, n.version = $version""";

	private static final String DELETE_SINGLE = """
			MATCH (n:Entity {id: $id})-[old:$($type)]->(:Entity)
			DELETE old""";

	private static final String CREATE_REL = """
			MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
			CREATE (a)-[r:$($type)]->(b)
			SET r = $props, r.version = $version""";

	private static final String READ_LINK = """
			MATCH (a:Entity {id: $from})-[r:$($type)]->(b:Entity {id: $to})
			RETURN properties(r) AS props""";

	private static final String MERGE_LINK = """
			MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
			MERGE (a)-[r:$($type)]->(b)
			SET r = $props, r.version = $version""";

	private static final String DELETE_LINK = """
			MATCH (a:Entity {id: $from})-[r:$($type)]->(b:Entity {id: $to})
			DELETE r""";

	private static final String DELETE_NODE = """
			MATCH (n:Entity {id: $id})
			WITH n, COUNT { (n)--() } AS rels
			DETACH DELETE n
			RETURN rels""";

	/** Properties that are derived or bookkeeping: not part of the record a client edits. */
	private static final Set<String> DERIVED = Set.of("normName", "aliasText", "normText", "searchKeys", "nameKey", "fingerprint", "importRun",
			"version", "_lock");

	private final Graph graph;

	private final AuditLog audit;

	CurationService(Graph graph, AuditLog audit) {
		this.graph = graph;
		this.audit = audit;
	}

	// ---- entities

	Written create(Kind kind, Map<String, Object> input, Actor actor) {
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, Object> typed = RecordRules.record(kind.spec(), input, sink(problems));
		failIfAny(problems);
		String id = (String) typed.get("id");
		return this.graph.inWriteTransaction(tx -> {
			Map<String, Existing> found = lookup(tx, referencedIds(kind, id, typed));
			Existing there = found.get(id);
			if (there != null) {
				String problem = RecordRules.idInGraphProblem(id, kind.label, there.label(), there.name());
				problems.add(new FieldProblem("id", (problem != null) ? problem
						: "a " + RecordRules.describe(kind.label) + " with id '" + id + "' already exists"));
			}
			checkGraphRules(tx, kind, id, typed, found, problems);
			failIfAny(problems);
			String source = sourceOf(typed, null);
			Map<String, Object> props = props(kind, id, typed, source);
			tx.run(CREATE, Map.of("label", kind.label, "props", props)).consume();
			writeSingles(tx, kind, id, typed, source);
			this.audit.record(tx, actor, "CREATE", kind.label, id, null, null, view(props, typed, kind), 1);
			return new Written(id, kind.label, 1);
		});
	}

	Written update(Kind kind, String id, int expectedVersion, Map<String, Object> patch, Actor actor,
			String operation) {
		checkVersionArgument(expectedVersion);
		return this.graph.inWriteTransaction(tx -> {
			Current current = lockAndRead(tx, kind, id);
			if (current.version() != expectedVersion) {
				throw new CurationException.Stale(RecordRules.describe(kind.label) + " '" + id + "'", expectedVersion,
						current.version());
			}
			Map<String, Object> merged = new LinkedHashMap<>(current.record());
			patch.forEach(merged::put);
			merged.put("id", id);
			List<FieldProblem> problems = new ArrayList<>();
			Map<String, Object> typed = RecordRules.record(kind.spec(), merged, sink(problems));
			failIfAny(problems);
			Map<String, Existing> found = lookup(tx, referencedIds(kind, null, typed));
			checkGraphRules(tx, kind, id, typed, found, problems);
			failIfAny(problems);
			String source = sourceOf(typed, null);
			Map<String, Object> props = props(kind, id, typed, source);
			Map<String, Object> before = view(current.props(), current.record(), kind);
			Map<String, Object> after = view(props, typed, kind);
			if (before.equals(after)) {
				return new Written(id, kind.label, current.version());
			}
			int version = current.version() + 1;
			tx.run(WRITE, Map.of("id", id, "props", props, "version", version)).consume();
			writeSingles(tx, kind, id, typed, source);
			this.audit.record(tx, actor, operation, kind.label, id, null, before, after, version);
			return new Written(id, kind.label, version);
		});
	}

	Deleted delete(Kind kind, String id, int expectedVersion, Actor actor) {
		checkVersionArgument(expectedVersion);
		return this.graph.inWriteTransaction(tx -> {
			Current current = lockAndRead(tx, kind, id);
			if (current.version() != expectedVersion) {
				throw new CurationException.Stale(RecordRules.describe(kind.label) + " '" + id + "'", expectedVersion,
						current.version());
			}
			int rels = tx.run(DELETE_NODE, Map.of("id", id)).single().get("rels").asInt();
			this.audit.record(tx, actor, "DELETE", kind.label, id, null, view(current.props(), current.record(), kind),
					null, null);
			return new Deleted(id, kind.label, rels);
		});
	}

	/** The entity's kind by its label, for moves that apply to enterprises and platforms alike. */
	Kind kindOf(String id) {
		String label = this.graph.one("MATCH (n:Entity {id: $id}) RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS label",
				Map.of("id", id), r -> r.get("label").asString(null)).orElse(null);
		if ("Enterprise".equals(label)) {
			return Kind.ENTERPRISE;
		}
		if ("Platform".equals(label)) {
			return Kind.PLATFORM;
		}
		if (label == null) {
			throw new NotFoundException("No enterprise or platform with id '" + id + "'");
		}
		throw new CurationException.Invalid(List.of(new FieldProblem("id",
				"'" + id + "' is a " + RecordRules.describe(label) + "; only enterprises and platforms are located in parks")));
	}

	// ---- relationships

	Link link(LinkKind kind, Map<String, Object> values, Integer expectedVersion, Actor actor) {
		if (expectedVersion != null) {
			checkVersionArgument(expectedVersion);
		}
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, Object> typed = RecordRules.record(RecordRules.spec(kind.file), values, sink(problems));
		failIfAny(problems);
		String from = (String) typed.get(kind.fromColumn);
		String to = (String) typed.get(kind.toColumn);
		String selfLoop = RecordRules.selfLoopProblem(kind.file, from, to);
		if (selfLoop != null) {
			throw new CurationException.Invalid(List.of(new FieldProblem(RecordRules.selfLoopColumn(kind.file), selfLoop)));
		}
		String type = type(kind, typed);
		return this.graph.inWriteTransaction(tx -> {
			checkEnds(tx, kind, typed, from, to);
			Map<String, Object> old = readLink(tx, type, from, to);
			int current = version(old);
			if (expectedVersion != null && expectedVersion != current) {
				throw new CurationException.Stale(type + " link " + from + " → " + to, expectedVersion, current);
			}
			Map<String, Object> props = EntityRecords.relProps(typed, sourceOf(typed, null), kind.columns);
			if (old != null && Objects.equals(old.get("fingerprint"), props.get("fingerprint"))) {
				return new Link(type, from, to, current, "UNCHANGED");
			}
			int version = current + 1;
			tx.run(MERGE_LINK, Map.of("from", from, "to", to, "type", type, "props", props, "version", version)).consume();
			this.audit.record(tx, actor, "LINK", type, from, to, linkView(old), linkView(props), version);
			return new Link(type, from, to, version, (old == null) ? "CREATED" : "UPDATED");
		});
	}

	Link unlink(LinkKind kind, Map<String, Object> values, Integer expectedVersion, Actor actor) {
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, Object> typed = new HashMap<>();
		Map<String, Object> ends = new HashMap<>();
		ends.put(kind.fromColumn, values.get(kind.fromColumn));
		ends.put(kind.toColumn, values.get(kind.toColumn));
		ends.put("kind", values.get("kind"));
		for (var column : RecordRules.spec(kind.file).columns()) {
			if (ends.containsKey(column.name())) {
				Object value = RecordRules.value(column, ends.get(column.name()), sink(problems));
				if (value != null) {
					typed.put(column.name(), value);
				}
			}
		}
		for (String end : List.of(kind.fromColumn, kind.toColumn)) {
			// a blank id is no value: it reached the database as null (found by GraphQlFuzzTest)
			if (!typed.containsKey(end) && problems.stream().noneMatch(p -> p.field().equals(end))) {
				problems.add(new FieldProblem(end, "required value is empty"));
			}
		}
		failIfAny(problems);
		String from = (String) typed.get(kind.fromColumn);
		String to = (String) typed.get(kind.toColumn);
		String type = type(kind, typed);
		return this.graph.inWriteTransaction(tx -> {
			lock(tx, from);
			Map<String, Object> old = readLink(tx, type, from, to);
			if (old == null) {
				throw new NotFoundException("No " + type + " link from '" + from + "' to '" + to + "'");
			}
			int current = version(old);
			if (expectedVersion != null && expectedVersion != current) {
				throw new CurationException.Stale(type + " link " + from + " → " + to, expectedVersion, current);
			}
			tx.run(DELETE_LINK, Map.of("from", from, "to", to, "type", type)).consume();
			this.audit.record(tx, actor, "UNLINK", type, from, to, linkView(old), null, null);
			return new Link(type, from, to, 0, "REMOVED");
		});
	}

	// ---- rules that need the graph

	private record Existing(String label, String name, String chain) {
	}

	private record Current(Map<String, Object> props, Map<String, Object> record, int version) {
	}

	private static Set<String> referencedIds(Kind kind, String id, Map<String, Object> typed) {
		Set<String> ids = new LinkedHashSet<>();
		if (id != null) {
			ids.add(id);
		}
		for (Single single : kind.singles) {
			if (typed.get(single.column()) != null) {
				ids.add((String) typed.get(single.column()));
			}
		}
		return ids;
	}

	/** References exist with the right label; no PART_OF cycle; a sub-segment in its parent's chain. */
	private void checkGraphRules(TransactionContext tx, Kind kind, String id, Map<String, Object> typed,
			Map<String, Existing> found, List<FieldProblem> problems) {
		for (Single single : kind.singles) {
			String target = (String) typed.get(single.column());
			if (target == null) {
				continue;
			}
			Existing there = found.get(target);
			String problem = RecordRules.referenceProblem(target, single.targetLabel(), (there != null) ? there.label() : null,
					null);
			if (problem != null) {
				problems.add(new FieldProblem(single.column(), problem));
				continue;
			}
			if (single.type().equals("PART_OF")) {
				List<String> ancestors = tx.run(ANCESTORS, Map.of("id", target)).single().get("ancestors")
					.asList(Value::asString);
				List<String> cycle = RecordRules.partOfCycle(id, Map.of(id, target), Set.of(id), Map.of(target, ancestors));
				if (cycle != null) {
					problems.add(new FieldProblem(single.column(), RecordRules.partOfCycleMessage(cycle)));
				}
				if (kind == Kind.CHAIN_NODE) {
					String chainProblem = RecordRules.parentChainProblem(target, there.chain(), (String) typed.get("chainId"));
					if (chainProblem != null) {
						problems.add(new FieldProblem(single.column(), chainProblem));
					}
				}
			}
		}
	}

	private void checkEnds(TransactionContext tx, LinkKind kind, Map<String, Object> typed, String from, String to) {
		lock(tx, from);
		Map<String, Existing> found = lookup(tx, new LinkedHashSet<>(List.of(from, to)));
		List<FieldProblem> problems = new ArrayList<>();
		for (RecordRules.Reference ref : RecordRules.REFERENCES) {
			if (!ref.file().equals(kind.file)) {
				continue;
			}
			String id = (String) typed.get(ref.column());
			String linkKind = (ref.label() == null) ? (String) typed.get("kind") : null;
			String expected = (ref.label() != null) ? ref.label() : RecordRules.targetLabelOf(linkKind);
			Existing there = found.get(id);
			String problem = RecordRules.referenceProblem(id, expected, (there != null) ? there.label() : null, linkKind);
			if (problem != null) {
				problems.add(new FieldProblem(ref.column(), problem));
			}
		}
		failIfAny(problems);
	}

	private static Map<String, Existing> lookup(TransactionContext tx, Set<String> ids) {
		Map<String, Existing> found = new HashMap<>();
		for (Record r : tx.run(LOOKUP, Map.of("ids", List.copyOf(ids))).list()) {
			found.put(r.get("id").asString(),
					new Existing(r.get("label").asString(null), r.get("name").asString(""), r.get("chain").asString(null)));
		}
		return found;
	}

	private static void lock(TransactionContext tx, String id) {
		tx.run(LOCK, Map.of("id", id)).consume();
	}

	/** Locks the entity (later writers wait for this transaction), then reads its current record. */
	private static Current lockAndRead(TransactionContext tx, Kind kind, String id) {
		lock(tx, id);
		List<Record> records = tx.run(READ_RECORD, Map.of("id", id)).list();
		if (records.isEmpty() || !kind.label.equals(records.get(0).get("label").asString(null))) {
			throw new NotFoundException("No " + RecordRules.describe(kind.label) + " with id '" + id + "'");
		}
		Record r = records.get(0);
		Map<String, Object> props = new TreeMap<>(r.get("props").asMap());
		Map<String, Object> record = new LinkedHashMap<>();
		props.forEach((key, value) -> {
			if (!DERIVED.contains(key)) {
				record.put(key, value);
			}
		});
		for (Value single : r.get("singles").values()) {
			String type = single.get(0).asString();
			for (Single s : kind.singles) {
				if (s.type().equals(type)) {
					record.put(s.column(), single.get(1).asString());
				}
			}
		}
		Object version = props.get("version");
		return new Current(props, record, (version instanceof Number n) ? n.intValue() : 0);
	}

	private static Map<String, Object> readLink(TransactionContext tx, String type, String from, String to) {
		List<Record> records = tx.run(READ_LINK, Map.of("from", from, "to", to, "type", type)).list();
		return records.isEmpty() ? null : new TreeMap<>(records.get(0).get("props").asMap());
	}

	// ---- writing helpers

	private static Map<String, Object> props(Kind kind, String id, Map<String, Object> typed, String source) {
		@SuppressWarnings("unchecked")
		List<String> aliases = (typed.get("aliases") instanceof List<?> list) ? (List<String>) list : List.of();
		return EntityRecords.nodeProps(kind.label, id, (String) typed.get("name"), aliases, typed, source);
	}

	/** The entity's single relationships as its record says: each replaced, with the importer's properties. */
	private static void writeSingles(TransactionContext tx, Kind kind, String id, Map<String, Object> typed,
			String source) {
		for (Single single : kind.singles) {
			tx.run(DELETE_SINGLE, Map.of("id", id, "type", single.type())).consume();
			String target = (String) typed.get(single.column());
			if (target != null) {
				tx.run(CREATE_REL, Map.of("from", id, "to", target, "type", single.type(), "props",
						EntityRecords.relProps(Map.of(), source), "version", 1)).consume();
			}
		}
	}

	/** The record as the audit trail shows it: stored properties without derived ones, plus single links. */
	private static Map<String, Object> view(Map<String, Object> props, Map<String, Object> typed, Kind kind) {
		Map<String, Object> view = new TreeMap<>();
		props.forEach((key, value) -> {
			if (!DERIVED.contains(key)) {
				view.put(key, value);
			}
		});
		for (Single single : kind.singles) {
			if (typed.get(single.column()) != null) {
				view.put(single.column(), typed.get(single.column()));
			}
		}
		return view;
	}

	private static Map<String, Object> linkView(Map<String, Object> props) {
		if (props == null) {
			return null;
		}
		Map<String, Object> view = new TreeMap<>(props);
		view.keySet().removeAll(DERIVED);
		return view;
	}

	private static String sourceOf(Map<String, Object> typed, String fallback) {
		Object source = typed.get("source");
		return (source != null) ? (String) source : (fallback != null) ? fallback : DEFAULT_SOURCE;
	}

	private static String type(LinkKind kind, Map<String, Object> typed) {
		return switch (kind) {
			case OPERATES_IN -> "OPERATES_IN";
			case SUPPLIES -> "SUPPLIES";
			case FEEDS -> "FEEDS";
			case PLATFORM -> (String) typed.get("kind");
		};
	}

	private static int version(Map<String, Object> props) {
		return (props != null && props.get("version") instanceof Number n) ? n.intValue() : 0;
	}

	private static void checkVersionArgument(int expectedVersion) {
		if (expectedVersion < 0) {
			throw new CurationException.Invalid(
					List.of(new FieldProblem("expectedVersion", "must be 0 or more, was " + expectedVersion)));
		}
	}

	private static RecordRules.Sink sink(List<FieldProblem> problems) {
		return (column, message) -> problems.add(new FieldProblem(column, message));
	}

	private static void failIfAny(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw new CurationException.Invalid(problems);
		}
	}

}
