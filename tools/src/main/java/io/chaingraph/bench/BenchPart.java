package io.chaingraph.bench;

import java.util.List;

/** One part of the benchmark (import, queries, ...): measures every size it is given and returns its tables. */
public interface BenchPart {

	/** Short name, used for the Markdown file ({@code NAME.md}) and on the command line. */
	String name();

	List<MarkdownTable> run(BenchContext context) throws Exception;

}
