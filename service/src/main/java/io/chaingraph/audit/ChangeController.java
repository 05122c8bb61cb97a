package io.chaingraph.audit;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.chaingraph.common.Cursors;
import io.chaingraph.common.PageInfo;
import io.chaingraph.config.Graph;
import io.chaingraph.config.Limits;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
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

	/** The name of the list in its cursors. */
	private static final String LIST = "changes";

	private final Limits limits;

	private final Cursors cursors;

	ChangeController(Graph graph, Limits limits, Cursors cursors) {
		this.graph = graph;
		this.limits = limits;
		this.cursors = cursors;
	}

	/**
	 * Built here rather than by Spring for GraphQL's connection adapter, which reports no previous page
	 * when paging forward; {@code after} arrives decoded in {@code range}, {@code first} is read as an
	 * argument too, because the range drops a negative count, which is a client error here.
	 */
	@QueryMapping
	ChangeConnection changes(@Argument String entityId, @Argument OffsetDateTime since, @Argument int first,
			ScrollSubrange range) {
		int size = this.limits.first(first);
		Cursors.Position after = this.cursors.after(LIST, range);
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("entityId", entityId);
		parameters.put("since", (since != null) ? since.toString() : null);
		parameters.put("afterAt", (after != null) ? at(after) : null);
		parameters.put("afterId", (after != null) ? after.string("id") : null);
		parameters.put("limit", size + 1);
		// the driver maps the node's properties onto the record's components by name
		List<Change> found = this.graph.list(CHANGES, parameters, r -> r.get("c").as(Change.class));
		boolean more = found.size() > size;
		List<ChangeEdge> edges = found.subList(0, Math.min(size, found.size())).stream()
			.map(change -> new ChangeEdge(this.cursors.cursor(LIST, "at", change.at().toString(), "id", change.id()),
					change))
			.toList();
		return new ChangeConnection(edges, new PageInfo(more, after != null,
				edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
	}

	/** The time of a decoded cursor, checked to be one (the statement reads it with {@code datetime()}). */
	private static String at(Cursors.Position after) {
		String at = after.string("at");
		try {
			OffsetDateTime.parse(at);
			return at;
		}
		catch (java.time.DateTimeException ex) {
			throw new IllegalArgumentException(Cursors.NOT_A_CURSOR + after.cursor());
		}
	}

}
