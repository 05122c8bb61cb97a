package io.chaingraph.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.chaingraph.audit.Actor;
import io.chaingraph.importing.ImportReport;
import io.chaingraph.importing.ImportService;
import io.chaingraph.importing.ReportPrinter;
import io.chaingraph.importing.read.DatasetSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

import org.springframework.context.ConfigurableApplicationContext;

@Command(name = "import", mixinStandardHelpOptions = true,
		description = { "Validate the dataset in DIR (format v1: parks.csv, enterprises.csv, ... or .jsonl) and load it",
				"into the configured database (embedded in chaingraph.data-dir, or NEO4J_URI).",
				"Invalid input: every problem as file:line: column: message, exit 1, nothing written." })
final class ImportCommand implements Callable<Integer> {

	@Parameters(paramLabel = "DIR", description = "the dataset folder")
	Path dir;

	@Option(names = "--dry-run", description = "validate and report what would change, write nothing")
	boolean dryRun;

	@Option(names = "--batch-size", paramLabel = "N", description = "rows per transaction (default 1000)")
	Integer batchSize;

	@Option(names = "--bulk", description = { "first load into an empty database with Neo4j's batch importer",
			"(the embedded database; with --to-csv, the importer's files for an external server)" })
	boolean bulk;

	@Option(names = "--to-csv", paramLabel = "OUT", description = { "with --bulk: write the batch importer's files into OUT",
			"and print the neo4j-admin command that loads them into a stopped server" })
	Path toCsv;

	@Option(names = "--bulk-finish", description = { "finish a bulk load after neo4j-admin wrote the store:",
			"DIR is the folder --to-csv wrote" })
	boolean bulkFinish;

	/** Spring properties such as --chaingraph.data-dir=/srv/chaingraph are passed to the application. */
	@Unmatched
	java.util.List<String> springArguments = new java.util.ArrayList<>();

	/** Where the report goes (the console unless {@link Cli#run(String[], PrintStream, PrintStream)} says otherwise). */
	PrintStream out = System.out;

	/** Where progress and problems go. */
	PrintStream err = System.err;

	@Override
	public Integer call() {
		if (this.bulk || this.bulkFinish || this.toCsv != null) {
			return new BulkLoad(this.springArguments, this.out, this.err).run(this.dir, this.bulk, this.toCsv,
					this.bulkFinish, this.dryRun || this.batchSize != null);
		}
		PrintStream out = this.out;
		PrintStream err = this.err;
		DatasetSource source;
		try {
			source = DatasetSource.fromDirectory(this.dir);
		}
		catch (RuntimeException ex) {
			err.println("chaingraph import: " + ex.getMessage());
			return 2;
		}
		ConfigurableApplicationContext context;
		try {
			context = JobContext.start(this.springArguments);
		}
		catch (RuntimeException ex) {
			err.println("chaingraph import: cannot open the database: " + JobContext.explain(ex));
			return 3;
		}
		try (context) {
			ImportService service = context.getBean(ImportService.class);
			ImportReport report = (this.batchSize != null)
					? service.run(source, this.dryRun, ConsoleProgress.create(err), this.batchSize, Actor.CLI)
					: service.run(source, this.dryRun, ConsoleProgress.create(err), Actor.CLI);
			ReportPrinter.print(report, out);
			if (!this.dryRun && !report.hasErrors()) {
				JobContext.recordGapHistory(context, err);
			}
			return report.hasErrors() ? 1 : 0;
		}
		catch (ImportService.ImportFailedException ex) {
			err.println("chaingraph import: " + ex.getMessage());
			err.println("  cause: " + JobContext.explain(ex));
			return 4;
		}
		catch (UncheckedIOException ex) {
			// a file of the dataset could not be read while it was validated (they are read when needed)
			err.println("chaingraph import: " + ex.getMessage() + " (" + ex.getCause() + "); nothing was written");
			return 2;
		}
	}

}
