package io.chaingraph.enterprise;

import io.chaingraph.entity.Enterprise;

/** The other side of a SUPPLIES relationship and its properties. */
public record SupplyTie(Enterprise enterprise, String product, Integer since, String source) {
}
