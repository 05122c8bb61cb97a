package io.chaingraph.monitor;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.chaingraph.gap.GapSnapshots;
import io.chaingraph.importing.ImportProgress;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.support.DatasetDir;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.HttpGraphQl;
import io.chaingraph.support.SecuredIntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Watches on the test dataset (t-park with its sub-park t-sub focuses on t-chain: t-n1 → t-n2 → t-n3,
 * t-n2a under t-n2; t-e1, LEADING, in t-park works in t-n2a; t-e2 in t-sub in t-n1): a watch fires once
 * per transition, the webhook (a local server) receives each alert with a valid signature, and a
 * webhook that hangs and fails slows neither the write nor the snapshots.
 */
class AlertsTest extends SecuredIntegrationTest {

	private static final String SECRET = "shared-secret-for-tests";

	@Autowired
	GapSnapshots snapshots;

	@Autowired
	Webhook webhook;

	@TempDir
	Path tmp;

	HttpServer server;

	/** What the receiver got, one entry per delivery (its threads answer side by side). */
	record Delivery(String body, String signature) {
	}

	final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

	@BeforeEach
	void load() {
		new Fixtures(this.graph).wipe();
		assertThat(this.imports.run(DatasetSource.fromDirectory(new DatasetDir(this.tmp.resolve("all")).write()), false,
				ImportProgress.NONE).hasErrors()).isFalse();
		this.snapshots.catchUp();
		// t-e2 also works in t-n3: with t-n1 and t-n3 held, a t-n2 without local enterprise is BROKEN
		ok(EDITOR, "mutation { linkEnterpriseToNode(enterpriseId: \"t-e2\", nodeId: \"t-n3\") { version } }");
		this.snapshots.catchUp();
	}

	@AfterEach
	void stop() {
		this.webhook.target(null);
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	private JsonNode ok(String token, String document) {
		HttpGraphQl.Response response = this.http.post(token, document, Map.of());
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.errors().isMissingNode() || response.errors().isEmpty()).as(response.text()).isTrue();
		return response.data();
	}

