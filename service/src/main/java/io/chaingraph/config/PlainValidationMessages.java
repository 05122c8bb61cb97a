package io.chaingraph.config;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.GraphQLError;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Component;

/**
 * Validation messages without graphql-java's internals: a literal argument of the wrong kind or out of
 * range is reported as {@code argument 'limit': 99999999999 is not an Int (a whole number from
 * -2147483648 to 2147483647)} instead of {@code … with value 'IntValue{value=99999999999}' is not a valid
 * 'Int' - Expected value to be in the integer range …}. The classification is {@code VALIDATION_ERROR} ({@link ErrorClassifications}).
 * An instrumentation, so it holds for every transport.
 */
@Component
class PlainValidationMessages extends SimplePerformantInstrumentation {

	/** graphql-java's message for a literal argument value its type refuses. */
	static final Pattern WRONG_LITERAL = Pattern
		.compile("^Validation error \\(WrongType@\\[[^\\]]*\\]\\) : argument '([^']+)' with value '(?:\\w+Value\\{value=)?(.*?)\\}?' is not a valid '(\\w+)'.*$",
				Pattern.DOTALL);

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		if (result.getErrors().stream().noneMatch(e -> e.getMessage() != null && WRONG_LITERAL.matcher(e.getMessage()).matches())) {
			return CompletableFuture.completedFuture(result);
		}
		List<GraphQLError> errors = result.getErrors().stream().map(PlainValidationMessages::rewrite).toList();
		return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(errors)));
	}

	static GraphQLError rewrite(GraphQLError error) {
		Matcher wrong = WRONG_LITERAL.matcher((error.getMessage() != null) ? error.getMessage() : "");
		if (!wrong.matches()) {
			return error;
		}
		return GraphQLError.newError()
			.message(message(wrong.group(1), wrong.group(2), wrong.group(3)))
			.errorType(error.getErrorType())
			.locations(error.getLocations())
			.path(error.getPath())
			.extensions(error.getExtensions())
			.build();
	}

	static String message(String argument, String value, String type) {
		String expected = switch (type) {
			case "Int" -> "an Int (a whole number from -2147483648 to 2147483647)";
			case "Float" -> "a Float (a number)";
			case "Boolean" -> "a Boolean (true or false)";
			case "String", "ID" -> "a" + (type.equals("ID") ? "n ID" : " String") + " (text in quotes)";
			default -> "a valid " + type;
		};
		return "argument '" + argument + "': " + value + " is not " + expected;
	}

}
