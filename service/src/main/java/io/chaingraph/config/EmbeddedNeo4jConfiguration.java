package io.chaingraph.config;

import java.net.URI;

import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts Neo4j in-process when no external database is configured ({@code NEO4J_URI} /
 * {@code spring.neo4j.uri} empty) and hands Spring Boot's driver auto-configuration its Bolt URI.
 * Bean dependencies make Spring close the driver before it stops the database.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedNeo4jConfiguration.NoExternalDatabase.class)
class EmbeddedNeo4jConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedNeo4j embeddedNeo4j(DatabaseProperties database, QueryProperties query) {
		DatabaseProperties.Embedded embedded = database.embedded();
		return EmbeddedNeo4j.start(database.dataDir(), embedded.boltAddress(), embedded.boltPort(),
				embedded.pageCache().toBytes(), query.query().timeout());
	}

	@Bean
	Neo4jConnectionDetails embeddedNeo4jConnectionDetails(EmbeddedNeo4j embeddedNeo4j) {
		URI uri = embeddedNeo4j.boltUri();
		return new Neo4jConnectionDetails() {
			@Override
			public URI getUri() {
				return uri;
			}
		};
	}

	static final class NoExternalDatabase implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.neo4j.uri"));
		}

	}

}
