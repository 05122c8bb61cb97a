package io.chaingraph.support;

import io.chaingraph.config.Graph;
import io.chaingraph.importing.ImportService;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The service with API tokens configured (one per role, plus spares for tests that must not share
 * a rate-limit bucket), reads open, a front-end origin allowed, a small request-size limit, a rate
 * limit of 3 expensive queries per minute and introspection off; uploads of imports bounded to
 * 256 KB (1 MB unzipped), one waiting behind the running one. Its own database.
 * <p>
 * A second application context (the other is {@link IntegrationTest}'s): tokens, the rate limit, the
 * request-size limit and the introspection switch are read once, when the security filters are built
 * at start-up, and what these tests prove is the service with them set; the default (no token: a
 * read-only service, {@code ReadOnlyDefaultTest}) needs the shared context without them.
 */
@TestPropertySource(properties = {
		"chaingraph.security.tokens=viewer:VIEWER:viewer-token-0123456789, editor:EDITOR:editor-token-0123456789,"
				+ " admin:ADMIN:sha256:ca8d40e6ce4716b552f1c69863335b502f2afb57ffae171d6675fd56d91ca5b2,"
				+ " editor2:EDITOR:editor2-token-012345678, limited:VIEWER:limited-token-012345678,"
				+ " exports:VIEWER:exports-token-012345678",
		"chaingraph.cors.allowed-origins=https://explorer.example", "chaingraph.graphql.max-request-size=8KB",
		"chaingraph.rate-limit.expensive-per-minute=3", "chaingraph.graphql.introspection=false",
		"chaingraph.query.timeout=60s", "chaingraph.import.max-upload-size=256KB",
		"chaingraph.import.max-dataset-size=1MB", "chaingraph.import.queue-size=1" })
public abstract class SecuredIntegrationTest extends IntegrationTest {

	public static final String VIEWER = "viewer-token-0123456789";

	public static final String EDITOR = "editor-token-0123456789";

	/** Configured as its SHA-256 hash only. */
	public static final String ADMIN = "admin-token-0123456789";

	public static final String EDITOR2 = "editor2-token-012345678";

	public static final String LIMITED = "limited-token-012345678";

	/** A rate-limit bucket of its own for the downloads' tests. */
	public static final String EXPORTS = "exports-token-012345678";

	@LocalServerPort
	protected int port;

	@Autowired
	protected Graph graph;

	@Autowired
	protected ImportService imports;

	/** GraphQL over HTTP to this test's server, with a bearer token per call. */
	protected HttpGraphQl http;

	/** Every secured test starts from the chain fixture. */
	@BeforeEach
	void buildFixtureAndClient() {
		ChainFixture.build(new Fixtures(this.graph));
		this.http = new HttpGraphQl(this.port);
	}

}
