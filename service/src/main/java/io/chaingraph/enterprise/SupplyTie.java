package io.chaingraph.enterprise;

/** The other side of a SUPPLIES relationship and its properties. */
public record SupplyTie(Enterprise enterprise, String product, Integer since, String source) {
}
