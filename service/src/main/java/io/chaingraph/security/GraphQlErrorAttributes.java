package io.chaingraph.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Error responses that the web server or the framework produce for {@code /graphql} before the
 * application sees the request (a path parameter Spring Security's firewall rejects, TRACE, which
 * Tomcat refuses, a failure while dispatching) carry a GraphQL error body like every other refusal:
 * {@code {"errors":[{"message":…,"extensions":{"classification":…}}]}} instead of Spring Boot's
 * {@code {"timestamp":…,"status":…,"error":…}}. The downloads ({@code /export/…}) get theirs,
 * {@code {"error":…,"message":…}}. Other paths keep Spring Boot's format.
 */
final class GraphQlErrorAttributes extends DefaultErrorAttributes {

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(request, options);
		if (attributes.get("path") instanceof String path && path.startsWith(ErrorResponses.EXPORT_PREFIX)) {
			int status = (attributes.get("status") instanceof Integer s) ? s : 500;
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("error", (status == 400) ? "BAD_REQUEST" : classification(status));
			body.put("message", switch (status) {
				case 404 -> "Not found: the downloads are /export/upstream, /export/downstream, /export/network and /export/gaps";
				case 405 -> "Downloads are fetched with GET; this method is not supported";
				default -> (status >= 500) ? "The request failed on the server; try again shortly"
						: "The request was refused (HTTP " + status + ")";
			});
			return body;
		}
		if (!(attributes.get("path") instanceof String path) || !path.startsWith("/graphql")) {
			return attributes;
		}
		int status = (attributes.get("status") instanceof Integer s) ? s : 500;
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("message", message(status));
		error.put("extensions", Map.of("classification", classification(status)));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("errors", List.of(error));
		return body;
	}

	static String message(int status) {
		return switch (status) {
			case 400 -> "The request was rejected before it reached GraphQL (a malformed URL, header or body): "
					+ "POST JSON {\"query\": \"...\"} to /graphql";
			case 404 -> "Not found: GraphQL answers at /graphql";
			case 405 -> "GraphQL requests are POSTed to /graphql as JSON; this method is not supported";
			case 406 -> "The response is application/json or application/graphql-response+json; the Accept header allows neither";
			case 413 -> "The request is too large";
			case 415 -> "Send the GraphQL request as JSON with Content-Type: application/json";
			default -> (status >= 500) ? "The request failed on the server; try again shortly"
					: "The request was refused (HTTP " + status + ")";
		};
	}

	static String classification(int status) {
		return switch (status) {
			case 400, 413 -> "BAD_REQUEST";
			case 401 -> "UNAUTHORIZED";
			case 403 -> "FORBIDDEN";
			case 404 -> "NOT_FOUND";
			case 405 -> "METHOD_NOT_ALLOWED";
			case 406 -> "NOT_ACCEPTABLE";
			case 415 -> "UNSUPPORTED_MEDIA_TYPE";
			default -> (status >= 500) ? "INTERNAL_ERROR" : "BAD_REQUEST";
		};
	}

}
