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
 * embedded Neo4j (Bolt on a free loopback port) in a fresh temporary directory, sample data off,
 * a query timeout long enough for a loaded build machine, no background refresh of gap reports.
 * Spring caches the context, so all subclasses share one database: each test builds the graph it
 * needs (see {@link Fixtures}) after wiping it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "chaingraph.sample-data=false",
		"chaingraph.embedded.bolt-port=0", "chaingraph.embedded.page-cache=64MB",
		// generous: the build machine may be shared and slow; no test relies on the 10 s default
		"chaingraph.query.timeout=60s",
		// no background statements that would disturb the tests counting round trips (GapReportRefresherTest runs one of its own)
		"chaingraph.gaps.refresh-reports=0",
		// the gap history's poller off likewise: tests that need snapshots take them (GapSnapshots.catchUp)
		"chaingraph.gap-history.poll=0" })
public abstract class IntegrationTest {

	/** Runs once per application context: contexts with other settings (tokens, limits) get a database of their own. */
	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		Path dataDir = createDataDir();
		registry.add("chaingraph.data-dir", dataDir::toString);
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
