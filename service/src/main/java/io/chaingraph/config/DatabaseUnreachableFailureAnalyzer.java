package io.chaingraph.config;

import org.neo4j.driver.exceptions.ServiceUnavailableException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * The start-up needs the database (schema migrations, interrupted-import recovery): when the external
 * server cannot be reached the start fails fast with this message instead of a driver stack trace.
 */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<ServiceUnavailableException> {

	private final Environment environment;

	DatabaseUnreachableFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ServiceUnavailableException cause) {
		String uri = this.environment.getProperty("spring.neo4j.uri", "");
		String where = uri.isBlank() ? "the embedded Neo4j" : "the Neo4j server at " + uri + " (NEO4J_URI)";
		return new FailureAnalysis("The service could not start: " + where + " is unreachable: " + cause.getMessage(),
				"Start the database or correct NEO4J_URI, then start the service again. Once started, the "
						+ "service rides out database outages (health DOWN, SERVICE_UNAVAILABLE errors) and "
						+ "reconnects by itself.",
				cause);
	}

}
