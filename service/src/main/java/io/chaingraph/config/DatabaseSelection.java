package io.chaingraph.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.util.StringUtils;

/** Points Spring Data Neo4j at {@code NEO4J_DATABASE}, or the server's default database when it is empty. */
@Configuration(proxyBeanMethods = false)
class DatabaseSelection {

	@Bean
	DatabaseSelectionProvider databaseSelectionProvider(DatabaseProperties properties) {
		String database = properties.database();
		return StringUtils.hasText(database) ? DatabaseSelectionProvider.createStaticDatabaseSelectionProvider(database)
				: DatabaseSelectionProvider.getDefaultSelectionProvider();
	}

}
