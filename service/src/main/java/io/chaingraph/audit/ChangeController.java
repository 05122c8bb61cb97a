package io.chaingraph.audit;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.chaingraph.common.PageInfo;
import io.chaingraph.config.Graph;
import io.chaingraph.config.Limits;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class ChangeController {

	record ChangeEdge(String cursor, Change node) {
	}

	record ChangeConnection(List<ChangeEdge> edges, PageInfo pageInfo) {
	}

	private static final String CHANGES = """
			MATCH (c:Change)
			WHERE ($entityId IS NULL OR c.entityId = $entityId OR c.targetId = $entityId)
			  AND ($since IS NULL OR c.at >= datetime($since))
			  AND ($afterAt IS NULL OR c.at < datetime($afterAt) OR (c.at = datetime($afterAt) AND c.id < $afterId))
			RETURN c ORDER BY c.at DESC, c.id DESC LIMIT $limit""";

	private final Graph graph;

	private final Limits limits;

	ChangeController(Graph graph, Limits limits) {
		this.graph = graph;
		this.limits = limits;
	}

	@QueryMapping
	ChangeConnection changes(@Argument String entityId, @Argument OffsetDateTime since, @Argument int first,
			@Argument String after) {
		int size = this.limits.first(first);
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("entityId", entityId);
		parameters.put("since", (since != null) ? since.toString() : null);
		parameters.put("afterAt", null);
		parameters.put("afterId", null);
		if (after != null && !after.isEmpty()) {
			String[] cursor = decode(after);
			parameters.put("afterAt", cursor[0]);
			parameters.put("afterId", cursor[1]);
		}
		parameters.put("limit", size + 1);
		List<Change> found = this.graph.list(CHANGES, parameters, r -> {
			var c = r.get("c");
			List<String> changed = c.get("changedFields").isNull() ? List.of()
					: c.get("changedFields").asList(v -> v.asString());
			return new Change(c.get("id").asString(), c.get("at").asZonedDateTime().toOffsetDateTime(),
					c.get("actor").asString(), c.get("role").asString(null), c.get("operation").asString(),
					c.get("label").asString(), c.get("entityId").asString(), c.get("targetId").asString(null),
					c.get("before").asString(null), c.get("after").asString(null), changed,
					c.get("version").isNull() ? null : c.get("version").asInt());
		});
		boolean more = found.size() > size;
		List<ChangeEdge> edges = found.subList(0, Math.min(size, found.size())).stream()
			.map(change -> new ChangeEdge(encode(change), change))
			.toList();
		return new ChangeConnection(edges, new PageInfo(more, after != null && !after.isEmpty(),
				edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
	}

	private static String encode(Change change) {
		return Base64.getUrlEncoder().withoutPadding()
			.encodeToString((change.at() + "\u0000" + change.id()).getBytes(StandardCharsets.UTF_8));
	}

	private static String[] decode(String cursor) {
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			int separator = decoded.indexOf('\u0000');
			if (separator > 0) {
				OffsetDateTime.parse(decoded.substring(0, separator));
				return new String[] { decoded.substring(0, separator), decoded.substring(separator + 1) };
			}
		}
		catch (IllegalArgumentException | java.time.DateTimeException ex) {
			// fall through
		}
		throw new IllegalArgumentException("after is not a cursor returned by this API: " + cursor);
	}

}
