package io.chaingraph.curation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.chaingraph.audit.Actor;
import io.chaingraph.common.NotFoundException;
import io.chaingraph.config.Graph;
import io.chaingraph.curation.CurationException.FieldProblem;
import io.chaingraph.curation.CurationService.Kind;

import org.springframework.stereotype.Component;

/**
 * Curation for other features (document review): the same rules, versions and audit trail as the
 * curation mutations, since every call goes through {@link CurationService}.
 */
@Component
public class CurationGateway {

	/** What an edit left: the entity's id, label and version. */
	public record Result(String id, String label, int version) {
	}

	private final CurationService curation;

	private final Graph graph;

	CurationGateway(CurationService curation, Graph graph) {
		this.curation = curation;
		this.graph = graph;
	}

	/** Creates a park, enterprise or platform ({@code label}) from a record of its dataset file's columns. */
	public Result create(String label, Map<String, Object> record, Actor actor) {
		CurationService.Written written = this.curation.create(kind(label), record, actor);
		return new Result(written.id(), written.label(), written.version());
	}

	/**
	 * Places an entity in a park: LOCATED_IN for an enterprise or platform, PART_OF (a sub-park) for
	 * a park, recorded with {@code source}; a move, in the audit trail's words.
	 */
	public Result placeInPark(String id, String parkId, String source, Actor actor) {
		String label = this.graph
			.one("MATCH (n:Entity {id: $id}) RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.version AS v",
					Map.of("id", id), r -> r.get("label").asString(null) + "|" + r.get("v").asInt(0))
			.orElseThrow(() -> new NotFoundException("No entity with id '" + id + "'"));
		String[] parts = label.split("\\|");
		Kind kind = kind(parts[0]);
		Map<String, Object> patch = new HashMap<>();
		patch.put((kind == Kind.PARK) ? "parentId" : "parkId", parkId);
		patch.put("source", source);
		CurationService.Written written = this.curation.update(kind, id, Integer.parseInt(parts[1]), patch, actor,
				"MOVE");
		return new Result(written.id(), written.label(), written.version());
	}

	/**
	 * Links an enterprise to a chain segment (OPERATES_IN) with this confidence and source, through
	 * curation's link rules, version and audit trail; the result is the relationship's version.
	 */
	public Result linkToSegment(String enterpriseId, String nodeId, double confidence, String source, Actor actor) {
		Map<String, Object> values = new HashMap<>();
		values.put("enterpriseId", enterpriseId);
		values.put("nodeId", nodeId);
		values.put("confidence", confidence);
		values.put("source", source);
		CurationService.Link link = this.curation.link(CurationService.LinkKind.OPERATES_IN, values, null, actor);
		return new Result(link.fromId(), "Enterprise", link.version());
	}

	private static Kind kind(String label) {
		return switch (String.valueOf(label)) {
			case "Park" -> Kind.PARK;
			case "Enterprise" -> Kind.ENTERPRISE;
			case "Platform" -> Kind.PLATFORM;
			default -> throw new CurationException.Invalid(List.of(new FieldProblem("id",
					"a " + label + " is not placed in a park by a document / 该类实体不能归入园区")));
		};
	}

}
