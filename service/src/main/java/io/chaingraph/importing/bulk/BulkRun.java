package io.chaingraph.importing.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.chaingraph.dataset.Problem;
import io.chaingraph.importing.validate.NameVariant;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bulk load between its two halves: the dataset validated and written as the batch importer's files
 * ({@code ImportService.prepareBulk}), and, once the importer has written the store, the run finished
 * on it ({@code ImportService.finishBulk}: empty lists, the import run's record and its audit entry).
 * Kept as {@value #FILE} beside the files, so that the second half can run in another process (after
 * {@code neo4j-admin database import} on an external server's store).
 *
 * @param started when validation started (ISO-8601)
 * @param checksums each dataset file's SHA-256, as the import run records them
 * @param rows the dataset's rows
 * @param problems the validation's warnings
 * @param files what the importer's files hold
 */
public record BulkRun(String runId, String dataset, String name, String started, List<String> checksums, long rows,
		List<Problem> problems, List<NameVariant> nameVariants, BulkFiles.Written files) {

	/** The name of the run's description beside the importer's files. */
	public static final String FILE = "bulk-run.json";

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	public void save(Path dir) {
		try {
			Files.writeString(dir.resolve(FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + dir.resolve(FILE), ex);
		}
	}

	public static BulkRun load(Path dir) {
		Path file = dir.resolve(FILE);
		try {
			return JSON.readValue(Files.readString(file), BulkRun.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file, ex);
		}
	}

}
