package io.chaingraph.export;

import java.util.Map;

import io.chaingraph.support.HttpGraphQl;
import io.chaingraph.support.SecuredIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The downloads behind the security filters, with tokens configured (reads open, 3 traversal or gap
 * requests per minute per client): a bad token is refused before anything runs (the chain report too),
 * downloads and GraphQL's traversals draw on one rate-limit bucket, refusals come in the downloads' error
 * format, and a front-end on an allowed origin may read the file name.
 */
class ExportSecurityTest extends SecuredIntegrationTest {

	static final String NETWORK = "/export/network?id=P&format=cyjs";

	@Test
	void aBadTokenIsRefusedInTheDownloadsFormat() {
		HttpGraphQl.Response invalid = this.http.get(NETWORK, Map.of("Authorization", "Bearer not-a-token-0123456789"));
		assertThat(invalid.status()).isEqualTo(401);
		assertThat(invalid.body().path("error").asString()).isEqualTo("UNAUTHORIZED");
		assertThat(invalid.body().path("message").asString()).isEqualTo("Invalid API token");
		HttpGraphQl.Response basic = this.http.get(NETWORK, Map.of("Authorization", "Basic dXNlcjpwYXNz"));
		assertThat(basic.status()).isEqualTo(401);
		assertThat(basic.body().path("error").asString()).isEqualTo("UNAUTHORIZED");
	}

	@Test
	void theChainReportIsADownloadBehindTheSameRules() {
		HttpGraphQl.Response invalid = this.http.get("/export/report?parkId=P&chainId=C",
				Map.of("Authorization", "Bearer not-a-token-0123456789"));
		assertThat(invalid.status()).isEqualTo(401);
		assertThat(invalid.body().path("error").asString()).isEqualTo("UNAUTHORIZED");
	}

	@Test
	void downloadsAndGraphQlTraversalsShareTheRateLimit() {
		Map<String, String> headers = Map.of("Authorization", "Bearer " + EXPORTS, "Origin", "https://explorer.example");
		HttpGraphQl.Response first = this.http.get(NETWORK, headers);
		assertThat(first.status()).as(first.text()).isEqualTo(200);
		// a front-end on an allowed origin may read the file name and the truncation flag
		assertThat(first.header("Access-Control-Allow-Origin")).isEqualTo("https://explorer.example");
		assertThat(first.header("Access-Control-Expose-Headers")).contains("Content-Disposition")
			.contains("X-Chaingraph-Truncated");
		assertThat(this.http.post(EXPORTS, "{ network(id: \"P\") { truncated } }").status()).isEqualTo(200);
		assertThat(this.http.get("/export/gaps?parkId=P&chainId=C", headers).status()).isEqualTo(200);

		HttpGraphQl.Response refused = this.http.get(NETWORK, headers);
		assertThat(refused.status()).isEqualTo(429);
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
		assertThat(refused.body().path("error").asString()).isEqualTo("TOO_MANY_REQUESTS");
		assertThat(refused.body().path("message").asString()).contains("(chaingraph.rate-limit.expensive-per-minute)");
		// the same bucket: GraphQL's traversals are refused too, cheap queries still pass
		assertThat(this.http.post(EXPORTS, "{ downstream(id: \"A\") { truncated } }").status()).isEqualTo(429);
		assertThat(this.http.post(EXPORTS, "{ park(id: \"P\") { name } }").status()).isEqualTo(200);
	}

	@Test
	void aPreflightFromAnAllowedOriginMayGet() {
		HttpGraphQl.Response preflight = this.http.options(NETWORK, Map.of("Origin", "https://explorer.example",
				"Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization"));
		assertThat(preflight.status()).isEqualTo(200);
		assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://explorer.example");
		assertThat(preflight.header("Access-Control-Allow-Methods")).contains("GET");
	}

}
