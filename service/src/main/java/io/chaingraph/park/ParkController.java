package io.chaingraph.park;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingFieldSelectionSet;
import io.chaingraph.common.Batches;
import io.chaingraph.common.Cursors;
import io.chaingraph.common.KeysetPage;
import io.chaingraph.config.Limits;
import io.chaingraph.enterprise.EnterpriseConnection;
import io.chaingraph.entity.Park;
import io.chaingraph.entity.Platform;
import io.chaingraph.park.ParkRepository.ParkEnterprisesKey;
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
class ParkController {

	private final ParkRepository parks;

	private final Limits limits;

	private final Cursors cursors;

	ParkController(ParkRepository parks, Limits limits, Cursors cursors, BatchLoaderRegistry registry) {
		this.parks = parks;
		this.limits = limits;
		this.cursors = cursors;
		registry.<ParkEnterprisesKey, EnterpriseConnection>forName("parkEnterprises")
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> this.parks.enterprisePages(keys)));
	}

	@QueryMapping
	Park park(@Argument String id) {
		return this.parks.findById(id).orElse(null);
	}

	@QueryMapping
	List<Park> parks(@Argument int first, @Argument boolean includeSubParks) {
		return this.parks.findAll(this.limits.first(first), includeSubParks);
	}

	/** Parks by name, keyset-paginated; {@code after} arrives decoded in {@code range}. */
	@QueryMapping
	io.chaingraph.common.Connection<Park> parksConnection(@Argument int first, ScrollSubrange range,
			@Argument boolean includeSubParks, DataFetchingFieldSelectionSet selection) {
		KeysetPage page = KeysetPage.of("parks", this.limits.first(first), this.cursors.after("parks", range),
				selection.contains("totalCount"));
		return this.parks.page(page, includeSubParks);
	}

	@BatchMapping
	Map<Park, Park> parent(List<Park> parks) {
		return Batches.singles(parks, Park::id, this.parks.parents(Batches.ids(parks, Park::id)));
	}

	@BatchMapping
	Map<Park, List<Park>> subParks(List<Park> parks) {
		return Batches.lists(parks, Park::id, this.parks.subParks(Batches.ids(parks, Park::id)));
	}

	@BatchMapping
	Map<Park, List<Platform>> platforms(List<Park> parks) {
		return Batches.lists(parks, Park::id, this.parks.platforms(Batches.ids(parks, Park::id)));
	}

	@BatchMapping
	Map<Park, List<ParkChain>> focusChains(List<Park> parks) {
		return Batches.lists(parks, Park::id, this.parks.focusChains(Batches.ids(parks, Park::id)));
	}

	/**
	 * Batched through the "parkEnterprises" loader: one statement for all parks at this level. {@code after}
	 * arrives decoded in {@code range}; {@code first} is read as an argument too, because the range drops a
	 * negative count, which is a client error here.
	 */
	@SchemaMapping(typeName = "Park", field = "enterprises")
	CompletableFuture<EnterpriseConnection> enterprises(Park park, @Argument int first, ScrollSubrange range,
			@Argument boolean includeSubParks, DataFetchingFieldSelectionSet selection,
			DataLoader<ParkEnterprisesKey, EnterpriseConnection> parkEnterprises) {
		KeysetPage page = KeysetPage.of("Park.enterprises", this.limits.first(first),
				this.cursors.after("Park.enterprises", range), selection.contains("totalCount"));
		return parkEnterprises.load(new ParkEnterprisesKey(park.id(), page, includeSubParks));
	}

}
