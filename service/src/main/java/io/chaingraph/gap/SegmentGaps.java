package io.chaingraph.gap;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.chaingraph.common.NotFoundException;
import io.chaingraph.config.Graph;
import io.chaingraph.gap.GapModel.GapReport;
import io.chaingraph.gap.GapModel.SegmentStatus;
import io.chaingraph.graph.GraphEdge;

import org.springframework.stereotype.Component;

/**
 * Gap reports for the downloads (docs/api.md, "Exports"): a park's report on a chain as {@code chainGaps}
 * gives it (kept reports included), a gap's fill candidates as {@code gapCandidates} ranks them, the gap
 * kinds of some segments in a park as {@code GraphNode.gapKind} gives them, and the FEEDS relationships among
 * a report's segments, to draw it.
 */
@Component
public class SegmentGaps {

	static final String FEEDS = """
			UNWIND $ids AS id
			MATCH (a:ChainNode {id: id})-[:FEEDS]->(b:ChainNode)
			WHERE b.id IN $ids
			RETURN a.id AS source, b.id AS target
			ORDER BY source, target""";

	private final GapService gaps;

	private final GapRepository repository;

	private final Graph graph;

	SegmentGaps(GapService gaps, GapRepository repository, Graph graph) {
		this.gaps = gaps;
		this.repository = repository;
		this.graph = graph;
	}

	/** {@code chainGaps(parkId, chainId, weakBelow)}: unknown ids are a {@link NotFoundException}. */
	public GapReport report(String parkId, String chainId, int weakBelow) {
		return this.gaps.chainGaps(parkId, chainId, weakBelow);
	}

	/**
	 * The gap kind of each given chain segment in the park's report on its chain (absent when the park holds
	 * it well, or the id is no segment). An unknown park is a {@link NotFoundException} even when no id is a
	 * segment; a weakBelow below 1 an IllegalArgumentException.
	 */
	public Map<String, GapKind> kinds(Collection<String> ids, String parkId, int weakBelow) {
		if (weakBelow < 1) {
			throw new IllegalArgumentException("weakBelow must be at least 1, was " + weakBelow);
		}
		String label = this.repository.labels(List.of(parkId)).get(parkId);
		if (!"Park".equals(label)) {
			throw new NotFoundException("No park with id '" + parkId + "'"
					+ ((label != null) ? " ('" + parkId + "' is a " + label + ")" : ""));
		}
		Map<String, java.util.Set<String>> byChain = new HashMap<>();
		this.graph.list(NodeGapKindController.CHAINS, Map.of("ids", List.copyOf(ids)), r -> byChain
			.computeIfAbsent(r.get("chainId").asString(), c -> new java.util.HashSet<>())
			.add(r.get("id").asString()));
		Map<String, GapKind> kinds = new HashMap<>();
		for (String chainId : byChain.keySet()) {
			for (SegmentStatus segment : this.gaps.chainGaps(parkId, chainId, weakBelow).segments()) {
				if (segment.kind() != null && byChain.get(chainId).contains(segment.node().id())) {
					kinds.put(segment.node().id(), segment.kind());
				}
			}
		}
		return kinds;
	}

	/**
	 * The first {@code first} fill candidates of a segment for a park, ranked as {@code gapCandidates} ranks
	 * them (one statement, no total). Unknown ids are a {@link NotFoundException}; a {@code first} above
	 * {@code chaingraph.query.max-first} an IllegalArgumentException.
	 */
	public List<Candidate> candidates(String parkId, String nodeId, int first) {
		return this.gaps.candidates(parkId, nodeId, null, first, null, false)
			.edges()
			.stream()
			.map(io.chaingraph.common.Connection.Edge::node)
			.toList();
	}

	/** The FEEDS relationships among the given segments (both ends among them). */
	public List<GraphEdge> feeds(Collection<String> segmentIds) {
		if (segmentIds.isEmpty()) {
			return List.of();
		}
		return this.graph.list(FEEDS, Map.of("ids", List.copyOf(segmentIds)),
				r -> GraphEdge.of("FEEDS", r.get("source").asString(), r.get("target").asString()));
	}

}
