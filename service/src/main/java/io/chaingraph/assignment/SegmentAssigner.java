package io.chaingraph.assignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chaingraph.assignment.SegmentMatcher.Enterprise;
import io.chaingraph.assignment.SegmentMatcher.Match;
import io.chaingraph.assignment.SegmentMatcher.Segment;
import io.chaingraph.config.Graph;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Proposes a chain segment for every enterprise that has none and no segment proposal yet (docs/importing.md,
 * "Chain assignment"). Each proposal is a {@code :Proposal} of kind {@code SEGMENT}, from the import run
 * that made it, reviewed like a document's: nothing changes until an editor accepts it. Its id is the
 * enterprise's ({@code seg-ID}), so an enterprise gets one proposal, once: a re-run of the same import
 * proposes nothing, and a rejected proposal is not made again.
 */
@Service
public class SegmentAssigner {

	private static final Logger log = LoggerFactory.getLogger(SegmentAssigner.class);

	/** Bound on the segments read (every chain's). */
	static final int MAX_SEGMENTS = 100_000;

	/** Proposals written per transaction. */
	static final int BATCH = 2_000;

	private static final String SEGMENTS = """
			MATCH (n:ChainNode)
			RETURN n.id AS id, n.name AS name, coalesce(n.aliases, []) AS aliases
			ORDER BY id
			LIMIT $max""";

	/** Enterprises without a segment and without a segment proposal (proposal ids are unique: an index seek). */
	private static final String UNASSIGNED = """
			MATCH (e:Enterprise)
			WHERE NOT (e)-[:OPERATES_IN]->() AND NOT EXISTS { MATCH (:Proposal {id: 'seg-' + e.id}) }
			RETURN e.id AS id, e.name AS name, e.industry AS industry, e.businessScope AS businessScope,
			       e.description AS description
			LIMIT $max""";

	private static final String WRITE = """
			MATCH (r:ImportRun {id: $run})
			UNWIND $proposals AS p
			MERGE (x:Proposal {id: p.id})
			ON CREATE SET x += p, x.status = 'PENDING'
			MERGE (x)-[:FROM]->(r)""";

	private final Graph graph;

	private final SegmentRules rules;

	private final AssignmentProperties properties;

	@Autowired
	SegmentAssigner(Graph graph, AssignmentProperties properties) {
		this(graph, properties, SegmentRules.load(properties.rules()));
	}

	/** With these rules instead of the configured ones. */
	public SegmentAssigner(Graph graph, AssignmentProperties properties, SegmentRules rules) {
		this.graph = graph;
		this.properties = properties;
		this.rules = rules;
	}

	/**
	 * Proposes segments after the committed import {@code runId}; how many proposals it made. Looks at
	 * every unassigned enterprise (up to {@code maxPerRun}), not only the run's, so that an import killed
	 * half-way and run again ends with the proposals a clean import makes.
	 */
	public int propose(String runId) {
		if (!this.properties.enabled()) {
			return 0;
		}
		Map<String, Segment> segments = new LinkedHashMap<>();
		for (Segment s : this.graph.list(SEGMENTS, Map.of("max", MAX_SEGMENTS),
				r -> new Segment(r.get("id").asString(), r.get("name").asString(""), r.get("aliases").asList(Value::asString)))) {
			segments.put(s.id(), s);
		}
		if (segments.isEmpty()) {
			return 0;
		}
		SegmentMatcher matcher = new SegmentMatcher(this.rules, segments);
		List<Map<String, Object>> proposals = new ArrayList<>();
		for (Enterprise e : this.graph.list(UNASSIGNED, Map.of("max", this.properties.maxPerRun()),
				r -> new Enterprise(r.get("id").asString(), r.get("name").asString(null), r.get("industry").asString(null),
						r.get("businessScope").asString(null), r.get("description").asString(null)))) {
			Optional<Match> match = matcher.match(e);
			match.ifPresent(m -> proposals.add(props(e, m)));
		}
		for (int from = 0; from < proposals.size(); from += BATCH) {
			List<Map<String, Object>> batch = proposals.subList(from, Math.min(proposals.size(), from + BATCH));
			this.graph.write(WRITE, Map.of("run", runId, "proposals", batch));
		}
		if (!proposals.isEmpty()) {
			log.info("Import {}: proposed a chain segment for {} enterprise(s) without one", runId, proposals.size());
		}
		return proposals.size();
	}

	private static Map<String, Object> props(Enterprise e, Match m) {
		Map<String, Object> p = new HashMap<>();
		p.put("id", "seg-" + e.id());
		p.put("kind", "SEGMENT");
		p.put("confidence", m.confidence());
		p.put("subjectId", e.id());
		p.put("subjectName", e.name());
		p.put("subjectLabel", "Enterprise");
		p.put("objectId", m.nodeId());
		p.put("objectName", m.nodeName());
		p.put("objectLabel", "ChainNode");
		p.put("rule", m.rule() + " · " + m.ruleText());
		p.put("field", m.field());
		p.put("sentence", m.evidence());
		p.put("start", m.start());
		p.put("end", m.end());
		return p;
	}

}
