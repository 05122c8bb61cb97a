package io.chaingraph.config;

import java.util.concurrent.atomic.AtomicReference;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.chaingraph.common.Cursors;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.EncodingCursorStrategy;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SchemaReport;

/**
 * Schema-first GraphQL: the start-up fails when a schema field has no controller method or Java
 * property behind it (or a controller maps a field the schema lacks), and errors reach the client
 * as GraphQL errors with a classification, never as stack traces.
 */
@Configuration(proxyBeanMethods = false)
public class GraphQlConfiguration {

	private static final Logger log = LoggerFactory.getLogger(GraphQlConfiguration.class);

	/** Classification of a request that failed because the database cannot be reached. */
	public static final ErrorClassification SERVICE_UNAVAILABLE = ErrorClassification
		.errorClassification("SERVICE_UNAVAILABLE");

	/**
	 * Classification of a request stopped at {@code chaingraph.query.timeout}: the query was valid, the
	 * service is fine, asking for less (a smaller depth, limit or park) may answer in time.
	 */
	public static final ErrorClassification TIMEOUT = ErrorClassification.errorClassification("TIMEOUT");

	static final String DATABASE_UNREACHABLE = "The graph database is unreachable; try again shortly "
			+ "(the service reconnects by itself when it is back).";

	/** The last schema inspection report; tests read it. */
	public static final AtomicReference<SchemaReport> LAST_REPORT = new AtomicReference<>();

	@Bean
	GraphQlSourceBuilderCustomizer strictSchemaInspection() {
		return builder -> builder.inspectSchemaMappings(report -> {
			LAST_REPORT.set(report);
			if (!report.unmappedFields().isEmpty() || !report.unmappedRegistrations().isEmpty()
					|| !report.unmappedArguments().isEmpty()) {
				throw new IllegalStateException("GraphQL schema and controllers disagree: " + report);
			}
			log.debug("{}", report);
		});
	}

	/**
	 * The cursors of every list (see {@link Cursors}); it takes the place of Spring Boot's default strategy,
	 * which encodes alike but reports an unreadable cursor as an internal error.
	 */
	@Bean
	EncodingCursorStrategy<ScrollPosition> cursorStrategy() {
		return Cursors.strategy();
	}

	@Bean
	DataFetcherExceptionResolverAdapter graphQlErrors(QueryProperties properties) {
		java.time.Duration timeout = properties.query().timeout();
		return new DataFetcherExceptionResolverAdapter() {
			@Override
			protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
				if (ex instanceof io.chaingraph.common.NotFoundException) {
					return error(env, ErrorType.NOT_FOUND, ex.getMessage());
				}
				if (ex instanceof IllegalArgumentException) {
					return error(env, ErrorType.BAD_REQUEST, ex.getMessage());
				}
				Throwable unreachable = databaseUnreachable(ex);
				if (unreachable != null) {
					log.warn("Database unreachable while resolving {}: {}", env.getField().getName(),
							unreachable.getMessage());
					return GraphqlErrorBuilder.newError(env)
						.errorType(SERVICE_UNAVAILABLE)
						.message(DATABASE_UNREACHABLE)
						.build();
				}
				if (ex instanceof RequestTimeoutException) {
					return error(env, TIMEOUT, ex.getMessage());
				}
				if (ex instanceof ClientException client && client.code() != null
						&& client.code().contains("TransactionTimedOut")) {
					return error(env, TIMEOUT, RequestTimeoutException.message(timeout));
				}
				return null;
			}
		};
	}

	/**
	 * The driver's lost-connection failures ({@link ServiceUnavailableException}, including a refused or
	 * timed-out connection, and {@link SessionExpiredException}) anywhere in the cause chain (Spring's
	 * exception translation wraps them), or null.
	 */
	static Throwable databaseUnreachable(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof ServiceUnavailableException || t instanceof SessionExpiredException) {
				return t;
			}
		}
		return null;
	}

	private static GraphQLError error(DataFetchingEnvironment env, ErrorClassification type, String message) {
		return GraphqlErrorBuilder.newError(env).errorType(type).message(message).build();
	}

}
