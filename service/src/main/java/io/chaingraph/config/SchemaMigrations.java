package io.chaingraph.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neo4j.driver.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Applies the versioned Cypher files of {@code cypher/migrations} (packaged on the class path) in
 * version order, once each, and records every applied file as a {@code :SchemaMigration} node
 * (version, description, checksum, appliedAt, durationMs). A file changed after it was applied
 * stops the start-up: migrations are immutable, add a new one instead.
 * <p>
 * A small runner rather than neo4j-migrations: no version of that library
 * ({@code eu.michael-simons.neo4j:neo4j-migrations}, neither the 2.x line for driver 5 nor the 4.x line
 * for driver 6 that Spring Boot 4 brings) resolves from the Maven repository this project builds
 * against ("Could not find artifact").
 */
@Component
public class SchemaMigrations {

	private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

	private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__(.+)\\.cypher");

	static final String LOCATION = "classpath*:cypher/migrations/V*__*.cypher";

	/**
	 * Bound on each migration statement. Not the API's query timeout: schema work waits for schema
	 * locks and index population (awaitIndexes allows 300 s), and a cold start on a busy machine needs
	 * more than a read's 10 s even for the bookkeeping statements.
	 */
	static final Duration TIMEOUT = Duration.ofMinutes(6);

	private final Graph graph;

	private final List<Migration> appliedNow;

	SchemaMigrations(Graph graph) {
		this.graph = graph;
		this.appliedNow = apply();
	}

	/** Migrations this start applied (empty when the schema was already current). */
	public List<Migration> appliedNow() {
		return this.appliedNow;
	}

	private List<Migration> apply() {
		this.graph.write("CREATE CONSTRAINT schema_migration_version IF NOT EXISTS "
				+ "FOR (m:SchemaMigration) REQUIRE m.version IS UNIQUE", Map.of(), TIMEOUT);
		Map<Integer, String> recorded = new java.util.HashMap<>();
		for (Record r : this.graph
			.write("MATCH (m:SchemaMigration) RETURN m.version AS version, m.checksum AS checksum", Map.of(), TIMEOUT)
			.records()) {
			recorded.put(r.get("version").asInt(), r.get("checksum").asString());
		}
		List<Migration> applied = new ArrayList<>();
		for (Migration migration : load()) {
			String checksum = recorded.get(migration.version());
			if (checksum != null) {
				if (!checksum.equals(migration.checksum())) {
					throw new IllegalStateException("Schema migration " + migration.fileName()
							+ " was changed after it was applied (recorded checksum " + checksum + ", file "
							+ migration.checksum() + "). Applied migrations are immutable: add a new file instead.");
				}
				continue;
			}
			long started = System.nanoTime();
			for (String statement : migration.statements()) {
				this.graph.write(statement, Map.of(), TIMEOUT);
			}
			long ms = (System.nanoTime() - started) / 1_000_000;
			this.graph.write("""
					CREATE (m:SchemaMigration {version: $version, description: $description, file: $file,
					        checksum: $checksum, appliedAt: datetime(), durationMs: $ms})""",
					Map.of("version", migration.version(), "description", migration.description(), "file",
							migration.fileName(), "checksum", migration.checksum(), "ms", ms),
					TIMEOUT);
			log.info("Applied schema migration {} in {} ms", migration.fileName(), ms);
			applied.add(migration);
		}
		// Indexes populate in the background; wait so the first search does not meet an offline index.
		this.graph.write("CALL db.awaitIndexes(300)", Map.of(), TIMEOUT);
		if (applied.isEmpty()) {
			log.info("Schema is current ({} migrations recorded)", recorded.size());
		}
		return List.copyOf(applied);
	}

	static List<Migration> load() {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
			List<Migration> migrations = new ArrayList<>();
			for (Resource resource : resources) {
				Matcher matcher = FILE_NAME.matcher(resource.getFilename());
				if (!matcher.matches()) {
					continue;
				}
				String text;
				try (InputStream in = resource.getInputStream()) {
					text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
				}
				migrations.add(new Migration(Integer.parseInt(matcher.group(1)), matcher.group(2).replace('_', ' '),
						resource.getFilename(), sha256(text), statements(text)));
			}
			migrations.sort(Comparator.comparingInt(Migration::version));
			for (int i = 1; i < migrations.size(); i++) {
				if (migrations.get(i).version() == migrations.get(i - 1).version()) {
					throw new IllegalStateException("Two schema migrations share version " + migrations.get(i).version()
							+ ": " + migrations.get(i - 1).fileName() + " and " + migrations.get(i).fileName());
				}
			}
			return migrations;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read schema migrations from " + LOCATION, ex);
		}
	}

	/** Statements end with a semicolon at the end of a line; lines starting with // are comments. */
	static List<String> statements(String text) {
		StringBuilder withoutComments = new StringBuilder();
		for (String line : text.split("\n")) {
			if (!line.strip().startsWith("//")) {
				withoutComments.append(line).append('\n');
			}
		}
		return Arrays.stream(withoutComments.toString().split(";\\s*(\n|$)"))
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.toList();
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** One versioned migration file. */
	public record Migration(int version, String description, String fileName, String checksum,
			List<String> statements) {
	}

}
