package io.chaingraph.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Dispatches sub-commands ({@code import DIR}, ...) that run a job and exit instead of serving. */
public final class Cli {

	static final Set<String> COMMANDS = Set.of("import", "ingest", "template", "report", "help", "-h", "--help", "-V", "--version");

	private Cli() {
	}

	public static boolean isCommand(String[] args) {
		return args.length > 0 && COMMANDS.contains(args[0]);
	}

	public static int run(String[] args) {
		return commandLine().execute(args);
	}

	/**
	 * Runs a command in this JVM with its output going to {@code out} and {@code err} instead of the console:
	 * for a program (or test) that imports without starting another JVM.
	 */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		CommandLine cli = commandLine();
		ImportCommand imports = cli.getSubcommands().get("import").getCommand();
		imports.out = out;
		imports.err = err;
		cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
		cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
		return cli.execute(args);
	}

	private static CommandLine commandLine() {
		return new CommandLine(new Root()).setCaseInsensitiveEnumValuesAllowed(true);
	}

	@Command(name = "java -jar chaingraph.jar", mixinStandardHelpOptions = true,
			description = "Without a command: serve the GraphQL API on port 8080.",
			subcommands = { ImportCommand.class, IngestCommand.class, TemplateCommand.class, ReportCommand.class, CommandLine.HelpCommand.class })
	static final class Root {

	}

}
