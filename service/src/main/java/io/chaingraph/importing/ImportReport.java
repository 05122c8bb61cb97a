package io.chaingraph.importing;

import java.time.Duration;
import java.util.List;

import io.chaingraph.dataset.Problem;
import io.chaingraph.importing.load.FileSummary;
import io.chaingraph.importing.load.RowChange;
import io.chaingraph.importing.validate.NameVariant;

/**
 * The outcome of one import: validation problems, and (when it loaded or was a dry run) what each
 * file did to the graph.
 *
 * @param runId the ImportRun node's id; null when nothing was written (invalid dataset, dry run)
 * @param recovered ids of earlier runs found interrupted (killed half-way) and marked so
 * @param changes for a dry run, the first {@link #CHANGES_LISTED} records it would update, field by field
 * @param changesNotListed how many more records it would update
 * @param segmentProposals chain segments proposed after the import for enterprises without one
 */
public record ImportReport(String runId, String dataset, boolean dryRun, ImportStatus status, List<Problem> problems,
		List<FileSummary> files, List<NameVariant> nameVariants, Duration elapsed, List<String> recovered,
		List<RowChange> changes, long changesNotListed, int segmentProposals) {

	/** How many updated records a dry run lists (the rest are counted). */
	public static final int CHANGES_LISTED = 100;

	public ImportReport(String runId, String dataset, boolean dryRun, ImportStatus status, List<Problem> problems,
			List<FileSummary> files, List<NameVariant> nameVariants, Duration elapsed, List<String> recovered) {
		this(runId, dataset, dryRun, status, problems, files, nameVariants, elapsed, recovered, List.of(), 0);
	}

	public ImportReport(String runId, String dataset, boolean dryRun, ImportStatus status, List<Problem> problems,
			List<FileSummary> files, List<NameVariant> nameVariants, Duration elapsed, List<String> recovered,
			List<RowChange> changes, long changesNotListed) {
		this(runId, dataset, dryRun, status, problems, files, nameVariants, elapsed, recovered, changes,
				changesNotListed, 0);
	}

	public boolean hasErrors() {
		return this.problems.stream().anyMatch(Problem::isError);
	}

	public long errorCount() {
		return this.problems.stream().filter(Problem::isError).count();
	}

	public long warningCount() {
		return this.problems.size() - errorCount();
	}

	public long rows() {
		return this.files.stream().mapToLong(FileSummary::rows).sum();
	}

	/** True when the import changed nothing (a re-run of the same dataset). */
	public boolean unchanged() {
		return this.files.stream().allMatch(FileSummary::unchanged);
	}

}
