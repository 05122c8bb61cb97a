package io.chaingraph.curation;

import java.util.HashMap;
import java.util.Map;

import io.chaingraph.audit.Actor;
import io.chaingraph.config.Graph;
import io.chaingraph.curation.CurationService.Kind;
import io.chaingraph.curation.CurationService.LinkKind;
import io.chaingraph.entity.ChainNode;
import io.chaingraph.entity.Enterprise;
import io.chaingraph.entity.Park;
import io.chaingraph.entity.Platform;
import io.chaingraph.security.ApiPrincipal;
import org.neo4j.driver.Value;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Controller;

/**
 * The curation mutations (curation.graphqls). Roles are checked here as well as before execution:
 * EDITOR for edits and links, ADMIN for deletes.
 */
@Controller
class CurationController {

	record DeleteResult(String id, String type, int relationshipsRemoved) {
	}

	record EntityRef(String id, String type, int version) {
	}

	record LinkResult(String type, String fromId, String toId, int version, String outcome) {
	}

	private final CurationService curation;

	private final Graph graph;

	CurationController(CurationService curation, Graph graph) {
		this.curation = curation;
		this.graph = graph;
	}

	// ---- parks

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	Park createPark(@Argument Map<String, Object> input) {
		return Park.from(node(this.curation.create(Kind.PARK, input, actor()).id()));
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	Park updatePark(@Argument String id, @Argument int expectedVersion, @Argument Map<String, Object> input) {
		return Park.from(node(this.curation.update(Kind.PARK, id, expectedVersion, input, actor(), "UPDATE").id()));
	}

	@MutationMapping
	@PreAuthorize("hasRole('ADMIN')")
	DeleteResult deletePark(@Argument String id, @Argument int expectedVersion) {
		return deleted(this.curation.delete(Kind.PARK, id, expectedVersion, actor()));
	}

	// ---- enterprises

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	Enterprise createEnterprise(@Argument Map<String, Object> input) {
		return Enterprise.from(node(this.curation.create(Kind.ENTERPRISE, input, actor()).id()));
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	Enterprise updateEnterprise(@Argument String id, @Argument int expectedVersion,
			@Argument Map<String, Object> input) {
		return Enterprise.from(node(this.curation.update(Kind.ENTERPRISE, id, expectedVersion, input, actor(), "UPDATE").id()));
	}

	@MutationMapping
	@PreAuthorize("hasRole('ADMIN')")
	DeleteResult deleteEnterprise(@Argument String id, @Argument int expectedVersion) {
		return deleted(this.curation.delete(Kind.ENTERPRISE, id, expectedVersion, actor()));
	}

	// ---- platforms

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	Platform createPlatform(@Argument Map<String, Object> input) {
		return Platform.from(node(this.curation.create(Kind.PLATFORM, input, actor()).id()));
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	Platform updatePlatform(@Argument String id, @Argument int expectedVersion, @Argument Map<String, Object> input) {
		return Platform.from(node(this.curation.update(Kind.PLATFORM, id, expectedVersion, input, actor(), "UPDATE").id()));
	}

	@MutationMapping
	@PreAuthorize("hasRole('ADMIN')")
	DeleteResult deletePlatform(@Argument String id, @Argument int expectedVersion) {
		return deleted(this.curation.delete(Kind.PLATFORM, id, expectedVersion, actor()));
	}

	// ---- chain segments

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	ChainNode createChainNode(@Argument Map<String, Object> input) {
		return ChainNode.from(node(this.curation.create(Kind.CHAIN_NODE, input, actor()).id()));
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	ChainNode updateChainNode(@Argument String id, @Argument int expectedVersion, @Argument Map<String, Object> input) {
		return ChainNode.from(node(this.curation.update(Kind.CHAIN_NODE, id, expectedVersion, input, actor(), "UPDATE").id()));
	}

	@MutationMapping
	@PreAuthorize("hasRole('ADMIN')")
	DeleteResult deleteChainNode(@Argument String id, @Argument int expectedVersion) {
		return deleted(this.curation.delete(Kind.CHAIN_NODE, id, expectedVersion, actor()));
	}

	// ---- moves and links

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	EntityRef moveToPark(@Argument String id, @Argument String parkId, @Argument int expectedVersion) {
		Map<String, Object> patch = new HashMap<>();
		patch.put("parkId", parkId);
		CurationService.Written written = this.curation.update(this.curation.kindOf(id), id, expectedVersion, patch,
				actor(), "MOVE");
		return new EntityRef(written.id(), written.label(), written.version());
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	LinkResult linkEnterpriseToNode(@Argument String enterpriseId, @Argument String nodeId, @Argument Double weight,
			@Argument Double confidence, @Argument String source, @Argument Integer expectedVersion) {
		return link(LinkKind.OPERATES_IN, expectedVersion, "enterpriseId", enterpriseId, "nodeId", nodeId, "weight",
				weight, "confidence", confidence, "source", source);
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	LinkResult unlinkEnterpriseFromNode(@Argument String enterpriseId, @Argument String nodeId,
			@Argument Integer expectedVersion) {
		return unlink(LinkKind.OPERATES_IN, expectedVersion, "enterpriseId", enterpriseId, "nodeId", nodeId);
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	LinkResult addSupply(@Argument String supplierId, @Argument String customerId, @Argument String product,
			@Argument Integer since, @Argument String source, @Argument Integer expectedVersion) {
		return link(LinkKind.SUPPLIES, expectedVersion, "supplierId", supplierId, "customerId", customerId, "product",
				product, "since", since, "source", source);
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	LinkResult removeSupply(@Argument String supplierId, @Argument String customerId,
			@Argument Integer expectedVersion) {
		return unlink(LinkKind.SUPPLIES, expectedVersion, "supplierId", supplierId, "customerId", customerId);
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	LinkResult linkPlatform(@Argument String platformId, @Argument String targetId, @Argument String kind,
			@Argument Integer since, @Argument String source, @Argument Integer expectedVersion) {
		return link(LinkKind.PLATFORM, expectedVersion, "platformId", platformId, "targetId", targetId, "kind", kind,
				"since", since, "source", source);
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	LinkResult unlinkPlatform(@Argument String platformId, @Argument String targetId, @Argument String kind,
			@Argument Integer expectedVersion) {
		return unlink(LinkKind.PLATFORM, expectedVersion, "platformId", platformId, "targetId", targetId, "kind", kind);
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	LinkResult linkChainNodes(@Argument String fromId, @Argument String toId, @Argument Integer expectedVersion) {
		return link(LinkKind.FEEDS, expectedVersion, "fromId", fromId, "toId", toId);
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	LinkResult unlinkChainNodes(@Argument String fromId, @Argument String toId, @Argument Integer expectedVersion) {
		return unlink(LinkKind.FEEDS, expectedVersion, "fromId", fromId, "toId", toId);
	}

	// ---- helpers

	private LinkResult link(LinkKind kind, Integer expectedVersion, Object... pairs) {
		CurationService.Link link = this.curation.link(kind, values(pairs), expectedVersion, actor());
		return new LinkResult(link.type(), link.fromId(), link.toId(), link.version(), link.outcome());
	}

	private LinkResult unlink(LinkKind kind, Integer expectedVersion, Object... pairs) {
		CurationService.Link link = this.curation.unlink(kind, values(pairs), expectedVersion, actor());
		return new LinkResult(link.type(), link.fromId(), link.toId(), link.version(), link.outcome());
	}

	private static Map<String, Object> values(Object... pairs) {
		Map<String, Object> values = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			values.put((String) pairs[i], pairs[i + 1]);
		}
		return values;
	}

	private static DeleteResult deleted(CurationService.Deleted deleted) {
		return new DeleteResult(deleted.id(), deleted.type(), deleted.relationshipsRemoved());
	}

	private Value node(String id) {
		return this.graph.one("MATCH (n:Entity {id: $id}) RETURN n", Map.of("id", id), r -> r.get("n")).orElseThrow();
	}

	/** The caller, from its API token (the roles were checked before the method ran). */
	private static Actor actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof ApiPrincipal principal)) {
			throw new AuthenticationCredentialsNotFoundException("Mutations need an API token");
		}
		return new Actor(principal.name(), principal.role().name());
	}

}
