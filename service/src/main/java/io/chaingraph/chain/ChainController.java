package io.chaingraph.chain;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingFieldSelectionSet;
import io.chaingraph.chain.ChainRepository.NodeEnterprisesKey;
import io.chaingraph.common.Batches;
import io.chaingraph.common.Cursors;
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
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

@Controller
class ChainController {

	private final ChainRepository chains;

	private final Limits limits;

	private final Cursors cursors;

	ChainController(ChainRepository chains, Limits limits, Cursors cursors, BatchLoaderRegistry registry) {
		this.chains = chains;
		this.limits = limits;
		this.cursors = cursors;
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

	/**
	 * Batched through the "chainNodeEnterprises" loader. {@code after} arrives decoded in {@code range};
	 * {@code first} is read as an argument too, because the range drops a negative count, which is a client
	 * error here.
	 */
	@SchemaMapping(typeName = "ChainNode", field = "enterprises")
	CompletableFuture<EnterpriseConnection> enterprises(ChainNode node, @Argument int first, ScrollSubrange range,
			@Argument boolean includeSubSegments, DataFetchingFieldSelectionSet selection,
			DataLoader<NodeEnterprisesKey, EnterpriseConnection> chainNodeEnterprises) {
		KeysetPage page = KeysetPage.of("ChainNode.enterprises", this.limits.first(first),
				this.cursors.after("ChainNode.enterprises", range), selection.contains("totalCount"));
		return chainNodeEnterprises.load(new NodeEnterprisesKey(node.id(), page, includeSubSegments));
	}

	private static List<String> ids(List<ChainNode> nodes) {
		return Batches.ids(nodes, ChainNode::id);
	}

}
