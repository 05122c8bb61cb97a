package io.chaingraph.config;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.language.Document;

/**
 * The range rules of size and depth arguments, the nesting depth and the cost of an operation, measured
 * in a walk over the document and checked, in that order, against the caps ({@link Limits}),
 * {@code chaingraph.graphql.max-nesting} and {@code chaingraph.graphql.max-cost} before the operation runs
 * (so a refused query never reaches the database, and {@code depth: 100} is refused as a depth, not as a
 * cost).
 * <p>
 * It replaces graphql-java's {@code MaxQueryDepthInstrumentation} and {@code MaxQueryComplexityInstrumentation},
 * which walked the document twice per request; measuring took a tenth of the request thread's time for a
 * small traversal. The measure of an operation depends only on the document, the operation name and the
 * variables that can change it: size and depth arguments are {@code Int}s and {@code @skip}/{@code @include}
 * take {@code Boolean}s, so the number, boolean and null variables (and which are absent) decide it. Measures
 * are kept per parsed document (the parsed-document cache hands out the same {@link Document} for the same
 * text; at most {@value #DOCUMENTS}) and those variables (at most {@value #MEASURES_PER_DOCUMENT} each);
 * ids, texts and other variables vary freely without a new walk. The cost function must keep reading only
 * such arguments for this to hold.
 */
final class QueryLimits {

	/** How many documents' measures are kept. */
	static final int DOCUMENTS = 1_000;

	/** How many measures (operation and variables) are kept per document. */
	static final int MEASURES_PER_DOCUMENT = 64;

	private final int maxNesting;

	private final int maxCost;

	private final FieldComplexityCalculator fieldCost;

	private final RangeRules ranges;

	/** The range rules of a field's size and depth arguments: a message naming the broken one, or null. */
	@FunctionalInterface
	interface RangeRules {

		String check(String field, Map<String, Object> arguments);

	}

	/**
	 * A broken range rule found before the operation runs: a client error (BAD_REQUEST), named before any
	 * cost estimate, with the message the field itself would give.
	 */
	static final class RangeError extends AbortExecutionException {

		RangeError(String message) {
			// the error the response carries: graphql-java answers an abort with its underlying errors
			super(java.util.List.of(graphql.GraphqlErrorBuilder.newError()
				.message(message)
				.errorType(org.springframework.graphql.execution.ErrorType.BAD_REQUEST)
				.build()));
		}

	}

	/** Weak keys: compared by identity, and a document the parsed-document cache has dropped can go. */
	private final Cache<Document, Map<Key, Measure>> measures = Caffeine.newBuilder()
		.weakKeys()
		.maximumSize(DOCUMENTS)
		.build();

	QueryLimits(int maxNesting, int maxCost, FieldComplexityCalculator fieldCost, RangeRules ranges) {
		this.maxNesting = maxNesting;
		this.maxCost = maxCost;
		this.fieldCost = fieldCost;
		this.ranges = ranges;
	}

	/** Throws when the operation about to run is nested too deeply or costs too much. */
	void check(ExecutionContext context) {
		Map<String, Object> variables = context.getCoercedVariables().toMap();
		Map<Key, Measure> ofDocument = this.measures.get(context.getDocument(), d -> new ConcurrentHashMap<>());
		Key key = new Key(context.getExecutionInput().getOperationName(), shapeVariables(variables));
		Measure measure = ofDocument.get(key);
		if (measure == null) {
			measure = measure(context);
			if (ofDocument.size() < MEASURES_PER_DOCUMENT) {
				ofDocument.put(key, measure);
			}
		}
		if (measure.rangeError() != null) {
			throw new RangeError(measure.rangeError());
		}
		if (measure.nesting() > this.maxNesting) {
			throw new AbortExecutionException("Query nesting depth " + measure.nesting() + " exceeds the limit "
					+ this.maxNesting + " (chaingraph.graphql.max-nesting)");
		}
		if (measure.cost() > this.maxCost) {
			throw new AbortExecutionException("Query cost " + measure.cost() + " exceeds the limit " + this.maxCost
					+ " (chaingraph.graphql.max-cost); ask for smaller first/limit/depth or fewer nested lists");
		}
	}

	/** The variables that can change an operation's measure: numbers, booleans and nulls. */
	private static Map<String, Object> shapeVariables(Map<String, Object> variables) {
		Map<String, Object> shape = null;
		for (Map.Entry<String, Object> variable : variables.entrySet()) {
			Object value = variable.getValue();
			if (value == null || value instanceof Number || value instanceof Boolean) {
				if (shape == null) {
					shape = new HashMap<>();
				}
				shape.put(variable.getKey(), value);
			}
		}
		return (shape != null) ? shape : Map.of();
	}

	/**
	 * Walks the operation once, children before parents: a field's nesting is the number of fields on
	 * its path, its cost is the cost function of its arguments and of its selection's summed cost.
	 */
	private Measure measure(ExecutionContext context) {
		QueryTraverser traverser = QueryTraverser.newQueryTraverser()
			.schema(context.getGraphQLSchema())
			.document(context.getDocument())
			.operationName(context.getExecutionInput().getOperationName())
			.coercedVariables(context.getCoercedVariables())
			.build();
		Map<QueryVisitorFieldEnvironment, Integer> selectionCost = new HashMap<>();
		int[] nesting = { 0 };
		String[] rangeError = { null };
		traverser.visitPreOrder(new QueryVisitorStub() {
			@Override
			public void visitField(QueryVisitorFieldEnvironment env) {
				if (rangeError[0] == null && !env.isTypeNameIntrospectionField()) {
					rangeError[0] = QueryLimits.this.ranges.check(env.getField().getName(), env.getArguments());
				}
			}
		});
		traverser.visitPostOrder(new QueryVisitorStub() {
			@Override
			public void visitField(QueryVisitorFieldEnvironment env) {
				nesting[0] = Math.max(nesting[0], pathLength(env));
				if (env.isTypeNameIntrospectionField()) {
					return;
				}
				int cost = QueryLimits.this.fieldCost.calculate(complexityEnvironment(env),
						selectionCost.getOrDefault(env, 0));
				selectionCost.merge(env.getParentEnvironment(), cost, QueryLimits::saturatedSum);
			}
		});
		return new Measure(nesting[0], selectionCost.getOrDefault(null, 0), rangeError[0]);
	}

	private static int pathLength(QueryVisitorFieldEnvironment env) {
		int length = 0;
		for (QueryVisitorFieldEnvironment at = env; at != null; at = at.getParentEnvironment()) {
			length++;
		}
		return length;
	}

	private static FieldComplexityEnvironment complexityEnvironment(QueryVisitorFieldEnvironment env) {
		FieldComplexityEnvironment parent = (env.getParentEnvironment() != null)
				? complexityEnvironment(env.getParentEnvironment()) : null;
		return new FieldComplexityEnvironment(env.getField(), env.getFieldDefinition(), env.getFieldsContainer(),
				env.getArguments(), parent);
	}

	private static int saturatedSum(int a, int b) {
		long sum = (long) a + b;
		return (int) Math.min(Integer.MAX_VALUE, sum);
	}

	private record Key(String operationName, Map<String, Object> shapeVariables) {
	}

	/** @param rangeError the first broken range rule, in document order, or null */
	private record Measure(int nesting, int cost, String rangeError) {
	}

}
