package io.chaingraph.importing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import io.chaingraph.audit.Actor;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.HttpGraphQl;
import io.chaingraph.support.SecuredIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Curation mutations and HTTP imports on the same enterprises at the same time lose no update: two
 * editors update descriptions with {@code expectedVersion} (retrying on CONFLICT, as a client does)
 * while four uploads rewrite every enterprise's staff figure. Afterwards every acknowledged edit is
 * either in the graph at its version or superseded by a later version, no two acknowledged edits
 * share a version, every version step is accounted for by an edit or an import update, and the last
 * import's values are all there.
 */
class ConcurrentImportTest extends SecuredIntegrationTest {

	static final int ENTERPRISES = 30;

	static final int IMPORTS = 4;

	static final int MIN_EDITS_PER_EDITOR = 15;

	static final String UPDATE = """
			mutation($id: ID!, $v: Int!, $input: EnterprisePatch!) {
			  updateEnterprise(id: $id, expectedVersion: $v, input: $input) { version description }
			}""";

	record Ack(String id, int version, String description) {
	}

	static Map<String, String> dataset(int employees) {
		StringBuilder enterprises = new StringBuilder("id,name,parkId,employees\n");
		for (int i = 0; i < ENTERPRISES; i++) {
			enterprises.append("c-%02d,企业%02d,c-park,%d%n".formatted(i, i, employees));
		}
		Map<String, String> files = new LinkedHashMap<>();
		files.put("parks.csv", "id,name\nc-park,并发园\n");
		files.put("enterprises.csv", enterprises.toString());
		return files;
	}

	@Test
	void editsDuringImportsAreKeptOrVisiblySuperseded(@TempDir Path tmp)
			throws Exception {
		new Fixtures(this.graph).wipe();
		Path dir = tmp.resolve("conc");
		Files.createDirectories(dir);
		for (Map.Entry<String, String> file : dataset(100).entrySet()) {
			Files.writeString(dir.resolve(file.getKey()), file.getValue());
		}
		assertThat(this.imports.run(DatasetSource.fromDirectory(dir), false, ImportProgress.NONE, Actor.CLI).status())
			.isEqualTo(ImportStatus.SUCCEEDED);

		AtomicBoolean importsDone = new AtomicBoolean();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<List<Ack>>> editors = new ArrayList<>();
		for (String token : List.of(EDITOR, EDITOR2)) {
			editors.add(pool.submit(() -> edit(token, start, importsDone)));
		}
		long updatedByImports = 0;
		try {
			start.countDown();
			for (int k = 1; k <= IMPORTS; k++) {
				Map<String, byte[]> files = new LinkedHashMap<>();
				dataset(100 + k).forEach((name, text) -> files.put(name, text.getBytes(StandardCharsets.UTF_8)));
				HttpGraphQl.Response response = this.http.postMultipart(ADMIN, "/api/imports", Map.of("name", "conc"),
						files);
				assertThat(response.status()).as(response.text()).isEqualTo(202);
				JsonNode run = awaitEnd(response.body().path("runId").asString());
				assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
				assertThat(run.path("rowsDone").asLong()).isEqualTo(ENTERPRISES + 1);
				for (JsonNode file : run.path("files")) {
					if (file.path("file").asString().equals("enterprises.csv")) {
						// every row differs from the graph (new staff figure), so every one is updated
						assertThat(file.path("nodesUpdated").asLong()).isEqualTo(ENTERPRISES);
						updatedByImports += file.path("nodesUpdated").asLong();
					}
				}
			}
		}
		finally {
			importsDone.set(true);
		}
		List<Ack> acks = new ArrayList<>();
		for (Future<List<Ack>> editor : editors) {
			acks.addAll(editor.get());
		}
		pool.shutdown();

		Map<String, Map<String, Object>> stored = new HashMap<>();
		this.graph.list("MATCH (e:Enterprise) RETURN e.id AS id, properties(e) AS p", Map.of(),
				r -> stored.put(r.get("id").asString(), r.get("p").asMap()));
		assertThat(stored).hasSize(ENTERPRISES);
		// every acknowledged edit is there at its version, or a later version superseded it
		for (Ack ack : acks) {
			Map<String, Object> now = stored.get(ack.id());
			long version = (Long) now.get("version");
			assertThat(version).as("%s", ack).isGreaterThanOrEqualTo(ack.version());
			if (version == ack.version()) {
				assertThat(now.get("description")).as("%s lost its edit under the same version", ack)
					.isEqualTo(ack.description());
			}
		}
		// no two acknowledged edits of one enterprise got the same version
		Set<String> versions = new HashSet<>();
		for (Ack ack : acks) {
			assertThat(versions.add(ack.id() + "@" + ack.version())).as("two acknowledged edits at %s", ack).isTrue();
		}
		// each version step is one acknowledged edit or one import update: none was overwritten in place
		long steps = stored.values().stream().mapToLong(p -> (Long) p.get("version") - 1).sum();
		assertThat(steps).isEqualTo(acks.size() + updatedByImports);
		// the imports' rows are all there: curators never touched the staff figure
		assertThat(stored.values()).allSatisfy(p -> assertThat(p.get("employees")).isEqualTo(100L + IMPORTS));
		assertThat(acks.size()).isGreaterThanOrEqualTo(2 * MIN_EDITS_PER_EDITOR);
	}

	/** One editor: reads an enterprise, updates its description at that version, retries on CONFLICT. */
	private List<Ack> edit(String token, CountDownLatch start, AtomicBoolean importsDone) throws Exception {
		start.await();
		List<Ack> acks = new ArrayList<>();
		int conflicts = 0;
		for (int i = 0; i < MIN_EDITS_PER_EDITOR || !importsDone.get(); i++) {
			String id = "c-%02d".formatted((i * 7 + (token.equals(EDITOR) ? 0 : 3)) % ENTERPRISES);
			String description = token.substring(0, 7) + "-" + i;
			while (true) {
				int version = this.http.post(token, "{ enterprise(id: \"" + id + "\") { version } }").data()
					.path("enterprise").path("version").asInt();
				HttpGraphQl.Response r = this.http.post(token, UPDATE,
						Map.of("id", id, "v", version, "input", Map.of("description", description)));
				if (r.classification().equals("CONFLICT")) {
					conflicts++;
					continue;
				}
				assertThat(r.errors().isMissingNode() || r.errors().isEmpty()).as(r.text()).isTrue();
				JsonNode written = r.data().path("updateEnterprise");
				assertThat(written.path("description").asString()).isEqualTo(description);
				acks.add(new Ack(id, written.path("version").asInt(), description));
				break;
			}
		}
		System.out.println("ConcurrentImportTest: " + token.substring(0, 7) + " " + acks.size() + " edits, " + conflicts
				+ " CONFLICT retries");
		return acks;
	}

	private JsonNode awaitEnd(String runId) {
		return await("run " + runId + " ended").atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> this.http.post(VIEWER, "query($id: ID!) { importRun(id: $id) { status rowsDone error "
					+ "files { file nodesUpdated } } }", Map.of("id", runId)).data().path("importRun"),
					run -> !Set.of("QUEUED", "RUNNING").contains(run.path("status").asString()));
	}

}
