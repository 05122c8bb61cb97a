package io.chaingraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.chaingraph.ChaingraphApplication;
import io.chaingraph.config.EmbeddedNeo4j;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.driver.Driver;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.unit.DataSize;

/**
 * A fresh embedded Neo4j in its own temporary folder with the application on top of it, for one
 * measurement. The database is started here (so the benchmark can set what {@code LOAD CSV} may
 * read) and the application connects to it over Bolt as to an external server, exactly as the
 * service does to its embedded database. Closing stops both and deletes the folder.
 */
public final class BenchDatabase implements AutoCloseable {

	/** Page cache of the benchmark's databases (the service's default). */
	public static final DataSize PAGE_CACHE = DataSize.ofMegabytes(512);

	private final Path home;

	private final EmbeddedNeo4j neo4j;

	private final ConfigurableApplicationContext context;

	private BenchDatabase(Path home, EmbeddedNeo4j neo4j, ConfigurableApplicationContext context) {
		this.home = home;
		this.neo4j = neo4j;
		this.context = context;
	}

	/**
	 * @param workDir where the temporary database folder is created
	 * @param importDir folder that {@code LOAD CSV FROM 'file:///…'} reads, or null to disallow file URLs
	 * @param web true to start the HTTP server as well (on a free port)
	 * @param properties further application properties, {@code name=value} (they win over the defaults here)
	 */
	public static BenchDatabase start(Path workDir, Path importDir, boolean web, String... properties) {
		return open(newHome(workDir), importDir, web, properties);
	}

	/** A new, empty folder for a database in {@code workDir}. */
	static Path newHome(Path workDir) {
		try {
			Files.createDirectories(workDir);
			return Files.createTempDirectory(workDir, "db-");
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot create a database folder in " + workDir, ex);
		}
	}

	/**
	 * Like {@link #start}, on the database in {@code home} (a store the batch importer wrote, say);
	 * closing deletes {@code home} as well.
	 */
	static BenchDatabase open(Path home, Path importDir, boolean web, String... properties) {
		return open(home, importDir, web, false, properties);
	}

	/**
	 * @param asOwn the application takes the database for its own embedded one, as the service does by
	 * default (the gap counts are then kept on write, which needs the database's transaction events); otherwise
	 * it is an external server to it, reached over Bolt only
	 */
	static BenchDatabase open(Path home, Path importDir, boolean web, boolean asOwn, String... properties) {
		EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(home, "127.0.0.1", 0, PAGE_CACHE.toBytes(), Duration.ofHours(1),
				builder -> {
					if (importDir != null) {
						builder.setConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir.toAbsolutePath().normalize());
						builder.setConfig(GraphDatabaseSettings.allow_file_urls, true);
					}
					else {
						builder.setConfig(GraphDatabaseSettings.allow_file_urls, false);
					}
				});
		try {
			Map<String, String> settings = new LinkedHashMap<>();
			settings.put("spring.neo4j.uri", neo4j.boltUri().toString());
			settings.put("chaingraph.sample-data", "false");
			settings.put("logging.level.root", "WARN");
			settings.put("spring.main.log-startup-info", "false");
			settings.put("server.port", "0");
			settings.put("spring.graphql.schema.inspection.enabled", "false");
			// a shared, busy machine can take seconds to plan the migrations; measurements are unaffected
			settings.put("chaingraph.query.timeout", "120s");
			// the benchmark is the only client, and a loaded one on purpose: no per-client rate limit
			settings.put("chaingraph.rate-limit.expensive-per-minute", "0");
			for (String property : properties) {
				int eq = property.indexOf('=');
				if (eq <= 0) {
					throw new IllegalArgumentException("expected NAME=VALUE, got '" + property + "'");
				}
				settings.put(property.substring(0, eq), property.substring(eq + 1));
			}
			List<String> args = new ArrayList<>();
			settings.forEach((name, value) -> args.add("--" + name + "=" + value));
			SpringApplicationBuilder builder = new SpringApplicationBuilder(ChaingraphApplication.class);
			if (asOwn) {
				builder.initializers(app -> app.getBeanFactory().registerSingleton("embeddedNeo4j", neo4j));
			}
			ConfigurableApplicationContext context = builder
				.web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
				.bannerMode(Banner.Mode.OFF)
				.run(args.toArray(String[]::new));
			return new BenchDatabase(home, neo4j, context);
		}
		catch (RuntimeException ex) {
			neo4j.close();
			delete(home);
			throw ex;
		}
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	public Driver driver() {
		return bean(Driver.class);
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	public EmbeddedNeo4j neo4j() {
		return this.neo4j;
	}

	/** The HTTP port when started with {@code web}. */
	public int httpPort() {
		if (this.context instanceof WebServerApplicationContext web) {
			return web.getWebServer().getPort();
		}
		throw new IllegalStateException("started without the web server");
	}

	@Override
	public void close() {
		try {
			stop();
		}
		finally {
			delete(this.home);
		}
	}

	/** Stops the application and the database, keeping their files (for the batch importer to replace). */
	public void stop() {
		try {
			this.context.close();
		}
		finally {
			this.neo4j.close();
		}
	}

	public Path home() {
		return this.home;
	}

	/** Bytes of the files under {@code dir}. */
	static long size(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			return paths.filter(Files::isRegularFile).mapToLong(path -> {
				try {
					return Files.size(path);
				}
				catch (IOException ex) {
					return 0;
				}
			}).sum();
		}
		catch (IOException ex) {
			return -1;
		}
	}

	static void delete(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			// a temp folder left behind is not worth failing a benchmark for
		}
	}

}
