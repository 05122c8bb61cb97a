package io.chaingraph.tools;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.chaingraph.bench.ClientProcess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The client process of {@code bench} (the headline figure timed from a separate JVM): started by the
 * benchmark itself, not by hand, so it is left out of the help.
 */
@Command(name = "bench-client", hidden = true,
		description = "Used by bench: times the driver and GraphQL over HTTP from a separate JVM.")
final class BenchClientCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "IN", description = "the cases (JSON, written by bench)")
	Path in;

	@Parameters(index = "1", paramLabel = "OUT", description = "where the timings go (JSON)")
	Path out;

	@Override
	public Integer call() throws Exception {
		return ClientProcess.run(this.in, this.out);
	}

}
