package io.chaingraph.config;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;

/**
 * The service's own part of every GraphQL request, as one instrumentation: the depth and cost limits when
 * the operation starts ({@link QueryLimits}), the request's deadline ({@link RequestDeadline}) and declared
 * defaults for explicit nulls ({@link NullArgumentDefaults}) around each resolver.
 * <p>
 * One member, not four: graphql-java chains the instrumentations and asks every member about every field
 * of an answer (fetching, completing, wrapping its resolver), which was a fifth of the request thread's
 * time for a 40-node subgraph. With Spring's observation instrumentation the chain now has two members.
 */
final class RequestGuards extends SimplePerformantInstrumentation {

	private final QueryLimits limits;

	private final RequestDeadline deadline;

	private final NullArgumentDefaults defaults;

	RequestGuards(QueryLimits limits, RequestDeadline deadline, NullArgumentDefaults defaults) {
		this.limits = limits;
		this.deadline = deadline;
		this.defaults = defaults;
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		return this.deadline.beginExecution(parameters, state);
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		this.limits.check(parameters.getExecutionContext());
		return null;
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		if (parameters.isTrivialDataFetcher()) {
			return fetcher;
		}
		return this.deadline.instrumentDataFetcher(this.defaults.instrumentDataFetcher(fetcher, parameters, state),
				parameters, state);
	}

}
