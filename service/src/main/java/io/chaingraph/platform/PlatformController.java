package io.chaingraph.platform;

import java.util.List;
import java.util.Map;

import io.chaingraph.common.Batches;
import io.chaingraph.entity.Park;
import io.chaingraph.entity.Platform;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class PlatformController {

	private final PlatformRepository platforms;

	PlatformController(PlatformRepository platforms) {
		this.platforms = platforms;
	}

	@QueryMapping
	Platform platform(@Argument String id) {
		return this.platforms.findById(id).orElse(null);
	}

	@BatchMapping
	Map<Platform, Park> park(List<Platform> platforms) {
		return Batches.singles(platforms, Platform::id, this.platforms.parks(Batches.ids(platforms, Platform::id)));
	}

	@BatchMapping
	Map<Platform, List<PlatformLink>> links(List<Platform> platforms) {
		return Batches.lists(platforms, Platform::id, this.platforms.links(Batches.ids(platforms, Platform::id)));
	}

}
