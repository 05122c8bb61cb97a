package io.chaingraph.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.chaingraph.ChaingraphApplication;
import io.chaingraph.gap.GapSnapshots;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The application without its web server, for command-line jobs. */
final class JobContext {

	private JobContext() {
	}

	static ConfigurableApplicationContext start(List<String> arguments) {
		// As command-line properties they beat application.yml; the user's own arguments win.
		Map<String, String> defaults = new LinkedHashMap<>();
		defaults.put("chaingraph.sample-data", "false");
		// A job must not fight a running service for the Bolt port; it only needs the data dir.
		defaults.put("chaingraph.embedded.bolt-port", "0");
		defaults.put("logging.level.root", "WARN");
		defaults.put("spring.main.log-startup-info", "false");
		defaults.put("spring.graphql.schema.inspection.enabled", "false");
		// A job takes the gap history's snapshots of its own writes before it ends (recordGapHistory), not
		// on a background thread that may or may not get to them before the process exits.
		defaults.put("chaingraph.gap-history.poll", "0");
		List<String> args = new ArrayList<>(arguments);
		defaults.forEach((key, value) -> {
			if (arguments.stream().noneMatch(a -> a.startsWith("--" + key + "="))) {
				args.add("--" + key + "=" + value);
			}
		});
		return new SpringApplicationBuilder(ChaingraphApplication.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.run(args.toArray(String[]::new));
	}

	/**
	 * The gap history of what the job wrote (docs/design.md, "Gap history"): the snapshots of the parks its
	 * committed writes touched, taken now, so that a job's run is in the history whether or not a service
	 * ever reads the audit trail soon enough. A failure here loses no data (the write has committed): it is
	 * reported, and a running service's next start reads the changes back again.
	 */
	static void recordGapHistory(ConfigurableApplicationContext context, PrintStream err) {
		try {
			GapSnapshots.Written written = context.getBean(GapSnapshots.class).catchUp();
			err.println("缺口历史 Gap history: " + written.snapshots() + " 个快照 snapshots of the parks' gap reports");
		}
		catch (RuntimeException ex) {
			err.println("缺口历史未记录 Gap history not recorded (the import itself is committed): " + explain(ex));
		}
	}

	/** A start-up failure as one line a person can act on. */
	static String explain(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			String message = String.valueOf(t.getMessage());
			if (message.contains("lock") && (message.contains("store") || message.contains("database")
					|| message.contains("Lock file"))) {
				return "the database in chaingraph.data-dir is in use by another process (a running chaingraph?). "
						+ "Stop it, or import through it with NEO4J_URI=bolt://127.0.0.1:7687.";
			}
			if (t instanceof org.neo4j.driver.exceptions.ServiceUnavailableException) {
				return "cannot reach the Neo4j server: " + message;
			}
			if (t instanceof org.neo4j.driver.exceptions.AuthenticationException) {
				return "the Neo4j server refused the user name or password (NEO4J_USERNAME, NEO4J_PASSWORD): " + message;
			}
		}
		Throwable root = failure;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
