package io.chaingraph.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over real HTTP, as a client sends it: status code, headers and the parsed JSON body, with or
 * without a bearer token. Security decisions happen at the HTTP layer, so these tests go through it.
 */
public final class HttpGraphQl {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newHttpClient();

	private final String base;

	public HttpGraphQl(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public record Response(int status, Map<String, List<String>> headers, JsonNode body, String text) {

		public JsonNode data() {
			return this.body.path("data");
		}

		public JsonNode errors() {
			return this.body.path("errors");
		}

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.map(e -> e.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		/** The classification of the first error ("" when there is none). */
		public String classification() {
			return errors().path(0).path("extensions").path("classification").asString("");
		}

	}

	/** POSTs a document with variables, with the token (null: none). */
	public Response post(String token, String document, Map<String, ?> variables) {
		return send(token, JSON.writeValueAsString(Map.of("query", document, "variables", variables)), Map.of());
	}

	public Response post(String token, String document) {
		return post(token, document, Map.of());
	}

	public Response send(String token, String body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::setHeader); // replaces the defaults above
		return execute(request.build());
	}

	/** POSTs raw bytes to {@code path} (an upload), with the token (null: none). */
	public Response postBytes(String token, String path, String contentType, byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", contentType)
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return execute(request.build());
	}

	/**
	 * POSTs a multipart/form-data body to {@code path}: {@code fields} as form fields, {@code files}
	 * (file name → bytes) as file parts.
	 */
	public Response postMultipart(String token, String path, Map<String, String> fields, Map<String, byte[]> files) {
		String boundary = "----chaingraph" + Long.toHexString(System.nanoTime());
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
		fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n").getBytes(utf8)));
		files.forEach((name, bytes) -> {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(utf8));
			body.writeBytes(bytes);
			body.writeBytes("\r\n".getBytes(utf8));
		});
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
		return postBytes(token, path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
	}

	public Response get(String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path)).GET();
		headers.forEach(request::header);
		return execute(request.build());
	}

	public Response options(String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		return execute(request.build());
	}

	private Response execute(HttpRequest request) {
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			JsonNode body;
			try {
				body = JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
			}
			catch (RuntimeException ex) {
				body = JSON.readTree("{}");
			}
			return new Response(response.statusCode(), response.headers().map(), body, response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
