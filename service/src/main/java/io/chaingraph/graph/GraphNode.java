package io.chaingraph.graph;

/**
 * A node of a drawn subgraph; {@code depth} is its shortest distance from the start (null for the start);
 * {@code hints} are the drawing hints when the traversal read them (a client selected {@code lane} or
 * {@code order}), null otherwise: then {@code lane} and {@code order} are read per answer by the node-details
 * statement ({@link SubgraphDetailsController}).
 */
public record GraphNode(String id, String type, String name, Integer depth, Hints hints) {

	public GraphNode(String id, String type, String name, Integer depth) {
		this(id, type, name, depth, null);
	}

	/**
	 * {@code lane}: 0 upstream, 1 midstream, 2 downstream, null without a segment; {@code order}: the node's place
	 * in its lane in the answer (see {@link Subgraph#orders}).
	 */
	public record Hints(Integer lane, int order) {
	}

}
