package io.chaingraph.config;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.AuthenticationException;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start refused by the external server's authentication explains itself: the URI, the user and the
 * settings to correct (NEO4J_USERNAME, NEO4J_PASSWORD), never the password. The real refusal by a Neo4j
 * server with a password is in {@code Neo4jServerContainerIT}.
 */
class DatabaseAuthenticationFailureAnalyzerTest {

	@Test
	void aRefusedPasswordNamesTheServerTheUserAndTheSettingsButNotThePassword() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.neo4j.uri", "bolt://db.example:7687")
			.withProperty("spring.neo4j.authentication.username", "chaingraph")
			.withProperty("spring.neo4j.authentication.password", "s3cret-value");
		AuthenticationException refused = new AuthenticationException("Neo.ClientError.Security.Unauthorized",
				"The client is unauthorized due to authentication failure.");

		FailureAnalysis analysis = new DatabaseAuthenticationFailureAnalyzer(environment)
			.analyze(new BeanCreationException("schemaMigrations", "migrations failed", refused));

		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).isEqualTo("The service could not start: the Neo4j server at "
				+ "bolt://db.example:7687 (NEO4J_URI) refused the user name or password: user 'chaingraph' "
				+ "(NEO4J_USERNAME) with the password in NEO4J_PASSWORD: The client is unauthorized due to "
				+ "authentication failure.");
		assertThat(analysis.getAction()).contains("NEO4J_USERNAME", "NEO4J_PASSWORD");
		assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("s3cret-value");
	}

	@Test
	void otherFailuresAreLeftToTheOtherAnalyzers() {
		assertThat(new DatabaseAuthenticationFailureAnalyzer(new MockEnvironment())
			.analyze(new IllegalStateException("something else"))).isNull();
	}

}
