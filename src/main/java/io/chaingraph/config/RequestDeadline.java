package io.chaingraph.config;

import java.time.Duration;

import io.micrometer.context.ContextRegistry;

/**
 * The moment the current GraphQL request must be answered by. The request interceptor puts it into
 * the Reactor context; Spring for GraphQL restores it as a thread-local around every data fetcher and
 * batch loader (context propagation), and {@link Graph} gives each Neo4j transaction only the time
 * that is left, so a request's statements together never outlive its {@code chaingraph.query.timeout}.
 */
public final class RequestDeadline {

	/** Key in the Reactor context and in the context registry. */
	static final String KEY = "io.chaingraph.requestDeadline";

	/** {@link System#nanoTime()} at which the request is due; null outside a GraphQL request. */
	private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

	static {
		ContextRegistry.getInstance().registerThreadLocalAccessor(KEY, DEADLINE::get, DEADLINE::set, DEADLINE::remove);
	}

	private RequestDeadline() {
	}

	/** Makes sure the accessor is registered (class initialisation) before the first request. */
	static void register() {
	}

	/** The time left for the current request, or null outside a request. May be zero or negative. */
	static Duration remaining() {
		Long deadline = DEADLINE.get();
		return (deadline != null) ? Duration.ofNanos(deadline - System.nanoTime()) : null;
	}

	static long deadlineAfter(Duration timeout) {
		return System.nanoTime() + timeout.toNanos();
	}

}
