package io.chaingraph.importing.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.chaingraph.audit.Actor;
import io.chaingraph.dataset.Problem;
import io.chaingraph.importing.ImportProgress;
import io.chaingraph.importing.ImportReport;
import io.chaingraph.importing.ImportService;
import io.chaingraph.importing.ImportStatus;
import io.chaingraph.importing.ReportPrinter;
import io.chaingraph.importing.load.FileSummary;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.support.DatasetDir;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.GraphChecksum;
import io.chaingraph.support.HttpGraphQl;
import io.chaingraph.support.SecuredIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Imports over HTTP ({@code POST /api/imports}) against the running service with bearer tokens: roles,
 * zip and multipart uploads giving the same summary, problems and graph as the import command's path
 * ({@link ImportService#run} on the same folder), the queue, malicious uploads, the audit record.
 * The test context allows 256 KB uploads, 1 MB unzipped and one upload waiting.
 */
class HttpImportTest extends SecuredIntegrationTest {

	static final String RUN = """
			query($id: ID!) { importRun(id: $id) {
			  id dataset status rows rowsDone actor dryRun queuePosition error report
			  files { file rows nodesCreated nodesUpdated nodesUnchanged relsCreated relsUpdated relsUnchanged relsRemoved }
			  problems { severity file line column message text } } }""";

	static final String PATH = "/api/imports";

	@TempDir
	Path tmp;

	// ---- helpers

	static byte[] zip(Map<String, byte[]> entries) {
		return zip(entries, StandardCharsets.UTF_8);
	}

	static byte[] zip(Map<String, byte[]> entries, Charset names) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes, names)) {
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue());
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** The dataset's files under {@code folder/} ("" for none). */
	static Map<String, byte[]> entries(String folder, Map<String, String> files) {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		files.forEach((name, text) -> entries.put(folder + name, text.getBytes(StandardCharsets.UTF_8)));
		return entries;
	}

	JsonNode run(String runId) {
		HttpGraphQl.Response response = this.http.post(VIEWER, RUN, Map.of("id", runId));
		assertThat(response.errors().isMissingNode() || response.errors().isEmpty()).as(response.text()).isTrue();
		return response.data().path("importRun");
	}

	/** Polls the run through GraphQL until it ends (as a front-end would). */
	JsonNode awaitEnd(String runId) {
		return await("run " + runId + " ended").atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> run(runId), run -> !Set.of("QUEUED", "RUNNING").contains(run.path("status").asString()));
	}

	/** Waits until the run is RUNNING and past validation (its checksums are written). */
	void awaitRunningAndValidated(String runId) {
		await("run " + runId + " running and validated").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> run(runId).path("status").asString().equals("RUNNING") && this.graph.one(
					"MATCH (r:ImportRun {id: $id}) RETURN r.checksums <> [] AS validated", Map.of("id", runId),
					r -> r.get("validated").asBoolean()).orElse(false));
	}

	String accepted(HttpGraphQl.Response response) {
		assertThat(response.status()).as(response.text()).isEqualTo(202);
		String runId = response.body().path("runId").asString();
		assertThat(runId).startsWith("import-");
		assertThat(response.header("Location")).endsWith(PATH + "/" + runId);
		assertThat(response.body().path("status").asString()).isEqualTo("QUEUED");
		return runId;
	}

	static List<Map<String, Object>> asMaps(List<FileSummary> files) {
		return files.stream().map(f -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("file", f.file());
			m.put("rows", (long) f.rows());
			m.put("nodesCreated", f.nodesCreated());
			m.put("nodesUpdated", f.nodesUpdated());
			m.put("nodesUnchanged", f.nodesUnchanged());
			m.put("relsCreated", f.relsCreated());
			m.put("relsUpdated", f.relsUpdated());
			m.put("relsUnchanged", f.relsUnchanged());
			m.put("relsRemoved", f.relsRemoved());
			return m;
		}).toList();
	}

	static List<Map<String, Object>> asMaps(JsonNode files) {
		List<Map<String, Object>> maps = new ArrayList<>();
		for (JsonNode f : files) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("file", f.path("file").asString());
			for (String key : List.of("rows", "nodesCreated", "nodesUpdated", "nodesUnchanged", "relsCreated",
					"relsUpdated", "relsUnchanged", "relsRemoved")) {
				m.put(key, f.path(key).asLong());
			}
			maps.add(m);
		}
		return maps;
	}

	/** The printed report without the lines that name the dataset or the run, or give timings. */
	static List<String> table(String report) {
		return report.lines()
			.filter(l -> !l.startsWith("Imported ") && !l.startsWith("Dry run ") && !l.startsWith("Done in ")
					&& !l.startsWith("Checked in ") && !l.startsWith("Run import-") && !l.contains("nothing was written"))
			.toList();
	}

	Set<String> uploadFolders() {
		try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
			return new TreeSet<>(files.map(p -> p.getFileName().toString())
				.filter(n -> n.startsWith("chaingraph-upload-"))
				.toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	long runCount() {
		return this.graph.one("MATCH (r:ImportRun) RETURN count(r) AS n", Map.of(), r -> r.get("n").asLong()).orElseThrow();
	}

	// ---- tests

	@Test
	void onlyAdminsUpload() throws Exception {
		byte[] body = zip(entries("ds/", DatasetDir.VALID));
		String before = GraphChecksum.dump(this.graph);
		long runs = runCount();

		HttpGraphQl.Response none = this.http.postBytes(null, PATH, "application/zip", body);
		assertThat(none.status()).isEqualTo(401);
		assertThat(none.classification()).isEqualTo("UNAUTHORIZED");
		assertThat(none.errors().path(0).path("message").asString()).contains("ADMIN");

		HttpGraphQl.Response bad = this.http.postBytes("not-a-token-at-all-0000", PATH, "application/zip", body);
		assertThat(bad.status()).isEqualTo(401);
		assertThat(bad.errors().path(0).path("message").asString()).isEqualTo("Invalid API token");

		for (String token : List.of(VIEWER, EDITOR)) {
			HttpGraphQl.Response refused = this.http.postBytes(token, PATH, "application/zip", body);
			assertThat(refused.status()).as(refused.text()).isEqualTo(403);
			assertThat(refused.classification()).isEqualTo("FORBIDDEN");
			assertThat(refused.errors().path(0).path("message").asString()).endsWith("imports need ADMIN");
		}
		// multipart is refused the same way, before its body is read
		HttpGraphQl.Response multipart = this.http.postMultipart(EDITOR, PATH, Map.of(),
				Map.of("parks.csv", DatasetDir.VALID.get("parks.csv").getBytes(StandardCharsets.UTF_8)));
		assertThat(multipart.status()).isEqualTo(403);
		assertThat(GraphChecksum.dump(this.graph)).isEqualTo(before);
		assertThat(runCount()).isEqualTo(runs);

		String runId = accepted(this.http.postBytes(ADMIN, PATH, "application/zip", body));
		assertThat(awaitEnd(runId).path("status").asString()).isEqualTo("SUCCEEDED");
		// the run itself reads like any query
		HttpGraphQl.Response get = this.http.get(PATH + "/" + runId, Map.of());
		assertThat(get.status()).isEqualTo(200);
		assertThat(get.body().path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(this.http.get(PATH + "/import-nope", Map.of()).status()).isEqualTo(404);
	}

	@Test
	void zipUploadLoadsWhatTheImportCommandLoads() throws Exception {
		Path dir = new DatasetDir(this.tmp.resolve("ds")).write();
		Fixtures fixtures = new Fixtures(this.graph);
		fixtures.wipe();
		ImportReport command = this.imports.run(DatasetSource.fromDirectory(dir), false, ImportProgress.NONE, Actor.CLI);
		assertThat(command.status()).isEqualTo(ImportStatus.SUCCEEDED);
		String loaded = GraphChecksum.dump(this.graph);
		fixtures.wipe();
		Set<String> folders = uploadFolders();

		Map<String, byte[]> entries = entries("ds/", DatasetDir.VALID);
		entries.put("ds/README.md", "# notes beside the data, skipped".getBytes(StandardCharsets.UTF_8));
		HttpGraphQl.Response response = this.http.postBytes(ADMIN, PATH, "application/zip", zip(entries));
		String runId = accepted(response);
		assertThat(response.body().path("dataset").asString()).isEqualTo("upload:ds.zip");
		assertThat(response.body().path("files")).hasSize(DatasetDir.VALID.size());
		JsonNode run = awaitEnd(runId);

		assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
		assertThat(run.path("actor").asString()).isEqualTo("admin");
		assertThat(run.path("dryRun").asBoolean()).isFalse();
		assertThat(run.path("rows").asLong()).isEqualTo(command.rows()).isPositive();
		assertThat(run.path("rowsDone").asLong()).isEqualTo(command.rows());
		assertThat(asMaps(run.path("files"))).isEqualTo(asMaps(command.files()));
		assertThat(table(run.path("report").asString())).isEqualTo(table(ReportPrinter.text(command)));
		assertThat(run.path("report").asString()).startsWith("Imported upload:ds.zip  [run " + runId + "]");
		// the same graph, sources included (rows without one get the file's name, wherever it comes from)
		assertThat(GraphChecksum.dump(this.graph)).isEqualTo(loaded);
		// the temporary folder is gone
		assertThat(uploadFolders()).isEqualTo(folders);

		// audited like the command's import, as the token's name
		Map<String, Object> change = this.graph.one("""
				MATCH (c:Change {operation: 'IMPORT', entityId: $id}) RETURN c.actor AS actor, c.role AS role,
				       c.label AS label, c.after AS after""", Map.of("id", runId), r -> r.asMap()).orElseThrow();
		assertThat(change).containsEntry("actor", "admin").containsEntry("role", "ADMIN").containsEntry("label", "ImportRun");
		assertThat((String) change.get("after")).contains("\"status\":\"SUCCEEDED\"").contains("\"dataset\":\"upload:ds.zip\"");
		assertThat(this.graph.one("MATCH (c:Change {operation: 'IMPORT', entityId: $id}) RETURN count(c) AS n",
				Map.of("id", runId), r -> r.get("n").asLong()).orElseThrow()).isEqualTo(1);

		// uploaded again: nothing changes, as a second run of the command reports
		JsonNode again = awaitEnd(accepted(this.http.postBytes(ADMIN, PATH, "application/zip",
				zip(entries("ds/", DatasetDir.VALID)))));
		assertThat(again.path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(again.path("report").asString()).contains("The graph is unchanged.");
		assertThat(GraphChecksum.dump(this.graph)).isEqualTo(loaded);
	}

	@Test
	void multipartUploadLoadsWhatTheImportCommandLoads() throws Exception {
		Path dir = new DatasetDir(this.tmp.resolve("wenzhou")).write();
		Fixtures fixtures = new Fixtures(this.graph);
		fixtures.wipe();
		ImportReport command = this.imports.run(DatasetSource.fromDirectory(dir), false, ImportProgress.NONE, Actor.CLI);
		String loaded = GraphChecksum.dump(this.graph);
		fixtures.wipe();

		Map<String, byte[]> files = entries("", DatasetDir.VALID);
		String runId = accepted(this.http.postMultipart(ADMIN, PATH, Map.of("name", "wenzhou"), files));
		JsonNode run = awaitEnd(runId);
		assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
		assertThat(run.path("dataset").asString()).isEqualTo("upload:wenzhou");
		assertThat(asMaps(run.path("files"))).isEqualTo(asMaps(command.files()));
		assertThat(GraphChecksum.dump(this.graph)).isEqualTo(loaded);

		// one .zip file part works too (a zip without a top folder takes its file's name)
		fixtures.wipe();
		JsonNode zipped = awaitEnd(accepted(this.http.postMultipart(ADMIN, PATH, Map.of(),
				Map.of("wenzhou.zip", zip(entries("", DatasetDir.VALID))))));
		assertThat(zipped.path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(zipped.path("dataset").asString()).isEqualTo("upload:wenzhou.zip");
		assertThat(GraphChecksum.dump(this.graph)).isEqualTo(loaded);
	}

	@Test
	void invalidDatasetListsEveryProblemAndWritesNothing() throws Exception {
		DatasetDir bad = new DatasetDir(this.tmp.resolve("bad"))
			.with("parks.csv", DatasetDir.VALID.get("parks.csv").replace("description\n", "description,colour\n"))
			.append("chain_links.csv", "t-n2,t-n2\n")
			.with("enterprises.csv", DatasetDir.VALID.get("enterprises.csv").replace("MA2CQKXN3R", "MA2CQKXN3A"))
			.append("supplies.csv", "t-e1,nobody,,,\n");
		// UTF-16: neither UTF-8 nor GB18030 (a GBK file is read)
		byte[] utf16 = DatasetDir.VALID.get("platforms.csv").getBytes(Charset.forName("UTF-16LE"));
		Path dir = bad.writeBytes("platforms.csv", utf16);
		String before = GraphChecksum.dump(this.graph);
		ImportReport command = this.imports.run(DatasetSource.fromDirectory(dir), false, ImportProgress.NONE, Actor.CLI);
		assertThat(command.errorCount()).isGreaterThanOrEqualTo(4);
		assertThat(command.warningCount()).isGreaterThanOrEqualTo(1);

		Map<String, byte[]> files = new LinkedHashMap<>();
		try (Stream<Path> list = Files.list(dir)) {
			for (Path file : list.sorted().toList()) {
				files.put(file.getFileName().toString(), Files.readAllBytes(file));
			}
		}
		JsonNode run = awaitEnd(accepted(this.http.postMultipart(ADMIN, PATH, Map.of("name", "bad"), files)));
		assertThat(run.path("status").asString()).isEqualTo("INVALID");
		List<String> texts = new ArrayList<>();
		run.path("problems").forEach(p -> texts.add(p.path("text").asString()));
		assertThat(texts).isEqualTo(command.problems().stream().map(Problem::format).toList());
		assertThat(texts).anyMatch(t -> t.startsWith("platforms.csv:") && t.contains("UTF-8"));
		List<String> severities = new ArrayList<>();
		run.path("problems").forEach(p -> severities.add(p.path("severity").asString()));
		assertThat(severities).isEqualTo(command.problems().stream().map(p -> p.severity().name()).toList());
		assertThat(run.path("report").asString()).endsWith(": nothing was written." + System.lineSeparator());
		assertThat(table(run.path("report").asString())).isEqualTo(table(ReportPrinter.text(command)));
		assertThat(run.path("files")).isEmpty();
		assertThat(GraphChecksum.dump(this.graph)).isEqualTo(before);
	}

	@Test
	void dryRunComparesAndWritesNothing() throws Exception {
		String before = GraphChecksum.dump(this.graph);
		JsonNode run = awaitEnd(accepted(this.http.postBytes(ADMIN, PATH + "?dryRun=true", "application/zip",
				zip(entries("", DatasetDir.VALID)))));
		assertThat(run.path("status").asString()).isEqualTo("DRY_RUN");
		assertThat(run.path("dryRun").asBoolean()).isTrue();
		assertThat(run.path("rowsDone").asLong()).isEqualTo(run.path("rows").asLong()).isPositive();
		assertThat(run.path("files").path(0).path("file").asString()).isEqualTo("parks.csv");
		assertThat(run.path("files").path(0).path("nodesCreated").asInt()).isEqualTo(3);
		assertThat(run.path("report").asString()).startsWith("Dry run (nothing written) of upload:upload.zip");
		assertThat(GraphChecksum.dump(this.graph)).isEqualTo(before);
	}

	@Test
	void dryRunListsTheFieldsOfTheRecordsItWouldUpdate() throws Exception {
		Path dir = new DatasetDir(this.tmp.resolve("ds")).write();
		new Fixtures(this.graph).wipe();
		assertThat(this.imports.run(DatasetSource.fromDirectory(dir), false, ImportProgress.NONE).status())
			.isEqualTo(ImportStatus.SUCCEEDED);
		String before = GraphChecksum.dump(this.graph);
		Map<String, String> changed = new LinkedHashMap<>(DatasetDir.VALID);
		changed.put("enterprises.csv", DatasetDir.VALID.get("enterprises.csv")
			.replace("LEADING|LISTED,2010,300,5.5", "LEADING,2010,300,6.5"));
		JsonNode run = awaitEnd(accepted(this.http.postBytes(ADMIN, PATH + "?dryRun=true", "application/zip",
				zip(entries("", changed)))));
		assertThat(run.path("status").asString()).isEqualTo("DRY_RUN");
		HttpGraphQl.Response response = this.http.post(VIEWER, """
				query($id: ID!) { importRun(id: $id) { changesNotListed
				  changes { file line key text fields { field before after } } } }""", Map.of("id", run.path("id").asString()));
		JsonNode changes = response.data().path("importRun").path("changes");
		assertThat(changes).as(response.text()).hasSize(1);
		assertThat(changes.path(0).path("text").asString())
			.isEqualTo("enterprises.csv:2 t-e1: revenue 5.5 → 6.5; tags [LEADING, LISTED] → [LEADING]");
		assertThat(changes.path(0).path("line").asInt()).isEqualTo(2);
		assertThat(changes.path(0).path("fields").path(0).path("field").asString()).isEqualTo("revenue");
		assertThat(changes.path(0).path("fields").path(0).path("before").asString()).isEqualTo("5.5");
		assertThat(response.data().path("importRun").path("changesNotListed").asInt()).isZero();
		assertThat(run.path("report").asString())
			.contains("  enterprises.csv:2 t-e1: revenue 5.5 → 6.5; tags [LEADING, LISTED] → [LEADING]");
		assertThat(GraphChecksum.dump(this.graph)).isEqualTo(before);
	}

	@Test
	void maliciousOrBrokenUploadsAreRefusedWithTheirReason() {
		byte[] parks = DatasetDir.VALID.get("parks.csv").getBytes(StandardCharsets.UTF_8);
		String before = GraphChecksum.dump(this.graph);
		long runs = runCount();
		Set<String> folders = uploadFolders();

		List<Map.Entry<String, Map<String, byte[]>>> refused = List.of(Map.entry("zip slip", Map.of("../parks.csv", parks)),
				Map.entry("zip slip", Map.of("ds/../../parks.csv", parks)),
				Map.entry("not a relative path", Map.of("/etc/parks.csv", parks)),
				Map.entry("nested folder", Map.of("ds/more/parks.csv", parks)),
				Map.entry("not a dataset file", Map.of("parks.csv", parks, "run.sh", "rm -rf /".getBytes(StandardCharsets.UTF_8))),
				Map.entry("several folders", Map.of("a/parks.csv", parks, "b/chains.csv", parks)),
				Map.entry("holds no dataset file", Map.of()));
		for (Map.Entry<String, Map<String, byte[]>> c : refused) {
			HttpGraphQl.Response r = this.http.postBytes(ADMIN, PATH, "application/zip", zip(c.getValue()));
			assertThat(r.status()).as(c.getKey() + ": " + r.text()).isEqualTo(400);
			assertThat(r.classification()).isEqualTo("BAD_REQUEST");
			assertThat(r.text()).as(c.getKey()).contains(c.getKey()).contains("upload refused, nothing imported");
		}
		HttpGraphQl.Response slip = this.http.postBytes(ADMIN, PATH, "application/zip",
				zip(Map.of("../parks.csv", parks)));
		assertThat(slip.errors().path(0).path("message").asString())
			.isEqualTo("upload refused, nothing imported: '../parks.csv': the path leaves the dataset folder or is malformed (zip slip)");

		// zip bomb: 2 MB of one byte compresses to a few KB, over the 1 MB unzipped bound
		byte[] bomb = new byte[2 * 1024 * 1024];
		java.util.Arrays.fill(bomb, (byte) 'a');
		byte[] bombZip = zip(Map.of("parks.csv", bomb));
		assertThat(bombZip.length).isLessThan(64 * 1024);
		HttpGraphQl.Response exploded = this.http.postBytes(ADMIN, PATH, "application/zip", bombZip);
		assertThat(exploded.status()).as(exploded.text()).isEqualTo(413);
		assertThat(exploded.errors().path(0).path("message").asString()).contains("chaingraph.import.max-dataset-size");
		// the same under a name that is not a dataset file: still counted
		assertThat(this.http.postBytes(ADMIN, PATH, "application/zip", zip(Map.of("x.bin", bomb))).status()).isEqualTo(413);

		// too many entries
		Map<String, byte[]> many = new LinkedHashMap<>();
		for (int i = 0; i < 70; i++) {
			many.put("junk" + i + "/", new byte[0]);
		}
		HttpGraphQl.Response crowded = this.http.postBytes(ADMIN, PATH, "application/zip", zip(many));
		assertThat(crowded.status()).isEqualTo(400);
		assertThat(crowded.text()).contains("more than 64 entries");

		// entry names that are not UTF-8 (GBK, without the zip's UTF-8 flag)
		HttpGraphQl.Response gbk = this.http.postBytes(ADMIN, PATH, "application/zip",
				zip(Map.of("园区/parks.csv", parks), Charset.forName("GBK")));
		assertThat(gbk.status()).as(gbk.text()).isEqualTo(400);
		assertThat(gbk.text()).contains("not valid UTF-8");

		// not a zip at all; a body over the upload bound; another content type
		assertThat(this.http.postBytes(ADMIN, PATH, "application/zip", parks).text()).contains("holds no dataset file");
		HttpGraphQl.Response large = this.http.postBytes(ADMIN, PATH, "application/zip", new byte[300 * 1024]);
		assertThat(large.status()).isEqualTo(413);
		assertThat(large.text()).contains("chaingraph.import.max-upload-size");
		HttpGraphQl.Response text = this.http.postBytes(ADMIN, PATH, "text/csv", parks);
		assertThat(text.status()).isEqualTo(415);
		assertThat(text.classification()).isEqualTo("BAD_REQUEST");

		// multipart: nested names, unknown files, the same file twice, too large
		assertThat(this.http.postMultipart(ADMIN, PATH, Map.of(), Map.of("a/b/parks.csv", parks)).text())
			.contains("nested folder");
		assertThat(this.http.postMultipart(ADMIN, PATH, Map.of(), Map.of("/etc/parks.csv", parks)).text())
			.contains("not a relative path");
		assertThat(this.http.postMultipart(ADMIN, PATH, Map.of(), Map.of("parks.xls", parks)).text())
			.contains("not a dataset file");
		assertThat(this.http.postMultipart(ADMIN, PATH, Map.of(), Map.of("parks.csv", parks, "ds/parks.csv", parks)).text())
			.contains("appears twice");
		HttpGraphQl.Response largeParts = this.http.postMultipart(ADMIN, PATH, Map.of(),
				Map.of("parks.csv", new byte[300 * 1024]));
		assertThat(largeParts.status()).as(largeParts.text()).isEqualTo(413);

		assertThat(runCount()).isEqualTo(runs);
		assertThat(GraphChecksum.dump(this.graph)).isEqualTo(before);
		assertThat(uploadFolders()).isEqualTo(folders);
	}

	@Test
	void secondUploadWaitsInTheQueueAndAThirdIsRefused() throws Exception {
		new Fixtures(this.graph).wipe();
		Path dir = new DatasetDir(this.tmp.resolve("ds")).write();
		this.imports.run(DatasetSource.fromDirectory(dir), false, ImportProgress.NONE, Actor.CLI);
		byte[] body = zip(entries("ds/", DatasetDir.VALID));
		String first;
		String second;
		// an open transaction holding t-park's lock: the first import blocks on its first batch
		try (Session session = this.graph.driver().session(); Transaction holder = session.beginTransaction()) {
			holder.run("MATCH (p:Park {id: 't-park'}) SET p.held = true").consume();
			first = accepted(this.http.postBytes(ADMIN, PATH, "application/zip", body));
			awaitRunningAndValidated(first);
			HttpGraphQl.Response queued = this.http.postBytes(ADMIN, PATH, "application/zip", body);
			second = accepted(queued);
			assertThat(queued.body().path("queuePosition").asInt()).isEqualTo(1);
			JsonNode waiting = run(second);
			assertThat(waiting.path("status").asString()).isEqualTo("QUEUED");
			assertThat(waiting.path("queuePosition").asInt()).isEqualTo(1);
			assertThat(waiting.path("actor").asString()).isEqualTo("admin");

			HttpGraphQl.Response full = this.http.postBytes(ADMIN, PATH, "application/zip", body);
			assertThat(full.status()).as(full.text()).isEqualTo(409);
			assertThat(full.classification()).isEqualTo("CONFLICT");
			assertThat(full.errors().path(0).path("message").asString())
				.contains("The import queue is full: " + first + " is running and 1 upload(s) wait")
				.contains("chaingraph.import.queue-size=1");
			assertThat(run(first).path("status").asString()).isEqualTo("RUNNING");
			holder.rollback();
		}
		assertThat(awaitEnd(first).path("status").asString()).isEqualTo("SUCCEEDED");
		JsonNode done = awaitEnd(second);
		assertThat(done.path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(done.path("queuePosition").isNull()).isTrue();
		assertThat(runCount()).isEqualTo(3);
	}

	/**
	 * Shutdown while an import runs (blocked on a row lock here) and another waits: the running one
	 * ends INTERRUPTED, the waiting one too, their folders go, and running the dataset again completes
	 * the graph. A queue of its own, so the service's queue keeps working for the other tests.
	 */
	@Test
	void shutdownInterruptsTheRunningAndTheWaitingImports() throws Exception {
		Fixtures fixtures = new Fixtures(this.graph);
		Path full = new DatasetDir(this.tmp.resolve("full")).write();
		fixtures.wipe();
		this.imports.run(DatasetSource.fromDirectory(full), false, ImportProgress.NONE, Actor.CLI);
		String clean = GraphChecksum.dump(this.graph);
		fixtures.wipe();
		Path parksOnly = this.tmp.resolve("parks");
		Files.createDirectories(parksOnly);
		Files.writeString(parksOnly.resolve("parks.csv"), DatasetDir.VALID.get("parks.csv"));
		this.imports.run(DatasetSource.fromDirectory(parksOnly, "full", "parks"), false, ImportProgress.NONE, Actor.CLI);

		ImportQueue queue = new ImportQueue(this.imports, this.graph, 1);
		Actor admin = new Actor("admin", "ADMIN");
		Path first = new DatasetDir(this.tmp.resolve("q1")).write();
		Path second = new DatasetDir(this.tmp.resolve("q2")).write();
		String running;
		String waiting;
		try (Session session = this.graph.driver().session(); Transaction holder = session.beginTransaction()) {
			holder.run("MATCH (p:Park {id: 't-park'}) SET p.held = true").consume();
			running = queue.submit(first, "full", "upload:full.zip", false, admin).runId();
			awaitRunningAndValidated(running);
			waiting = queue.submit(second, "full", "upload:full.zip", false, admin).runId();
			assertThat(queue.position(waiting)).isEqualTo(1);
			queue.destroy();
			holder.rollback();
		}
		JsonNode dropped = run(waiting);
		assertThat(dropped.path("status").asString()).isEqualTo("INTERRUPTED");
		assertThat(dropped.path("error").asString()).contains("upload the dataset again");
		assertThat(second).doesNotExist();
		JsonNode stopped = awaitEnd(running);
		assertThat(stopped.path("status").asString()).as(stopped.toString()).isEqualTo("INTERRUPTED");
		assertThat(stopped.path("error").asString()).startsWith("the service stopped during the import")
			.endsWith("run the same import again to complete it");
		assertThat(stopped.path("rowsDone").asLong()).isLessThanOrEqualTo(stopped.path("rows").asLong());
		await("the uploaded dataset deleted").atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> !Files.exists(first));
		assertThat(first).doesNotExist();
		assertThat(GraphChecksum.dump(this.graph)).isNotEqualTo(clean);

		// as after any interrupted run: the same dataset again completes the graph
		assertThat(this.imports.run(DatasetSource.fromDirectory(full), false, ImportProgress.NONE, Actor.CLI).status())
			.isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(GraphChecksum.dump(this.graph)).isEqualTo(clean);
	}

	@Test
	void staleQueuedRunsAreMarkedInterrupted() {
		new Fixtures(this.graph).wipe().cypher("""
				CREATE (:ImportRun {id: 'q-dead', dataset: 'upload:a.zip', status: 'QUEUED', heartbeat: datetime() - duration('PT5M'),
				                    started: datetime() - duration('PT5M'), rows: 0, rowsDone: 0, checksums: []}),
				       (:ImportRun {id: 'q-live', dataset: 'upload:b.zip', status: 'QUEUED', heartbeat: datetime(), started: datetime(),
				                    rows: 0, rowsDone: 0, checksums: []})""");
		assertThat(this.imports.recoverInterrupted(ImportService.STALE_AFTER)).containsExactly("q-dead");
		JsonNode dead = run("q-dead");
		assertThat(dead.path("status").asString()).isEqualTo("INTERRUPTED");
		assertThat(dead.path("error").asString()).contains("run it again");
		assertThat(run("q-live").path("status").asString()).isEqualTo("QUEUED");
	}

}
