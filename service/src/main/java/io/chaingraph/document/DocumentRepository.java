package io.chaingraph.document;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chaingraph.config.Graph;
import io.chaingraph.document.Extractor.Finding;
import io.chaingraph.document.Extractor.Party;
import io.chaingraph.document.MentionFinder.Known;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Repository;

/**
 * Documents and their proposals in the graph: {@code (:Proposal)-[:FROM]->(:Document)}, and the chain
 * segments proposed after an import, {@code (:Proposal)-[:FROM]->(:ImportRun)}. Neither is
 * an {@code :Entity} and neither has a relationship to one, so nothing a document says reaches the
 * graph's queries until a proposal is accepted (the ids of the entities named are properties).
 */
@Repository
class DocumentRepository {

	/** The dictionary's bound: names and aliases of at most this many entities. */
	static final int MAX_DICTIONARY = 500_000;

	private static final String DICTIONARY = """
			MATCH (n:Entity) WHERE n:Park OR n:Enterprise OR n:Platform OR n:Chain
			RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name,
			       coalesce(n.aliases, []) AS aliases
			LIMIT $max""";

	/** Serialises ingests, so the same document ingested twice at once is stored once. */
	private static final String LOCK = """
			MERGE (l:DocumentLock {id: 'documents'})
			SET l._lock = true
			REMOVE l._lock""";

	private static final String BY_SHA = "MATCH (d:Document {sha256: $sha}) RETURN d.id AS id";

	private static final String CREATE_DOCUMENT = """
			CREATE (d:Document)
			SET d = $props, d.ingestedAt = datetime()""";

	private static final String CREATE_PROPOSALS = """
			MATCH (d:Document {id: $document})
			UNWIND $proposals AS p
			CREATE (x:Proposal)-[:FROM]->(d)
			SET x = p, x.status = 'PENDING', x.createdAt = datetime()""";

	static final String DOCUMENTS = """
			MATCH (d:Document)
			WHERE $after IS NULL OR d.id > $after
			RETURN d {.id, .title, .sha256, .fileName, .length, .ingestedAt, .ingestedBy, .text} AS d
			ORDER BY d.id
			LIMIT $first""";

	static final String DOCUMENT = """
			MATCH (d:Document {id: $id})
			RETURN d {.id, .title, .sha256, .fileName, .length, .ingestedAt, .ingestedBy, .text} AS d""";

	/** A proposal comes from a document, or (a SEGMENT proposal) from the import run after which it was made. */
	static final String PROPOSALS = """
			MATCH (p:Proposal)-[:FROM]->(d)
			WHERE (d:Document OR d:ImportRun)
			  AND ($status IS NULL OR p.status = $status) AND ($kind IS NULL OR p.kind = $kind)
			  AND ($document IS NULL OR (d:Document AND d.id = $document)) AND ($after IS NULL OR p.id > $after)
			RETURN p {.*, document: CASE WHEN d:Document THEN d.id END,
			          importRun: CASE WHEN d:ImportRun THEN d.id END} AS p
			ORDER BY p.id
			LIMIT $first""";

	static final String PROPOSAL = """
			MATCH (p:Proposal {id: $id})-[:FROM]->(d)
			WHERE d:Document OR d:ImportRun
			RETURN p {.*, document: CASE WHEN d:Document THEN d.id END, documentTitle: d.title,
			          importRun: CASE WHEN d:ImportRun THEN d.id END} AS p""";

	static final String BY_NAME = """
			CALL {
			  MATCH (n:Park {normName: $norm}) RETURN n
			  UNION MATCH (n:Enterprise {normName: $norm}) RETURN n
			  UNION MATCH (n:Platform {normName: $norm}) RETURN n
			}
			RETURN n.id AS id ORDER BY id LIMIT 1""";

	/** Marks a pending proposal reviewed; none when it was reviewed meanwhile. */
	static final String REVIEW = """
			MATCH (p:Proposal {id: $id})
			WHERE p.status = 'PENDING'
			SET p.status = $status, p.reviewedBy = $by, p.reviewedAt = datetime(), p.reason = $reason,
			    p.resultId = $resultId, p.resultVersion = $resultVersion
			RETURN p.id AS id""";

