package io.chaingraph.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import io.chaingraph.cli.Cli;

/**
 * A command of the service jar ({@code import DIR …}) run in the test's own JVM, its output captured: what
 * {@code java -jar chaingraph.jar ARGS…} does, without starting another JVM. The tests that need the
 * packaged jar itself (a kill, the jar's class path) use {@link JarProcess}; the others use this, which
 * saves a JVM start and its warm-up per run.
 *
 * @param exitCode the command's exit status
 * @param output what it printed (report, progress and problems, one stream)
 */
public record CliRun(int exitCode, String output) {

	/**
	 * Runs {@code args} as the service jar's command line. One at a time: each run starts an application
	 * context of its own, which sets the JVM's logging levels.
	 */
	public static synchronized CliRun of(String... args) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
			int exit = Cli.run(args, stream, stream);
			return new CliRun(exit, bytes.toString(StandardCharsets.UTF_8));
		}
	}

	@Override
	public String toString() {
		return this.output;
	}

}
