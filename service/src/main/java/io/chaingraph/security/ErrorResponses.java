package io.chaingraph.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals written before GraphQL runs, in GraphQL's error format:
 * {@code {"errors":[{"message":…,"extensions":{"classification":…}}]}} with the HTTP status; for the
 * downloads ({@code /export/…}) in theirs, {@code {"error":…,"message":…}}.
 */
public final class ErrorResponses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ErrorResponses() {
	}

	/** The body: one error per message, all with the classification. */
	public static Map<String, Object> body(String classification, List<String> messages) {
		return Map.of("errors", messages.stream().map(message -> {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("message", message);
			error.put("extensions", Map.of("classification", classification));
			return error;
		}).toList());
	}

	/** The downloads' path prefix (docs/api.md, "Exports"). */
	static final String EXPORT_PREFIX = "/export/";

	/** A request for a download. */
	static boolean isExport(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length()).startsWith(EXPORT_PREFIX);
	}

	/** The refusal in the format of the endpoint asked: a download's, or GraphQL's. */
	static void write(HttpServletRequest request, HttpServletResponse response, int status, String classification,
			String message) throws IOException {
		if (isExport(request)) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("error", classification);
			body.put("message", message);
			write(response, status, JSON.writeValueAsBytes(body));
		}
		else {
			write(response, status, classification, message);
		}
	}

	static void write(HttpServletResponse response, int status, String classification, String message)
			throws IOException {
		write(response, status, JSON.writeValueAsBytes(body(classification, List.of(message))));
	}

	private static void write(HttpServletResponse response, int status, byte[] body) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

}
