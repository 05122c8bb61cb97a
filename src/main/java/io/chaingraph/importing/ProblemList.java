package io.chaingraph.importing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The problems one check finds, the first {@value #LIMIT} of them kept and the rest only counted. A
 * dataset broken on every one of a million rows would otherwise hold a million problems in memory and
 * write them all into its import run; after the first thousand, a planner learns nothing new from the
 * next one. {@link #listed} adds one problem per severity that says how many more there were.
 */
final class ProblemList extends ArrayList<Problem> {

	/** Problems kept per check (and per file read). */
	static final int LIMIT = 1_000;

	private long moreErrors;

	private long moreWarnings;

	@Override
	public boolean add(Problem problem) {
		if (size() < LIMIT) {
			return super.add(problem);
		}
		if (problem.isError()) {
			this.moreErrors++;
		}
		else {
			this.moreWarnings++;
		}
		return false;
	}

	@Override
	public boolean addAll(Collection<? extends Problem> problems) {
		boolean changed = false;
		for (Problem problem : problems) {
			changed |= add(problem);
		}
		if (problems instanceof ProblemList other) {
			this.moreErrors += other.moreErrors;
			this.moreWarnings += other.moreWarnings;
		}
		return changed;
	}

	@Override
	public void clear() {
		super.clear();
		this.moreErrors = 0;
		this.moreWarnings = 0;
	}

	/** Whether any problem found is an error, listed or not. */
	boolean hasErrors() {
		return this.moreErrors > 0 || stream().anyMatch(Problem::isError);
	}

	/** The problems kept, and per severity one more saying how many were found but not listed. */
	List<Problem> listed(String location) {
		List<Problem> listed = new ArrayList<>(this);
		if (this.moreErrors > 0) {
			listed.add(Problem.error(location, 0, "-", notListed(this.moreErrors, "error")));
		}
		if (this.moreWarnings > 0) {
			listed.add(Problem.warning(location, 0, "-", notListed(this.moreWarnings, "warning")));
		}
		return listed;
	}

	private String notListed(long count, String kind) {
		Problem first = isEmpty() ? null : get(0);
		String where = (first != null) ? " like those listed for " + first.file() : "";
		return String.format("%,d more %s%s not listed (only the first %,d problems of each check are kept)", count,
				(count == 1) ? kind : kind + "s", where, LIMIT);
	}

}
