package io.chaingraph.cli;

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
		return new CommandLine(new Root()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
	}

	@Command(name = "java -jar chaingraph.jar", mixinStandardHelpOptions = true,
			description = "Without a command: serve the GraphQL API on port 8080.",
			subcommands = { ImportCommand.class, IngestCommand.class, TemplateCommand.class, ReportCommand.class, CommandLine.HelpCommand.class })
	static final class Root {

	}

}
