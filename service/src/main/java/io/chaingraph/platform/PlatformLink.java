package io.chaingraph.platform;

import io.chaingraph.chain.ChainNode;
import io.chaingraph.enterprise.Enterprise;

/** A platform's outgoing link: {@code chainNode} is set for SERVES, {@code enterprise} otherwise. */
public record PlatformLink(PlatformLinkKind kind, Integer since, String source, Enterprise enterprise,
		ChainNode chainNode) {
}
