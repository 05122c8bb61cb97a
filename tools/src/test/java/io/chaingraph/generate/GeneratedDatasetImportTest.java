package io.chaingraph.generate;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.chaingraph.config.Graph;
import io.chaingraph.importing.ImportProgress;
import io.chaingraph.importing.ImportReport;
import io.chaingraph.importing.ImportService;
import io.chaingraph.importing.ImportStatus;
import io.chaingraph.importing.load.FileSummary;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.IntegrationTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A generated dataset passes the importer's validation without a single problem and loads as written. */
class GeneratedDatasetImportTest extends IntegrationTest {

	@Autowired
	ImportService imports;

	@Autowired
	Graph graph;

	@TempDir
	Path dir;

	@Test
	void validatesWithoutProblemsAndLoadsEveryRow() throws IOException {
		new Fixtures(this.graph).wipe();
		DatasetGenerator.Summary summary = DatasetGenerator.generate(this.dir, GeneratorOptions.of(800));

		ImportReport dryRun = this.imports.run(DatasetSource.fromDirectory(this.dir), true, ImportProgress.NONE);
		assertThat(dryRun.problems()).isEmpty();
		assertThat(dryRun.status()).isEqualTo(ImportStatus.DRY_RUN);
		assertThat(count("MATCH (n:Entity) RETURN count(n)")).isZero();

		ImportReport report = this.imports.run(DatasetSource.fromDirectory(this.dir), false, ImportProgress.NONE);
		assertThat(report.problems()).isEmpty();
		assertThat(report.status()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(report.files().stream().mapToLong(FileSummary::nodesCreated).sum()).isEqualTo(summary.nodeRows());

		assertThat(count("MATCH (n:Enterprise) RETURN count(n)")).isEqualTo(summary.rows("enterprises.csv"));
		assertThat(count("MATCH (n:ChainNode) RETURN count(n)")).isEqualTo(summary.rows("chain_nodes.csv"));
		assertThat(count("MATCH (n:Park) RETURN count(n)")).isEqualTo(summary.rows("parks.csv"));
		assertThat(count("MATCH (n:Platform) RETURN count(n)")).isEqualTo(summary.rows("platforms.csv"));
		assertThat(count("MATCH ()-[r:FEEDS]->() RETURN count(r)")).isEqualTo(summary.rows("chain_links.csv"));
		assertThat(count("MATCH ()-[r:OPERATES_IN]->() RETURN count(r)")).isEqualTo(summary.rows("enterprise_nodes.csv"));
		assertThat(count("MATCH ()-[r:SUPPLIES]->() RETURN count(r)")).isEqualTo(summary.rows("supplies.csv"));
		assertThat(count("MATCH ()-[r:FOCUSES_ON]->() RETURN count(r)")).isEqualTo(summary.rows("park_chains.csv"));
		assertThat(count("MATCH (:Platform)-[r]->() WHERE NOT r:LOCATED_IN RETURN count(r)"))
			.isEqualTo(summary.rows("platform_links.csv"));
		long located = rows("enterprises.csv").stream().filter(r -> !r.get("parkId").isEmpty()).count()
				+ rows("platforms.csv").stream().filter(r -> !r.get("parkId").isEmpty()).count();
		assertThat(count("MATCH ()-[r:LOCATED_IN]->() RETURN count(r)")).isEqualTo(located);
		// names in traditional script resolve to the same normalised form as their simplified spelling
		assertThat(count("MATCH (e:Enterprise) WHERE e.name CONTAINS '模擬' AND e.normName CONTAINS '模拟' RETURN count(e)"))
			.isPositive();
	}

	private long count(String cypher) {
		return this.graph.one(cypher, Map.of(), r -> r.get(0).asLong()).orElseThrow();
	}

	private List<CSVRecord> rows(String file) throws IOException {
		try (Reader in = Files.newBufferedReader(this.dir.resolve(file), StandardCharsets.UTF_8)) {
			return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
		}
	}

}