	private final Graph graph;

	DocumentRepository(Graph graph) {
		this.graph = graph;
	}

	List<Known> dictionary() {
		return this.graph.list(DICTIONARY, Map.of("max", MAX_DICTIONARY),
				r -> new Known(r.get("id").asString(), r.get("label").asString(), r.get("name").asString(""),
						r.get("aliases").asList(Value::asString)));
	}

	/** The stored document's id, and whether this call stored it (false: the same text was there). */
	record Stored(String id, boolean created, int proposals) {
	}

	Stored store(String sha, Map<String, Object> document, List<Finding> findings) {
		return this.graph.inWriteTransaction(tx -> {
			tx.run(LOCK).consume();
			List<Record> existing = tx.run(BY_SHA, Map.of("sha", sha)).list();
			if (!existing.isEmpty()) {
				return new Stored(existing.get(0).get("id").asString(), false, 0);
			}
			String id = (String) document.get("id");
			tx.run(CREATE_DOCUMENT, Map.of("props", document)).consume();
			List<Map<String, Object>> proposals = new ArrayList<>();
			int n = 0;
			for (Finding f : findings) {
				proposals.add(props(id + "-p" + String.format("%04d", ++n), f));
			}
			tx.run(CREATE_PROPOSALS, Map.of("document", id, "proposals", proposals)).consume();
			return new Stored(id, true, proposals.size());
		});
	}

	private static Map<String, Object> props(String id, Finding f) {
		Map<String, Object> p = new HashMap<>();
		p.put("id", id);
		p.put("kind", f.kind().name());
		p.put("confidence", f.confidence());
		party(p, "subject", f.subject());
		party(p, "object", f.object());
		p.put("count", f.count());
		p.put("value", f.value());
		p.put("sentence", f.sentence());
		p.put("start", f.start());
		p.put("end", f.end());
		return p;
	}

	private static void party(Map<String, Object> p, String prefix, Party party) {
		if (party != null) {
			p.put(prefix + "Id", party.id());
			p.put(prefix + "Name", party.name());
			p.put(prefix + "Label", party.label());
		}
	}

	List<Map<String, Object>> documents(int first, String after) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("first", first);
		parameters.put("after", after);
		return this.graph.list(DOCUMENTS, parameters, r -> r.get("d").asMap(DocumentRepository::plain));
	}

	Optional<Map<String, Object>> document(String id) {
		return this.graph.one(DOCUMENT, Map.of("id", id), r -> r.get("d").asMap(DocumentRepository::plain));
	}

	List<Map<String, Object>> proposals(String status, String kind, String document, int first, String after) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("status", status);
		parameters.put("kind", kind);
		parameters.put("document", document);
		parameters.put("first", first);
		parameters.put("after", after);
		return this.graph.list(PROPOSALS, parameters, r -> r.get("p").asMap(DocumentRepository::plain));
	}

	Optional<Map<String, Object>> proposal(String id) {
		return this.graph.one(PROPOSAL, Map.of("id", id), r -> r.get("p").asMap(DocumentRepository::plain));
	}

	/** The entity whose normalised name (or an alias) is {@code norm}. */
	Optional<String> entityByName(String norm) {
		return this.graph.one(BY_NAME, Map.of("norm", norm), r -> r.get("id").asString());
	}

	boolean review(String id, String status, String by, String reason, String resultId, Integer resultVersion) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", id);
		parameters.put("status", status);
		parameters.put("by", by);
		parameters.put("reason", reason);
		parameters.put("resultId", resultId);
		parameters.put("resultVersion", resultVersion);
		return this.graph.inWriteTransaction(tx -> tx.run(REVIEW, parameters).hasNext());
	}

	/** Values as Java objects; date-times as {@link OffsetDateTime}. */
	private static Object plain(Value value) {
		if (value.isNull()) {
			return null;
		}
		return switch (value.type().name()) {
			case "DATE_TIME" -> value.asOffsetDateTime();
			default -> value.asObject();
		};
	}

}
