package io.chaingraph.report;

import java.util.List;
import java.util.Map;

import io.chaingraph.config.Graph;
import io.chaingraph.report.ChainReport.RunSource;
import io.chaingraph.report.ChainReport.SourceCount;
import io.chaingraph.report.ChainReport.Sources;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Repository;

/**
 * Where a report's data came from, in one statement: the provenance ({@code source}, {@code importRun};
 * docs/importing.md, "Import runs and provenance") of the park's enterprises in the chain, of the park and of
 * the chain. Bounded: at most {@value #MAX_SOURCES} source values and {@value #MAX_RUNS} runs.
 */
@Repository
class ReportSources {

	static final int MAX_SOURCES = 20;

	static final int MAX_RUNS = 10;

	static final String SOURCES = """
			MATCH (p:Park {id: $parkId}), (c:Chain {id: $chainId})
			CALL {
			  WITH p, c
			  MATCH (p)<-[:PART_OF*0..10]-(:Park)<-[:LOCATED_IN]-(e:Enterprise)-[:OPERATES_IN]->(:ChainNode)-[:IN_CHAIN]->(c)
			  RETURN collect(DISTINCT e) AS es
			}
			CALL {
			  WITH es
			  UNWIND es AS e
			  WITH e.source AS source, count(*) AS n
			  ORDER BY n DESC, source
			  LIMIT $maxSources
			  RETURN collect({source: source, n: n}) AS sources
			}
			CALL {
			  WITH p, c, es
			  UNWIND es + [p, c] AS x
			  WITH x.importRun AS run, count(*) AS n
			  WHERE run IS NOT NULL
			  OPTIONAL MATCH (r:ImportRun {id: run})
			  WITH run, n, r
			  ORDER BY r IS NULL, r.finished DESC, run DESC
			  LIMIT $maxRuns
			  RETURN collect({id: run, n: n, dataset: r.dataset, status: r.status, finished: r.finished}) AS runs
			}
			RETURN size(es) AS enterprises, p.source AS parkSource, c.source AS chainSource, sources, runs""";

	private final Graph graph;

	ReportSources(Graph graph) {
		this.graph = graph;
	}

	/** The sources of a park's report on a chain; none when either id is unknown. */
	Sources read(String parkId, String chainId) {
		return this.graph
			.one(SOURCES, Map.of("parkId", parkId, "chainId", chainId, "maxSources", MAX_SOURCES, "maxRuns", MAX_RUNS),
					r -> new Sources(r.get("enterprises").asInt(), r.get("parkSource").asString(null),
							r.get("chainSource").asString(null),
							r.get("sources").asList(v -> new SourceCount(text(v.get("source")), v.get("n").asInt())),
							r.get("runs").asList(ReportSources::run)))
			.orElse(new Sources(0, null, null, List.of(), List.of()));
	}

	private static RunSource run(Value v) {
		Value finished = v.get("finished");
		return new RunSource(v.get("id").asString(), text(v.get("dataset")), text(v.get("status")),
				finished.isNull() ? null : finished.asZonedDateTime().toOffsetDateTime().toString(), v.get("n").asInt());
	}

	private static String text(Value value) {
		return value.isNull() ? null : value.asString();
	}

}
