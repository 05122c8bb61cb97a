package io.chaingraph.gap;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Gap history: snapshots of the parks' gap reports after every committed write ({@link GapSnapshots});
 * docs/configuration.md lists every setting with its environment variable.
 *
 * @param poll how often the audit trail is read for new committed writes (one indexed read); 0: no
 * snapshots are taken
 * @param keep snapshots kept per park and chain, newest first; older ones are deleted
 * @param listedEnterprises enterprises named per snapshot as having come to or left the park (the
 * totals are kept whatever their number)
 */
@ConfigurationProperties("chaingraph.gap-history")
@Validated
public record GapHistoryProperties(@DefaultValue("1s") @NotNull Duration poll, @DefaultValue("1000") @Min(1) int keep,
		@DefaultValue("200") @Min(0) int listedEnterprises) {
}
