package io.chaingraph.assignment;

import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Chain assignment ({@code chaingraph.assignment.*}): after every committed import, enterprises without a
 * chain segment get one proposed by the rules tables (docs/importing.md, "Chain assignment").
 *
 * @param enabled false: no segment is proposed
 * @param rules the rules tables, in order: the one shipped for the sample chains, then any a user adds
 * ({@code file:/etc/chaingraph/segment-rules.csv})
 * @param maxPerRun most enterprises looked at after one import (the rest on the next)
 */
@ConfigurationProperties("chaingraph.assignment")
@Validated
public record AssignmentProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("classpath:assignment/segment-rules.csv") @NotNull List<Resource> rules,
		@DefaultValue("100000") @Min(1) int maxPerRun) {
}
