package io.chaingraph.chain;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingFieldSelectionSet;
import io.chaingraph.chain.ChainRepository.NodeEnterprisesKey;
import io.chaingraph.common.Batches;
import io.chaingraph.common.KeysetPage;
import io.chaingraph.config.Limits;
import io.chaingraph.enterprise.EnterpriseConnection;
import io.chaingraph.entity.Chain;
import io.chaingraph.entity.ChainNode;
import io.chaingraph.entity.Platform;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

@Controller
class ChainController {

	private final ChainRepository chains;

	private final Limits limits;

	ChainController(ChainRepository chains, Limits limits, BatchLoaderRegistry registry) {
		this.chains = chains;
		this.limits = limits;
		registry.<NodeEnterprisesKey, EnterpriseConnection>forName("chainNodeEnterprises")
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> this.chains.enterprisePages(keys)));
	}

	@QueryMapping
	Chain chain(@Argument String id) {
		return this.chains.findChain(id).orElse(null);
	}

	@QueryMapping
	List<Chain> chains() {
		return this.chains.findAllChains();
	}

	@QueryMapping
	ChainNode chainNode(@Argument String id) {
		return this.chains.findNode(id).orElse(null);
	}

	@BatchMapping(typeName = "Chain", field = "nodes")
	Map<Chain, List<ChainNode>> nodes(List<Chain> chains) {
		return Batches.lists(chains, Chain::id, this.chains.nodesOfChains(Batches.ids(chains, Chain::id)));
	}

	@BatchMapping(typeName = "ChainNode", field = "chain")
	Map<ChainNode, Chain> chainOfNode(List<ChainNode> nodes) {
		return Batches.singles(nodes, ChainNode::id, this.chains.chainsOfNodes(ids(nodes)));
	}

	@BatchMapping
	Map<ChainNode, ChainNode> parent(List<ChainNode> nodes) {
		return Batches.singles(nodes, ChainNode::id, this.chains.parents(ids(nodes)));
	}

	@BatchMapping
	Map<ChainNode, List<ChainNode>> children(List<ChainNode> nodes) {
		return Batches.lists(nodes, ChainNode::id, this.chains.children(ids(nodes)));
	}

	@BatchMapping
	Map<ChainNode, List<ChainNode>> upstream(List<ChainNode> nodes) {
		return Batches.lists(nodes, ChainNode::id, this.chains.upstream(ids(nodes)));
	}

	@BatchMapping
	Map<ChainNode, List<ChainNode>> downstream(List<ChainNode> nodes) {
		return Batches.lists(nodes, ChainNode::id, this.chains.downstream(ids(nodes)));
	}

	@BatchMapping
	Map<ChainNode, List<Platform>> platforms(List<ChainNode> nodes) {
		return Batches.lists(nodes, ChainNode::id, this.chains.platforms(ids(nodes)));
	}

	@BatchMapping
	Map<ChainNode, List<ParkGroup>> enterprisesByPark(List<ChainNode> nodes) {
		return Batches.lists(nodes, ChainNode::id, this.chains.enterprisesByPark(ids(nodes)));
	}

	@SchemaMapping(typeName = "ChainNode", field = "enterprises")
	CompletableFuture<EnterpriseConnection> enterprises(ChainNode node, @Argument int first, @Argument String after,
			@Argument boolean includeSubSegments, DataFetchingFieldSelectionSet selection,
			DataLoader<NodeEnterprisesKey, EnterpriseConnection> chainNodeEnterprises) {
		KeysetPage page = KeysetPage.of(this.limits.first(first), after, selection.contains("totalCount"));
		return chainNodeEnterprises.load(new NodeEnterprisesKey(node.id(), page, includeSubSegments));
	}

	private static List<String> ids(List<ChainNode> nodes) {
		return Batches.ids(nodes, ChainNode::id);
	}

}
