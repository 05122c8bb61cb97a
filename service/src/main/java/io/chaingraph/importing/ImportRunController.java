package io.chaingraph.importing;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class ImportRunController {

	private static final int MAX_RUNS = 500;

	private final ImportRuns runs;

	ImportRunController(ImportRuns runs) {
		this.runs = runs;
	}

	@QueryMapping
	List<ImportRun> importRuns(@Argument int first) {
		if (first < 0 || first > MAX_RUNS) {
			throw new IllegalArgumentException("first must be between 0 and " + MAX_RUNS + ", was " + first);
		}
		return this.runs.newest(first);
	}

	@QueryMapping
	ImportRun importRun(@Argument String id) {
		return this.runs.find(id).orElse(null);
	}

}
