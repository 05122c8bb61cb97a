package io.chaingraph.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.chaingraph.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.entry;

/**
 * Schema migrations on the shared test database, which started empty: the start applied V001..V009
 * once each and recorded them; running the migrations again (what the next start does) applies
 * nothing; a file changed after it was applied stops it; every constraint and index the files
 * declare exists, the full-text index with the CJK analyzer. (ConnectionModesTest repeats first and
 * second start, and the changed file, with real application starts against a separate server.)
 */
class SchemaMigrationsTest extends IntegrationTest {

	private static final Pattern DECLARED = Pattern
		.compile("CREATE (CONSTRAINT|INDEX|FULLTEXT INDEX) (\\w+) IF NOT EXISTS");

	@Autowired
	Graph graph;

	@Autowired
	SchemaMigrations startUp;

	@Test
	void theFirstStartAppliedEveryFileOnceInOrderAndRecordedIt() {
		List<SchemaMigrations.Migration> files = SchemaMigrations.load();
		assertThat(files).extracting(SchemaMigrations.Migration::fileName)
			.containsExactly("V001__unique_ids.cypher", "V002__lookup_indexes.cypher", "V003__fulltext_names.cypher",
					"V004__audit_changes.cypher", "V005__documents.cypher",
					"V006__enterprise_stock_code.cypher", "V007__entity_search_keys.cypher", "V008__gap_stats.cypher",
					"V009__gap_history.cypher", "V010__enterprise_name_key.cypher");
		assertThat(this.startUp.appliedNow()).isEqualTo(files);
		List<Map<String, Object>> recorded = this.graph.list("""
				MATCH (m:SchemaMigration)
				RETURN m.version AS version, m.description AS description, m.file AS file, m.checksum AS checksum,
				       m.appliedAt IS NOT NULL AS hasTime, m.durationMs >= 0 AS hasDuration
				ORDER BY m.version""", Map.of(), r -> r.asMap());
		assertThat(recorded).hasSize(files.size());
		for (int i = 0; i < files.size(); i++) {
			SchemaMigrations.Migration file = files.get(i);
			assertThat(recorded.get(i)).containsOnly(entry("version", (long) file.version()),
					entry("description", file.description()), entry("file", file.fileName()),
					entry("checksum", file.checksum()), entry("hasTime", true), entry("hasDuration", true));
		}
		assertThat(recorded.get(2)).containsEntry("description", "fulltext names");
	}

	@Test
	void runningThemAgainAppliesNothingNew() {
		long before = count();
		assertThat(new SchemaMigrations(this.graph).appliedNow()).isEmpty();
		assertThat(count()).isEqualTo(before).isEqualTo(10);
	}

	@Test
	void aFileChangedAfterItWasAppliedStopsTheStart() {
		String original = this.graph.one("MATCH (m:SchemaMigration {version: 3}) RETURN m.checksum AS c", Map.of(),
				r -> r.get("c").asString()).orElseThrow();
		this.graph.write("MATCH (m:SchemaMigration {version: 3}) SET m.checksum = 'before-the-edit'", Map.of());
		try {
			assertThatIllegalStateException().isThrownBy(() -> new SchemaMigrations(this.graph))
				.withMessage("Schema migration V003__fulltext_names.cypher was changed after it was applied (recorded "
						+ "checksum before-the-edit, file " + original
						+ "). Applied migrations are immutable: add a new file instead.");
		}
		finally {
			this.graph.write("MATCH (m:SchemaMigration {version: 3}) SET m.checksum = $c", Map.of("c", original));
		}
		assertThat(count()).isEqualTo(10);
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyDeclaredConstraintAndIndexExists() {
		List<String> declaredConstraints = new ArrayList<>();
		List<String> declaredIndexes = new ArrayList<>();
		for (SchemaMigrations.Migration migration : SchemaMigrations.load()) {
			for (String statement : migration.statements()) {
				if (statement.strip().startsWith("MATCH")) {
					continue; // the data a new index needs (V007's search keys of existing entities)
				}
				Matcher m = DECLARED.matcher(statement);
				assertThat(m.find()).as(statement).isTrue();
				(m.group(1).equals("CONSTRAINT") ? declaredConstraints : declaredIndexes).add(m.group(2));
			}
		}
		assertThat(declaredConstraints).hasSize(17);
		assertThat(declaredIndexes).hasSize(23);

		Map<String, Map<String, Object>> constraints = new java.util.HashMap<>();
		this.graph.list("SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties", Map.of(),
				r -> constraints.put(r.get("name").asString(), r.asMap()));
		assertThat(constraints).containsKeys(declaredConstraints.toArray(String[]::new))
			.containsKey("schema_migration_version");
		assertThat(constraints.get("entity_id")).containsEntry("type", "UNIQUENESS")
			.containsEntry("labelsOrTypes", List.of("Entity"))
			.containsEntry("properties", List.of("id"));
		for (String label : List.of("Park", "Enterprise", "Platform", "Chain", "ChainNode", "ImportRun")) {
			assertThat(constraints.values()).as("unique id on %s", label)
				.anySatisfy(c -> assertThat(c).containsEntry("type", "UNIQUENESS")
					.containsEntry("labelsOrTypes", List.of(label))
					.containsEntry("properties", List.of("id")));
		}

		Map<String, Map<String, Object>> indexes = new java.util.HashMap<>();
		this.graph.list("SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state, options", Map.of(),
				r -> indexes.put(r.get("name").asString(), r.asMap()));
		assertThat(indexes).containsKeys(declaredIndexes.toArray(String[]::new));
		for (String name : declaredIndexes) {
			assertThat(indexes.get(name)).as(name).containsEntry("state", "ONLINE");
		}
		assertThat(indexes.get("enterprise_name_id")).containsEntry("type", "RANGE")
			.containsEntry("properties", List.of("name", "id"));
		Map<String, Object> fulltext = indexes.get("entity_names");
		assertThat(fulltext).containsEntry("type", "FULLTEXT")
			.containsEntry("properties", List.of("name", "aliasText", "normText"));
		assertThat((List<Object>) fulltext.get("labelsOrTypes")).containsExactlyInAnyOrder("Park", "Enterprise", "Platform",
				"Chain", "ChainNode");
		Map<String, Object> config = (Map<String, Object>) ((Map<?, ?>) fulltext.get("options")).get("indexConfig");
		assertThat(config).containsEntry("fulltext.analyzer", "cjk").containsEntry("fulltext.eventually_consistent", false);
		Map<String, Object> keys = indexes.get("entity_keys");
		assertThat(keys).containsEntry("type", "FULLTEXT").containsEntry("properties", List.of("searchKeys"));
		assertThat((Map<String, Object>) ((Map<?, ?>) keys.get("options")).get("indexConfig"))
			.containsEntry("fulltext.analyzer", "keyword").containsEntry("fulltext.eventually_consistent", false);
	}

	private long count() {
		return this.graph.one("MATCH (m:SchemaMigration) RETURN count(m) AS n", Map.of(), r -> r.get("n").asLong())
			.orElseThrow();
	}

}
