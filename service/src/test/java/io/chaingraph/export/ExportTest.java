package io.chaingraph.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import io.chaingraph.config.Graph;
import io.chaingraph.support.ChainFixture;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.GraphQlTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The downloads ({@code GET /export/…}) over real HTTP on {@link ChainFixture}, each read back with a
 * parser of its format (the JDK's XML parser, Jackson, Commons CSV) and compared with what GraphQL answers
 * for the same arguments: the same nodes, edges and details. Also the file names and media types, Chinese
 * and markup in names, the refusals with their parameters, and the statements a download costs.
 */
class ExportTest extends GraphQlTest {

	static final String NETWORK = """
			query($id: ID!, $depth: Int, $limit: Int, $types: [RelationshipType!], $labels: [EntityType!], $parkId: ID!) {
			  network(id: $id, depth: $depth, limit: $limit, relationshipTypes: $types, labels: $labels) {
			    nodes { id type name depth stage chainId parkIds tags gapKind(parkId: $parkId) }
			    edges { id type source target product since weight confidence provenance }
			    truncated } }""";

	static final String NODE_KEYS = "id type name depth stage chainId parkIds tags gapKind";

	static final String EDGE_KEYS = "id type source target product since weight confidence provenance";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	Graph graph;

	@LocalServerPort
	int port;

	private final HttpClient client = HttpClient.newHttpClient();

	/** The name q1 gets: markup, quotes, Chinese, an ampersand. */
	static final String MARKUP_NAME = "Gamma <设备> & \"甲乙\" 'x'";

	@BeforeEach
	void build() {
		ChainFixture.build(new Fixtures(this.graph));
		this.graph.write("MATCH (q:Enterprise {id: 'q1'}) SET q.name = $name", Map.of("name", MARKUP_NAME));
		this.graph.write("MATCH (:Enterprise {id: 'q1'})-[r:SUPPLIES]->() SET r.source = 'supplies.csv'", Map.of());
		this.graph.write("MATCH (:Enterprise {id: 'q3'})-[r:OPERATES_IN]->() SET r.weight = 0.25", Map.of());
	}

	// ---- GraphQL's answer, as rows of strings (what every format can carry)

	/** GraphQL's network, nodes and edges each by id, every value as text (lists joined by ';'), nulls left out. */
	private Rows graphQl(String id, int depth, Map<String, Object> extra) {
		Map<String, Object> variables = new HashMap<>(Map.of("id", id, "depth", depth, "parkId", "P"));
		variables.putAll(extra);
		var tester = tester().document(NETWORK);
		variables.forEach(tester::variable);
		var response = tester.execute();
		@SuppressWarnings({ "unchecked", "rawtypes" })
		List<Map<String, Object>> nodes = (List) response.path("network.nodes").entityList(Map.class).get();
		@SuppressWarnings({ "unchecked", "rawtypes" })
		List<Map<String, Object>> edges = (List) response.path("network.edges").entityList(Map.class).get();
		return new Rows(texts(nodes), texts(edges));
	}

	record Rows(Map<String, Map<String, String>> nodes, Map<String, Map<String, String>> edges) {
	}

	private static Map<String, Map<String, String>> texts(List<Map<String, Object>> items) {
		Map<String, Map<String, String>> byId = new TreeMap<>();
		for (Map<String, Object> item : items) {
			Map<String, String> row = new TreeMap<>();
			item.forEach((key, value) -> {
				if (value instanceof List<?> list) {
					if (!list.isEmpty()) {
						row.put(key, list.stream().map(String::valueOf).collect(Collectors.joining(";")));
					}
				}
				else if (value != null) {
					row.put(key, String.valueOf(value));
				}
			});
			byId.put((String) item.get("id"), row);
		}
		return byId;
	}

	// ---- HTTP

	record Download(int status, Map<String, List<String>> headers, byte[] body) {

		String header(String name) {
			return this.headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
				.map(e -> e.getValue().get(0)).findFirst().orElse(null);
		}

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

	private Download get(String path, List<Map.Entry<String, String>> query) {
		String q = query.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path + (q.isEmpty() ? "" : "?" + q)))
			.GET().build();
		try {
			HttpResponse<byte[]> response = this.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			return new Download(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Query parameters in order; a name may come again. */
	private static List<Map.Entry<String, String>> query(String... keysAndValues) {
		List<Map.Entry<String, String>> query = new ArrayList<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			query.add(Map.entry(keysAndValues[i], keysAndValues[i + 1]));
		}
		return query;
	}

	// ---- parsers

	private static Document xml(byte[] body) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
		}
		catch (Exception ex) {
			throw new AssertionError("not well-formed XML: " + ex.getMessage(), ex);
		}
	}

	private static List<Element> elements(Element parent, String namespace, String name) {
		NodeList list = parent.getElementsByTagNameNS(namespace, name);
		List<Element> elements = new ArrayList<>();
		for (int i = 0; i < list.getLength(); i++) {
			elements.add((Element) list.item(i));
		}
		return elements;
	}

	/** GraphML's nodes or edges as rows: the element's id (and source, target) and its data by attr.name. */
	private static Rows graphMl(Document document) {
		String ns = GraphMlWriter.NAMESPACE;
		Map<String, String> keyNames = new HashMap<>();
		for (Element key : elements(document.getDocumentElement(), ns, "key")) {
			keyNames.put(key.getAttribute("id"), key.getAttribute("attr.name"));
		}
		Map<String, Map<String, String>> nodes = new TreeMap<>();
		for (Element node : elements(document.getDocumentElement(), ns, "node")) {
			Map<String, String> row = new TreeMap<>(Map.of("id", node.getAttribute("id")));
			elements(node, ns, "data").forEach(d -> row.put(keyNames.get(d.getAttribute("key")), d.getTextContent()));
			nodes.put(node.getAttribute("id"), row);
		}
		Map<String, Map<String, String>> edges = new TreeMap<>();
		for (Element edge : elements(document.getDocumentElement(), ns, "edge")) {
			Map<String, String> row = new TreeMap<>(Map.of("id", edge.getAttribute("id"), "source",
					edge.getAttribute("source"), "target", edge.getAttribute("target")));
			elements(edge, ns, "data").forEach(d -> row.put(keyNames.get(d.getAttribute("key")), d.getTextContent()));
			edges.put(edge.getAttribute("id"), row);
		}
		return new Rows(nodes, edges);
	}

	/** GEXF's nodes and edges as rows: label is the node's name and the edge's type, weight the edge's weight. */
	private static Rows gexf(Document document) {
		String ns = GexfWriter.NAMESPACE;
		Map<String, String> titles = new HashMap<>();
		for (Element attribute : elements(document.getDocumentElement(), ns, "attribute")) {
			titles.put(((Element) attribute.getParentNode()).getAttribute("class") + ":" + attribute.getAttribute("id"),
					attribute.getAttribute("title"));
		}
		Map<String, Map<String, String>> nodes = new TreeMap<>();
		for (Element node : elements(document.getDocumentElement(), ns, "node")) {
			Map<String, String> row = new TreeMap<>(Map.of("id", node.getAttribute("id"), "name", node.getAttribute("label")));
			elements(node, ns, "attvalue").forEach(v -> row.put(titles.get("node:" + v.getAttribute("for")), v.getAttribute("value")));
			nodes.put(node.getAttribute("id"), row);
		}
		Map<String, Map<String, String>> edges = new TreeMap<>();
		for (Element edge : elements(document.getDocumentElement(), ns, "edge")) {
			Map<String, String> row = new TreeMap<>(Map.of("id", edge.getAttribute("id"), "source", edge.getAttribute("source"),
					"target", edge.getAttribute("target"), "type", edge.getAttribute("label")));
			if (edge.hasAttribute("weight")) {
				row.put("weight", edge.getAttribute("weight"));
			}
			elements(edge, ns, "attvalue").forEach(v -> row.put(titles.get("edge:" + v.getAttribute("for")), v.getAttribute("value")));
			edges.put(edge.getAttribute("id"), row);
		}
		return new Rows(nodes, edges);
	}

	/** Cytoscape JSON's elements as rows: every key of data, lists joined by ';'. */
	private static Rows cyjs(JsonNode document) {
		return new Rows(cyjsRows(document.path("elements").path("nodes")), cyjsRows(document.path("elements").path("edges")));
	}

	private static Map<String, Map<String, String>> cyjsRows(JsonNode elements) {
		Map<String, Map<String, String>> rows = new TreeMap<>();
		for (JsonNode element : elements) {
			Map<String, String> row = new TreeMap<>();
			element.path("data").properties().forEach(e -> {
				JsonNode value = e.getValue();
				if (value.isArray()) {
					List<String> items = new ArrayList<>();
					value.forEach(item -> items.add(item.asString()));
					if (!items.isEmpty()) {
						row.put(e.getKey(), String.join(";", items));
					}
				}
				else if (!value.isNull()) {
					row.put(e.getKey(), value.isNumber() ? value.numberValue().toString() : value.asString());
				}
			});
			rows.put(row.get("id"), row);
		}
		return rows;
	}

	/** A CSV table: its header and its records as maps, empty cells left out. */
	private static List<Map<String, String>> csv(byte[] bytes, List<String> expectedHeader) {
		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF); // the byte-order mark Excel needs for UTF-8
		try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new InputStreamReader(new ByteArrayInputStream(bytes, 3, bytes.length - 3), StandardCharsets.UTF_8))) {
			assertThat(parser.getHeaderNames()).containsExactlyElementsOf(expectedHeader);
			List<Map<String, String>> rows = new ArrayList<>();
			for (CSVRecord record : parser) {
				Map<String, String> row = new TreeMap<>();
				record.toMap().forEach((k, v) -> {
					if (!v.isEmpty()) {
						row.put(k, v);
					}
				});
				rows.add(row);
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, Map<String, String>> byId(List<Map<String, String>> rows) {
		Map<String, Map<String, String>> byId = new TreeMap<>();
		rows.forEach(row -> byId.put(row.get("id"), row));
		return byId;
	}

	private static Map<String, byte[]> unzip(byte[] zip) {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return entries;
	}

	/** Numbers as GraphQL and the formats print them may differ in form only (2019 / 2019, 0.8 / 0.8). */
	private static void assertSame(Rows export, Rows expected) {
		assertThat(export.nodes().keySet()).as("node ids").isEqualTo(expected.nodes().keySet());
		assertThat(export.edges().keySet()).as("edge ids").isEqualTo(expected.edges().keySet());
		assertThat(export.nodes()).isEqualTo(expected.nodes());
		assertThat(export.edges()).isEqualTo(expected.edges());
	}

	// ---- the tests

	@Test
	void graphMlHoldsWhatGraphQlAnswers() {
		Download download = get("/export/network", query("id", "q1", "depth", "2", "parkId", "P", "format", "graphml"));
		assertThat(download.status()).as(download.text()).isEqualTo(200);
		assertThat(download.header("Content-Type")).startsWith("application/graphml+xml").containsIgnoringCase("charset=UTF-8");
		assertThat(download.header("Content-Disposition")).startsWith("attachment").contains("network-q1.graphml");
		assertThat(download.header("X-Chaingraph-Truncated")).isEqualTo("false");
		Document document = xml(download.body());
		assertThat(document.getXmlEncoding()).isEqualTo("UTF-8");
		assertThat(document.getDocumentElement().getLocalName()).isEqualTo("graphml");
		Rows expected = graphQl("q1", 2, Map.of());
		assertThat(expected.nodes()).hasSizeGreaterThan(10);
		assertThat(expected.nodes().get("q1")).containsEntry("name", MARKUP_NAME).containsEntry("tags", "LEADING;LISTED");
		assertThat(expected.nodes().get("E")).containsEntry("gapKind", "BROKEN");
		assertThat(expected.edges().get("SUPPLIES:q1->e3")).containsEntry("product", "设备").containsEntry("since", "2019")
			.containsEntry("provenance", "supplies.csv");
		assertSame(graphMl(document), expected);
		// typed keys: a reader gets numbers as numbers
		Map<String, String> types = new HashMap<>();
		elements(document.getDocumentElement(), GraphMlWriter.NAMESPACE, "key")
			.forEach(k -> types.put(k.getAttribute("for") + ":" + k.getAttribute("attr.name"), k.getAttribute("attr.type")));
		assertThat(types).containsEntry("node:depth", "int").containsEntry("edge:weight", "double")
			.containsEntry("edge:since", "int").containsEntry("node:name", "string").containsEntry("graph:truncated", "boolean");
	}

	@Test
	void gexfHoldsWhatGraphQlAnswers() {
		Map<String, Object> filters = Map.of("types", List.of("SUPPLIES", "OPERATES_IN", "LOCATED_IN", "FEEDS"),
				"labels", List.of("Enterprise", "ChainNode", "Park"));
		Download download = get("/export/network", query("id", "e3", "depth", "3", "relationshipTypes",
				"SUPPLIES,OPERATES_IN", "relationshipTypes", "LOCATED_IN,FEEDS", "labels", "Enterprise,ChainNode,Park",
				"parkId", "P", "format", "GEXF"));
		assertThat(download.status()).as(download.text()).isEqualTo(200);
		assertThat(download.header("Content-Type")).startsWith("application/gexf+xml");
		assertThat(download.header("Content-Disposition")).contains("network-e3.gexf");
		Rows expected = graphQl("e3", 3, filters);
		assertThat(expected.nodes().values()).extracting(n -> n.get("type")).doesNotContain("Platform");
		assertThat(expected.edges().values()).extracting(e -> e.get("weight")).contains("0.25");
		assertSame(gexf(xml(download.body())), expected);
	}

	@Test
	void cytoscapeJsonHoldsWhatGraphQlAnswers() {
		Download download = get("/export/network", query("id", "q1", "depth", "2", "parkId", "P", "format", "cyjs"));
		assertThat(download.status()).as(download.text()).isEqualTo(200);
		assertThat(download.header("Content-Type")).startsWith("application/json");
		assertThat(download.header("Content-Disposition")).contains("network-q1.cyjs");
		JsonNode document = download.json();
		// the shape cy.json({elements}) / cy.add takes: elements.nodes[].data, elements.edges[].data with source and target
		assertThat(document.path("elements").path("nodes").isArray()).isTrue();
		JsonNode edge = document.path("elements").path("edges").path(0).path("data");
		assertThat(edge.has("id") && edge.has("source") && edge.has("target")).isTrue();
		assertThat(document.path("data").path("truncated").isBoolean()).isTrue();
		JsonNode q1 = null;
		for (JsonNode node : document.path("elements").path("nodes")) {
			if (node.path("data").path("id").asString().equals("q1")) {
				q1 = node.path("data");
			}
		}
		assertThat(q1).isNotNull();
		assertThat(q1.path("tags").isArray()).isTrue();
		assertThat(q1.path("depth").isInt()).isTrue();
		assertSame(cyjs(document), graphQl("q1", 2, Map.of()));
	}

	@Test
	void csvIsAZipOfNodesAndEdgesAsGraphQlAnswers() {
		Download download = get("/export/network", query("id", "q1", "depth", "2", "parkId", "P", "format", "csv"));
		assertThat(download.status()).as(download.text()).isEqualTo(200);
		assertThat(download.header("Content-Type")).isEqualTo("application/zip");
		assertThat(download.header("Content-Disposition")).contains("network-q1.csv.zip");
		Map<String, byte[]> files = unzip(download.body());
		assertThat(files).containsOnlyKeys("nodes.csv", "edges.csv");
		Rows rows = new Rows(byId(csv(files.get("nodes.csv"), List.of(NODE_KEYS.split(" ")))),
				byId(csv(files.get("edges.csv"), List.of(EDGE_KEYS.split(" ")))));
		assertSame(rows, graphQl("q1", 2, Map.of()));
		// without parkId there is no gapKind column
		Map<String, byte[]> plain = unzip(get("/export/network", query("id", "q1", "format", "csv")).body());
		assertThat(csv(plain.get("nodes.csv"), List.of("id", "type", "name", "depth", "stage", "chainId", "parkIds", "tags")))
			.isNotEmpty();
	}

	@Test
	void upstreamAndDownstreamAsGraphQlAnswersThem() {
		for (String direction : List.of("upstream", "downstream")) {
			String start = direction.equals("upstream") ? "D" : "A";
			var response = tester().document("query($id: ID!) { " + direction + "(id: $id, depth: 3) { nodes { id } edges { id } } }")
				.variable("id", start).execute();
			List<String> nodeIds = response.path(direction + ".nodes[*].id").entityList(String.class).get();
			List<String> edgeIds = response.path(direction + ".edges[*].id").entityList(String.class).get();
			Download download = get("/export/" + direction, query("id", start, "depth", "3", "format", "cyjs"));
			assertThat(download.status()).as(download.text()).isEqualTo(200);
			Rows rows = cyjs(download.json());
			assertThat(rows.nodes().keySet()).as(direction).containsExactlyInAnyOrderElementsOf(nodeIds);
			assertThat(rows.edges().keySet()).as(direction).containsExactlyInAnyOrderElementsOf(edgeIds);
			assertThat(nodeIds).hasSizeGreaterThanOrEqualTo(3);
			assertThat(download.header("Content-Disposition")).contains(direction + "-" + start + ".cyjs");
		}
		// a park's gap kinds on a directed walk too
		Map<String, Map<String, String>> kinds = cyjs(get("/export/downstream", query("id", "A", "depth", "2", "parkId",
				"P", "format", "cyjs")).json()).nodes();
		assertThat(kinds.get("E")).containsEntry("gapKind", "BROKEN");
		assertThat(kinds.get("D")).doesNotContainKey("gapKind");
		// the default format is GraphML
		assertThat(get("/export/downstream", query("id", "A")).header("Content-Type")).startsWith("application/graphml+xml");
	}

	@Test
	void aCutAnswerSaysSo() {
		Download download = get("/export/network", query("id", "q1", "depth", "2", "limit", "3", "format", "cyjs"));
		assertThat(download.header("X-Chaingraph-Truncated")).isEqualTo("true");
		assertThat(download.json().path("data").path("truncated").asBoolean()).isTrue();
		assertThat(download.json().path("elements").path("nodes").size()).isEqualTo(3);
	}

	@Test
	void gapReportAsCsvAndAsAGraph() {
		var report = tester().document("""
				{ chainGaps(parkId: "P", chainId: "C") { segments { node { id name stage } localCount kind } } }""")
			.execute().path("chainGaps.segments").entityList(Map.class).get();
		Map<String, Map<String, String>> expected = new TreeMap<>();
		for (Map<?, ?> segment : report) {
			Map<?, ?> node = (Map<?, ?>) segment.get("node");
			Map<String, String> row = new TreeMap<>(Map.of("id", (String) node.get("id"), "name", (String) node.get("name"),
					"stage", (String) node.get("stage"), "localCount", String.valueOf(segment.get("localCount"))));
			if (segment.get("kind") != null) {
				row.put("kind", (String) segment.get("kind"));
			}
			expected.put((String) node.get("id"), row);
		}
		assertThat(expected).containsKeys("A", "B", "B1", "B2", "E", "D", "G");
		assertThat(expected.get("E")).containsEntry("kind", "BROKEN");

		Download csv = get("/export/gaps", query("parkId", "P", "chainId", "C"));
		assertThat(csv.status()).as(csv.text()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
		assertThat(csv.header("Content-Disposition")).contains("gaps-P-C.csv");
		List<Map<String, String>> rows = csv(csv.body(), List.of("id", "name", "stage", "localCount", "kind"));
		assertThat(rows).extracting(r -> r.get("id")).containsExactlyElementsOf(
				report.stream().map(s -> (String) ((Map<?, ?>) s.get("node")).get("id")).toList()); // the report's order
		assertThat(byId(rows)).isEqualTo(expected);

		Document graphMl = xml(get("/export/gaps", query("parkId", "P", "chainId", "C", "format", "graphml")).body());
		Rows graph = graphMl(graphMl);
		graph.nodes().values().forEach(n -> assertThat(n.remove("type")).isEqualTo("ChainNode"));
		assertThat(graph.nodes()).isEqualTo(expected);
		// FEEDS among the chain's segments (G has none inside C: X and Y are in C2)
		assertThat(graph.edges().keySet()).containsExactlyInAnyOrder("FEEDS:A->B", "FEEDS:A->E", "FEEDS:B->D", "FEEDS:E->D");

		JsonNode cyjs = get("/export/gaps", query("parkId", "P", "chainId", "C", "weakBelow", "3", "format", "cyjs")).json();
		assertThat(cyjs.path("data").path("coverage").isNumber()).isTrue();
		assertThat(cyjs.path("data").path("weakBelow").asInt()).isEqualTo(3);
		assertThat(cyjs(cyjs).edges()).hasSize(4);
	}

	@Test
	void markupAndChineseSurviveAndCellsDoNotRunAsFormulas() {
		this.graph.write("MATCH (e:Enterprise {id: 'q3'}) SET e.name = $name", Map.of("name", "=HYPERLINK(\"x\") 甲\u0007"));
		Download graphMl = get("/export/network", query("id", "E", "format", "graphml"));
		Rows rows = graphMl(xml(graphMl.body()));
		assertThat(rows.nodes().get("q1").get("name")).isEqualTo(MARKUP_NAME);
		// a control character XML cannot hold is replaced, the rest kept
		assertThat(rows.nodes().get("q3").get("name")).isEqualTo("=HYPERLINK(\"x\") 甲\uFFFD");
		assertThat(graphMl.text()).contains("甲乙").doesNotContain("<设备>");
		assertThat(gexf(xml(get("/export/network", query("id", "E", "format", "gexf")).body())).nodes().get("q1"))
			.containsEntry("name", MARKUP_NAME);
		Map<String, Map<String, String>> csv = byId(csv(unzip(get("/export/network", query("id", "E", "format", "csv")).body())
			.get("nodes.csv"), List.of("id", "type", "name", "depth", "stage", "chainId", "parkIds", "tags")));
		assertThat(csv.get("q1").get("name")).isEqualTo(MARKUP_NAME);
		assertThat(csv.get("q3").get("name")).isEqualTo("'=HYPERLINK(\"x\") 甲\u0007");
	}

	@Test
	void fileNamesCarryTheStartIdAndTheFormat() {
		assertThat(get("/export/network", query("id", "q1")).header("Content-Disposition"))
			.isEqualTo("attachment; filename=\"network-q1.graphml\"");
		this.graph.write("CREATE (:Enterprise:Entity {id: '企业/甲', name: '甲', aliases: [], tags: []})", Map.of());
		Download download = get("/export/network", query("id", "企业/甲", "format", "gexf"));
		assertThat(download.status()).as(download.text()).isEqualTo(200);
		String disposition = download.header("Content-Disposition");
		assertThat(disposition).startsWith("attachment;").contains("filename*=UTF-8''");
		// the slash no file system takes is replaced
		assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("UTF-8''") + 7), StandardCharsets.UTF_8))
			.isEqualTo("network-企业_甲.gexf");
		assertThat(gexf(xml(download.body())).nodes().get("企业/甲")).containsEntry("name", "甲");
	}

	@Test
	void badParametersAreRefusedWithTheGraphQlMessages() {
		String graphQlDepth = tester().document("{ network(id: \"q1\", depth: 11) { truncated } }").execute()
			.returnResponse().getErrors().get(0).getMessage();
		assertThat(graphQlDepth).isEqualTo("depth must be between 1 and 10, was 11 (the cap is chaingraph.query.max-depth)");
		assertRefused(get("/export/network", query("id", "q1", "depth", "11")), 400, "depth", graphQlDepth);
		assertRefused(get("/export/upstream", query("id", "D", "limit", "0")), 400, "limit",
				"limit must be between 1 and 5000, was 0 (the cap is chaingraph.query.max-nodes)");
		assertRefused(get("/export/network", query("id", "q1", "depth", "two")), 400, "depth",
				"depth must be a whole number, was 'two'");
		assertRefused(get("/export/network", query("id", "q1", "format", "xml")), 400, "format",
				"format must be one of graphml, gexf, cyjs, csv, was 'xml'");
		assertRefused(get("/export/gaps", query("parkId", "P", "chainId", "C", "format", "json")), 400, "format",
				"format must be one of csv, cyjs, graphml, gexf, was 'json'");
		assertRefused(get("/export/network", query("id", "q1", "relationshipTypes", "SUPPLIES,OWNS")), 400,
				"relationshipTypes", null);
		assertRefused(get("/export/network", query("id", "q1", "labels", "Company")), 400, "labels", null);
		assertRefused(get("/export/upstream", query("id", "D", "relationshipTypes", "FEEDS")), 400, "relationshipTypes", null);
		assertRefused(get("/export/network", query("id", "q1", "dept", "2")), 400, "dept", null);
		assertRefused(get("/export/network", query()), 400, "id", "id is required");
		assertRefused(get("/export/network", query("id", "q1", "parkId", "P", "weakBelow", "0")), 400, "weakBelow",
				"weakBelow must be at least 1, was 0");
		assertRefused(get("/export/upstream", query("id", "P")), 400, "id", "upstream follows FEEDS between chain segments "
				+ "and SUPPLIES between enterprises; 'P' is a Park (use network for its neighbourhood)");
		assertRefused(get("/export/gaps", query("parkId", "P")), 400, "chainId", "chainId is required");
	}

	@Test
	void unknownIdsAreNotFound() {
		assertRefused(get("/export/network", query("id", "nope")), 404, "id", "No entity with id 'nope'");
		assertRefused(get("/export/downstream", query("id", "nope", "format", "csv")), 404, "id", "No entity with id 'nope'");
		assertRefused(get("/export/network", query("id", "q1", "parkId", "nope")), 404, "parkId", "No park with id 'nope'");
		// the park is checked even when the answer holds no segment
		assertRefused(get("/export/network", query("id", "q2", "relationshipTypes", "SUPPLIES", "parkId", "nope")), 404,
				"parkId", "No park with id 'nope'");
		assertRefused(get("/export/gaps", query("parkId", "nope", "chainId", "C")), 404, "parkId", "No park with id 'nope'");
		assertRefused(get("/export/gaps", query("parkId", "P", "chainId", "nope")), 404, "chainId", "No chain with id 'nope'");
		assertRefused(get("/export/sideways", query("id", "q1")), 404, null, "No export 'sideways': use "
				+ "/export/upstream, /export/downstream, /export/network, /export/gaps or /export/report");
	}

	@Test
	void otherMethodsThanGetAreRefusedInTheSameFormat() throws Exception {
		HttpResponse<String> post = this.client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port
				+ "/export/network?id=q1")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(post.statusCode()).isEqualTo(405);
		JsonNode body = JSON.readTree(post.body());
		assertThat(body.path("error").asString()).as(post.body()).isEqualTo("METHOD_NOT_ALLOWED");
		assertThat(body.path("message").asString()).contains("GET");
	}

	@Test
	void aDownloadCostsTheSameFewStatementsWhateverItsSize() {
		long before = this.graph.statementCount();
		assertThat(get("/export/network", query("id", "A", "depth", "1", "parkId", "P", "format", "csv")).status()).isEqualTo(200);
		long small = this.graph.statementCount() - before;
		before = this.graph.statementCount();
		Download large = get("/export/network", query("id", "A", "depth", "4", "parkId", "P", "format", "csv"));
		long bigger = this.graph.statementCount() - before;
		assertThat(csv(unzip(large.body()).get("nodes.csv"), List.of(NODE_KEYS.split(" ")))).hasSizeGreaterThan(20);
		// traversal, node details, edge details, the park's label, the segments' chains, a report per chain (and its version)
		assertThat(bigger).isLessThanOrEqualTo(small + 2).isLessThanOrEqualTo(9);
	}

	@Test
	void theParameterListsAreGraphQlsEnums() {
		assertThat(tester().document("{ __type(name: \"RelationshipType\") { enumValues { name } } }").execute()
			.path("__type.enumValues[*].name").entityList(String.class).get())
			.containsExactlyInAnyOrderElementsOf(ExportController.RELATIONSHIP_TYPES);
		assertThat(tester().document("{ __type(name: \"EntityType\") { enumValues { name } } }").execute()
			.path("__type.enumValues[*].name").entityList(String.class).get())
			.containsExactlyInAnyOrderElementsOf(ExportController.ENTITY_TYPES);
	}

	private static void assertRefused(Download download, int status, String parameter, String message) {
		assertThat(download.status()).as(download.text()).isEqualTo(status);
		assertThat(download.header("Content-Type")).startsWith("application/json");
		JsonNode body = download.json();
		assertThat(body.path("error").asString()).isEqualTo(status == 400 ? "BAD_REQUEST" : "NOT_FOUND");
		if (message != null) {
			assertThat(body.path("message").asString()).isEqualTo(message);
		}
		else {
			assertThat(body.path("message").asString()).as(download.text()).contains(parameter);
		}
		if (parameter != null) {
			assertThat(body.path("parameter").asString()).isEqualTo(parameter);
		}
		else {
			assertThat(body.has("parameter")).isFalse();
		}
	}

}
