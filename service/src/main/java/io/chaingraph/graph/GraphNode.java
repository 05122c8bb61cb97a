package io.chaingraph.graph;

/** A node of a drawn subgraph; {@code depth} is its shortest distance from the start (null for the start). */
public record GraphNode(String id, String type, String name, Integer depth) {
}
