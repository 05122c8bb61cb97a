package io.chaingraph.curation;

import java.util.List;

/** Why a curation mutation was refused. */
abstract sealed class CurationException extends RuntimeException {

	CurationException(String message) {
		super(message);
	}

	/** One problem of one input field, with the same message an import row would get. */
	record FieldProblem(String field, String message) {
	}

	/** The input breaks the dataset rules; one GraphQL error per problem (classification BAD_REQUEST). */
	static final class Invalid extends CurationException {

		private final List<FieldProblem> problems;

		Invalid(List<FieldProblem> problems) {
			super(problems.get(0).field() + ": " + problems.get(0).message());
			this.problems = List.copyOf(problems);
		}

		List<FieldProblem> problems() {
			return this.problems;
		}

	}

	/** The entity or link changed since the client read it (classification CONFLICT). */
	static final class Stale extends CurationException {

		private final int expected;

		private final int current;

		Stale(String what, int expected, int current) {
			super(what + " has version " + current + ", not the expected " + expected
					+ ": it was changed since you read it. Read it again, re-apply your edit and pass the new version.");
			this.expected = expected;
			this.current = current;
		}

		int expected() {
			return this.expected;
		}

		int current() {
			return this.current;
		}

	}

}
