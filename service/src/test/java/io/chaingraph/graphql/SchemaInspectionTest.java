package io.chaingraph.graphql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import graphql.schema.FieldCoordinates;
import io.chaingraph.config.GraphQlConfiguration;
import io.chaingraph.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;
import org.springframework.graphql.execution.DefaultBatchLoaderRegistry;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.execution.SchemaReport;
import org.springframework.stereotype.Controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Schema inspection is strict: the application's schema and controllers agree, and a schema field
 * with nothing behind it stops the GraphQL set-up (and so the start-up) with a report naming it. The
 * GraphQlSource is built here as Spring Boot builds it at start-up: the application's schema files,
 * its controllers (runtime wiring) and its builder customizers, among them the strict inspection.
 */
class SchemaInspectionTest extends IntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	ObjectProvider<RuntimeWiringConfigurer> wiring;

	@Autowired
	ObjectProvider<GraphQlSourceBuilderCustomizer> customizers;

	GraphQlSource build(String... extraSchema) throws IOException {
		List<Resource> schema = new ArrayList<>(
				Arrays.asList(new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls")));
		assertThat(schema).hasSizeGreaterThanOrEqualTo(9);
		for (int i = 0; i < extraSchema.length; i++) {
			String name = "extra" + i + ".graphqls";
			schema.add(new ByteArrayResource(extraSchema[i].getBytes(StandardCharsets.UTF_8), name) {
				@Override
				public String getFilename() {
					return name;
				}
			});
		}
		GraphQlSource.SchemaResourceBuilder builder = GraphQlSource.schemaResourceBuilder()
			.schemaResources(schema.toArray(Resource[]::new))
			.configureRuntimeWiring(controllers());
		this.wiring.orderedStream()
			.filter(configurer -> !(configurer instanceof AnnotatedControllerConfigurer))
			.forEach(builder::configureRuntimeWiring);
		this.customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
		return builder.build();
	}

	/**
	 * The application's controllers, wired by a fresh configurer: it registers their batch loaders in a
	 * registry of its own, so the running application's registry is left as it is.
	 */
	private AnnotatedControllerConfigurer controllers() {
		GenericApplicationContext scope = new GenericApplicationContext(this.context);
		this.context.getBeansWithAnnotation(Controller.class).forEach(scope.getBeanFactory()::registerSingleton);
		scope.getBeanFactory().registerSingleton("batchLoaderRegistry", new DefaultBatchLoaderRegistry());
		scope.refresh();
		AnnotatedControllerConfigurer configurer = new AnnotatedControllerConfigurer();
		configurer.setApplicationContext(scope);
		configurer.afterPropertiesSet();
		return configurer;
	}

	@Test
	void theApplicationsSchemaIsFullyMapped() throws IOException {
		assertThat(build().schema().getQueryType().getFieldDefinition("park")).isNotNull();
		SchemaReport report = GraphQlConfiguration.LAST_REPORT.get();
		assertThat(report.unmappedFields()).isEmpty();
		assertThat(report.unmappedRegistrations()).isEmpty();
		assertThat(report.unmappedArguments()).isEmpty();
	}

	@Test
	void aFieldWithoutJavaPropertyStopsTheSetUp() {
		assertThatIllegalStateException().isThrownBy(() -> build("extend type Park { founded: Int }"))
			.withMessageStartingWith("GraphQL schema and controllers disagree")
			.withMessageContaining("Park")
			.withMessageContaining("founded");
		assertThat(GraphQlConfiguration.LAST_REPORT.get().unmappedFields())
			.containsExactly(FieldCoordinates.coordinates("Park", "founded"));
	}

	@Test
	void aQueryWithoutControllerMethodStopsTheSetUp() {
		assertThatIllegalStateException()
			.isThrownBy(() -> build("extend type Query { parkByName(name: String!): Park }",
					"extend type Enterprise { rating: Float }"))
			.withMessageContaining("parkByName")
			.withMessageContaining("rating");
		assertThat(GraphQlConfiguration.LAST_REPORT.get().unmappedFields()).containsExactlyInAnyOrder(
				FieldCoordinates.coordinates("Query", "parkByName"), FieldCoordinates.coordinates("Enterprise", "rating"));
	}

}
