package io.chaingraph.park;

import io.chaingraph.entity.Chain;

/** A park's FOCUSES_ON relationship to a chain. */
public record ParkChain(Chain chain, Integer priority) {
}
