package io.chaingraph.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals written before GraphQL runs, in GraphQL's error format:
 * {@code {"errors":[{"message":…,"extensions":{"classification":…}}]}} with the HTTP status.
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

	static void write(HttpServletResponse response, int status, String classification, String message)
			throws IOException {
		byte[] body = JSON.writeValueAsBytes(body(classification, List.of(message)));
		response.setStatus(status);
		response.setContentType("application/json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

}
