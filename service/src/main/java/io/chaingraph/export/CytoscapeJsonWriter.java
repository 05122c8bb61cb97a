package io.chaingraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Cytoscape JSON: {@code {"data": {…}, "elements": {"nodes": [{"data": {…}}], "edges": [{"data": {…}}]}}}, what
 * Cytoscape.js takes in {@code cy.json({elements})} or {@code cy.add(elements)} and Cytoscape (desktop)
 * imports as a {@code .cyjs} file. Every column is a key of {@code data} (lists as arrays, null values left
 * out); edges' {@code source} and {@code target} are node ids.
 */
final class CytoscapeJsonWriter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CytoscapeJsonWriter() {
	}

	static void write(ExportGraph graph, OutputStream out) throws IOException {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("format_version", "1.0");
		document.put("generated_by", "chaingraph");
		document.put("target_cytoscapejs_version", "~3");
		document.put("data", graph.attributes());
		document.put("elements", Map.of("nodes", elements(graph.nodes()), "edges", elements(graph.edges())));
		JSON.writeValue(out, document);
	}

	private static List<Map<String, Object>> elements(List<Map<String, Object>> rows) {
		return rows.stream().map(row -> Map.<String, Object>of("data", row)).toList();
	}

}
