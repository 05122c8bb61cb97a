package io.chaingraph.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.chaingraph.common.NotFoundException;
import io.chaingraph.config.Graph;
import io.chaingraph.config.Limits;
import io.chaingraph.config.QueryProperties;
import io.chaingraph.config.RequestTimeoutException;
import io.chaingraph.export.ExportGraph.Column;
import io.chaingraph.export.ExportGraph.Type;
import io.chaingraph.gap.GapKind;
import io.chaingraph.gap.GapModel.GapReport;
import io.chaingraph.gap.GapModel.SegmentStatus;
import io.chaingraph.gap.SegmentGaps;
import io.chaingraph.graph.GraphEdge;
import io.chaingraph.graph.GraphNode;
import io.chaingraph.graph.Subgraph;
import io.chaingraph.graph.SubgraphDetails;
import io.chaingraph.graph.SubgraphDetails.EdgeFacts;
import io.chaingraph.graph.SubgraphDetails.NodeFacts;
import io.chaingraph.graph.Traversals;
import io.chaingraph.report.ChainReport;
import io.chaingraph.report.ChainReports;
import io.chaingraph.report.ReportFormat;
import jakarta.servlet.http.HttpServletRequest;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads of what {@code upstream}, {@code downstream}, {@code network} and {@code chainGaps} answer, as
 * GraphML, GEXF, Cytoscape JSON or CSV (docs/api.md, "Exports"): {@code GET /export/{traversal}} and
 * {@code GET /export/gaps}, and the chain report as a workbook or a printable page ({@code GET /export/report},
 * docs/api.md, "Reports"). The same services as GraphQL, so the same caps and messages: one traversal
 * statement, one statement for the nodes' details and one for the edges' (never one per node), the gap
 * reports as {@code chainGaps} keeps them. The whole request is bounded by {@code chaingraph.query.timeout}.
 * Roles, the rate limit and the admission queue are applied before this controller, by the security
 * filters, as for {@code /graphql}. Refusals are {@code {"error": …, "message": …, "parameter": …}}.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ExportController {

	/** The values of GraphQL's RelationshipType enum. */
	static final List<String> RELATIONSHIP_TYPES = List.of("LOCATED_IN", "PART_OF", "FOCUSES_ON", "IN_CHAIN", "FEEDS",
			"OPERATES_IN", "SUPPLIES", "SERVES", "INCUBATES", "INVESTS_IN", "TRANSFERS_TECH_TO");

	/** The values of GraphQL's EntityType enum. */
	static final List<String> ENTITY_TYPES = List.of("Park", "Enterprise", "Platform", "Chain", "ChainNode");

	static final List<String> TRAVERSALS = List.of("upstream", "downstream", "network");

	static final int DEFAULT_WEAK_BELOW = 2;

	static final List<Column> NODE_COLUMNS = List.of(Column.of("id", Type.STRING), Column.of("type", Type.STRING),
			Column.of("name", Type.STRING), Column.of("depth", Type.INT), Column.of("stage", Type.STRING),
			Column.of("chainId", Type.STRING), Column.of("parkIds", Type.LIST), Column.of("tags", Type.LIST));

	static final Column GAP_KIND = Column.of("gapKind", Type.STRING);

	static final List<Column> EDGE_COLUMNS = List.of(Column.of("id", Type.STRING), Column.of("type", Type.STRING),
			Column.of("source", Type.STRING), Column.of("target", Type.STRING), Column.of("product", Type.STRING),
			Column.of("since", Type.INT), Column.of("weight", Type.DOUBLE), Column.of("confidence", Type.DOUBLE),
			Column.of("provenance", Type.STRING));

	static final List<Column> SEGMENT_COLUMNS = List.of(Column.of("id", Type.STRING), Column.of("type", Type.STRING),
			Column.of("name", Type.STRING), Column.of("stage", Type.STRING), Column.of("localCount", Type.INT),
			Column.of("kind", Type.STRING));

	static final List<Column> FEEDS_COLUMNS = List.of(Column.of("id", Type.STRING), Column.of("type", Type.STRING),
			Column.of("source", Type.STRING), Column.of("target", Type.STRING));

	/** The gap report's CSV: one row per segment. */
	static final List<Column> GAP_CSV_COLUMNS = List.of(Column.of("id", Type.STRING), Column.of("name", Type.STRING),
			Column.of("stage", Type.STRING), Column.of("localCount", Type.INT), Column.of("kind", Type.STRING));

	private static final Set<String> TRAVERSAL_PARAMETERS = Set.of("id", "depth", "limit", "format", "parkId",
			"weakBelow");

	private static final Set<String> NETWORK_PARAMETERS = Set.of("id", "depth", "limit", "format", "relationshipTypes",
			"labels", "parkId", "weakBelow");

	private static final Set<String> GAP_PARAMETERS = Set.of("parkId", "chainId", "weakBelow", "format");

	private static final Set<String> REPORT_PARAMETERS = Set.of("parkId", "chainId", "weakBelow", "format", "candidates");

	private final Traversals traversals;

	private final ChainReports reports;

	private final SubgraphDetails details;

	private final SegmentGaps gaps;

	private final Limits limits;

	private final Graph graph;

	private final java.time.Duration timeout;

	ExportController(Traversals traversals, SubgraphDetails details, SegmentGaps gaps, ChainReports reports,
			Limits limits, Graph graph, QueryProperties properties) {
		this.traversals = traversals;
		this.reports = reports;
		this.details = details;
		this.gaps = gaps;
		this.limits = limits;
		this.graph = graph;
		this.timeout = properties.query().timeout();
	}

	@GetMapping("/export/gaps")
	ResponseEntity<byte[]> gaps(HttpServletRequest request) {
		Parameters parameters = new Parameters(request, GAP_PARAMETERS, "gaps");
		String parkId = parameters.required("parkId");
		String chainId = parameters.required("chainId");
		int weakBelow = parameters.weakBelow();
		ExportFormat format = parameters.format(ExportFormat.CSV, ExportFormat.CYJS, ExportFormat.GRAPHML,
				ExportFormat.GEXF);
		record Found(GapReport report, List<GraphEdge> feeds) {
		}
		Found found;
		try {
			found = this.graph.withinTimeout(() -> {
				GapReport gapReport = this.gaps.report(parkId, chainId, weakBelow);
				return new Found(gapReport,
						this.gaps.feeds(gapReport.segments().stream().map(s -> s.node().id()).toList()));
			});
		}
		catch (NotFoundException ex) {
			throw new NotFound(ex.getMessage().startsWith("No chain") ? "chainId" : "parkId", ex.getMessage());
		}
		GapReport report = found.report();
		List<GraphEdge> feeds = found.feeds();
		List<Map<String, Object>> segments = new ArrayList<>();
		for (SegmentStatus segment : report.segments()) {
			segments.add(ExportGraph.row("id", segment.node().id(), "type", "ChainNode", "name", segment.node().name(),
					"stage", (segment.node().stage() != null) ? segment.node().stage().name() : null, "localCount",
					segment.localCount(), "kind", (segment.kind() != null) ? segment.kind().name() : null));
		}
		List<Map<String, Object>> edges = feeds.stream()
			.map(e -> ExportGraph.row("id", e.id(), "type", e.type(), "source", e.source(), "target", e.target()))
			.toList();
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("export", "gaps");
		attributes.put("parkId", report.park().id());
		attributes.put("parkName", report.park().name());
		attributes.put("chainId", report.chain().id());
		attributes.put("chainName", report.chain().name());
		attributes.put("weakBelow", weakBelow);
		attributes.put("coverage", report.coverage());
		attributes.put("segments", report.counts().segments());
		attributes.put("present", report.counts().present());
		attributes.put("missing", report.counts().missing());
		attributes.put("broken", report.counts().broken());
		attributes.put("weak", report.counts().weak());
		String fileName = "gaps-" + parkId + "-" + chainId + "." + format.extension();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (format == ExportFormat.CSV) {
				CsvWriter.table(GAP_CSV_COLUMNS, segments, out);
			}
			else {
				format.write(new ExportGraph(attributes, SEGMENT_COLUMNS, FEEDS_COLUMNS, segments, edges), out);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return download(format.mediaType(), fileName, out.toByteArray(), false);
	}

	/**
	 * The chain report: the workbook ({@code format=xlsx}, the default) as an attachment, the print page
	 * ({@code format=html}) inline, so that a link opens it in the browser, ready to print.
	 */
	@GetMapping("/export/report")
	ResponseEntity<byte[]> report(HttpServletRequest request) {
		Parameters parameters = new Parameters(request, REPORT_PARAMETERS, "report");
		String parkId = parameters.required("parkId");
		String chainId = parameters.required("chainId");
		int weakBelow = parameters.weakBelow();
		int candidates = parameters.integer("candidates", ChainReports.DEFAULT_CANDIDATES);
		if (candidates < 0 || candidates > ChainReports.MAX_CANDIDATES) {
			throw new BadParameterException("candidates", "candidates must be between 0 and "
					+ ChainReports.MAX_CANDIDATES + ", was " + candidates);
		}
		String formatName = parameters.optional("format");
		ReportFormat format = (formatName == null) ? ReportFormat.XLSX : ReportFormat.of(formatName)
			.orElseThrow(() -> new BadParameterException("format", "format must be one of xlsx, html, was '"
					+ formatName.toLowerCase(java.util.Locale.ROOT) + "'"));
		ChainReport report;
		try {
			report = this.graph.withinTimeout(() -> this.reports.build(parkId, chainId, weakBelow, candidates));
		}
		catch (ChainReports.UnknownIdException ex) {
			throw new NotFound(ex.parameter(), ex.getMessage());
		}
		catch (IllegalArgumentException ex) {
			// the candidates per gap above chaingraph.query.max-first
			throw new BadParameterException("candidates", ex.getMessage());
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			format.write(report, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ResponseEntity<byte[]> response = download(format.mediaType(), format.fileName(report), out.toByteArray(), false);
		if (format == ReportFormat.HTML) {
			HttpHeaders headers = new HttpHeaders();
			headers.putAll(response.getHeaders());
			ContentDisposition attachment = response.getHeaders().getContentDisposition();
			headers.setContentDisposition(ContentDisposition.inline()
				.filename(attachment.getFilename(), attachment.getCharset())
				.build());
			return new ResponseEntity<>(response.getBody(), headers, HttpStatus.OK);
		}
		return response;
	}

	@GetMapping("/export/{traversal}")
	ResponseEntity<byte[]> traversal(@PathVariable String traversal, HttpServletRequest request) {
		if (!TRAVERSALS.contains(traversal)) {
			throw new NotFound(null, "No export '" + traversal + "': use /export/upstream, /export/downstream, "
					+ "/export/network, /export/gaps or /export/report");
		}
		boolean network = traversal.equals("network");
		Parameters parameters = new Parameters(request, network ? NETWORK_PARAMETERS : TRAVERSAL_PARAMETERS, traversal);
		String id = parameters.required("id");
		int depth = parameters.integer("depth", 1);
		int limit = parameters.integer("limit", network ? 200 : 500);
		check("depth", () -> this.limits.depth(depth));
		check("limit", () -> this.limits.limit(limit));
		List<String> relationshipTypes = parameters.names("relationshipTypes", RELATIONSHIP_TYPES, "a relationship type");
		List<String> labels = parameters.names("labels", ENTITY_TYPES, "an entity type");
		String parkId = parameters.optional("parkId");
		int weakBelow = parameters.weakBelow();
		ExportFormat format = parameters.format(ExportFormat.GRAPHML, ExportFormat.GEXF, ExportFormat.CYJS,
				ExportFormat.CSV);
		ExportGraph export = this.graph.withinTimeout(() -> {
			Subgraph subgraph;
			try {
				subgraph = switch (traversal) {
					case "upstream" -> this.traversals.upstream(id, depth, limit);
					case "downstream" -> this.traversals.downstream(id, depth, limit);
					default -> this.traversals.network(id, depth, limit, relationshipTypes, labels);
				};
			}
			catch (NotFoundException ex) {
				throw new NotFound("id", ex.getMessage());
			}
			catch (IllegalArgumentException ex) {
				throw new BadParameterException("id", ex.getMessage());
			}
			Map<String, Object> attributes = new LinkedHashMap<>();
			attributes.put("export", traversal);
			attributes.put("id", id);
			attributes.put("depth", depth);
			attributes.put("limit", limit);
			if (relationshipTypes != null) {
				attributes.put("relationshipTypes", relationshipTypes);
			}
			if (labels != null) {
				attributes.put("labels", labels);
			}
			if (parkId != null) {
				attributes.put("parkId", parkId);
				attributes.put("weakBelow", weakBelow);
			}
			attributes.put("truncated", subgraph.truncated());
			return graph(subgraph, attributes, parkId, weakBelow);
		});
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			format.write(export, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		boolean zip = format == ExportFormat.CSV;
		return download(zip ? "application/zip" : format.mediaType(),
				traversal + "-" + id + "." + format.extension() + (zip ? ".zip" : ""), out.toByteArray(),
				Boolean.TRUE.equals(export.attributes().get("truncated")));
	}

	/** The subgraph with its details: one statement for all nodes, one for all edges, the park's reports for gap kinds. */
	private ExportGraph graph(Subgraph subgraph, Map<String, Object> attributes, String parkId, int weakBelow) {
		List<String> ids = subgraph.nodes().stream().map(GraphNode::id).toList();
		Map<String, NodeFacts> nodeFacts = this.details.nodeFacts(ids);
		Map<GraphEdge, EdgeFacts> edgeFacts = this.details.edgeFacts(subgraph.edges());
		Map<String, GapKind> kinds = Map.of();
		if (parkId != null) {
			try {
				kinds = this.gaps.kinds(subgraph.nodes()
					.stream()
					.filter(n -> "ChainNode".equals(n.type()))
					.map(GraphNode::id)
					.toList(), parkId, weakBelow);
			}
			catch (NotFoundException ex) {
				throw new NotFound("parkId", ex.getMessage());
			}
		}
		List<Map<String, Object>> nodes = new ArrayList<>();
		for (GraphNode node : subgraph.nodes()) {
			NodeFacts facts = nodeFacts.getOrDefault(node.id(), NodeFacts.NONE);
			Map<String, Object> row = ExportGraph.row("id", node.id(), "type", node.type(), "name", node.name(), "depth",
					node.depth(), "stage", facts.stage(), "chainId", facts.chainId(), "parkIds", facts.parkIds(), "tags",
					facts.tags());
			if (parkId != null && kinds.get(node.id()) != null) {
				row.put("gapKind", kinds.get(node.id()).name());
			}
			nodes.add(row);
		}
		List<Map<String, Object>> edges = new ArrayList<>();
		for (GraphEdge edge : subgraph.edges()) {
			EdgeFacts facts = edgeFacts.getOrDefault(edge, EdgeFacts.NONE);
			edges.add(ExportGraph.row("id", edge.id(), "type", edge.type(), "source", edge.source(), "target",
					edge.target(), "product", facts.product(), "since", facts.since(), "weight", facts.weight(),
					"confidence", facts.confidence(), "provenance", facts.source()));
		}
		List<Column> nodeColumns = NODE_COLUMNS;
		if (parkId != null) {
			nodeColumns = new ArrayList<>(NODE_COLUMNS);
			nodeColumns.add(GAP_KIND);
		}
		return new ExportGraph(attributes, nodeColumns, EDGE_COLUMNS, nodes, edges);
	}

	private static ResponseEntity<byte[]> download(String mediaType, String fileName, byte[] body, boolean truncated) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType(mediaType));
		// characters no file system takes become '_'; a name outside ASCII is also given in RFC 5987's filename*
		String safe = fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
		boolean ascii = safe.chars().allMatch(c -> c < 128);
		headers.setContentDisposition(ascii ? ContentDisposition.attachment().filename(safe).build()
				: ContentDisposition.attachment().filename(safe, StandardCharsets.UTF_8).build());
		headers.set("X-Chaingraph-Truncated", Boolean.toString(truncated));
		return new ResponseEntity<>(body, headers, HttpStatus.OK);
	}

	private static void check(String parameter, Runnable rule) {
		try {
			rule.run();
		}
		catch (IllegalArgumentException ex) {
			throw new BadParameterException(parameter, ex.getMessage());
		}
	}

	/** An unknown id: 404. */
	static final class NotFound extends RuntimeException {

		private final String parameter;

		NotFound(String parameter, String message) {
			super(message);
			this.parameter = parameter;
		}

	}

	@ExceptionHandler(BadParameterException.class)
	ResponseEntity<Map<String, Object>> badParameter(BadParameterException ex) {
		return error(HttpStatus.BAD_REQUEST, "BAD_REQUEST", ex.getMessage(), ex.parameter());
	}

	@ExceptionHandler(NotFound.class)
	ResponseEntity<Map<String, Object>> notFound(NotFound ex) {
		return error(HttpStatus.NOT_FOUND, "NOT_FOUND", ex.getMessage(), ex.parameter);
	}

	@ExceptionHandler(RequestTimeoutException.class)
	ResponseEntity<Map<String, Object>> timeout(RequestTimeoutException ex) {
		return error(HttpStatus.SERVICE_UNAVAILABLE, "TIMEOUT", ex.getMessage(), null);
	}

	/** The database stopped a statement at the deadline, or cannot be reached. */
	@ExceptionHandler({ ClientException.class, ServiceUnavailableException.class, SessionExpiredException.class })
	ResponseEntity<Map<String, Object>> database(RuntimeException ex) {
		if (ex instanceof ClientException client && client.code() != null && client.code().contains("TransactionTimedOut")) {
			return error(HttpStatus.SERVICE_UNAVAILABLE, "TIMEOUT", new RequestTimeoutException(this.timeout).getMessage(),
					null);
		}
		if (ex instanceof ClientException) {
			throw ex;
		}
		return error(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE", "The graph database is unreachable; "
				+ "try again shortly (the service reconnects by itself when it is back).", null);
	}

	static ResponseEntity<Map<String, Object>> error(HttpStatus status, String error, String message, String parameter) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", error);
		body.put("message", message);
		if (parameter != null) {
			body.put("parameter", parameter);
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
	}

	/** The request's query parameters, read strictly: an unknown one or a repeated single value is a 400. */
	private static final class Parameters {

		private final Map<String, String[]> values;

		Parameters(HttpServletRequest request, Set<String> known, String export) {
			this.values = request.getParameterMap();
			for (String name : this.values.keySet()) {
				if (!known.contains(name)) {
					throw new BadParameterException(name, "/export/" + export + " has no parameter '" + name
							+ "'; it takes " + String.join(", ", known.stream().sorted().toList()));
				}
			}
		}

		String optional(String name) {
			String[] given = this.values.get(name);
			if (given == null || given.length == 0 || given[0].isBlank()) {
				return null;
			}
			if (given.length > 1) {
				throw new BadParameterException(name, name + " is given " + given.length + " times; give it once");
			}
			return given[0].strip();
		}

		String required(String name) {
			String value = optional(name);
			if (value == null) {
				throw new BadParameterException(name, name + " is required");
			}
			return value;
		}

		int integer(String name, int defaultValue) {
			String value = optional(name);
			if (value == null) {
				return defaultValue;
			}
			try {
				return Integer.parseInt(value);
			}
			catch (NumberFormatException ex) {
				throw new BadParameterException(name, name + " must be a whole number, was '" + value + "'");
			}
		}

		int weakBelow() {
			int weakBelow = integer("weakBelow", DEFAULT_WEAK_BELOW);
			if (weakBelow < 1) {
				throw new BadParameterException("weakBelow", "weakBelow must be at least 1, was " + weakBelow);
			}
			return weakBelow;
		}

		ExportFormat format(ExportFormat... allowed) {
			String value = optional("format");
			return (value == null) ? allowed[0] : ExportFormat.of(value, allowed);
		}

		/** Comma-separated and/or repeated names, each one of {@code allowed}; null when not given. */
		List<String> names(String name, List<String> allowed, String what) {
			String[] given = this.values.get(name);
			if (given == null) {
				return null;
			}
			Set<String> names = new LinkedHashSet<>();
			for (String value : given) {
				for (String item : value.split(",")) {
					String trimmed = item.strip();
					if (trimmed.isEmpty()) {
						continue;
					}
					if (!allowed.contains(trimmed)) {
						throw new BadParameterException(name, name + ": '" + trimmed + "' is not " + what + "; use "
								+ String.join(", ", allowed));
					}
					names.add(trimmed);
				}
			}
			if (names.isEmpty()) {
				throw new BadParameterException(name, name + " is empty; leave it out for every one, or give "
						+ String.join(", ", allowed));
			}
			return List.copyOf(names);
		}

	}

}
