package io.chaingraph.config;

import org.springframework.stereotype.Component;

/**
 * Checks the size arguments of a query against the configured caps; a violation is a client error
 * whose message names the limit and the setting that raises it. Nothing is clamped silently.
 */
@Component
public class Limits {

	/**
	 * Hard ceiling of the depth cap ({@link QueryProperties.Query#maxDepth()} is validated against it):
	 * traversal statements are prepared up to this depth.
	 */
	public static final int DEPTH_CEILING = 25;

	private final QueryProperties.Query query;

	Limits(QueryProperties properties) {
		this.query = properties.query();
	}

	public int depth(int depth) {
		if (depth < 1 || depth > this.query.maxDepth()) {
			throw new IllegalArgumentException("depth must be between 1 and " + this.query.maxDepth() + ", was " + depth
					+ " (the cap is chaingraph.query.max-depth)");
		}
		return depth;
	}

	public int limit(int limit) {
		if (limit < 1 || limit > this.query.maxNodes()) {
			throw new IllegalArgumentException("limit must be between 1 and " + this.query.maxNodes() + ", was " + limit
					+ " (the cap is chaingraph.query.max-nodes)");
		}
		return limit;
	}

	public int first(int first) {
		if (first < 0 || first > this.query.maxFirst()) {
			throw new IllegalArgumentException("first must be between 0 and " + this.query.maxFirst() + ", was " + first
					+ " (the cap is chaingraph.query.max-first)");
		}
		return first;
	}

}
