package io.chaingraph.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The developer and operator tools that are not part of the service: the dataset generator, the
 * benchmark (and its client process) and the soak test. They run the service's code in-process (its
 * importer, its application context) or talk to a running service over HTTP and Bolt.
 */
public final class Tools {

	private Tools() {
	}

	public static void main(String[] args) {
		System.exit(run(args));
	}

	public static int run(String[] args) {
		return new CommandLine(new Root()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
	}

	@Command(name = "java -jar chaingraph-tools.jar", mixinStandardHelpOptions = true,
			description = "chaingraph's tools: generate datasets, benchmark, soak-test a running service.",
			subcommands = { GenerateCommand.class, BenchCommand.class, SoakCommand.class, BenchClientCommand.class,
					CommandLine.HelpCommand.class })
	static final class Root {

	}

}
