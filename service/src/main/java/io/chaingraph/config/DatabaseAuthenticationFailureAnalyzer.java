package io.chaingraph.config;

import org.neo4j.driver.exceptions.AuthenticationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * The external server refused the service's user name or password at start-up (the schema migrations
 * are the first statements): the start fails with this message, naming the settings to correct, instead
 * of a driver stack trace. The password itself is never printed.
 */
class DatabaseAuthenticationFailureAnalyzer extends AbstractFailureAnalyzer<AuthenticationException> {

	private final Environment environment;

	DatabaseAuthenticationFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, AuthenticationException cause) {
		String uri = this.environment.getProperty("spring.neo4j.uri", "");
		String user = this.environment.getProperty("spring.neo4j.authentication.username", "neo4j");
		String where = uri.isBlank() ? "the embedded Neo4j" : "the Neo4j server at " + uri + " (NEO4J_URI)";
		return new FailureAnalysis("The service could not start: " + where + " refused the user name or password: user '"
				+ user + "' (NEO4J_USERNAME) with the password in NEO4J_PASSWORD: " + cause.getMessage(),
				"Set NEO4J_USERNAME and NEO4J_PASSWORD to a user of that server and its password, then start the "
						+ "service again.",
				cause);
	}

}
