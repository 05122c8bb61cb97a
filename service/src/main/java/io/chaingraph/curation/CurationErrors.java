package io.chaingraph.curation;

import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.neo4j.driver.exceptions.ClientException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;

/**
 * Curation refusals as GraphQL errors: one BAD_REQUEST error per invalid field (with
 * {@code extensions.field}), CONFLICT for a stale version (with {@code expectedVersion} and
 * {@code currentVersion}), BAD_REQUEST for an id another writer took at the same moment.
 */
@Configuration(proxyBeanMethods = false)
class CurationErrors {

	/** A version conflict: the entity changed since the client read it. */
	static final ErrorClassification CONFLICT = ErrorClassification.errorClassification("CONFLICT");

	@Bean
	DataFetcherExceptionResolverAdapter curationErrorResolver() {
		return new DataFetcherExceptionResolverAdapter() {
			@Override
			protected List<GraphQLError> resolveToMultipleErrors(Throwable ex, DataFetchingEnvironment env) {
				if (ex instanceof CurationException.Invalid invalid) {
					return invalid.problems()
						.stream()
						.map(p -> GraphqlErrorBuilder.newError(env)
							.errorType(ErrorType.BAD_REQUEST)
							.message(p.field() + ": " + p.message())
							.extensions(Map.of("classification", ErrorType.BAD_REQUEST.name(), "field", p.field()))
							.build())
						.toList();
				}
				if (ex instanceof CurationException.Stale stale) {
					return List.of(GraphqlErrorBuilder.newError(env)
						.errorType(CONFLICT)
						.message(stale.getMessage())
						.extensions(Map.of("classification", "CONFLICT", "expectedVersion", stale.expected(),
								"currentVersion", stale.current()))
						.build());
				}
				if (ex instanceof ClientException client && client.code() != null
						&& client.code().contains("ConstraintValidationFailed")) {
					return List.of(GraphqlErrorBuilder.newError(env)
						.errorType(ErrorType.BAD_REQUEST)
						.message("id: an entity with this id was created at the same moment; ids are unique across all labels")
						.extensions(Map.of("classification", ErrorType.BAD_REQUEST.name(), "field", "id"))
						.build());
				}
				return null;
			}
		};
	}

}
