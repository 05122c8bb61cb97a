package io.chaingraph.importing;

import java.util.List;

import io.chaingraph.dataset.Problem;
import io.chaingraph.importing.load.FileSummary;
import io.chaingraph.importing.load.RowChange;

/**
 * An import run as the API shows it (the :ImportRun node). Times are ISO-8601.
 *
 * @param actor who started it: the API token's name for an upload, {@code cli}, or {@code system}
 * @param queuePosition for an upload waiting its turn, its place in the queue (1 = next); else null
 * @param problems validation problems (errors and warnings)
 * @param report the text the import command prints for the same outcome (null until finished)
 * @param changes for a dry run: the first records it would update, field by field
 * @param changesNotListed for a dry run: how many more records it would update
 */
public record ImportRun(String id, String dataset, ImportStatus status, String started, String finished,
		List<String> checksums, long rows, long rowsDone, List<FileSummary> files, String error, String actor,
		boolean dryRun, Integer queuePosition, List<ImportProblem> problems, String report,
		List<ImportChange> changes, long changesNotListed) {

	/** A record a dry run would update: {@code text} is the line the import command prints. */
	public record ImportChange(String file, int line, String key, List<RowChange.FieldChange> fields, String text) {

		static ImportChange of(RowChange change) {
			return new ImportChange(change.file(), change.line(), change.key(), change.fields(), change.text());
		}

	}

	/** One validation problem; {@code text} is the line the import command prints. */
	public record ImportProblem(Problem.Severity severity, String file, int line, String column, String message,
			String text) {

		static ImportProblem of(Problem problem) {
			return new ImportProblem(problem.severity(), problem.file(), problem.line(), problem.column(),
					problem.message(), problem.format());
		}

	}

}
