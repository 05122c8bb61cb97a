package io.chaingraph.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a taken Bolt port into a start-up message that names the setting to change. */
class BoltPortInUseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedNeo4j.BoltPortInUseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedNeo4j.BoltPortInUseException cause) {
		return new FailureAnalysis(
				"The embedded Neo4j could not start: " + cause.getMessage() + " (another Neo4j or chaingraph running?).",
				"Stop the other process, or choose another port with chaingraph.embedded.bolt-port "
						+ "(environment variable CHAINGRAPH_BOLT_PORT; 0 picks a free port), "
						+ "or point NEO4J_URI at an existing Neo4j server.",
				cause);
	}

}
