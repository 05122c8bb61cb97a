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
final class ErrorResponses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ErrorResponses() {
	}

	static void write(HttpServletResponse response, int status, String classification, String message)
			throws IOException {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("message", message);
		error.put("extensions", Map.of("classification", classification));
		byte[] body = JSON.writeValueAsBytes(Map.of("errors", List.of(error)));
		response.setStatus(status);
		response.setContentType("application/json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

}
