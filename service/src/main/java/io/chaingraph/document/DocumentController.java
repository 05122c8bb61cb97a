package io.chaingraph.document;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.chaingraph.audit.Actor;
import io.chaingraph.common.Connection;
import io.chaingraph.common.Cursors;
import io.chaingraph.config.Limits;
import io.chaingraph.security.ApiPrincipal;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;

/** documents.graphqls: documents, their proposals, and the review of proposals (EDITOR). */
@Controller
class DocumentController {

	record DocumentView(String id, String title, String sha256, String fileName, int length,
			OffsetDateTime ingestedAt, String ingestedBy, String text) {

		static DocumentView of(Map<String, Object> d) {
			return new DocumentView((String) d.get("id"), (String) d.get("title"), (String) d.get("sha256"),
					(String) d.get("fileName"), number(d.get("length")).intValue(), (OffsetDateTime) d.get("ingestedAt"),
					(String) d.get("ingestedBy"), (String) d.get("text"));
		}

	}

	record ProposalParty(String id, String name, String type) {

		static ProposalParty of(Map<String, Object> p, String prefix) {
			String name = (String) p.get(prefix + "Name");
			return (name == null) ? null
					: new ProposalParty((String) p.get(prefix + "Id"), name, (String) p.get(prefix + "Label"));
		}

	}

	record ProposalView(String id, String kind, String status, double confidence, ProposalParty subject,
			ProposalParty object, Long count, String value, String sentence, int start, int end, String documentId,
			String importRunId, String rule, String field, String reviewedBy, OffsetDateTime reviewedAt, String reason, String resultId, Integer resultVersion) {

		static ProposalView of(Map<String, Object> p) {
			Number version = (Number) p.get("resultVersion");
			return new ProposalView((String) p.get("id"), (String) p.get("kind"), (String) p.get("status"),
					number(p.get("confidence")).doubleValue(), ProposalParty.of(p, "subject"), ProposalParty.of(p, "object"),
					(p.get("count") != null) ? number(p.get("count")).longValue() : null, (String) p.get("value"),
					(String) p.get("sentence"), number(p.get("start")).intValue(), number(p.get("end")).intValue(),
					(String) p.get("document"), (String) p.get("importRun"), (String) p.get("rule"), (String) p.get("field"),
					(String) p.get("reviewedBy"), (OffsetDateTime) p.get("reviewedAt"),
					(String) p.get("reason"), (String) p.get("resultId"), (version != null) ? version.intValue() : null);
		}

	}

	static final String DOCUMENTS = "documents";

	static final String PROPOSALS = "proposals";

	/** A document's proposals in one answer: at most this many. */
	static final int MAX_PER_DOCUMENT = 1000;

	private final DocumentRepository documents;

	private final DocumentService service;

	private final Limits limits;

	private final Cursors cursors;

	DocumentController(DocumentRepository documents, DocumentService service, Limits limits, Cursors cursors) {
		this.documents = documents;
		this.service = service;
		this.limits = limits;
		this.cursors = cursors;
	}

	@QueryMapping
	Connection<DocumentView> documents(@Argument int first, ScrollSubrange range) {
		this.limits.first(first);
		Cursors.Position after = this.cursors.after(DOCUMENTS, range);
		List<DocumentView> rows = this.documents.documents(first + 1, (after != null) ? after.string("id") : null)
			.stream()
			.map(DocumentView::of)
			.toList();
		return Connection.of(rows, first, d -> this.cursors.cursor(DOCUMENTS, "id", d.id()), after != null, null);
	}

	@QueryMapping
	DocumentView document(@Argument String id) {
		return this.documents.document(id).map(DocumentView::of).orElse(null);
	}

	@QueryMapping
	Connection<ProposalView> proposals(@Argument String status, @Argument String kind, @Argument int first,
			ScrollSubrange range) {
		this.limits.first(first);
		Cursors.Position after = this.cursors.after(PROPOSALS, range);
		List<ProposalView> rows = this.documents
			.proposals(status, kind, null, first + 1, (after != null) ? after.string("id") : null)
			.stream()
			.map(ProposalView::of)
			.toList();
		return Connection.of(rows, first, p -> this.cursors.cursor(PROPOSALS, "id", p.id()), after != null, null);
	}

	@SchemaMapping(typeName = "Document")
	List<ProposalView> proposals(DocumentView document) {
		return this.documents.proposals(null, null, document.id(), MAX_PER_DOCUMENT, null)
			.stream()
			.map(ProposalView::of)
			.sorted(java.util.Comparator.comparingInt(ProposalView::start).thenComparing(ProposalView::id))
			.toList();
	}

	@SchemaMapping(typeName = "Document")
	List<ProposalView> mentions(DocumentView document) {
		return proposals(document).stream().filter(p -> p.kind().equals("MENTION") || p.kind().equals("NEW_ENTITY")).toList();
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	ProposalView acceptProposal(@Argument String id) {
		return ProposalView.of(this.service.accept(id, actor()));
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	ProposalView rejectProposal(@Argument String id, @Argument String reason) {
		return ProposalView.of(this.service.reject(id, reason, actor()));
	}

	private static Number number(Object value) {
		return (value instanceof Number n) ? n : 0;
	}

	/** The caller, from its API token (the role was checked before the method ran). */
	private static Actor actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof ApiPrincipal principal)) {
			throw new AuthenticationCredentialsNotFoundException("Mutations need an API token");
		}
		return new Actor(principal.name(), principal.role().name());
	}

}
