package io.chaingraph.importing;

import java.util.List;

/** An import run as the API shows it (the :ImportRun node). Times are ISO-8601. */
public record ImportRun(String id, String dataset, ImportStatus status, String started, String finished,
		List<String> checksums, long rows, long rowsDone, List<FileSummary> files, String error) {
}
