package io.chaingraph.config;

import java.util.Map;

import graphql.analysis.FieldComplexityEnvironment;
import graphql.schema.GraphQLTypeUtil;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Refuses expensive queries before they touch the database, and bounds the time of every request.
 * <ul>
 * <li>nesting depth above {@code chaingraph.graphql.max-nesting};</li>
 * <li>cost above {@code chaingraph.graphql.max-cost}, where a field costs
 * {@code multiplier × (depth + cost of its selection)}: the multiplier is its {@code first} or
 * {@code limit} argument, 10 for other lists of entities (an estimate of one-hop lists), 1 otherwise;
 * {@code depth} is its depth argument or 1. Introspection is free.</li>
 * <li>a request running longer than {@code chaingraph.query.timeout} is answered with an error: each
 * Neo4j transaction it runs gets only the time the request has left, so the database stops the
 * statement running at the deadline, and no field is resolved after it ({@link RequestDeadline}).</li>
 * </ul>
 * All three are one instrumentation, {@link RequestGuards}.
 */
@Configuration(proxyBeanMethods = false)
class QueryCostConfiguration {

	/** Estimated size of a list field without a size argument. */
	static final int UNSIZED_LIST = 10;

	@Bean
	RequestGuards requestGuards(QueryProperties properties, Limits limits) {
		QueryProperties.GraphQl graphql = properties.graphql();
		return new RequestGuards(new QueryLimits(graphql.maxNesting(), graphql.maxCost(), QueryCostConfiguration::cost,
				(field, arguments) -> ranges(limits, field, arguments)),
				new RequestDeadline(properties.query().timeout()), new NullArgumentDefaults());
	}

	/** A field's cost (see above); it reads only size and depth arguments, which {@link QueryLimits} relies on. */
	static int cost(FieldComplexityEnvironment env, int childCost) {
		if (env.getField().getName().startsWith("__") || env.getParentType().getName().startsWith("__")) {
			return 0;
		}
		Map<String, Object> arguments = env.getArguments();
		Integer size = integer(arguments.get("first"));
		if (size == null) {
			size = integer(arguments.get("limit"));
		}
		int multiplier;
		if (size != null) {
			multiplier = Math.max(1, size);
		}
		else if (GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(env.getFieldDefinition().getType()))
				&& !sizedByParent(env)) {
			multiplier = UNSIZED_LIST;
		}
		else {
			multiplier = 1;
		}
		Integer depth = integer(arguments.get("depth"));
		long cost = (long) multiplier * ((depth != null ? Math.max(1, depth) : 1) + childCost);
		return (int) Math.min(Integer.MAX_VALUE / 4, cost);
	}

	/**
	 * The range rules {@link Limits} enforces in the fields themselves, checked before the cost: depth,
	 * limit, first (importRuns keeps its own smaller cap, which its field checks).
	 */
	static String ranges(Limits limits, String field, Map<String, Object> arguments) {
		try {
			Integer depth = integer(arguments.get("depth"));
			if (depth != null) {
				limits.depth(depth);
			}
			Integer limit = integer(arguments.get("limit"));
			if (limit != null) {
				limits.limit(limit);
			}
			Integer first = integer(arguments.get("first"));
			if (first != null) {
				limits.first(first);
			}
			return null;
		}
		catch (IllegalArgumentException broken) {
			return broken.getMessage();
		}
	}

	/** edges/nodes of a connection or subgraph are already counted by the parent's first/limit. */
	private static boolean sizedByParent(FieldComplexityEnvironment env) {
		FieldComplexityEnvironment parent = env.getParentEnvironment();
		return parent != null && (parent.getArguments().containsKey("first") || parent.getArguments().containsKey("limit"));
	}

	private static Integer integer(Object value) {
		return (value instanceof Number number) ? number.intValue() : null;
	}

}
