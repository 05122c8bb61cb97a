package io.chaingraph.gap;

import java.util.List;

import io.chaingraph.entity.Enterprise;
import io.chaingraph.graph.Subgraph;

/**
 * An outside enterprise that could fill a gap, with its score, the reasons (as text, Chinese first with
 * English beside it, and as {@link Reason}s with codes) and the supply ties as evidence.
 */
public record Candidate(Enterprise enterprise, double score, List<String> reasons, List<Reason> reasonDetails,
		Subgraph evidence, String cursor) {
}
