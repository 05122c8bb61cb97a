package io.chaingraph.platform;

import io.chaingraph.entity.ChainNode;
import io.chaingraph.entity.Enterprise;
import io.chaingraph.entity.PlatformLinkKind;

/** A platform's outgoing link: {@code chainNode} is set for SERVES, {@code enterprise} otherwise. */
public record PlatformLink(PlatformLinkKind kind, Integer since, String source, Enterprise enterprise,
		ChainNode chainNode) {
}
