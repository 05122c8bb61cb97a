package io.chaingraph.search;

/** One search result; {@code cursor} continues the list after it (the edge's cursor in {@code SearchHitConnection}). */
public record SearchHit(String id, String type, String name, double score, String cursor) {
}
