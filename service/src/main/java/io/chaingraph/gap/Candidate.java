package io.chaingraph.gap;

import java.util.List;

import io.chaingraph.entity.Enterprise;
import io.chaingraph.graph.Subgraph;

/** An outside enterprise that could fill a gap, with its score, the reasons in words and the supply ties as evidence. */
public record Candidate(Enterprise enterprise, double score, List<String> reasons, Subgraph evidence, String cursor) {
}
