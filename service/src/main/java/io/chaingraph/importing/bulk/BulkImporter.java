package io.chaingraph.importing.bulk;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.neo4j.cli.ExecutionContext;
import org.neo4j.importer.ImportCommand;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import picocli.CommandLine;

/**
 * Neo4j's batch importer ({@code org.neo4j:neo4j-import-tool}, the engine of
 * {@code neo4j-admin database import full}), run in this process on the files {@link BulkFiles}
 * wrote. It writes a new store for one database under a Neo4j home (the embedded database's
 * {@code chaingraph.data-dir}); nothing may have that database open meanwhile. Community's importer
 * builds only the token lookup indexes: constraints and the other indexes are the schema migrations',
 * applied when the service next starts on the store.
 */
public final class BulkImporter {

	private BulkImporter() {
	}

	/** What the importer said, and whether it succeeded. */
	public record Outcome(boolean succeeded, String output) {

		/** The importer's closing lines (what it imported, its peak memory). */
		public List<String> summary() {
			List<String> lines = new ArrayList<>();
			boolean done = false;
			for (String line : this.output.split("\n")) {
				done |= line.startsWith("IMPORT DONE");
				if (done && !line.isBlank()) {
					lines.add(line.strip());
				}
			}
			return lines;
		}

	}

	/**
	 * The importer's arguments after the database name, the same for this process and for
	 * {@code neo4j-admin database import full}. {@code overwrite}: replace the database's store
	 * (a first start of the service creates an empty one).
	 */
	public static List<String> arguments(BulkFiles.Written files, boolean overwrite) {
		List<String> arguments = new ArrayList<>();
		files.nodes().forEach(file -> arguments.add("--nodes=" + file));
		files.relationships().forEach(file -> arguments.add("--relationships=" + file));
		arguments.add("--array-delimiter=" + BulkFiles.ARRAY_DELIMITER_NAME);
		// its report of bad entries (none: the dataset was validated) beside the files, not in the working directory
		if (!files.nodes().isEmpty()) {
			arguments.add("--report-file=" + Path.of(files.nodes().get(0)).resolveSibling("import.report"));
		}
		if (files.multiline()) {
			arguments.add("--multiline-fields=true");
		}
		if (overwrite) {
			arguments.add("--overwrite-destination=true");
		}
		return arguments;
	}

	/**
	 * Writes {@code database}'s store under {@code home} from {@code files}, replacing what is there.
	 * The importer's progress goes to {@code progress} (null: kept in the outcome only).
	 */
	public static Outcome run(Path home, String database, BulkFiles.Written files, PrintStream progress) {
		Path absoluteHome = home.toAbsolutePath().normalize();
		Path conf = absoluteHome.resolve("conf");
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		try (PrintStream out = new PrintStream(new Tee(buffer, progress), true, StandardCharsets.UTF_8)) {
			Files.createDirectories(conf);
			List<String> arguments = new ArrayList<>();
			arguments.add(database);
			arguments.addAll(arguments(files, true));
			int exit = new CommandLine(new ImportCommand.Full(
					new ExecutionContext(absoluteHome, conf, out, out, new DefaultFileSystemAbstraction())))
				.execute(arguments.toArray(String[]::new));
			out.flush();
			return new Outcome(exit == 0, buffer.toString(StandardCharsets.UTF_8));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException("cannot create " + conf, ex);
		}
	}

	/** Copies the importer's output to a buffer and, if given, to a progress stream. */
	private static final class Tee extends java.io.OutputStream {

		private final java.io.OutputStream first;

		private final java.io.OutputStream second;

		Tee(java.io.OutputStream first, java.io.OutputStream second) {
			this.first = first;
			this.second = second;
		}

		@Override
		public void write(int b) throws java.io.IOException {
			this.first.write(b);
			if (this.second != null) {
				this.second.write(b);
			}
		}

		@Override
		public void write(byte[] b, int off, int len) throws java.io.IOException {
			this.first.write(b, off, len);
			if (this.second != null) {
				this.second.write(b, off, len);
			}
		}

		@Override
		public void flush() throws java.io.IOException {
			this.first.flush();
			if (this.second != null) {
				this.second.flush();
			}
		}

	}

}
