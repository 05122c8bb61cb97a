package io.chaingraph.enterprise;

import io.chaingraph.entity.ChainNode;

/** An enterprise's OPERATES_IN link to a chain segment. */
public record ChainNodeLink(ChainNode node, Double weight, Double confidence, String source) {
}
