package io.chaingraph.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.chaingraph.config.Graph;
import io.chaingraph.entity.Chain;
import io.chaingraph.entity.ChainNode;
import io.chaingraph.entity.Enterprise;
import io.chaingraph.entity.Park;
import io.chaingraph.entity.Platform;
import org.neo4j.driver.Value;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code nodes(ids)}: entities of any type by id in one statement, in the order asked, null for an unknown
 * id. The records' class names are the GraphQL type names, so Spring for GraphQL resolves the
 * {@code Entity} interface by class name.
 */
@Controller
class NodesController {

	/** Most ids one call takes. */
	static final int MAX_IDS = 100;

	static final String NODES = """
			UNWIND $ids AS id
			MATCH (n:Entity {id: id})
			RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n""";

	private final Graph graph;

	NodesController(Graph graph) {
		this.graph = graph;
	}

	@QueryMapping
	List<Object> nodes(@Argument List<String> ids) {
		if (ids.isEmpty() || ids.size() > MAX_IDS) {
			throw new IllegalArgumentException("nodes takes 1 to " + MAX_IDS + " ids, got " + ids.size());
		}
		Map<String, Object> found = new HashMap<>();
		this.graph.list(NODES, Map.of("ids", ids.stream().distinct().toList()), r -> {
			Object entity = entity(r.get("label").asString(), r.get("n"));
			if (entity != null) {
				found.put(r.get("id").asString(), entity);
			}
			return entity;
		});
		List<Object> answer = new ArrayList<>(ids.size());
		for (String id : ids) {
			answer.add(found.get(id));
		}
		return answer;
	}

	private static Object entity(String label, Value node) {
		return switch (label) {
			case "Park" -> Park.from(node);
			case "Enterprise" -> Enterprise.from(node);
			case "Platform" -> Platform.from(node);
			case "Chain" -> Chain.from(node);
			case "ChainNode" -> ChainNode.from(node);
			default -> null;
		};
	}

}
