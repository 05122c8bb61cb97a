package io.chaingraph.monitor;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Alerts of the watches and their webhook ({@link Webhook}); docs/configuration.md lists every
 * setting with its environment variable.
 *
 * @param webhookUrl where each fired alert is POSTed as JSON; unset: alerts are only listed
 * @param webhookSecret the shared secret of the body's HMAC-SHA256 signature (header
 * {@code X-Chaingraph-Signature: sha256=<hex>}); required with a webhook URL
 * @param webhookAttempts tries per alert before it is marked FAILED
 * @param webhookBackoff the pause before the second try, doubled before each further one
 * @param webhookTimeout how long one try may take (connect and answer)
 */
@ConfigurationProperties("chaingraph.alerts")
@Validated
public record AlertProperties(URI webhookUrl, String webhookSecret, @DefaultValue("5") @Min(1) @Max(20) int webhookAttempts,
		@DefaultValue("2s") @NotNull Duration webhookBackoff, @DefaultValue("5s") @NotNull Duration webhookTimeout) {

	public AlertProperties {
		if (webhookUrl != null && (webhookSecret == null || webhookSecret.isBlank())) {
			throw new IllegalArgumentException("chaingraph.alerts.webhook-url needs chaingraph.alerts.webhook-secret"
					+ " (the shared secret the body is signed with)");
		}
	}

}