	/** A local receiver answering {@code status} after {@code delay}. */
	private URI receiver(int status, Duration delay) throws Exception {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
		this.server.createContext("/hook", exchange -> {
			this.deliveries.add(new Delivery(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
					exchange.getRequestHeaders().getFirst(Webhook.SIGNATURE)));
			try {
				Thread.sleep(delay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		this.server.start();
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook");
	}

	private List<String> alerts() {
		List<String> alerts = new ArrayList<>();
		HttpGraphQl.Response response = this.http.post(VIEWER, document("alerts"),
				Map.of("status", "OPEN"));
		assertThat(response.errors().isMissingNode() || response.errors().isEmpty()).as(response.text()).isTrue();
		response.data().path("alerts")
			.forEach(a -> alerts.add(a.path("kind").asString() + " " + a.path("nodeId").asString("") + a.path("enterpriseId").asString("")
					+ " " + a.path("from").asString("") + "->" + a.path("to").asString("")));
		return alerts;
	}

	/** A document of src/test/resources/graphql-test. */
	static String document(String name) {
		try (var in = AlertsTest.class.getClassLoader().getResourceAsStream("graphql-test/" + name + ".graphql")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void aWatchFiresOncePerTransitionAndTheWebhookReceivesASignedBody() throws Exception {
		this.webhook.target(new Webhook.Target(receiver(200, Duration.ZERO), SECRET, 3, Duration.ofMillis(100),
				Duration.ofSeconds(5)));
		// a viewer may not watch
		assertThat(this.http.post(VIEWER, "mutation { watchSegments(parkId: \"t-park\", chainId: \"t-chain\") { id } }", Map.of())
			.errors().isEmpty()).isFalse();
		ok(EDITOR, "mutation { watchSegments(parkId: \"t-park\", chainId: \"t-chain\") { id kind park { id } chain { id } actor created } }");
		ok(EDITOR, "mutation { watchLeadingEnterprises(parkId: \"t-park\") { id } }");
		assertThat(ok(VIEWER, "{ watches { id kind park { id } chain { id } actor created } }").path("watches").size()).isEqualTo(2);

		// t-e1 (LEADING) leaves: t-n2 BROKEN (t-n1 and t-n3 held), t-n2a MISSING
		ok(EDITOR, "mutation { moveToPark(id: \"t-e1\", parkId: \"t-other\", expectedVersion: 1) { version } }");
		this.snapshots.catchUp();
		assertThat(alerts()).containsExactlyInAnyOrder("SEGMENT_GAP t-n2 WEAK->BROKEN", "SEGMENT_GAP t-n2a WEAK->MISSING",
				"LEADING_LEAVES t-e1 ->");
		assertThat(ok(VIEWER, "{ alerts { message } }").path("alerts").findValuesAsString("message"))
			.contains("中國基因藥(yào)谷「基因药物」环节 药品生产 变为断链 · segment 药品生产 of 基因药物 in 中國基因藥(yào)谷 became BROKEN");

		// a write that keeps the segments as they are (an enterprise came, none left) fires nothing more
		ok(EDITOR, "mutation { createEnterprise(input: {id: \"t-e9\", name: \"丁新材料\", parkId: \"t-park\"}) { id } }");
		assertThat(this.snapshots.catchUp().snapshots()).isEqualTo(1);
		this.snapshots.catchUp();
		assertThat(alerts()).hasSize(3);

		// each alert reached the webhook once, signed with the shared secret
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> this.deliveries.size() >= 3);
		assertThat(this.deliveries).hasSize(3);
		for (Delivery delivery : this.deliveries) {
			assertThat(delivery.signature()).isEqualTo("sha256=" + hmac(SECRET, delivery.body()));
		}
		assertThat(this.deliveries.stream().map(Delivery::body)).anySatisfy(body -> assertThat(body).contains("\"node\":\"t-n2\"", "\"to\":\"BROKEN\""));
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ok(VIEWER, "{ alerts { delivery } }").path("alerts")
			.findValuesAsString("delivery").stream().allMatch("DELIVERED"::equals));

		// acknowledged: no longer open
		String id = ok(VIEWER, "{ alerts(first: 1) { id } }").path("alerts").get(0).path("id").asString();
		assertThat(ok(EDITOR, "mutation { acknowledgeAlert(id: \"" + id + "\") { status } }").path("acknowledgeAlert")
			.path("status").asString()).isEqualTo("ACKNOWLEDGED");
		assertThat(alerts()).hasSize(2);
		String watch = ok(VIEWER, "{ watches { id } }").path("watches").get(0).path("id").asString();
		assertThat(ok(EDITOR, "mutation { unwatch(id: \"" + watch + "\") }").path("unwatch").asBoolean()).isTrue();
		assertThat(ok(VIEWER, "{ watches { id } }").path("watches").size()).isEqualTo(1);
	}

	@Test
	void aFailingWebhookSlowsNeitherTheWriteNorTheSnapshots() throws Exception {
		// every try hangs 3 s, then fails
		this.webhook.target(new Webhook.Target(receiver(500, Duration.ofSeconds(3)), SECRET, 2, Duration.ofMillis(200),
				Duration.ofSeconds(10)));
		ok(EDITOR, "mutation { watchLeadingEnterprises(parkId: \"t-park\") { id } }");
		long started = System.nanoTime();
		ok(EDITOR, "mutation { moveToPark(id: \"t-e1\", parkId: \"t-other\", expectedVersion: 1) { version } }");
		GapSnapshots.Written written = this.snapshots.catchUp();
		long ms = (System.nanoTime() - started) / 1_000_000;
		assertThat(written.moves()).isNotEmpty();
		assertThat(alerts()).containsExactly("LEADING_LEAVES t-e1 ->");
		// the write and the alert's snapshot are done long before the first try has its answer
		assertThat(ms).as("write and snapshot, ms").isLessThan(2_500);
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "FAILED".equals(ok(VIEWER, "{ alerts { delivery } }")
			.path("alerts").get(0).path("delivery").asString()));
		assertThat(this.deliveries).hasSize(2); // both tries reached the receiver
		assertThat(ok(VIEWER, "{ alerts { attempts } }").path("alerts").get(0).path("attempts").asInt()).isEqualTo(2);
	}

	static String hmac(String secret, String body) throws Exception {
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
	}

}
