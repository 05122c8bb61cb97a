package io.chaingraph.document;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.chaingraph.audit.Actor;
import io.chaingraph.security.ApiPrincipal;
import io.chaingraph.security.ErrorResponses;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Documents over HTTP (docs/documents.md, "Uploading over HTTP"): {@code POST /api/documents} with the
 * documents as multipart file parts, or one document as the body with {@code ?name=FILE} (its ending says
 * how to read it). Every document is read first: when one cannot be read, none is stored and the answer
 * names each refused file. ADMIN only (enforced before this controller too, with the API's refusals).
 */
@RestController
@RequestMapping("/api/documents")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DocumentUploadController {

	private final DocumentService documents;

	DocumentUploadController(DocumentService documents) {
		this.documents = documents;
	}

	/** One uploaded document: its file name and bytes. */
	private record Upload(String fileName, byte[] bytes) {
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Map<String, Object>> uploadFiles(HttpServletRequest request) throws IOException {
		Collection<Part> parts;
		try {
			parts = request.getParts();
		}
		catch (IllegalStateException ex) {
			return error(HttpStatus.CONTENT_TOO_LARGE, List.of("The upload is larger than the multipart limit "
					+ "(chaingraph.import.max-upload-size) / 上传过大"));
		}
		catch (ServletException ex) {
			return error(HttpStatus.BAD_REQUEST, List.of("not a readable multipart upload: " + ex.getMessage()));
		}
		List<Upload> uploads = new ArrayList<>();
		for (Part part : parts) {
			if (part.getSubmittedFileName() == null) {
				continue;
			}
			if (part.getSize() > DocumentText.MAX_BYTES) {
				return error(HttpStatus.CONTENT_TOO_LARGE, List.of(part.getSubmittedFileName() + ": larger than 20 MB / 文件过大"));
			}
			try (InputStream in = part.getInputStream()) {
				uploads.add(new Upload(part.getSubmittedFileName(), in.readAllBytes()));
			}
		}
		if (uploads.isEmpty()) {
			return error(HttpStatus.BAD_REQUEST, List.of("no file part: send each document as a file part / 没有文件"));
		}
		return ingest(uploads);
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Map<String, Object>> uploadBody(HttpServletRequest request,
			@RequestParam(required = false) String name) throws IOException {
		if (name == null || name.isBlank()) {
			return error(HttpStatus.BAD_REQUEST, List.of("name the document: POST /api/documents?name=news.html "
					+ "(.txt in UTF-8, .html, .docx), or send multipart file parts / 请给出文件名"));
		}
		if (request.getContentLengthLong() > DocumentText.MAX_BYTES) {
			return error(HttpStatus.CONTENT_TOO_LARGE, List.of(name + ": larger than 20 MB / 文件过大"));
		}
		byte[] bytes;
		try (InputStream in = request.getInputStream()) {
			bytes = in.readNBytes((int) DocumentText.MAX_BYTES + 1);
		}
		if (bytes.length > DocumentText.MAX_BYTES) {
			return error(HttpStatus.CONTENT_TOO_LARGE, List.of(name + ": larger than 20 MB / 文件过大"));
		}
		return ingest(List.of(new Upload(name.strip(), bytes)));
	}

	private ResponseEntity<Map<String, Object>> ingest(List<Upload> uploads) {
		List<String> refused = new ArrayList<>();
		for (Upload upload : uploads) {
			try {
				DocumentText.read(upload.fileName(), upload.bytes());
			}
			catch (DocumentText.Unreadable ex) {
				refused.add(ex.getMessage());
			}
		}
		if (!refused.isEmpty()) {
			List<String> messages = new ArrayList<>(refused);
			messages.add("nothing was stored / 未保存任何文档");
			return error(HttpStatus.BAD_REQUEST, messages);
		}
		Actor actor = actor();
		List<Map<String, Object>> stored = new ArrayList<>();
		for (Upload upload : uploads) {
			DocumentService.Ingested ingested = this.documents.ingest(upload.fileName(), upload.bytes(), actor);
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("file", upload.fileName());
			row.put("id", ingested.id());
			row.put("title", ingested.title());
			row.put("created", ingested.created());
			row.put("proposals", ingested.proposals());
			stored.add(row);
		}
		return ResponseEntity.ok(Map.of("documents", stored));
	}

	private static ResponseEntity<Map<String, Object>> error(HttpStatus status, List<String> messages) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
			.body(ErrorResponses.body("BAD_REQUEST", messages));
	}

	private static Actor actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof ApiPrincipal principal)) {
			throw new AuthenticationCredentialsNotFoundException("Document uploads need an API token");
		}
		return new Actor(principal.name(), principal.role().name());
	}

}
