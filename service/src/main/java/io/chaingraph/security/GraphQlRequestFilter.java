package io.chaingraph.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.Parser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Decides a GraphQL request before it executes, so refusals carry a real HTTP status (and a
 * GraphQL error body):
 * <ul>
 * <li>a body larger than {@code chaingraph.graphql.max-request-size}: 413;</li>
 * <li>a mutation: the EDITOR role (ADMIN for deletes); no token → 401, a weaker role → 403, no token
 * configured at all → 403 (the service is read-only);</li>
 * <li>a query when {@code chaingraph.security.require-token-for-reads}: a token (401 without);</li>
 * <li>an expensive query (traversals, gap analysis): the client's rate limit, 429 when spent.</li>
 * </ul>
 * The curation controller checks the roles again ({@code @PreAuthorize}), so nothing depends on this
 * filter alone. Before any of that, the request must be a GraphQL request over HTTP: POST (405 otherwise),
 * Content-Type application/json in UTF-8 (415), an Accept header that takes JSON (406), a JSON object
 * with a non-empty {@code query} string and well-typed {@code variables}, {@code operationName},
 * {@code extensions} (400). Every refusal is a GraphQL error body with a classification, so a client
 * never sees the web framework's own error page (found by GraphQlFuzzTest).
 */
final class GraphQlRequestFilter extends OncePerRequestFilter {

	/** Top-level fields that cost real work per request: traversals and gap analysis. */
	static final Set<String> EXPENSIVE = Set.of("upstream", "downstream", "network", "chainGaps", "gapCandidates",
			"compareParks");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ApiTokens tokens;

	private final boolean requireTokenForReads;

	private final long maxRequestBytes;

	private final RateLimiter rateLimiter;

	/**
	 * Documents already classified: clients send the same few documents with different variables, and
	 * parsing one again on every request took about a tenth of a small query's time on the request
	 * thread. Bounded by the documents' total length (about {@value #CLASSIFIED_CHARS} characters).
	 */
	private final Cache<DocumentKey, Operation> classified = Caffeine.newBuilder()
		.maximumWeight(CLASSIFIED_CHARS)
		.<DocumentKey, Operation>weigher((key, operation) -> key.query().length())
		.build();

	private static final long CLASSIFIED_CHARS = 4_000_000;

	private record DocumentKey(String query, String operationName) {
	}

	GraphQlRequestFilter(ApiTokens tokens, boolean requireTokenForReads, long maxRequestBytes, RateLimiter rateLimiter) {
		this.tokens = tokens;
		this.requireTokenForReads = requireTokenForReads;
		this.maxRequestBytes = maxRequestBytes;
		this.rateLimiter = rateLimiter;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !isGraphQlRequest(request);
	}

