package io.chaingraph.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.chaingraph.config.Graph;
import io.chaingraph.dataset.EntityRecords;
import io.chaingraph.dataset.Problem;
import io.chaingraph.importing.load.FileSummary;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.support.DatasetDir;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.GraphChecksum;
import io.chaingraph.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files with some of their columns, over a loaded graph: a column the file does not have leaves the
 * stored value alone, an empty cell in a column it has clears the value; re-running changes nothing.
 */
class PartialImportTest extends IntegrationTest {

	@Autowired
	ImportService imports;

	@Autowired
	Graph graph;

	@TempDir
	Path tmp;

	@BeforeEach
	void loadTheValidDataset() {
		new Fixtures(this.graph).wipe();
		load(new DatasetDir(this.tmp.resolve("ds")).write());
	}

	private ImportReport load(Path dir) {
		ImportReport report = this.imports.run(DatasetSource.fromDirectory(dir), false, ImportProgress.NONE);
		assertThat(report.problems()).filteredOn(Problem::isError).isEmpty();
		assertThat(report.status()).isEqualTo(ImportStatus.SUCCEEDED);
		return report;
	}

	private Path folder(String name, String file, String content) {
		try {
			Path dir = Files.createDirectories(this.tmp.resolve(name));
			Files.writeString(dir.resolve(file), content, StandardCharsets.UTF_8);
			return dir;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private Map<String, Object> enterprise(String id) {
		return this.graph.one("MATCH (e:Enterprise {id: $id}) RETURN properties(e) AS e", Map.of("id", id),
				r -> r.get("e").asMap()).orElseThrow();
	}

	private List<String> parkOf(String id) {
		return this.graph.list("MATCH (:Enterprise {id: $id})-[:LOCATED_IN]->(p) RETURN p.id AS id", Map.of("id", id),
				r -> r.get("id").asString());
	}

	private static FileSummary file(ImportReport report, String name) {
		return report.files().stream().filter(f -> f.file().equals(name)).findFirst().orElseThrow();
	}

	@Test
	void aColumnTheFileDoesNotHaveKeepsTheStoredValue() {
		Map<String, Object> before = enterprise("t-e1");
		String graphBefore = GraphChecksum.dump(this.graph);
		Path partial = folder("partial", "enterprises.csv", "id,name,parkId\nt-e1,國技互聯(lián),t-park\n");

		ImportReport report = load(partial);
		assertThat(file(report, "enterprises.csv")).isEqualTo(new FileSummary("enterprises.csv", 1, 0, 0, 1, 0, 0, 1, 0));
		assertThat(report.unchanged()).isTrue();
		assertThat(enterprise("t-e1")).isEqualTo(before);
		assertThat(GraphChecksum.dump(this.graph)).isEqualTo(graphBefore);

		// a file without parkId says nothing about where the enterprise is
		ImportReport revenue = load(folder("revenue", "enterprises.csv", "id,name,revenue\nt-e1,國技互聯(lián),6.5\n"));
		assertThat(file(revenue, "enterprises.csv")).isEqualTo(new FileSummary("enterprises.csv", 1, 0, 1, 0, 0, 0, 0, 0));
		Map<String, Object> after = enterprise("t-e1");
		assertThat(after).containsEntry("revenue", 6.5)
			.containsEntry("tags", List.of("LEADING", "LISTED"))
			.containsEntry("creditCode", "91330300MA2CQKXN3R")
			.containsEntry("founded", 2010L)
			.containsEntry("employees", 300L)
			.containsEntry("version", 2L)
			// the row changed the record and names no source: the file's name is its source now
			.containsEntry("source", "enterprises");
		assertThat(after.get("fingerprint")).isNotEqualTo(before.get("fingerprint"));
		assertThat(parkOf("t-e1")).containsExactly("t-park");

		// the same partial file again: unchanged, nothing written
		String loaded = GraphChecksum.dump(this.graph);
		ImportReport again = load(folder("revenue", "enterprises.csv", "id,name,revenue\nt-e1,國技互聯(lián),6.5\n"));
		assertThat(again.unchanged()).isTrue();
		assertThat(file(again, "enterprises.csv")).isEqualTo(new FileSummary("enterprises.csv", 1, 0, 0, 1, 0, 0, 0, 0));
		assertThat(GraphChecksum.dump(this.graph)).isEqualTo(loaded);
		assertThat(enterprise("t-e1")).isEqualTo(after);
	}

	@Test
	void anEmptyCellInAPresentColumnClearsTheValue() {
		Path clearing = folder("clear", "enterprises.csv", "id,name,tags,founded,parkId\nt-e1,國技互聯(lián),,,\n");
		ImportReport report = load(clearing);
		assertThat(file(report, "enterprises.csv")).isEqualTo(new FileSummary("enterprises.csv", 1, 0, 1, 0, 0, 0, 0, 1));
		assertThat(enterprise("t-e1")).containsEntry("tags", List.of())
			.doesNotContainKey("founded")
			.containsEntry("employees", 300L)
			.containsEntry("revenue", 5.5)
			.containsEntry("creditCode", "91330300MA2CQKXN3R");
		assertThat(parkOf("t-e1")).isEmpty();

		ImportReport again = load(clearing);
		assertThat(again.unchanged()).isTrue();
		assertThat(file(again, "enterprises.csv")).isEqualTo(new FileSummary("enterprises.csv", 1, 0, 0, 1, 0, 0, 0, 0));
	}

	@Test
	void relationshipFilesKeepTheColumnsTheyDoNotHave() {
		ImportReport report = load(folder("links", "enterprise_nodes.csv", "enterpriseId,nodeId,weight\nt-e1,t-n2a,0.6\n"));
		assertThat(file(report, "enterprise_nodes.csv"))
			.isEqualTo(new FileSummary("enterprise_nodes.csv", 1, 0, 0, 0, 0, 1, 0, 0));
		assertThat(this.graph.one("MATCH (:Enterprise {id: 't-e1'})-[r:OPERATES_IN]->(:ChainNode {id: 't-n2a'}) "
				+ "RETURN r.weight + '/' + r.confidence AS w", Map.of(), r -> r.get("w").asString())).contains("0.6/0.9");
		assertThat(load(folder("links", "enterprise_nodes.csv", "enterpriseId,nodeId,weight\nt-e1,t-n2a,0.6\n"))
			.unchanged()).isTrue();
		// an empty cell clears
		load(folder("links", "enterprise_nodes.csv", "enterpriseId,nodeId,weight,confidence\nt-e1,t-n2a,0.6,\n"));
		assertThat(this.graph.one("MATCH (:Enterprise {id: 't-e1'})-[r:OPERATES_IN]->(:ChainNode {id: 't-n2a'}) "
				+ "RETURN r.confidence IS NULL AS cleared", Map.of(), r -> r.get("cleared").asBoolean())).contains(true);
	}

	@Test
	void aDryRunListsTheFieldsItWouldChangeBounded() {
		ImportReport report = this.imports.run(DatasetSource.fromDirectory(folder("dry", "enterprises.csv",
				"id,name,tags,employees\nt-e1,國技互聯(lián),LEADING|LISTED|HIGH_TECH,300\nt-e2,甲生物,,\n")), true,
				ImportProgress.NONE);
		assertThat(report.status()).isEqualTo(ImportStatus.DRY_RUN);
		assertThat(report.changes()).extracting(io.chaingraph.importing.load.RowChange::text).containsExactly(
				"enterprises.csv:2 t-e1: source report → enterprises; tags [LEADING, LISTED] → [LEADING, LISTED, HIGH_TECH]",
				"enterprises.csv:3 t-e2: employees 50 → (空)");
		assertThat(report.changesNotListed()).isZero();
		assertThat(ReportPrinter.text(report)).contains("更新明细 Changes to the records it updates (old → new):\n"
				+ "  enterprises.csv:2 t-e1: source report → enterprises; tags [LEADING, LISTED] → [LEADING, LISTED, HIGH_TECH]\n");

		// more than the report lists: the first ones, and a count of the rest
		StringBuilder many = new StringBuilder("id,name,employees\n");
		for (int i = 0; i < ImportReport.CHANGES_LISTED + 30; i++) {
			many.append("m-").append(i).append(",企业").append(i).append(",1\n");
		}
		load(folder("many", "enterprises.csv", many.toString()));
		ImportReport dry = this.imports.run(DatasetSource.fromDirectory(folder("many", "enterprises.csv",
				many.toString().replace(",1\n", ",2\n"))), true, ImportProgress.NONE);
		assertThat(file(dry, "enterprises.csv").nodesUpdated()).isEqualTo(ImportReport.CHANGES_LISTED + 30);
		assertThat(dry.changes()).hasSize(ImportReport.CHANGES_LISTED);
		assertThat(dry.changes().get(0).text()).isEqualTo("enterprises.csv:2 m-0: employees 1 → 2");
		assertThat(dry.changesNotListed()).isEqualTo(30);
		assertThat(ReportPrinter.text(dry)).contains("  … 另有 30 条未列出 (30 more not listed)");
	}

	@Test
	void theSameFilesInAnotherFolderAreUnchanged() {
		String loaded = GraphChecksum.dump(this.graph);
		assertThat(enterprise("t-e2")).containsEntry("source", "enterprises");
		ImportReport copy = load(new DatasetDir(this.tmp.resolve("elsewhere/copy-of-ds")).write());
		assertThat(copy.unchanged()).isTrue();
		assertThat(GraphChecksum.dump(this.graph)).isEqualTo(loaded);
	}

	@Test
	void sourcesStoredByEarlierImportsStayWhileTheRecordIsUnchanged() {
		// an earlier importer's default source named the folder: "ds/parks"
		for (String id : List.of("t-park", "t-sub", "t-other")) {
			Map<String, Object> stored = new java.util.TreeMap<>(this.graph.one(
					"MATCH (p:Park {id: $id}) RETURN properties(p) AS p", Map.of("id", id), r -> r.get("p").asMap())
				.orElseThrow());
			stored.put("source", "ds/parks");
			stored.put("fingerprint", EntityRecords.fingerprint(stored));
			this.graph.write("MATCH (p:Park {id: $id}) SET p = $props", Map.of("id", id, "props", stored));
		}
		ImportReport again = load(this.tmp.resolve("ds"));
		assertThat(again.unchanged()).isTrue();
		assertThat(file(again, "parks.csv").nodesUnchanged()).isEqualTo(3);
		assertThat(this.graph.list("MATCH (p:Park) RETURN DISTINCT p.source AS s", Map.of(), r -> r.get("s").asString()))
			.containsExactly("ds/parks");
		// a changed record takes the file's name as its source
		ImportReport renamed = load(new DatasetDir(this.tmp.resolve("ds")).with("parks.csv",
				DatasetDir.VALID.get("parks.csv").replace("t-other,杭州示例园,,PARK,杭州", "t-other,杭州示例园,,PARK,杭州市"))
			.write());
		assertThat(file(renamed, "parks.csv").nodesUpdated()).isEqualTo(1);
		assertThat(this.graph.one("MATCH (p:Park {id: 't-other'}) RETURN p.source AS s", Map.of(),
				r -> r.get("s").asString())).contains("parks");
	}

	@Test
	void theProgressCountsTheRowsTheSummaryCounts() {
		new Fixtures(this.graph).wipe();
		long[] progress = { -1, 0 };
		ImportProgress recording = new ImportProgress() {
			@Override
			public void start(long totalRows) {
				progress[0] = totalRows;
			}

			@Override
			public void advance(String file, long rows) {
				assertThat(rows).isNotNegative();
				progress[1] += rows;
			}
		};
		// batches of two rows: every file's nodes, then each of its relationship types, in several batches
		ImportReport report = this.imports.run(DatasetSource.fromDirectory(this.tmp.resolve("ds")), false, recording, 2);
		assertThat(report.status()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(report.rows()).isEqualTo(DatasetDir.VALID.values().stream()
			.mapToLong(text -> text.lines().count() - 1).sum());
		assertThat(progress[0]).as("the progress's total").isEqualTo(report.rows());
		assertThat(progress[1]).as("the rows the progress counted").isEqualTo(report.rows());
	}

	@Test
	void aRecordWrittenElsewhereWithTheSameValuesIsUnchanged() {
		// as a curation mutation writes it: the whole record, its own source, a fingerprint of it all
		Map<String, Object> stored = new java.util.TreeMap<>(enterprise("t-e2"));
		stored.keySet().removeAll(List.of("fingerprint", "importRun", "version"));
		stored.put("source", "curation");
		stored.put("fingerprint", EntityRecords.fingerprint(stored));
		this.graph.write("MATCH (e:Enterprise {id: 't-e2'}) SET e = $props", Map.of("props", stored));

		ImportReport report = load(this.tmp.resolve("ds"));
		assertThat(file(report, "enterprises.csv").nodesUnchanged()).isEqualTo(4);
		assertThat(enterprise("t-e2")).containsEntry("source", "curation");
	}

}
