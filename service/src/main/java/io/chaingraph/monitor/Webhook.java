package io.chaingraph.monitor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.chaingraph.config.Graph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * POSTs fired alerts to the configured webhook ({@code chaingraph.alerts.webhook-url}): the alert as
 * JSON, signed with HMAC-SHA256 over the body's bytes with the shared secret, in the header
 * {@code X-Chaingraph-Signature: sha256=<hex>} (the receiver computes the same and compares). A try that
 * fails (no answer within {@code webhook-timeout}, or a status other than 2xx) is repeated after
 * {@code webhook-backoff}, doubled each time, up to {@code webhook-attempts} tries; the alert's
 * {@code delivery} then reads DELIVERED or FAILED. Tries run on a task scheduler of their own: no
 * write and no snapshot waits for a webhook.
 */
@Component
class Webhook implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Webhook.class);

	static final String SIGNATURE = "X-Chaingraph-Signature";

	static final String ALERT_ID = "X-Chaingraph-Alert";

	private static final String MARK = "MATCH (a:Alert {id: $id}) SET a.delivery = $delivery, a.attempts = $attempts";

	/** Where and how alerts are sent; replaced as a whole. */
	record Target(URI url, String secret, int attempts, Duration backoff, Duration timeout) {
	}

	private final Graph graph;

	private volatile Target target;

	private final ThreadPoolTaskScheduler scheduler;

	private final HttpClient client;

	private final AtomicLong tries = new AtomicLong();

	Webhook(Graph graph, AlertProperties properties) {
		this.graph = graph;
		this.target = (properties.webhookUrl() == null) ? null
				: new Target(properties.webhookUrl(), properties.webhookSecret(), properties.webhookAttempts(),
						properties.webhookBackoff(), properties.webhookTimeout());
		this.scheduler = new ThreadPoolTaskScheduler();
		this.scheduler.setPoolSize(2);
		this.scheduler.setThreadNamePrefix("chaingraph-webhook-");
		this.scheduler.setDaemon(true);
		this.scheduler.initialize();
		this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	}

	/** Whether a webhook is configured. */
	boolean configured() {
		return this.target != null;
	}

	/** Points the webhook elsewhere, or nowhere (null): for tests, whose receiver starts after the service. */
	void target(Target target) {
		this.target = target;
	}

	/** Tries made so far (for tests). */
	long tries() {
		return this.tries.get();
	}

	/** Queues the alert's delivery and returns at once. */
	void deliver(String alertId, String body) {
		Target to = this.target;
		if (to != null) {
			this.scheduler.execute(() -> attempt(to, alertId, body, 1));
		}
	}

	private void attempt(Target to, String alertId, String body, int attempt) {
		this.tries.incrementAndGet();
		int status = -1;
		try {
			HttpRequest request = HttpRequest.newBuilder(to.url())
				.timeout(to.timeout())
				.header("Content-Type", "application/json; charset=utf-8")
				.header(SIGNATURE, "sha256=" + sign(to.secret(), body))
				.header(ALERT_ID, alertId)
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build();
			status = this.client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (java.io.IOException ex) {
			log.debug("Webhook try {} for alert {} failed: {}", attempt, alertId, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		if (status >= 200 && status < 300) {
			mark(alertId, "DELIVERED", attempt);
			return;
		}
		if (attempt >= to.attempts()) {
			log.warn("Webhook: alert {} not delivered after {} tries (last status {})", alertId, attempt, status);
			mark(alertId, "FAILED", attempt);
			return;
		}
		mark(alertId, "RETRYING", attempt);
		Duration pause = to.backoff().multipliedBy(1L << Math.min(attempt - 1, 16));
		try {
			this.scheduler.schedule(() -> attempt(to, alertId, body, attempt + 1), Instant.now().plus(pause));
		}
		catch (org.springframework.core.task.TaskRejectedException ex) {
			// shutting down
		}
	}

	private void mark(String alertId, String delivery, int attempts) {
		try {
			this.graph.write(MARK, Map.of("id", alertId, "delivery", delivery, "attempts", attempts));
		}
		catch (RuntimeException ex) {
			log.debug("Webhook: delivery of alert {} not recorded ({})", alertId, ex.toString());
		}
	}

	/** The hex HMAC-SHA256 of the body's UTF-8 bytes with the secret's UTF-8 bytes as the key. */
	static String sign(String secret, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	@Override
	public void destroy() {
		this.scheduler.shutdown();
	}

}