	/** A request to {@code /graphql} other than a CORS pre-flight: what the GraphQL filters look at. */
	static boolean isGraphQlRequest(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/graphql") && !"OPTIONS".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!"POST".equals(request.getMethod())) {
			response.setHeader("Allow", "POST, OPTIONS");
			ErrorResponses.write(response, 405, "METHOD_NOT_ALLOWED", "GraphQL requests are POSTed to /graphql as JSON "
					+ "({\"query\": \"...\", \"variables\": {...}}); " + request.getMethod() + " is not supported");
			return;
		}
		String unsupported = unsupportedContentType(request.getContentType());
		if (unsupported != null) {
			ErrorResponses.write(response, 415, "UNSUPPORTED_MEDIA_TYPE", unsupported);
			return;
		}
		if (!acceptsJson(request.getHeaders(HttpHeaders.ACCEPT))) {
			ErrorResponses.write(response, 406, "NOT_ACCEPTABLE", "The response is application/json or "
					+ "application/graphql-response+json; the Accept header allows neither");
			return;
		}
		byte[] body = readLimited(request);
		if (body == null) {
			ErrorResponses.write(response, 413, "BAD_REQUEST", "The request body is larger than "
					+ this.maxRequestBytes + " bytes (chaingraph.graphql.max-request-size)");
			return;
		}
		HttpServletRequest forward = new CachedBodyRequest(request, body);
		JsonNode json;
		try {
			json = JSON.readTree(body);
		}
		catch (JacksonException ex) {
			ErrorResponses.write(response, 400, "BAD_REQUEST", "The request body is not valid JSON" + where(ex) + ": "
					+ JACKSON_SOURCE.matcher(String.valueOf(ex.getOriginalMessage())).replaceAll(""));
			return;
		}
		String malformed = malformedRequest(json);
		if (malformed != null) {
			ErrorResponses.write(response, 400, "BAD_REQUEST", malformed);
			return;
		}
		String query = json.path("query").asString();
		String operationName = json.path("operationName").isString() ? json.path("operationName").asString() : null;
		Operation operation = (query != null)
				? this.classified.get(new DocumentKey(query, operationName), key -> operation(key.query(), key.operationName()))
				: null;
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		ApiPrincipal principal = (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)
				&& authentication.getPrincipal() instanceof ApiPrincipal p) ? p : null;
		if (operation != null && operation.mutation()) {
			Role needed = operation.fields().stream().anyMatch(f -> f.startsWith("delete")) ? Role.ADMIN : Role.EDITOR;
			if (this.tokens.isEmpty()) {
				ErrorResponses.write(response, 403, "FORBIDDEN", "The service is read-only: no API tokens are "
						+ "configured (chaingraph.security.tokens / CHAINGRAPH_TOKENS), so mutations are refused");
				return;
			}
			if (principal == null) {
				ErrorResponses.write(response, 401, "UNAUTHORIZED",
						"Mutations need an API token with the " + needed + " role: send 'Authorization: Bearer <token>'");
				return;
			}
			if (!principal.role().includes(needed)) {
				ErrorResponses.write(response, 403, "FORBIDDEN", "The token '" + principal.name() + "' has the role "
						+ principal.role() + "; " + String.join(", ", operation.fields()) + " needs " + needed);
				return;
			}
		}
		else if (this.requireTokenForReads && principal == null) {
			ErrorResponses.write(response, 401, "UNAUTHORIZED", "Reads need an API token "
					+ "(chaingraph.security.require-token-for-reads): send 'Authorization: Bearer <token>'");
			return;
		}
		if (operation != null && !operation.mutation() && this.rateLimiter.enabled()
				&& operation.fields().stream().anyMatch(EXPENSIVE::contains)) {
			String client = (principal != null) ? "token:" + principal.name() : "ip:" + request.getRemoteAddr();
			long wait = this.rateLimiter.tryAcquire(client);
			if (wait > 0) {
				response.setHeader("Retry-After", Long.toString(wait));
				ErrorResponses.write(response, 429, "TOO_MANY_REQUESTS", "Rate limit: at most "
						+ this.rateLimiter.perMinute() + " traversal or gap queries per minute per client "
						+ "(chaingraph.rate-limit.expensive-per-minute); retry in " + wait + " s");
				return;
			}
		}
		chain.doFilter(forward, response);
	}

	/** The body, or null when it is larger than the limit (read no further than that). */
	private byte[] readLimited(HttpServletRequest request) throws IOException {
		long declared = request.getContentLengthLong();
		if (declared > this.maxRequestBytes) {
			return null;
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxRequestBytes + 1));
			return (body.length > this.maxRequestBytes) ? null : body;
		}
	}

	/** Where Jackson names its own limits ("from `StreamReadConstraints…`"): not for clients. */
	private static final Pattern JACKSON_SOURCE = Pattern.compile(",? from `[^`]*`");

	/** Why the content type cannot be read as a GraphQL request (JSON in UTF-8), or null when it can. */
	static String unsupportedContentType(String contentType) {
		String expected = "send the GraphQL request as JSON with Content-Type: application/json";
		if (contentType == null || contentType.isBlank()) {
			return "The request has no Content-Type: " + expected;
		}
		MediaType type;
		try {
			type = MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException ex) {
			return "The Content-Type is not a media type: " + expected;
		}
		if (type.isWildcardType() || type.isWildcardSubtype() || !MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
			return "Content-Type " + type.getType() + "/" + type.getSubtype() + " is not supported: " + expected;
		}
		String charset = type.getParameter("charset");
		if (charset != null && !charset.replace("\"", "").equalsIgnoreCase("utf-8")
				&& !charset.replace("\"", "").equalsIgnoreCase("utf8")) {
			return "The charset must be UTF-8, not " + charset;
		}
		return null;
	}

	/** True when no Accept header is sent or one of its media types takes JSON. */
	static boolean acceptsJson(java.util.Enumeration<String> accept) {
		if (accept == null || !accept.hasMoreElements()) {
			return true;
		}
		List<MediaType> types = new ArrayList<>();
		try {
			for (String header : java.util.Collections.list(accept)) {
				types.addAll(MediaType.parseMediaTypes(header));
			}
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
		return types.isEmpty() || types.stream()
			.anyMatch(t -> t.isCompatibleWith(MediaType.APPLICATION_JSON) || t.isCompatibleWith(MediaType.APPLICATION_GRAPHQL_RESPONSE));
	}

	/** What is wrong with the request object (GraphQL over HTTP), or null when it is well formed. */
	static String malformedRequest(JsonNode json) {
		String shape = "send {\"query\": \"...\", \"variables\": {...}, \"operationName\": \"...\"}";
		if (json == null || json.isMissingNode()) {
			return "The request body is empty: " + shape;
		}
		if (!json.isObject()) {
			return "The request body must be a JSON object, not " + json.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
					+ ": " + shape;
		}
		if (!json.path("query").isString() || json.path("query").asString().isBlank()) {
			return "The request has no GraphQL document: 'query' must be a non-empty string; " + shape;
		}
		if (json.has("variables") && !json.get("variables").isObject() && !json.get("variables").isNull()) {
			return "'variables' must be a JSON object (name to value)";
		}
		if (json.has("operationName") && !json.get("operationName").isString() && !json.get("operationName").isNull()) {
			return "'operationName' must be a string";
		}
		if (json.has("extensions") && !json.get("extensions").isObject() && !json.get("extensions").isNull()) {
			return "'extensions' must be a JSON object";
		}
		return null;
	}

	private static String where(JacksonException ex) {
		var location = ex.getLocation();
		return (location == null || location.getLineNr() < 1) ? ""
				: " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}

	/** The operation that will run and its top-level field names, or null when the document does not parse. */
	record Operation(boolean mutation, List<String> fields) {

		Operation {
			fields = List.copyOf(fields); // shared by every request that sends the document
		}

	}

	static Operation operation(String query, String operationName) {
		Document document;
		try {
			document = Parser.parse(query);
		}
		catch (RuntimeException ex) {
			return null;
		}
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		OperationDefinition chosen = null;
		for (OperationDefinition op : operations) {
			if (operationName == null ? operations.size() == 1 : operationName.equals(op.getName())) {
				chosen = op;
			}
		}
		if (chosen == null) {
			// GraphQL refuses an ambiguous or unknown operation; treat the strictest candidate as the one
			boolean anyMutation = operations.stream().anyMatch(o -> o.getOperation() == OperationDefinition.Operation.MUTATION);
			List<String> fields = new ArrayList<>();
			Map<String, FragmentDefinition> fragments = fragments(document);
			operations.forEach(o -> collect(o.getSelectionSet(), fragments, fields, new HashSet<>()));
			return new Operation(anyMutation, fields);
		}
		List<String> fields = new ArrayList<>();
		collect(chosen.getSelectionSet(), fragments(document), fields, new HashSet<>());
		return new Operation(chosen.getOperation() != OperationDefinition.Operation.QUERY, fields);
	}

	private static Map<String, FragmentDefinition> fragments(Document document) {
		Map<String, FragmentDefinition> fragments = new java.util.HashMap<>();
		document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
		return fragments;
	}

	/** Top-level field names, through inline fragments and fragment spreads at the root. */
	private static void collect(SelectionSet set, Map<String, FragmentDefinition> fragments, List<String> fields,
			Set<String> seen) {
		if (set == null) {
			return;
		}
		for (Selection<?> selection : set.getSelections()) {
			if (selection instanceof Field field) {
				fields.add(field.getName());
			}
			else if (selection instanceof InlineFragment inline) {
				collect(inline.getSelectionSet(), fragments, fields, seen);
			}
			else if (selection instanceof FragmentSpread spread && seen.add(spread.getName())
					&& fragments.containsKey(spread.getName())) {
				collect(fragments.get(spread.getName()).getSelectionSet(), fragments, fields, seen);
			}
		}
	}

	/** The request with its body already read (the filter needed it), served again to GraphQL. */
	private static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}
			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
					java.nio.charset.StandardCharsets.UTF_8));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
