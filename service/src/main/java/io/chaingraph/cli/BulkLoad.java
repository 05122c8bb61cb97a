package io.chaingraph.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.chaingraph.audit.Actor;
import io.chaingraph.config.DatabaseProperties;
import io.chaingraph.config.EmbeddedNeo4j;
import io.chaingraph.importing.ImportReport;
import io.chaingraph.importing.ImportService;
import io.chaingraph.importing.ReportPrinter;
import io.chaingraph.importing.bulk.BulkImporter;
import io.chaingraph.importing.bulk.BulkRun;
import io.chaingraph.importing.read.DatasetSource;
import org.neo4j.configuration.GraphDatabaseSettings;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.StringUtils;

/**
 * {@code import DIR --bulk}: a first load with Neo4j's batch importer (docs/importing.md, "Bulk first
 * load"). Embedded: the service opens the database to check that it is empty and to validate, closes
 * it, the importer writes a new store in its place, and the service starts on that store (applying the
 * schema migrations) to finish the run. With {@code --to-csv OUT} it stops after writing the importer's
 * files and prints the offline command for a server's store; {@code import OUT --bulk-finish} finishes
 * the run once the server is back.
 */
final class BulkLoad {

	/** Exit code of a bulk load refused because the database holds something already. */
	static final int NOT_EMPTY = 5;

	private final List<String> springArguments;

	private final PrintStream out;

	private final PrintStream err;

	BulkLoad(List<String> springArguments, PrintStream out, PrintStream err) {
		this.springArguments = springArguments;
		this.out = out;
		this.err = err;
	}

	int run(Path dir, boolean bulk, Path toCsv, boolean finish, boolean transactionalOptions) {
		if (finish && (bulk || toCsv != null)) {
			return refuse("--bulk-finish 单独使用，DIR 为 --to-csv 写出的目录 --bulk-finish goes alone, DIR being the folder "
					+ "--to-csv wrote");
		}
		if (!finish && !bulk) {
			return refuse("--to-csv 需要 --bulk --to-csv needs --bulk");
		}
		if (transactionalOptions) {
			return refuse("--dry-run 和 --batch-size 不适用于 --bulk --dry-run and --batch-size do not apply to --bulk");
		}
		return finish ? finish(dir) : load(dir, toCsv);
	}

	private int load(Path dir, Path toCsv) {
		long started = System.nanoTime();
		DatasetSource source;
		try {
			source = DatasetSource.fromDirectory(dir);
		}
		catch (RuntimeException ex) {
			return refuse(ex.getMessage());
		}
		ConfigurableApplicationContext context = start();
		if (context == null) {
			return 3;
		}
		BulkRun run;
		Path home;
		String database;
		Path files;
		try (context) {
			EmbeddedNeo4j embedded = context.getBeanProvider(EmbeddedNeo4j.class).getIfAvailable();
			if (embedded == null && toCsv == null) {
				return refuse("外部数据库（NEO4J_URI）的存储只能离线写入：请用 --to-csv OUT 写出导入文件 "
						+ "an external server's store (NEO4J_URI) is written offline: write the importer's files with "
						+ "--to-csv OUT and run the neo4j-admin command it prints");
			}
			String configured = context.getBean(DatabaseProperties.class).database();
			database = StringUtils.hasText(configured) ? configured : GraphDatabaseSettings.DEFAULT_DATABASE_NAME;
			home = (embedded != null) ? embedded.home() : null;
			files = (toCsv != null) ? toCsv.toAbsolutePath() : Files.createTempDirectory(home, "bulk-import-");
			ImportService.BulkPrepared prepared = context.getBean(ImportService.class).prepareBulk(source, files);
			if (prepared.invalid() != null) {
				ReportPrinter.print(prepared.invalid(), this.out);
				if (toCsv == null) {
					delete(files);
				}
				return 1;
			}
			run = prepared.run();
		}
		catch (ImportService.NotEmptyException ex) {
			this.err.println("chaingraph import: " + ex.getMessage());
			return NOT_EMPTY;
		}
		catch (UncheckedIOException ex) {
			this.err.println("chaingraph import: " + ex.getMessage() + " (" + ex.getCause() + "); nothing was written");
			return 2;
		}
		catch (IOException ex) {
			this.err.println("chaingraph import: cannot create a folder for the importer's files: " + ex);
			return 2;
		}
		if (toCsv != null) {
			printOfflineCommands(run, database, toCsv);
			return 0;
		}
		// the database is closed: the importer writes a new store in its place
		this.err.printf("已验证 Validated, the importer's files written in %.1f s%n", seconds(started));
		this.err.println("批量导入 Bulk import: " + run.files().nodeCount() + " nodes, " + run.files().relationshipCount()
				+ " relationships → " + home + " (" + database + ")");
		long importing = System.nanoTime();
		BulkImporter.Outcome outcome = BulkImporter.run(home, database, run.files(), null);
		if (!outcome.succeeded()) {
			this.err.println(outcome.output());
			this.err.println("chaingraph import: 批量导入失败 the batch importer failed (its output above); the database "
					+ "in " + home + " may be incomplete: run the same command again to replace it");
			delete(files);
			return 4;
		}
		outcome.summary().forEach(line -> this.err.println("  " + line));
		this.err.printf("批量导入完成 The batch importer wrote the store in %.1f s%n", seconds(importing));
		delete(files);
		return finishOn(run, started);
	}

