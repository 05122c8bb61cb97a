package io.chaingraph.gap;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.chaingraph.config.Graph;
import io.chaingraph.gap.GapModel.GapReport;
import io.chaingraph.gap.GapModel.SegmentStatus;
import io.chaingraph.graph.GraphNode;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * {@code GraphNode.gapKind(parkId, weakBelow)}: a drawn chain segment's gap kind in a park, read from the
 * park's report on the segment's chain ({@link GapService#chainGaps}, kept between requests while the
 * graph does not change). One statement finds the chains of every segment of an answer; each chain's
 * report is then one lookup.
 */
@Controller
class NodeGapKindController {

	/** A node asked about for one park and threshold. */
	record Key(String nodeId, String parkId, int weakBelow) {
	}

	static final String CHAINS = """
			UNWIND $ids AS id
			MATCH (:ChainNode {id: id})-[:IN_CHAIN]->(c:Chain)
			RETURN id, c.id AS chainId""";

	private final GapService gaps;

	private final Graph graph;

	NodeGapKindController(GapService gaps, Graph graph, BatchLoaderRegistry registry) {
		this.gaps = gaps;
		this.graph = graph;
		registry.<Key, GapKind>forName("graphNodeGapKinds")
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> kinds(keys)));
	}

	@SchemaMapping(typeName = "GraphNode", field = "gapKind")
	CompletableFuture<GapKind> gapKind(GraphNode node, @Argument String parkId, @Argument int weakBelow,
			DataLoader<Key, GapKind> graphNodeGapKinds) {
		if (!"ChainNode".equals(node.type())) {
			return CompletableFuture.completedFuture(null);
		}
		return graphNodeGapKinds.load(new Key(node.id(), parkId, weakBelow));
	}

	Map<Key, GapKind> kinds(Set<Key> keys) {
		Map<String, String> chainOf = new HashMap<>();
		this.graph.list(CHAINS, Map.of("ids", keys.stream().map(Key::nodeId).distinct().toList()),
				r -> chainOf.put(r.get("id").asString(), r.get("chainId").asString()));
		Map<List<Object>, Map<String, GapKind>> reports = new LinkedHashMap<>();
		Map<Key, GapKind> kinds = new HashMap<>();
		for (Key key : keys) {
			String chainId = chainOf.get(key.nodeId());
			if (chainId == null) {
				continue;
			}
			Map<String, GapKind> byNode = reports.computeIfAbsent(List.of(key.parkId(), chainId, key.weakBelow()),
					k -> byNode(this.gaps.chainGaps(key.parkId(), chainId, key.weakBelow())));
			GapKind kind = byNode.get(key.nodeId());
			if (kind != null) {
				kinds.put(key, kind);
			}
		}
		return kinds;
	}

	private static Map<String, GapKind> byNode(GapReport report) {
		Map<String, GapKind> byNode = new HashMap<>();
		for (SegmentStatus segment : report.segments()) {
			if (segment.kind() != null) {
				byNode.put(segment.node().id(), segment.kind());
			}
		}
		return byNode;
	}

}
