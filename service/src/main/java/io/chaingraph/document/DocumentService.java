package io.chaingraph.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.chaingraph.audit.Actor;
import io.chaingraph.common.NotFoundException;
import io.chaingraph.curation.CurationGateway;
import io.chaingraph.dataset.NameNormalizer;
import io.chaingraph.document.Extractor.Finding;

import org.springframework.stereotype.Service;

/**
 * Ingest and review of documents (docs/documents.md): a document is read, normalised, searched for
 * names and relations with the graph's names as the dictionary, and stored with a proposal per
 * finding; the graph changes only when an editor accepts a proposal, through curation (same rules,
 * versions and audit trail), with the document as the change's source.
 */
@Service
public class DocumentService {

	/** What an ingest did: the document's id, whether it is new (false: the same text was stored). */
	public record Ingested(String id, String title, boolean created, int proposals) {
	}

	private final DocumentRepository documents;

	private final CurationGateway curation;

	DocumentService(DocumentRepository documents, CurationGateway curation) {
		this.documents = documents;
		this.curation = curation;
	}

	/**
	 * Reads and stores a document with its proposals; the same text again (by SHA-256 of the
	 * normalised text) changes nothing.
	 * @throws DocumentText.Unreadable when the file is not a document this service reads
	 */
	public Ingested ingest(String fileName, byte[] bytes, Actor actor) {
		DocumentText text = DocumentText.read(fileName, bytes);
		String body = text.text();
		String sha = sha256(body);
		List<Finding> findings = new Extractor(new MentionFinder(this.documents.dictionary())).extract(text);
		Map<String, Object> props = new HashMap<>();
		props.put("id", "doc-" + sha.substring(0, 16));
		props.put("title", text.title());
		props.put("sha256", sha);
		props.put("text", body);
		props.put("length", body.length());
		props.put("fileName", fileName.replaceAll("^.*[/\\\\]", ""));
		props.put("ingestedBy", actor.name());
		DocumentRepository.Stored stored = this.documents.store(sha, props, findings);
		return new Ingested(stored.id(), text.title(), stored.created(), stored.proposals());
	}

	/** The findings in a text without storing anything (for tests and measurements). */
	List<Finding> findings(String fileName, byte[] bytes) {
		return new Extractor(new MentionFinder(this.documents.dictionary())).extract(DocumentText.read(fileName, bytes));
	}

	/**
	 * Accepts a pending proposal: NEW_ENTITY creates the park, enterprise or platform; IN_PARK places
	 * the entity in the park (LOCATED_IN, or PART_OF for a park); SEGMENT links the enterprise to the
	 * chain segment (OPERATES_IN, with the proposal's confidence and rule as its source); MENTION, COUNT and CHAIN are marked
	 * accepted and change no entity. The proposal keeps who accepted it and what it changed.
	 */
	Map<String, Object> accept(String id, Actor actor) {
		Map<String, Object> p = pending(id);
		String source = (p.get("document") != null) ? "document:" + p.get("document") : "rule:" + p.get("rule");
		String resultId = (String) p.get("subjectId");
		Integer resultVersion = null;
		switch ((String) p.get("kind")) {
			case "NEW_ENTITY" -> {
				String label = (String) p.get("subjectLabel");
				String name = (String) p.get("subjectName");
				Map<String, Object> record = new HashMap<>();
				record.put("id", newId(label, name));
				record.put("name", name);
				record.put("source", source);
				record.put("description", "据文档 (from document) " + p.get("documentTitle") + "：" + p.get("sentence"));
				CurationGateway.Result created = this.curation.create(label, record, actor);
				resultId = created.id();
				resultVersion = created.version();
			}
			case "IN_PARK" -> {
				String subject = resolve((String) p.get("subjectId"), (String) p.get("subjectName"));
				String park = resolve((String) p.get("objectId"), (String) p.get("objectName"));
				CurationGateway.Result placed = this.curation.placeInPark(subject, park, source, actor);
				resultId = placed.id();
				resultVersion = placed.version();
			}
			case "SEGMENT" -> {
				CurationGateway.Result linked = this.curation.linkToSegment((String) p.get("subjectId"),
						(String) p.get("objectId"), ((Number) p.get("confidence")).doubleValue(), source, actor);
				resultId = linked.id();
				resultVersion = linked.version();
			}
			default -> {
				// MENTION, COUNT, CHAIN: the graph's dataset format has no place for them yet
			}
		}
		if (!this.documents.review(id, "ACCEPTED", actor.name(), null, resultId, resultVersion)) {
			throw new IllegalArgumentException("Proposal '" + id + "' was reviewed meanwhile / 该提议已被审核");
		}
		return proposal(id);
	}

	Map<String, Object> reject(String id, String reason, Actor actor) {
		pending(id);
		if (!this.documents.review(id, "REJECTED", actor.name(), reason, null, null)) {
			throw new IllegalArgumentException("Proposal '" + id + "' was reviewed meanwhile / 该提议已被审核");
		}
		return proposal(id);
	}

	Map<String, Object> proposal(String id) {
		return this.documents.proposal(id).orElseThrow(() -> new NotFoundException("No proposal with id '" + id + "'"));
	}

	private Map<String, Object> pending(String id) {
		Map<String, Object> p = proposal(id);
		if (!"PENDING".equals(p.get("status"))) {
			throw new IllegalArgumentException(
					"Proposal '" + id + "' is " + p.get("status") + " already, only a PENDING one is reviewed / 该提议已审核");
		}
		return p;
	}

	/** The entity a party names: its id, else the entity whose name or alias is the name. */
	private String resolve(String id, String name) {
		if (id != null) {
			return id;
		}
		return this.documents.entityByName(NameNormalizer.normalize(name))
			.orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not in the graph yet: accept its"
					+ " NEW_ENTITY proposal first / 请先接受新建该实体的提议"));
	}

	/** The id a new entity gets: its kind and a digest of its normalised name (the same name, the same id). */
	static String newId(String label, String name) {
		String prefix = switch (label) {
			case "Park" -> "park-doc-";
			case "Platform" -> "plat-doc-";
			default -> "ent-doc-";
		};
		return prefix + sha256(NameNormalizer.normalize(name)).substring(0, 12);
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
