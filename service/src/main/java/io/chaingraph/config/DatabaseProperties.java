package io.chaingraph.config;

import java.nio.file.Path;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where the graph lives: Neo4j embedded in this process (files in {@code data-dir}), unless
 * {@code spring.neo4j.uri} ({@code NEO4J_URI}) names an external server. docs/configuration.md lists every
 * setting with its environment variable.
 * <p>
 * Settings whose environment variable application.yml maps are boxed: with the variable unset they
 * arrive empty, bind to null and so keep their default.
 *
 * @param database database on an external server (NEO4J_URI); empty: the server's default database
 * @param dataDir directory of the embedded database's files (ignored with NEO4J_URI)
 * @param sampleData load the bundled Wenzhou sample dataset on first start with an empty graph (and
 * complete it if that load was interrupted)
 * @param embedded the embedded database (ignored with NEO4J_URI)
 */
@ConfigurationProperties("chaingraph")
@Validated
public record DatabaseProperties(@DefaultValue("") String database, @DefaultValue("./data") @NotNull Path dataDir,
		@DefaultValue("true") boolean sampleData, @DefaultValue @Valid Embedded embedded) {

	/**
	 * The embedded database: it runs without authentication and its Bolt connector listens on loopback
	 * by default; the driver talks to it over Bolt exactly as to a remote server.
	 *
	 * @param boltAddress interface the embedded Bolt connector listens on
	 * @param boltPort port of the embedded Bolt connector; 0 picks a free one. A taken port stops the
	 * start with a message naming this setting
	 * @param pageCache page cache of the embedded database
	 */
	public record Embedded(@DefaultValue(LOOPBACK) String boltAddress,
			@DefaultValue("7687") @Min(0) @Max(65535) Integer boltPort, @DefaultValue("512MB") @NotNull DataSize pageCache) {

		static final String LOOPBACK = "127.0.0.1";

		public Embedded {
			// CHAINGRAPH_BOLT_ADDRESS maps onto this property in application.yml; unset, it arrives empty
			if (boltAddress == null || boltAddress.isBlank()) {
				boltAddress = LOOPBACK;
			}
		}

	}

}
