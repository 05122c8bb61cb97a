package io.chaingraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.chaingraph.export.ExportGraph.Column;

/**
 * GraphML (graphml.graphdrawing.org): one {@code <key>} per graph attribute and per node and edge column,
 * then the directed graph. Keys are {@code g_NAME}, {@code n_NAME} and {@code e_NAME} with
 * {@code attr.name} the column's name; a list is a string of items joined by {@code ;}; a null value or an empty list has
 * no {@code <data>}.
 */
final class GraphMlWriter {

	static final String NAMESPACE = "http://graphml.graphdrawing.org/xmlns";

	private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

	/** Node and edge columns written as XML attributes of the element, not as data. */
	private static final Set<String> OWN = Set.of("id", "source", "target");

	private GraphMlWriter() {
	}

	static void write(ExportGraph graph, OutputStream out) throws IOException {
		try {
			XMLStreamWriter xml = Xml.writer(out);
			xml.writeStartElement("graphml");
			xml.writeDefaultNamespace(NAMESPACE);
			xml.writeNamespace("xsi", XSI);
			xml.writeAttribute(XSI, "schemaLocation", NAMESPACE + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
			for (Map.Entry<String, Object> attribute : graph.attributes().entrySet()) {
				key(xml, "g_", "graph", new Column(attribute.getKey(), ExportGraph.typeOf(attribute.getValue())));
			}
			for (Column column : graph.nodeColumns()) {
				if (!OWN.contains(column.name())) {
					key(xml, "n_", "node", column);
				}
			}
			for (Column column : graph.edgeColumns()) {
				if (!OWN.contains(column.name())) {
					key(xml, "e_", "edge", column);
				}
			}
			xml.writeStartElement("graph");
			xml.writeAttribute("id", "G");
			xml.writeAttribute("edgedefault", "directed");
			for (Map.Entry<String, Object> attribute : graph.attributes().entrySet()) {
				data(xml, "g_" + attribute.getKey(), attribute.getValue());
			}
			for (Map<String, Object> node : graph.nodes()) {
				xml.writeStartElement("node");
				Xml.attribute(xml, "id", node.get("id"));
				values(xml, "n_", graph.nodeColumns(), node);
				xml.writeEndElement();
			}
			for (Map<String, Object> edge : graph.edges()) {
				xml.writeStartElement("edge");
				Xml.attribute(xml, "id", edge.get("id"));
				Xml.attribute(xml, "source", edge.get("source"));
				Xml.attribute(xml, "target", edge.get("target"));
				values(xml, "e_", graph.edgeColumns(), edge);
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IOException(ex);
		}
	}

	private static void key(XMLStreamWriter xml, String prefix, String domain, Column column) throws XMLStreamException {
		xml.writeEmptyElement("key");
		xml.writeAttribute("id", prefix + column.name());
		xml.writeAttribute("for", domain);
		xml.writeAttribute("attr.name", column.name());
		xml.writeAttribute("attr.type", switch (column.type()) {
			case INT -> "int";
			case DOUBLE -> "double";
			case BOOLEAN -> "boolean";
			case STRING, LIST -> "string";
		});
	}

	private static void values(XMLStreamWriter xml, String prefix, List<Column> columns, Map<String, Object> row)
			throws XMLStreamException {
		for (Column column : columns) {
			if (!OWN.contains(column.name()) && ExportGraph.present(row.get(column.name()))) {
				data(xml, prefix + column.name(), row.get(column.name()));
			}
		}
	}

	private static void data(XMLStreamWriter xml, String key, Object value) throws XMLStreamException {
		if (value == null) {
			return;
		}
		xml.writeStartElement("data");
		xml.writeAttribute("key", key);
		xml.writeCharacters(Xml.clean(ExportGraph.text(value)));
		xml.writeEndElement();
	}

}
