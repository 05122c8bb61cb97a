package io.chaingraph.enterprise;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.chaingraph.config.Graph;
import io.chaingraph.config.SchemaMigrations;
import io.chaingraph.dataset.NameCollation;
import org.neo4j.driver.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The enterprises' pinyin sort keys ({@code nameKey}, {@link NameCollation}) for what the importer and the
 * curation mutations did not write: at start-up, after the schema migrations, every enterprise without a
 * key gets one, and every enterprise gets a new one when the stored keys were made by another collator
 * version (recorded on one {@code :NameKeys} node). Batches of {@value #BATCH}, in id order.
 */
@Component
public class NameKeys {

	private static final Logger log = LoggerFactory.getLogger(NameKeys.class);

	static final int BATCH = 10_000;

	private static final Duration TIMEOUT = Duration.ofMinutes(6);

	private final Graph graph;

	NameKeys(Graph graph, SchemaMigrations migrations) {
		this.graph = graph;
		fill();
	}

	/** Writes the missing (or outdated) keys; returns how many enterprises got one. */
	public int fill() {
		String stored = this.graph.write("MATCH (m:NameKeys) RETURN m.collator AS collator", Map.of(), TIMEOUT)
			.records()
			.stream()
			.map(r -> r.get("collator").asString(null))
			.findFirst()
			.orElse(null);
		boolean all = stored != null && !stored.equals(NameCollation.VERSION);
		int written = 0;
		String after = "";
		while (true) {
			List<Record> batch = this.graph.write("""
					MATCH (e:Enterprise) WHERE e.id > $after AND ($all OR e.nameKey IS NULL)
					RETURN e.id AS id, e.name AS name ORDER BY e.id LIMIT $batch""",
					Map.of("after", after, "all", all, "batch", BATCH), TIMEOUT).records();
			if (batch.isEmpty()) {
				break;
			}
			List<Map<String, String>> rows = batch.stream()
				.map(r -> Map.of("id", r.get("id").asString(), "key", NameCollation.key(r.get("name").asString(""))))
				.toList();
			this.graph.write("UNWIND $rows AS row MATCH (e:Enterprise {id: row.id}) SET e.nameKey = row.key",
					Map.of("rows", rows), TIMEOUT);
			written += rows.size();
			after = batch.get(batch.size() - 1).get("id").asString();
		}
		this.graph.write("MERGE (m:NameKeys) SET m.collator = $collator", Map.of("collator", NameCollation.VERSION),
				TIMEOUT);
		if (written > 0) {
			log.info("Wrote the pinyin sort key of {} enterprises ({})", written, NameCollation.VERSION);
		}
		return written;
	}

}
