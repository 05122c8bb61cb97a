package io.chaingraph.cli;

import java.util.Set;

/** Dispatches sub-commands ({@code import}, ...) that run a job and exit instead of serving. */
public final class Cli {

	private static final Set<String> COMMANDS = Set.of();

	private Cli() {
	}

	public static boolean isCommand(String[] args) {
		return args.length > 0 && COMMANDS.contains(args[0]);
	}

	public static int run(String[] args) {
		return 2;
	}

}
