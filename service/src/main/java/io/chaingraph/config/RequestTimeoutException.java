package io.chaingraph.config;

import java.time.Duration;

/** The request's time ({@code chaingraph.query.timeout}) ran out before a statement could be sent. */
public class RequestTimeoutException extends RuntimeException {

	public RequestTimeoutException(Duration timeout) {
		super(message(timeout));
	}

	static String message(Duration timeout) {
		return "The request took longer than " + timeout.toMillis() + " ms (chaingraph.query.timeout) and was stopped";
	}

}
