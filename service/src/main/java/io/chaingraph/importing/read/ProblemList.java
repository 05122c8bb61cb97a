package io.chaingraph.importing.read;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.chaingraph.dataset.Problem;

/**
 * The problems one check finds, the first {@value #LIMIT} of them kept and the rest only counted. A
 * dataset broken on every one of a million rows would otherwise hold a million problems in memory and
 * write them all into its import run; after the first thousand, a planner learns nothing new from the
 * next one. {@link #listed} adds one problem per file and severity that says how many more there were.
 */
public final class ProblemList extends ArrayList<Problem> {

	/** Problems kept per check (reading the files, typing the rows, cross-checks, …). */
	public static final int LIMIT = 1_000;

	/** Per file, the errors [0] and warnings [1] found but not kept. */
	private final Map<String, long[]> more = new LinkedHashMap<>();

	@Override
	public boolean add(Problem problem) {
		if (size() < LIMIT) {
			return super.add(problem);
		}
		this.more.computeIfAbsent(problem.file(), f -> new long[2])[problem.isError() ? 0 : 1]++;
		return false;
	}

	@Override
	public boolean addAll(Collection<? extends Problem> problems) {
		boolean changed = false;
		for (Problem problem : problems) {
			changed |= add(problem);
		}
		if (problems instanceof ProblemList other) {
			other.more.forEach((file, counts) -> {
				long[] mine = this.more.computeIfAbsent(file, f -> new long[2]);
				mine[0] += counts[0];
				mine[1] += counts[1];
			});
		}
		return changed;
	}

	@Override
	public void clear() {
		super.clear();
		this.more.clear();
	}

	/** Whether any problem found is an error, listed or not. */
	public boolean hasErrors() {
		return this.more.values().stream().anyMatch(counts -> counts[0] > 0) || stream().anyMatch(Problem::isError);
	}

	/** The problems kept, and per file and severity one more saying how many were found but not listed. */
	public List<Problem> listed() {
		List<Problem> listed = new ArrayList<>(this);
		this.more.forEach((file, counts) -> {
			if (counts[0] > 0) {
				listed.add(Problem.error(file, 0, "-", notListed(counts[0], "error")));
			}
			if (counts[1] > 0) {
				listed.add(Problem.warning(file, 0, "-", notListed(counts[1], "warning")));
			}
		});
		return listed;
	}

	private static String notListed(long count, String kind) {
		return String.format(Locale.ROOT, "%,d more %s in this file not listed (only the first %,d problems of each check "
				+ "are kept)", count, (count == 1) ? kind : kind + "s", LIMIT);
	}

}
