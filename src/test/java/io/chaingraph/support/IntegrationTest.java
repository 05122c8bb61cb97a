package io.chaingraph.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that need the service: the whole application on a random HTTP port with a real
 * embedded Neo4j (Bolt on a free loopback port) in a fresh temporary directory, sample data off.
 * Spring caches the context, so all subclasses share one database: each test builds the graph it
 * needs (see {@link Fixtures}) after wiping it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "chaingraph.sample-data=false",
		// generous: the first compile of a traversal statement on a busy build machine can take seconds
		"chaingraph.query.timeout=60s",
		"chaingraph.embedded.bolt-port=0", "chaingraph.embedded.page-cache=64MB" })
public abstract class IntegrationTest {

	private static final Path DATA_DIR = createDataDir();

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("chaingraph.data-dir", DATA_DIR::toString);
	}

	private static Path createDataDir() {
		try {
			Path dir = Files.createTempDirectory("chaingraph-test-");
			dir.toFile().deleteOnExit();
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
