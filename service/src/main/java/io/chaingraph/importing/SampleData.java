package io.chaingraph.importing;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.chaingraph.config.DatabaseProperties;
import io.chaingraph.config.EmbeddedNeo4j;
import io.chaingraph.config.Graph;
import io.chaingraph.config.SchemaMigrations;
import io.chaingraph.importing.read.DatasetSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At start-up, before the web server accepts requests: marks import runs left RUNNING by a dead
 * process as INTERRUPTED, and loads the bundled Wenzhou dataset when the graph is empty (or when
 * its previous load was interrupted), unless {@code chaingraph.sample-data=false}.
 */
@Component
class SampleData implements SmartInitializingSingleton {

	static final String LOCATION = "sample/wenzhou";

	private static final Logger log = LoggerFactory.getLogger(SampleData.class);

	private final ImportService imports;

	private final Graph graph;

	private final boolean enabled;

	private final boolean embedded;

	SampleData(ImportService imports, Graph graph, SchemaMigrations migrations,
			DatabaseProperties database, ObjectProvider<EmbeddedNeo4j> embedded) {
		this.imports = imports;
		this.graph = graph;
		this.enabled = database.sampleData();
		this.embedded = embedded.getIfAvailable() != null;
	}

	@Override
	public void afterSingletonsInstantiated() {
		// Nobody else writes to an embedded database: any RUNNING run belongs to a process that died.
		this.imports.recoverInterrupted(this.embedded ? Duration.ZERO : ImportService.STALE_AFTER);
		if (!this.enabled) {
			return;
		}
		boolean empty = this.graph.one("MATCH (n:Entity) RETURN count(n) = 0 AS empty", Map.of(),
				r -> r.get("empty").asBoolean()).orElse(true);
		List<String> lastSampleRun = this.graph.list("""
				MATCH (r:ImportRun {dataset: $dataset}) RETURN r.status AS status ORDER BY r.started DESC LIMIT 1""",
				Map.of("dataset", "classpath:" + LOCATION), r -> r.get("status").asString());
		boolean resume = !lastSampleRun.isEmpty() && !lastSampleRun.get(0).equals(ImportStatus.SUCCEEDED.name());
		if (!empty && !resume) {
			return;
		}
		log.info(resume ? "Completing the interrupted load of the sample dataset" : "Empty graph: loading the sample dataset");
		DatasetSource sample = DatasetSource.fromClasspath(LOCATION);
		if (sample.files().isEmpty()) {
			log.warn("No sample dataset bundled under {}; starting with an empty graph", LOCATION);
			return;
		}
		ImportReport report = this.imports.run(sample, false, ImportProgress.NONE);
		if (report.hasErrors()) {
			report.problems().forEach(p -> log.error("Sample dataset: {}", p.format()));
			throw new IllegalStateException("The bundled sample dataset is invalid (" + report.errorCount() + " errors)");
		}
		log.info("Sample dataset loaded: {} rows in {} ms (run {})", report.rows(), report.elapsed().toMillis(),
				report.runId());
	}

}
