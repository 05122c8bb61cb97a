package io.chaingraph.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.chaingraph.config.Graph;
import io.chaingraph.importing.ImportProgress;
import io.chaingraph.importing.ImportReport;
import io.chaingraph.importing.ImportService;
import io.chaingraph.importing.ImportStatus;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The sheets benchmark compares like with like: its CSV and its workbook load the same enterprises. */
class SheetsPartTest extends IntegrationTest {

	static final String ENTERPRISES = """
			MATCH (e:Enterprise)-[:LOCATED_IN]->(p:Park)
			RETURN e.id + '|' + e.name + '|' + e.creditCode + '|' + p.id + '|' + e.region + '|' + e.founded + '|'
			       + e.employees + '|' + e.revenue AS line
			ORDER BY line""";

	@Autowired
	ImportService imports;

	@Autowired
	Graph graph;

	@TempDir
	Path tmp;

	@Test
	void theCsvAndTheWorkbookLoadTheSameEnterprises() throws Exception {
		SheetsPart.write(this.tmp.resolve("csv"), this.tmp.resolve("xlsx"), 120, 7);
		List<String> fromCsv = load(this.tmp.resolve("csv"));
		List<String> fromXlsx = load(this.tmp.resolve("xlsx"));
		assertThat(fromCsv).hasSize(120).isEqualTo(fromXlsx);
		assertThat(fromCsv.get(0)).startsWith("ent-" + SheetsPart.creditCode(0) + "|基准企业0有限公司|");
	}

	private List<String> load(Path dir) {
		new Fixtures(this.graph).wipe();
		ImportReport report = this.imports.run(DatasetSource.fromDirectory(dir), false, ImportProgress.NONE);
		assertThat(report.status()).as(report.problems().toString()).isEqualTo(ImportStatus.SUCCEEDED);
		return this.graph.list(ENTERPRISES, Map.of(), r -> r.get("line").asString());
	}

}
