package io.chaingraph.config;

import java.time.Duration;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;

/**
 * The moment the current GraphQL request must be answered by ({@code chaingraph.query.timeout} after
 * its execution began). The instrumentation keeps it in the request's GraphQL context and as a
 * thread-local while the request's data fetchers and batch loaders run; {@link Graph} gives each Neo4j
 * transaction only the time that is left, and a field whose turn comes after the deadline is not
 * resolved at all. So the request's statements together never outlive its timeout: the database stops
 * the one running at the deadline and no further one is sent.
 */
public final class RequestDeadline extends SimplePerformantInstrumentation {

	static final String KEY = "io.chaingraph.requestDeadline";

	/** {@link System#nanoTime()} at which the request is due; null outside a GraphQL request. */
	private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

	private final Duration timeout;

	RequestDeadline(Duration timeout) {
		this.timeout = timeout;
	}

	/** The time left for the current request, or null outside a request. May be zero or negative. */
	static Duration remaining() {
		Long deadline = DEADLINE.get();
		return (deadline != null) ? Duration.ofNanos(deadline - System.nanoTime()) : null;
	}

	/**
	 * Runs {@code work} (a request outside GraphQL, such as a download) with a deadline {@code timeout} from
	 * now: its statements together get no more than that, as a GraphQL request's do.
	 */
	static <T> T within(Duration timeout, java.util.function.Supplier<T> work) {
		Long previous = DEADLINE.get();
		DEADLINE.set(System.nanoTime() + timeout.toNanos());
		try {
			return work.get();
		}
		finally {
			restore(previous);
		}
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		parameters.getGraphQLContext().put(KEY, deadline);
		Long previous = DEADLINE.get();
		DEADLINE.set(deadline);
		return SimpleInstrumentationContext.whenCompleted((result, failure) -> restore(previous));
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		if (parameters.isTrivialDataFetcher()) {
			return fetcher;
		}
		return env -> {
			Long deadline = env.getGraphQlContext().get(KEY);
			if (deadline == null) {
				return fetcher.get(env);
			}
			if (System.nanoTime() - deadline >= 0) {
				throw new RequestTimeoutException(this.timeout);
			}
			Long previous = DEADLINE.get();
			DEADLINE.set(deadline);
			try {
				return fetcher.get(env);
			}
			finally {
				restore(previous);
			}
		};
	}

	private static void restore(Long previous) {
		if (previous != null) {
			DEADLINE.set(previous);
		}
		else {
			DEADLINE.remove();
		}
	}

}
