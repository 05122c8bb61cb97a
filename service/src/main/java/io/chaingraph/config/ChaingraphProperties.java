package io.chaingraph.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything under {@code chaingraph.*}; see application.yml and the README's configuration table.
 *
 * @param dataDir where the embedded database keeps its files
 * @param sampleData load the bundled Wenzhou dataset on first start with an empty database
 * @param embedded embedded Neo4j settings (used only when no external URI is configured)
 * @param query limits applied to every read
 */
@ConfigurationProperties("chaingraph")
public record ChaingraphProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("true") boolean sampleData,
		@DefaultValue Embedded embedded, @DefaultValue Query query) {

	/**
	 * @param boltAddress interface the embedded Bolt connector listens on
	 * @param boltPort Bolt port; 0 picks a free one
	 * @param pageCache page cache size of the embedded database
	 */
	public record Embedded(@DefaultValue("127.0.0.1") String boltAddress, @DefaultValue("7687") int boltPort,
			@DefaultValue("512MB") DataSize pageCache) {
	}

	/**
	 * @param timeout bound on every read transaction (also the embedded server's transaction timeout)
	 * @param maxDepth largest traversal depth a client may ask for
	 * @param maxNodes largest {@code limit} of a traversal (nodes in one answer)
	 * @param maxFirst largest page ({@code first}) of a list
	 */
	public record Query(@DefaultValue("10s") Duration timeout, @DefaultValue("10") int maxDepth,
			@DefaultValue("5000") int maxNodes, @DefaultValue("1000") int maxFirst) {
	}

}
