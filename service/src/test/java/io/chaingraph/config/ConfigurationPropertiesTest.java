package io.chaingraph.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.chaingraph.importing.ImportProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration records bound the way the service binds them: with application.yml, whose
 * environment-variable mappings give empty values when the variables are unset.
 */
class ConfigurationPropertiesTest {

	@Configuration(proxyBeanMethods = false)
	@ConfigurationPropertiesScan("io.chaingraph")
	static class Records {

	}

	private static ApplicationContextRunner runner(Map<String, Object> variables) {
		return new ApplicationContextRunner().withUserConfiguration(Records.class)
			.withInitializer(context -> withApplicationYml(context, variables));
	}

	private static void withApplicationYml(ConfigurableApplicationContext context, Map<String, Object> variables) {
		try {
			var sources = context.getEnvironment().getPropertySources();
			sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
			sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
			new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
				.forEach(sources::addLast);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void unsetVariablesLeaveTheDefaults() {
		runner(Map.of()).run(context -> {
			assertThat(context).hasNotFailed();
			DatabaseProperties database = context.getBean(DatabaseProperties.class);
			assertThat(database.database()).isEmpty();
			assertThat(database.dataDir().normalize()).isEqualTo(Path.of("data"));
			assertThat(database.sampleData()).isTrue();
			assertThat(database.embedded().boltAddress()).isEqualTo("127.0.0.1");
			assertThat(database.embedded().boltPort()).isEqualTo(7687);
			assertThat(database.embedded().pageCache()).isEqualTo(DataSize.ofMegabytes(512));
			QueryProperties query = context.getBean(QueryProperties.class);
			assertThat(query.query().timeout()).isEqualTo(Duration.ofSeconds(10));
			assertThat(query.query().maxDepth()).isEqualTo(10);
			assertThat(query.query().maxNodes()).isEqualTo(5000);
			assertThat(query.query().maxFirst()).isEqualTo(1000);
			assertThat(query.graphql().maxRequestSize()).isEqualTo(DataSize.ofKilobytes(256));
			assertThat(query.graphql().maxNesting()).isEqualTo(15);
			assertThat(query.graphql().maxCost()).isEqualTo(20000);
			assertThat(query.graphql().maxConcurrent()).isZero();
			assertThat(query.graphql().documentCache()).isEqualTo(1000);
			ImportProperties imports = context.getBean(ImportProperties.class);
			assertThat(imports.batchSize()).isEqualTo(1000);
			assertThat(imports.queueSize()).isEqualTo(3);
		});
	}

	@Test
	void documentedVariablesSetTheirProperties() {
		runner(Map.of("CHAINGRAPH_MAX_DEPTH", "12", "CHAINGRAPH_BOLT_ADDRESS", "0.0.0.0", "CHAINGRAPH_PAGE_CACHE", "64MB",
				"CHAINGRAPH_IMPORT_BATCH_SIZE", "50", "NEO4J_DATABASE", "graph"))
			.run(context -> {
				assertThat(context.getBean(QueryProperties.class).query().maxDepth()).isEqualTo(12);
				DatabaseProperties database = context.getBean(DatabaseProperties.class);
				assertThat(database.embedded().boltAddress()).isEqualTo("0.0.0.0");
				assertThat(database.embedded().pageCache()).isEqualTo(DataSize.ofMegabytes(64));
				assertThat(database.database()).isEqualTo("graph");
				assertThat(context.getBean(ImportProperties.class).batchSize()).isEqualTo(50);
			});
	}

	@Test
	void aValueOutOfItsBoundsStopsTheStartNamingTheSetting() {
		runner(Map.of("CHAINGRAPH_MAX_DEPTH", "30")).run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("chaingraph")
				.hasMessageContaining("query.maxDepth")
				.hasMessageContaining("rejected value [30]")
				.hasMessageContaining("less than or equal to 25");
		});
		runner(Map.of("CHAINGRAPH_IMPORT_WRITERS", "0")).run(context -> assertThat(context.getStartupFailure())
			.rootCause()
			.hasMessageContaining("chaingraph.import")
			.hasMessageContaining("writers")
			.hasMessageContaining("greater than or equal to 1"));
	}

}
