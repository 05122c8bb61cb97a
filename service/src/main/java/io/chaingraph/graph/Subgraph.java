package io.chaingraph.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
	 * Reads a record with {@code nodes} (maps of id, name, labels, depth, and stages: a list when the traversal
	 * read them for the drawing hints, else null), {@code edges} (maps of type, source, target) and
	 * {@code truncated}.
	 */
	public static Subgraph from(Record record) {
		List<Value> rows = record.get("nodes").asList(v -> v);
		List<GraphNode> nodes = rows.stream().map(Subgraph::node).toList();
		if (!rows.isEmpty() && rows.stream().noneMatch(v -> v.get("stages").isNull())) {
			Map<String, Integer> lanes = new HashMap<>();
			rows.forEach(v -> lanes.put(v.get("id").asString(),
					SubgraphDetails.lane(v.get("stages").asList(s -> s.asString(null)))));
			Map<String, Integer> orders = orders(nodes, n -> lanes.get(n.id()));
			nodes = nodes.stream()
				.map(n -> new GraphNode(n.id(), n.type(), n.name(), n.depth(),
						new GraphNode.Hints(lanes.get(n.id()), orders.get(n.id()))))
				.toList();
		}
		List<GraphEdge> edges = record.get("edges").asList(
				v -> GraphEdge.of(v.get("type").asString(), v.get("source").asString(), v.get("target").asString()));
		return new Subgraph(nodes, edges, record.get("truncated").asBoolean(false));
	}

	/** By hand, not the driver's object mapping: the type comes from the node's labels. */
	public static GraphNode node(Value v) {
		return new GraphNode(Props.str(v, "id"), typeOf(v.get("labels").asList(Value::asString)), Props.str(v, "name"),
				v.get("depth").isNull() ? null : v.get("depth").asInt());
	}

	/**
	 * Each node's place in its lane among these nodes (0 first): by depth from the start, then name, then id;
	 * the nodes without a lane form one lane of their own.
	 */
	static Map<String, Integer> orders(List<GraphNode> nodes, Function<GraphNode, Integer> laneOf) {
		Map<Integer, List<GraphNode>> byLane = new HashMap<>();
		for (GraphNode node : nodes) {
			Integer lane = laneOf.apply(node);
			byLane.computeIfAbsent((lane != null) ? lane : -1, k -> new ArrayList<>()).add(node);
		}
		Comparator<GraphNode> inLane = Comparator.comparing((GraphNode n) -> (n.depth() != null) ? n.depth() : 0)
			.thenComparing(n -> (n.name() != null) ? n.name() : "")
			.thenComparing(GraphNode::id);
		Map<String, Integer> orders = new HashMap<>();
		byLane.values().forEach(lane -> {
			lane.sort(inLane);
			for (int i = 0; i < lane.size(); i++) {
				orders.put(lane.get(i).id(), i);
			}
		});
		return orders;
	}

	/** The entity label of a node (Park, Enterprise, Platform, Chain, ChainNode). */
	public static String typeOf(List<String> labels) {
		return labels.stream().filter(l -> !l.equals("Entity")).findFirst().orElse("Entity");
	}

}
