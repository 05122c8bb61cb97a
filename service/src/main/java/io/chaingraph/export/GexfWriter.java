package io.chaingraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.chaingraph.export.ExportGraph.Column;

/**
 * GEXF 1.2 (gexf.net), as Gephi reads it: a static directed graph whose nodes are labelled by their name
 * and edges by their relationship type, an edge's {@code weight} the GEXF edge weight (Gephi's own Weight
 * column), and every other column an attribute whose id and title are the column's name (a list is a
 * string of items joined by {@code ;}; null values and empty lists have none). The graph's attributes are in
 * {@code <meta><description>}.
 */
final class GexfWriter {

	static final String NAMESPACE = "http://www.gexf.net/1.2draft";

	private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

	/** Columns GEXF has its own XML attributes for. */
	private static final Set<String> NODE_OWN = Set.of("id", "name");

	private static final Set<String> EDGE_OWN = Set.of("id", "source", "target", "type", "weight");

	private GexfWriter() {
	}

	static void write(ExportGraph graph, OutputStream out) throws IOException {
		try {
			XMLStreamWriter xml = Xml.writer(out);
			xml.writeStartElement("gexf");
			xml.writeDefaultNamespace(NAMESPACE);
			xml.writeNamespace("xsi", XSI);
			xml.writeAttribute(XSI, "schemaLocation", NAMESPACE + " http://www.gexf.net/1.2draft/gexf.xsd");
			xml.writeAttribute("version", "1.2");
			xml.writeStartElement("meta");
			xml.writeStartElement("creator");
			xml.writeCharacters("chaingraph");
			xml.writeEndElement();
			xml.writeStartElement("description");
			xml.writeCharacters(Xml.clean(graph.attributes()
				.entrySet()
				.stream()
				.map(e -> e.getKey() + "=" + ExportGraph.text(e.getValue()))
				.collect(Collectors.joining("; "))));
			xml.writeEndElement();
			xml.writeEndElement();
			xml.writeStartElement("graph");
			xml.writeAttribute("defaultedgetype", "directed");
			xml.writeAttribute("mode", "static");
			attributes(xml, "node", graph.nodeColumns(), NODE_OWN);
			attributes(xml, "edge", graph.edgeColumns(), EDGE_OWN);
			xml.writeStartElement("nodes");
			for (Map<String, Object> node : graph.nodes()) {
				xml.writeStartElement("node");
				Xml.attribute(xml, "id", node.get("id"));
				Xml.attribute(xml, "label", node.getOrDefault("name", node.get("id")));
				values(xml, graph.nodeColumns(), NODE_OWN, node);
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeStartElement("edges");
			for (Map<String, Object> edge : graph.edges()) {
				xml.writeStartElement("edge");
				Xml.attribute(xml, "id", edge.get("id"));
				Xml.attribute(xml, "source", edge.get("source"));
				Xml.attribute(xml, "target", edge.get("target"));
				if (edge.get("type") != null) {
					Xml.attribute(xml, "label", edge.get("type"));
				}
				if (edge.get("weight") != null) {
					Xml.attribute(xml, "weight", edge.get("weight"));
				}
				values(xml, graph.edgeColumns(), EDGE_OWN, edge);
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndElement();
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IOException(ex);
		}
	}

	private static void attributes(XMLStreamWriter xml, String domain, List<Column> columns, Set<String> own)
			throws XMLStreamException {
		xml.writeStartElement("attributes");
		xml.writeAttribute("class", domain);
		xml.writeAttribute("mode", "static");
		for (Column column : columns) {
			if (own.contains(column.name())) {
				continue;
			}
			xml.writeEmptyElement("attribute");
			xml.writeAttribute("id", column.name());
			xml.writeAttribute("title", column.name());
			xml.writeAttribute("type", switch (column.type()) {
				case INT -> "integer";
				case DOUBLE -> "double";
				case BOOLEAN -> "boolean";
				case STRING, LIST -> "string";
			});
		}
		xml.writeEndElement();
	}

	private static void values(XMLStreamWriter xml, List<Column> columns, Set<String> own, Map<String, Object> row)
			throws XMLStreamException {
		List<Column> present = columns.stream()
			.filter(c -> !own.contains(c.name()) && ExportGraph.present(row.get(c.name())))
			.toList();
		if (present.isEmpty()) {
			return;
		}
		xml.writeStartElement("attvalues");
		for (Column column : present) {
			xml.writeEmptyElement("attvalue");
			xml.writeAttribute("for", column.name());
			Xml.attribute(xml, "value", row.get(column.name()));
		}
		xml.writeEndElement();
	}

}
