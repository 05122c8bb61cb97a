package io.chaingraph.export;

/** A query parameter of a download that cannot be used: 400, naming the parameter. */
class BadParameterException extends RuntimeException {

	private final String parameter;

	BadParameterException(String parameter, String message) {
		super(message);
		this.parameter = parameter;
	}

	String parameter() {
		return this.parameter;
	}

}
