package io.chaingraph.importing;

import java.util.List;

import graphql.schema.DataFetchingFieldSelectionSet;
import io.chaingraph.common.Connection;
import io.chaingraph.common.Cursors;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class ImportRunController {

	private static final int MAX_RUNS = 500;

	/** The list name the runs' cursors carry. */
	static final String LIST = "importRuns";

	private final ImportRuns runs;

	private final Cursors cursors;

	ImportRunController(ImportRuns runs, Cursors cursors) {
		this.runs = runs;
		this.cursors = cursors;
	}

	@QueryMapping
	List<ImportRun> importRuns(@Argument int first) {
		return this.runs.newest(checkFirst(first));
	}

	/** Newest first, keyset-paginated by (start, id); {@code after} arrives decoded in {@code range}. */
	@QueryMapping
	Connection<ImportRun> importRunsConnection(@Argument int first, ScrollSubrange range,
			DataFetchingFieldSelectionSet selection) {
		int size = checkFirst(first);
		Cursors.Position after = this.cursors.after(LIST, range);
		List<ImportRuns.Keyed> rows = this.runs.page((after != null) ? after.string("started") : null,
				(after != null) ? after.string("id") : null, size + 1);
		Connection<ImportRuns.Keyed> page = Connection.of(rows, size,
				row -> this.cursors.cursor(LIST, "started", row.started(), "id", row.run().id()), after != null,
				selection.contains("totalCount") ? (int) this.runs.count() : null);
		return new Connection<>(page.edges().stream().map(e -> new Connection.Edge<>(e.cursor(), e.node().run())).toList(),
				page.pageInfo(), page.totalCount());
	}

	@QueryMapping
	ImportRun importRun(@Argument String id) {
		return this.runs.find(id).orElse(null);
	}

	private static int checkFirst(int first) {
		if (first < 0 || first > MAX_RUNS) {
			throw new IllegalArgumentException("first must be between 0 and " + MAX_RUNS + ", was " + first);
		}
		return first;
	}

}
