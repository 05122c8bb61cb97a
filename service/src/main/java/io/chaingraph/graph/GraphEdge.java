package io.chaingraph.graph;

/** An edge of a drawn subgraph; {@code id} is {@code TYPE:source->target}, unique in the graph. */
public record GraphEdge(String id, String type, String source, String target) {

	public static GraphEdge of(String type, String source, String target) {
		return new GraphEdge(type + ":" + source + "->" + target, type, source, target);
	}

}
