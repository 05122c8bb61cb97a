package io.chaingraph.importing;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How imports load ({@code chaingraph.import.*}), from the command line and over HTTP. Public for the
 * importing steps in their own packages. docs/configuration.md lists every setting with its environment
 * variable.
 *
 * @param batchSize rows per import transaction (--batch-size on the command line)
 * @param batchTimeout bound on one import transaction
 * @param writers threads writing an import's batches side by side while the next ones are read (1: one
 * batch at a time)
 * @param maxUploadSize largest upload to POST /api/imports (the zip, or all multipart files together);
 * larger: 413
 * @param maxDatasetSize largest dataset once unzipped (every entry's bytes as actually inflated, not as
 * the zip claims); larger: 413
 * @param queueSize uploads that may wait behind the running import (one import runs at a time); one
 * more: 409. 0: refuse every upload while one runs
 */
@ConfigurationProperties("chaingraph.import")
@Validated
public record ImportProperties(@DefaultValue("1000") @Min(1) int batchSize,
		@DefaultValue("120s") @NotNull Duration batchTimeout, @DefaultValue("2") @Min(1) int writers,
		@DefaultValue("100MB") @NotNull DataSize maxUploadSize, @DefaultValue("512MB") @NotNull DataSize maxDatasetSize,
		@DefaultValue("3") @Min(0) int queueSize) {
}
