package io.chaingraph.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Neo4j community running in this JVM with its Bolt connector on a loopback address, so that the
 * official driver (and everything built on it) talks to it exactly as to a remote server.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

	/** Least server-side transaction timeout. */
	static final Duration MIN_SERVER_TIMEOUT = Duration.ofMinutes(2);

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

	private final DatabaseManagementService service;

	private final Path home;

	private final String address;

	private final int port;

	private EmbeddedNeo4j(DatabaseManagementService service, Path home, String address, int port) {
		this.service = service;
		this.home = home;
		this.address = address;
		this.port = port;
	}

	/**
	 * Starts a database under {@code home}.
	 * @param port the Bolt port, 0 for any free port
	 * @throws BoltPortInUseException when the port is taken
	 */
	public static EmbeddedNeo4j start(Path home, String address, int port, long pageCacheBytes,
			Duration transactionTimeout) {
		return start(home, address, port, pageCacheBytes, transactionTimeout, builder -> {
		});
	}

	/**
	 * Like {@link #start(Path, String, int, long, Duration)}, with further settings applied by
	 * {@code settings} (the benchmark sets the folder {@code LOAD CSV} may read, for example).
	 */
	public static EmbeddedNeo4j start(Path home, String address, int port, long pageCacheBytes,
			Duration transactionTimeout, Consumer<DatabaseManagementServiceBuilder> settings) {
		Path normalisedHome = home.toAbsolutePath().normalize();
		int boltPort = (port == 0) ? freePort(address) : port;
		if (!isFree(address, boltPort)) {
			throw new BoltPortInUseException(address, boltPort);
		}
		long started = System.nanoTime();
		DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(normalisedHome)
			.setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress(address, boltPort))
			.setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
			.setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
			.setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
			// Bolt listens on loopback only; an external server brings its own authentication.
			.setConfig(GraphDatabaseSettings.auth_enabled, false)
			// a backstop for transactions without their own timeout (the driver sets one on each); never so
			// short that the database's own start-up work (system graph) is cut off on a busy machine
			.setConfig(GraphDatabaseSettings.transaction_timeout,
					transactionTimeout.compareTo(MIN_SERVER_TIMEOUT) > 0 ? transactionTimeout : MIN_SERVER_TIMEOUT)
			// check transaction deadlines often, so a timed-out query stops promptly (default: every 2 s)
			.setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(200));
		settings.accept(builder);
		DatabaseManagementService service = builder.build();
		// Block until the default database accepts work, so the first driver call does not race it.
		service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable(Duration.ofSeconds(60).toMillis());
		log.info("Embedded Neo4j started in {} ms: data in {}, Bolt on {}:{}",
				(System.nanoTime() - started) / 1_000_000, normalisedHome, address, boltPort);
		return new EmbeddedNeo4j(service, normalisedHome, address, boltPort);
	}

	public URI boltUri() {
		return URI.create("bolt://" + this.address + ":" + this.port);
	}

	public int port() {
		return this.port;
	}

	public Path home() {
		return this.home;
	}

	public DatabaseManagementService service() {
		return this.service;
	}

	@Override
	public void close() {
		long started = System.nanoTime();
		this.service.shutdown();
		log.info("Embedded Neo4j stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	private static boolean isFree(String address, int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getByName(address), port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort(String address) {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot find a free port on " + address, ex);
		}
	}

	/** The configured Bolt port is already bound by another process. */
	public static final class BoltPortInUseException extends IllegalStateException {

		private final String address;

		private final int port;

		BoltPortInUseException(String address, int port) {
			super("Bolt port " + port + " on " + address + " is already in use");
			this.address = address;
			this.port = port;
		}

		public String address() {
			return this.address;
		}

		public int port() {
			return this.port;
		}

	}

}
