package io.chaingraph.chain;

import java.util.List;

import io.chaingraph.entity.Enterprise;
import io.chaingraph.entity.Park;

/** Enterprises of a segment located in one park ({@code park} null: in no park); up to 20 listed by name. */
public record ParkGroup(Park park, int count, List<Enterprise> enterprises) {
}
