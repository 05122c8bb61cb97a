package io.chaingraph.security;

import java.util.Map;

import io.chaingraph.config.Graph;
import io.chaingraph.support.ChainFixture;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.GraphChecksum;
import io.chaingraph.support.HttpGraphQl;
import io.chaingraph.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The default settings: no token configured, so reads are open and the service is read-only. */
class ReadOnlyDefaultTest extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	Graph graph;

	@Test
	void readsWorkMutationsAreRefused() {
		ChainFixture.build(new Fixtures(this.graph));
		HttpGraphQl http = new HttpGraphQl(this.port);
		assertThat(http.post(null, "{ park(id: \"P\") { name version } }").data().path("park").path("name").asString())
			.isEqualTo("园区P");
		String before = GraphChecksum.dump(this.graph);
		HttpGraphQl.Response mutation = http.post(null,
				"mutation { updatePark(id: \"P\", expectedVersion: 0, input: {region: \"x\"}) { id } }");
		assertThat(mutation.status()).isEqualTo(403);
		assertThat(mutation.classification()).isEqualTo("FORBIDDEN");
		assertThat(mutation.errors().path(0).path("message").asString()).startsWith("The service is read-only");
		// no token can be valid when none is configured
		assertThat(http.post("any-token-whatsoever-123", "{ park(id: \"P\") { name } }").status()).isEqualTo(401);
		// imports over HTTP too, with the same error format, before the body is read
		HttpGraphQl.Response upload = http.postBytes(null, "/api/imports", "application/zip", new byte[] { 'P', 'K' });
		assertThat(upload.status()).isEqualTo(403);
		assertThat(upload.classification()).isEqualTo("FORBIDDEN");
		assertThat(upload.errors().path(0).path("message").asString()).startsWith("The service is read-only")
			.contains("imports are refused");
		assertThat(http.postBytes("any-token-whatsoever-123", "/api/imports", "application/zip", new byte[0]).status())
			.isEqualTo(401);
		assertThat(this.graph.one("MATCH (r:ImportRun) RETURN count(r) AS n", Map.of(), r -> r.get("n").asLong())
			.orElseThrow()).isZero();
		assertThat(GraphChecksum.dump(this.graph)).isEqualTo(before);
		// introspection is on by default (GraphiQL needs it)
		HttpGraphQl.Response introspection = http.post(null, "{ __schema { queryType { name } } }");
		assertThat(introspection.data().path("__schema").path("queryType").path("name").asString())
			.as(introspection.text()).isEqualTo("Query");
	}

}