	private int finish(Path dir) {
		BulkRun run;
		try {
			run = BulkRun.load(dir);
		}
		catch (RuntimeException ex) {
			return refuse(ex.getMessage());
		}
		return finishOn(run, System.nanoTime());
	}

	/**
	 * Starts the service on the written store (migrations) and records the run; the report's time runs
	 * from {@code started} (the command's start) to the run recorded.
	 */
	private int finishOn(BulkRun run, long started) {
		long starting = System.nanoTime();
		ConfigurableApplicationContext context = start();
		if (context == null) {
			return 3;
		}
		this.err.printf("已启动 Started on the new store (schema migrations, indexes populated) in %.1f s%n",
				seconds(starting));
		try (context) {
			ImportReport report = context.getBean(ImportService.class).finishBulk(run, Actor.CLI,
					Duration.ofNanos(System.nanoTime() - started));
			ReportPrinter.print(report, this.out);
			JobContext.recordGapHistory(context, this.err);
			return 0;
		}
		catch (RuntimeException ex) {
			this.err.println("chaingraph import: " + ex.getMessage());
			return 4;
		}
	}

	private void printOfflineCommands(BulkRun run, String database, Path toCsv) {
		this.out.println("批量导入文件已写入 The batch importer's files are in " + toCsv.toAbsolutePath() + " ("
				+ run.files().nodeCount() + " nodes, " + run.files().relationshipCount() + " relationships).");
		this.out.println("停止 Neo4j 服务器后运行 With the Neo4j server stopped, run on its machine:");
		this.out.println();
		this.out.println("  neo4j-admin database import full " + database + " "
				+ String.join(" ", BulkImporter.arguments(run.files(), true).stream().map(BulkLoad::shellQuoted).toList()));
		this.out.println();
		this.out.println("再启动服务器并运行 then start the server and run (NEO4J_URI set as for this command):");
		this.out.println();
		this.out.println("  java -jar chaingraph.jar import " + shellQuoted(toCsv.toAbsolutePath().toString()) + " --bulk-finish");
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static String shellQuoted(String argument) {
		return argument.matches("[A-Za-z0-9_./=:+,-]+") ? argument : "'" + argument.replace("'", "'\\''") + "'";
	}

	private ConfigurableApplicationContext start() {
		try {
			return JobContext.start(this.springArguments);
		}
		catch (RuntimeException ex) {
			this.err.println("chaingraph import: cannot open the database: " + JobContext.explain(ex));
			return null;
		}
	}

	private int refuse(String message) {
		this.err.println("chaingraph import: " + message);
		return 2;
	}

	private static void delete(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary folder left behind is harmless
		}
	}

}
