package io.chaingraph.config;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;

import org.springframework.stereotype.Component;

/**
 * One vocabulary for {@code extensions.classification} (the table in docs/api.md, "Errors"): upper-case
 * words throughout. Spring's and the service's own classifications ({@code BAD_REQUEST}, {@code NOT_FOUND},
 * {@code TIMEOUT}, …) are already in it; graphql-java's own error types are renamed here:
 * {@code InvalidSyntax} → {@code INVALID_SYNTAX}, {@code ValidationError} → {@code VALIDATION_ERROR},
 * {@code ExecutionAborted} (nesting or cost over its limit) → {@code QUERY_TOO_COMPLEX},
 * {@code OperationNotSupported} → {@code BAD_REQUEST}, {@code DataFetchingException} and
 * {@code NullValueInNonNullableField} → {@code INTERNAL_ERROR}. An instrumentation, so it holds for every
 * transport.
 */
@Component
class ErrorClassifications extends SimplePerformantInstrumentation {

	static final ErrorClassification INVALID_SYNTAX = ErrorClassification.errorClassification("INVALID_SYNTAX");

	static final ErrorClassification VALIDATION_ERROR = ErrorClassification.errorClassification("VALIDATION_ERROR");

	static final ErrorClassification QUERY_TOO_COMPLEX = ErrorClassification.errorClassification("QUERY_TOO_COMPLEX");

	private static final Map<ErrorType, ErrorClassification> RENAMED = Map.of(ErrorType.InvalidSyntax, INVALID_SYNTAX,
			ErrorType.ValidationError, VALIDATION_ERROR, ErrorType.ExecutionAborted, QUERY_TOO_COMPLEX,
			ErrorType.OperationNotSupported, org.springframework.graphql.execution.ErrorType.BAD_REQUEST,
			ErrorType.DataFetchingException, org.springframework.graphql.execution.ErrorType.INTERNAL_ERROR,
			ErrorType.NullValueInNonNullableField, org.springframework.graphql.execution.ErrorType.INTERNAL_ERROR);

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		if (result.getErrors().stream().noneMatch(e -> e.getErrorType() instanceof ErrorType)) {
			return CompletableFuture.completedFuture(result);
		}
		List<GraphQLError> errors = result.getErrors().stream().map(ErrorClassifications::rename).toList();
		return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(errors)));
	}

	static GraphQLError rename(GraphQLError error) {
		if (!(error.getErrorType() instanceof ErrorType type) || !RENAMED.containsKey(type)) {
			return error;
		}
		GraphQLError.Builder<?> renamed = GraphQLError.newError()
			.message(error.getMessage())
			.errorType(RENAMED.get(type))
			.locations(error.getLocations())
			.path(error.getPath());
		if (error.getExtensions() != null) {
			Map<String, Object> extensions = new java.util.LinkedHashMap<>(error.getExtensions());
			extensions.remove("classification");
			renamed.extensions(extensions);
		}
		return renamed.build();
	}

}
