package io.chaingraph.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The named Cypher statements under {@code cypher/queries/} (shipped in the service jar), read from
 * the class path. The service runs them as they are read, and anyone timing or checking the service's
 * statements (the benchmark) reads the same files the same way. Each file begins with a comment: what
 * it answers, its parameters and its bounds; values always travel as parameters.
 *
 * <p>One exception: Neo4j takes path-length bounds only as literals, so a traversal's file holds the
 * token {@value #DEPTH} where its bound goes. {@link #withDepth} replaces it with an int it has checked
 * to be in 1..{@link Limits#DEPTH_CEILING}, never with request text; the service prepares one statement
 * per depth when its repository loads and a request's depth (validated against the configured cap)
 * only selects one of them.
 */
public final class NamedQueries {

	/** Where the files are, on the class path and at the top of the checkout. */
	public static final String LOCATION = "cypher/queries/";

	/** The token a traversal's file holds where its path-length bound goes. */
	public static final String DEPTH = "{depth}";

	private NamedQueries() {
	}

	/** The text of {@code cypher/queries/<file>} (e.g. {@code chain-gaps.cypher}), as the service runs it. */
	public static String load(String file) {
		String location = LOCATION + file;
		try (InputStream in = NamedQueries.class.getClassLoader().getResourceAsStream(location)) {
			if (in == null) {
				throw new IllegalStateException(location + " is missing from the class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A statement with a depth placeholder, its bound set to {@code depth}.
	 * @throws IllegalArgumentException if depth is outside 1..{@link Limits#DEPTH_CEILING}, or the
	 *         statement has no placeholder
	 */
	public static String withDepth(String statement, int depth) {
		if (depth < 1 || depth > Limits.DEPTH_CEILING) {
			throw new IllegalArgumentException("depth must be between 1 and " + Limits.DEPTH_CEILING + ", was " + depth);
		}
		if (!statement.contains(DEPTH)) {
			throw new IllegalArgumentException("the statement has no " + DEPTH + " placeholder");
		}
		return statement.replace(DEPTH, Integer.toString(depth));
	}

	/**
	 * The statement of {@code file} prepared for every depth: element {@code d} (1..{@link Limits#DEPTH_CEILING})
	 * has its bound set to {@code d}; element 0 is null.
	 */
	public static String[] perDepth(String file) {
		String statement = load(file);
		String[] statements = new String[Limits.DEPTH_CEILING + 1];
		for (int depth = 1; depth <= Limits.DEPTH_CEILING; depth++) {
			statements[depth] = withDepth(statement, depth);
		}
		return statements;
	}

}
