package io.chaingraph.graph;

import java.util.List;

import io.chaingraph.common.Props;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Nodes and edges ready to draw. {@code truncated}: more nodes were in reach than the limit allowed;
 * the nearest ones were kept.
 */
public record Subgraph(List<GraphNode> nodes, List<GraphEdge> edges, boolean truncated) {

	public static final Subgraph EMPTY = new Subgraph(List.of(), List.of(), false);

	/**
	 * Reads a record with {@code nodes} (maps of id, name, labels, depth), {@code edges} (maps of
	 * type, source, target) and {@code truncated}.
	 */
	public static Subgraph from(Record record) {
		List<GraphNode> nodes = record.get("nodes").asList(Subgraph::node);
		List<GraphEdge> edges = record.get("edges").asList(
				v -> GraphEdge.of(v.get("type").asString(), v.get("source").asString(), v.get("target").asString()));
		return new Subgraph(nodes, edges, record.get("truncated").asBoolean(false));
	}

	/** By hand, not the driver's object mapping: the type comes from the node's labels. */
	public static GraphNode node(Value v) {
		return new GraphNode(Props.str(v, "id"), typeOf(v.get("labels").asList(Value::asString)), Props.str(v, "name"),
				v.get("depth").isNull() ? null : v.get("depth").asInt());
	}

	/** The entity label of a node (Park, Enterprise, Platform, Chain, ChainNode). */
	public static String typeOf(List<String> labels) {
		return labels.stream().filter(l -> !l.equals("Entity")).findFirst().orElse("Entity");
	}

}
