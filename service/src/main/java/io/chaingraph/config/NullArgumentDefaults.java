package io.chaingraph.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.Value;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLTypeUtil;

/**
 * An argument given as an explicit {@code null} where the schema declares a default ({@code first: Int = 20},
 * {@code depth: Int = 1}, {@code includeSubParks: Boolean = true}, …) takes that default, exactly as if it
 * had been left out. The types stay as the contract (docs/design.md, "GraphQL contract") declares them (nullable with a default), and a client
 * that passes an unset variable gets the documented default instead of an internal error.
 */
class NullArgumentDefaults extends SimplePerformantInstrumentation {

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		if (parameters.isTrivialDataFetcher()) {
			return fetcher;
		}
		List<GraphQLArgument> withDefaults = parameters.getExecutionStepInfo()
			.getFieldDefinition()
			.getArguments()
			.stream()
			.filter(GraphQLArgument::hasSetDefaultValue)
			.toList();
		if (withDefaults.isEmpty()) {
			return fetcher;
		}
		return env -> {
			Map<String, Object> arguments = env.getArguments();
			Map<String, Object> completed = null;
			for (GraphQLArgument argument : withDefaults) {
				if (arguments.containsKey(argument.getName()) && arguments.get(argument.getName()) == null) {
					if (completed == null) {
						completed = new LinkedHashMap<>(arguments);
					}
					completed.put(argument.getName(), defaultValue(argument));
				}
			}
			return fetcher.get((completed == null) ? env
					: DataFetchingEnvironmentImpl.newDataFetchingEnvironment(env).arguments(completed).build());
		};
	}

	/** The declared default of a scalar argument (the schema's literal, coerced like a query literal). */
	static Object defaultValue(GraphQLArgument argument) {
		Object declared = argument.getArgumentDefaultValue().getValue();
		if (declared instanceof Value<?> literal
				&& GraphQLTypeUtil.unwrapAll(argument.getType()) instanceof GraphQLScalarType scalar) {
			return scalar.getCoercing().parseLiteral(literal);
		}
		return declared;
	}

}
