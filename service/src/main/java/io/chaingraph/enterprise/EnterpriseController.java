package io.chaingraph.enterprise;

import java.util.List;
import java.util.Map;

import io.chaingraph.common.Batches;
import io.chaingraph.common.Cursors;
import io.chaingraph.common.KeysetPage;
import io.chaingraph.common.NotFoundException;
import io.chaingraph.config.Limits;
import io.chaingraph.entity.ChainNode;
import io.chaingraph.entity.Enterprise;
import io.chaingraph.entity.Park;
import io.chaingraph.entity.Stage;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class EnterpriseController {

	private final EnterpriseRepository enterprises;

	private final Limits limits;

	private final Cursors cursors;

	EnterpriseController(EnterpriseRepository enterprises, Limits limits, Cursors cursors) {
		this.enterprises = enterprises;
		this.limits = limits;
		this.cursors = cursors;
	}

	@QueryMapping
	Enterprise enterprise(@Argument String id) {
		return this.enterprises.findById(id).orElse(null);
	}

	@BatchMapping
	Map<Enterprise, Park> park(List<Enterprise> enterprises) {
		return Batches.singles(enterprises, Enterprise::id, this.enterprises.parks(ids(enterprises)));
	}

	@BatchMapping
	Map<Enterprise, List<ChainNodeLink>> chainNodes(List<Enterprise> enterprises) {
		return Batches.lists(enterprises, Enterprise::id, this.enterprises.chainNodes(ids(enterprises)));
	}

	@BatchMapping
	Map<Enterprise, List<SupplyTie>> suppliers(List<Enterprise> enterprises) {
		return Batches.lists(enterprises, Enterprise::id, this.enterprises.suppliers(ids(enterprises)));
	}

	@BatchMapping
	Map<Enterprise, List<SupplyTie>> customers(List<Enterprise> enterprises) {
		return Batches.lists(enterprises, Enterprise::id, this.enterprises.customers(ids(enterprises)));
	}

	@BatchMapping
	Map<Enterprise, List<PlatformTie>> platforms(List<Enterprise> enterprises) {
		return Batches.lists(enterprises, Enterprise::id, this.enterprises.platforms(ids(enterprises)));
	}

	@BatchMapping
	Map<Enterprise, List<ChainNode>> upstreamSegments(List<Enterprise> enterprises) {
		return Batches.lists(enterprises, Enterprise::id, this.enterprises.chainNeighbours(ids(enterprises), true));
	}

	@BatchMapping
	Map<Enterprise, List<ChainNode>> downstreamSegments(List<Enterprise> enterprises) {
		return Batches.lists(enterprises, Enterprise::id, this.enterprises.chainNeighbours(ids(enterprises), false));
	}

	/**
	 * {@code after} arrives decoded in {@code range}; {@code first} is read as an argument too, because the
	 * range drops a negative count, which is a client error here.
	 */
	@QueryMapping(name = "enterprises")
	EnterpriseConnection enterpriseList(@Argument String parkId, @Argument boolean includeSubParks,
			@Argument String nodeId, @Argument String tag, @Argument List<String> tags, @Argument Stage stage,
			@Argument String region, @Argument EnterpriseRepository.IntRange employees,
			@Argument EnterpriseRepository.FloatRange revenue, @Argument EnterpriseRepository.IntRange founded,
			@Argument EnterpriseSort.Order orderBy, @Argument int first, ScrollSubrange range,
			graphql.schema.DataFetchingFieldSelectionSet selection) {
		EnterpriseSort sort = EnterpriseSort.of(orderBy);
		KeysetPage page = KeysetPage.of(sort.list(), this.limits.first(first), null, false);
		Cursors.Position after = this.cursors.after(sort.list(), range);
		List<String> allTags = new java.util.ArrayList<>((tags != null) ? tags : List.of());
		if (tag != null) {
			allTags.add(tag);
		}
		EnterpriseRepository.EnterpriseFilter filter = new EnterpriseRepository.EnterpriseFilter(parkId, includeSubParks,
				nodeId, allTags, (stage != null) ? stage.name() : null, region, employees, revenue, founded);
		EnterpriseConnection found = this.enterprises.filter(filter, sort, page.first(), after,
				selection.contains("totalCount"));
		if (found.edges().isEmpty()) {
			checkExists(parkId, nodeId);
		}
		return found;
	}

	/** Counts per tag, stage, segment and park of the enterprises the same filters match. */
	@QueryMapping
	EnterpriseStats enterpriseStats(@Argument String parkId, @Argument boolean includeSubParks,
			@Argument String nodeId, @Argument List<String> tags, @Argument Stage stage, @Argument String region,
			@Argument EnterpriseRepository.IntRange employees, @Argument EnterpriseRepository.FloatRange revenue,
			@Argument EnterpriseRepository.IntRange founded) {
		EnterpriseStats stats = this.enterprises.stats(new EnterpriseRepository.EnterpriseFilter(parkId, includeSubParks,
				nodeId, tags, (stage != null) ? stage.name() : null, region, employees, revenue, founded));
		if (stats.total() == 0) {
			checkExists(parkId, nodeId);
		}
		return stats;
	}

	/** An empty answer: say so if a filter names nothing (never an empty success hiding a typo). */
	private void checkExists(String parkId, String nodeId) {
		if (parkId != null || nodeId != null) {
			Map<String, String> labels = this.enterprises.labels(java.util.stream.Stream.of(parkId, nodeId)
				.filter(java.util.Objects::nonNull).toList());
			if (parkId != null && !"Park".equals(labels.get(parkId))) {
				throw new NotFoundException("No park with id '" + parkId + "'");
			}
			if (nodeId != null && !"ChainNode".equals(labels.get(nodeId))) {
				throw new NotFoundException("No chain segment with id '" + nodeId + "'");
			}
		}
	}

	private static List<String> ids(List<Enterprise> enterprises) {
		return Batches.ids(enterprises, Enterprise::id);
	}

}
