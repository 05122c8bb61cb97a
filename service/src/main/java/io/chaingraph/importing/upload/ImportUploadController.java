package io.chaingraph.importing.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.chaingraph.importing.ImportProperties;
import io.chaingraph.audit.Actor;
import io.chaingraph.importing.ImportRuns;
import io.chaingraph.importing.ImportStatus;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Imports over HTTP (docs/importing.md, "Importing over HTTP"): {@code POST /api/imports} with a zip
 * ({@code Content-Type: application/zip}) or multipart files answers 202 with the run's id at once;
 * the import runs on {@link ImportQueue}'s thread, and its progress and outcome are the run's
 * ({@code importRun(id)} in GraphQL, or {@code GET /api/imports/{id}}). ADMIN only (also enforced
 * before this controller, with the API's error format). Refusals use GraphQL's error format.
 */
@RestController
@RequestMapping("/api/imports")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ImportUploadController {

	private final ImportQueue queue;

	private final ImportRuns runs;

	private final long maxUploadBytes;

	private final long maxDatasetBytes;

	ImportUploadController(ImportQueue queue, ImportRuns runs, ImportProperties properties) {
		this.queue = queue;
		this.runs = runs;
		this.maxUploadBytes = properties.maxUploadSize().toBytes();
		this.maxDatasetBytes = properties.maxDatasetSize().toBytes();
	}

	/** A zip as the request body; {@code name} names a dataset whose zip has no top folder. */
	@PostMapping(consumes = { "application/zip", "application/x-zip-compressed", "application/octet-stream" })
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Map<String, Object>> uploadZip(HttpServletRequest request,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(required = false) String name)
			throws IOException {
		Actor actor = actor();
		if (request.getContentLengthLong() > this.maxUploadBytes) {
			return tooLarge();
		}
		DatasetUpload.Unpacked unpacked;
		try (InputStream body = new Limited(request.getInputStream(), this.maxUploadBytes)) {
			unpacked = DatasetUpload.zip(body, datasetName(name, "upload"), this.maxDatasetBytes);
		}
		catch (DatasetUpload.Refused ex) {
			return refused(ex);
		}
		catch (TooLarge ex) {
			return tooLarge();
		}
		return submit(unpacked, "upload:" + ((name != null && !name.isBlank()) ? name.strip() : unpacked.name() + ".zip"),
				dryRun, actor);
	}

	/**
	 * Multipart: the dataset's files as file parts (any part name), or one {@code .zip} file part;
	 * fields {@code dryRun} and {@code name} (also accepted as query parameters).
	 */
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Map<String, Object>> uploadFiles(HttpServletRequest request) throws IOException {
		Actor actor = actor();
		if (request.getContentLengthLong() > this.maxUploadBytes) {
			return tooLarge();
		}
		Collection<Part> parts;
		try {
			parts = request.getParts();
		}
		catch (IllegalStateException ex) {
			// Tomcat's size limits (spring.servlet.multipart.max-*, set from chaingraph.import.max-upload-size)
			return tooLarge();
		}
		catch (ServletException | IOException ex) {
			return error(HttpStatus.BAD_REQUEST, "BAD_REQUEST", List.of("not a readable multipart upload: " + ex.getMessage()));
		}
		boolean dryRun = Boolean.parseBoolean(request.getParameter("dryRun"));
		String name = request.getParameter("name");
		List<Part> files = parts.stream().filter(p -> p.getSubmittedFileName() != null).toList();
		DatasetUpload.Unpacked unpacked;
		String location;
		try {
			if (files.size() == 1 && files.get(0).getSubmittedFileName().toLowerCase(Locale.ROOT).endsWith(".zip")) {
				String zipName = files.get(0).getSubmittedFileName();
				try (InputStream in = files.get(0).getInputStream()) {
					unpacked = DatasetUpload.zip(in, datasetName(name, zipName.substring(0, zipName.length() - 4)),
							this.maxDatasetBytes);
				}
				location = "upload:" + ((name != null && !name.isBlank()) ? name.strip() : zipName);
			}
			else {
				List<DatasetUpload.Part> uploaded = new ArrayList<>();
				for (Part part : files) {
					uploaded.add(new DatasetUpload.Part() {

						@Override
						public String fileName() {
							return part.getSubmittedFileName();
						}

						@Override
						public InputStream open() throws IOException {
							return part.getInputStream();
						}

					});
				}
				unpacked = DatasetUpload.files(uploaded, datasetName(name, "upload"), this.maxDatasetBytes);
				location = "upload:" + unpacked.name();
			}
		}
		catch (DatasetUpload.Refused ex) {
			return refused(ex);
		}
		return submit(unpacked, location, dryRun, actor);
	}

	/** Any other body. */
	@PostMapping
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Map<String, Object>> unsupported(HttpServletRequest request) {
		return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "BAD_REQUEST",
				List.of("Send the dataset as Content-Type: application/zip (a zip of the dataset folder) or as "
						+ "multipart/form-data (its files, or one .zip), not " + request.getContentType()));
	}

	/** The run, as GraphQL's importRun answers it (for the Location of an upload). */
	@GetMapping("/{id}")
	ResponseEntity<Object> run(@PathVariable String id) {
		return this.runs.find(id).<ResponseEntity<Object>>map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(ErrorResponses.body("NOT_FOUND", List.of("No import run '" + id + "'"))));
	}

	private ResponseEntity<Map<String, Object>> submit(DatasetUpload.Unpacked unpacked, String location, boolean dryRun,
			Actor actor) {
		ImportQueue.Submitted submitted;
		try {
			submitted = this.queue.submit(unpacked.folder(), unpacked.name(), location, dryRun, actor);
		}
		catch (ImportQueue.QueueFullException ex) {
			ImportQueue.delete(unpacked.folder());
			return error(HttpStatus.CONFLICT, "CONFLICT", List.of(ex.getMessage()));
		}
		catch (RuntimeException ex) {
			ImportQueue.delete(unpacked.folder());
			throw ex;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("runId", submitted.runId());
		body.put("status", ImportStatus.QUEUED.name());
		body.put("queuePosition", submitted.position());
		body.put("dryRun", dryRun);
		body.put("dataset", location);
		body.put("files", unpacked.files());
		body.put("location", "/api/imports/" + submitted.runId());
		return ResponseEntity.accepted().location(URI.create("/api/imports/" + submitted.runId())).body(body);
	}

	private static String datasetName(String name, String fallback) {
		String chosen = (name != null && !name.isBlank()) ? name.strip() : fallback;
		return chosen.length() > 100 ? chosen.substring(0, 100) : chosen;
	}

	private ResponseEntity<Map<String, Object>> tooLarge() {
		return error(HttpStatus.CONTENT_TOO_LARGE, "BAD_REQUEST", List.of("The upload is larger than "
				+ this.maxUploadBytes + " bytes (chaingraph.import.max-upload-size)"));
	}

	private static ResponseEntity<Map<String, Object>> refused(DatasetUpload.Refused ex) {
		return error(HttpStatus.valueOf(ex.status()), "BAD_REQUEST",
				ex.reasons().stream().map(reason -> "upload refused, nothing imported: " + reason).toList());
	}

	private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String classification,
			List<String> messages) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
			.body(ErrorResponses.body(classification, messages));
	}

	/** The caller, from its API token (the role was checked before the method ran). */
	private static Actor actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof ApiPrincipal principal)) {
			throw new AuthenticationCredentialsNotFoundException("Imports need an API token");
		}
		return new Actor(principal.name(), principal.role().name());
	}

	/** A body that stops at the limit (a chunked upload has no Content-Length to check first). */
	private static final class Limited extends FilterInputStream {

		private long left;

		Limited(InputStream in, long limit) {
			super(in);
			this.left = limit;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0 && --this.left < 0) {
				throw new TooLarge();
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0 && (this.left -= n) < 0) {
				throw new TooLarge();
			}
			return n;
		}

	}

	private static final class TooLarge extends RuntimeException {

		TooLarge() {
			super("upload larger than chaingraph.import.max-upload-size");
		}

	}

}
