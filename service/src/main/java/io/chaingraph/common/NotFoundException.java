package io.chaingraph.common;

/** A traversal or report was asked for an id the graph does not hold; a GraphQL NOT_FOUND error. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
