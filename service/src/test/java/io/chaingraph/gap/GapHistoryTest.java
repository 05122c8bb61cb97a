package io.chaingraph.gap;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.chaingraph.audit.Actor;
import io.chaingraph.document.DocumentService;
import io.chaingraph.importing.ImportProgress;
import io.chaingraph.importing.ImportReport;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.support.DatasetDir;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.HttpGraphQl;
import io.chaingraph.support.SecuredIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gap history on the test dataset (t-park with its sub-park t-sub focuses on t-chain: t-n1 → t-n2 →
 * t-n3, t-n2a under t-n2; t-e1, LEADING, in t-park works in t-n2a, t-e2 in t-sub in t-n1): every kind
 * of write leaves a snapshot naming its cause, {@code chainGaps(asOf)} answers what {@code chainGaps}
 * answered then, and {@code gapChanges} names exactly the segments and enterprises a curation edit
 * changed. The snapshots are taken by {@link GapSnapshots#catchUp()} here (the poller is off in tests).
 */
class GapHistoryTest extends SecuredIntegrationTest {

	@Autowired
	GapSnapshots snapshots;

	@Autowired
	GapService gaps;

	@Autowired
	DocumentService documents;

	@TempDir
	Path tmp;

	String runId;

	@BeforeEach
	void load() {
		new Fixtures(this.graph).wipe();
		ImportReport report = this.imports.run(DatasetSource.fromDirectory(new DatasetDir(this.tmp.resolve("all")).write()),
				false, ImportProgress.NONE);
		assertThat(report.hasErrors()).isFalse();
		this.runId = this.graph.one("MATCH (r:ImportRun) RETURN r.id AS id ORDER BY r.started DESC LIMIT 1", Map.of(),
				r -> r.get("id").asString()).orElseThrow();
		this.snapshots.catchUp();
	}

	private OffsetDateTime now() {
		return this.graph.one("RETURN datetime() AS now", Map.of(), r -> r.get("now").asZonedDateTime().toOffsetDateTime())
			.orElseThrow();
	}

	private JsonNode ok(String token, String document, Map<String, ?> variables) {
		HttpGraphQl.Response response = this.http.post(token, document, variables);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.errors().isMissingNode() || response.errors().isEmpty()).as(response.text()).isTrue();
		return response.data();
	}

	/** A document of src/test/resources/graphql-test. */
	static String document(String name) {
		try (var in = GapHistoryTest.class.getClassLoader().getResourceAsStream("graphql-test/" + name + ".graphql")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private List<String> snapshotCauses(String park) {
		return this.graph.list("MATCH (s:GapSnapshot {park: $park}) RETURN s.chain + ' ' + s.causeKind + ' ' + s.cause AS c ORDER BY s.at, s.id",
				Map.of("park", park), r -> r.get("c").asString());
	}

	static final String REPORT = """
			query($asOf: DateTime) { chainGaps(parkId: "t-park", chainId: "t-chain", asOf: $asOf) {
			  coverage counts { segments present missing broken weak }
			  segments { node { id } localCount kind } gaps { node { id } kind localCount stage } } }""";

	@Autowired
	GapHistory history;

	/** What a report says of the segments, as a snapshot keeps it. */
	static String kept(GapModel.GapReport report) {
		StringBuilder text = new StringBuilder(report.coverage() + " " + report.counts() + "\n");
		report.segments().forEach(s -> text.append(s.node().id()).append(' ').append(s.localCount()).append(' ')
			.append(s.kind()).append('\n'));
		report.gaps().forEach(g -> text.append("gap ").append(g.node().id()).append(' ').append(g.kind()).append(' ')
			.append(g.localCount()).append(' ').append(g.stage()).append('\n'));
		return text.toString();
	}

	@Test
	void anImportLeavesASnapshotOfEachFocusChainNamingItsRun() {
		assertThat(snapshotCauses("t-park")).containsExactly("t-chain IMPORT " + this.runId);
		assertThat(snapshotCauses("t-sub")).isEmpty(); // no focus chain
		JsonNode history = ok(VIEWER, document("gapHistory"), Map.of("parkId", "t-park", "chainId", "t-chain"))
			.path("gapHistory");
		assertThat(history.size()).isEqualTo(1);
		JsonNode first = history.get(0);
		assertThat(first.path("causeKind").asString()).isEqualTo("IMPORT");
		assertThat(first.path("cause").asString()).isEqualTo(this.runId);
		assertThat(first.path("coverage").asDouble()).isEqualTo(0.75);
		assertThat(first.path("counts").path("missing").asInt()).isEqualTo(1);
		assertThat(first.path("segments").toString()).contains("{\"nodeId\":\"t-n3\",\"node\":{\"id\":\"t-n3\",\"name\":\"医院终端\"},\"localCount\":0,\"kind\":\"MISSING\"}");
		// no earlier list of the park's enterprises to compare with: none came
		assertThat(first.path("cameCount").asInt()).isZero();
		// nothing written since: nothing new
		assertThat(this.snapshots.catchUp().snapshots()).isZero();
		// a write that changes nothing of the park's report leaves no snapshot
		ok(EDITOR, "mutation { updateEnterprise(id: \"t-e3\", expectedVersion: 1, input: {employees: 901}) { version } }", Map.of());
		assertThat(this.snapshots.catchUp().snapshots()).isZero();
		// nor does one outside the time range asked for
		assertThat(ok(VIEWER, document("gapHistory"), Map.of("parkId", "t-park", "chainId", "t-chain", "to",
				OffsetDateTime.parse(first.path("at").asString()).minusSeconds(1).toString()))
			.path("gapHistory").size()).isZero();
	}

	@Test
	void asOfAnswersWhatChainGapsAnsweredThen() {
		String then = kept(this.gaps.chainGaps("t-park", "t-chain", 2));
		String thenWeak1 = kept(this.gaps.chainGaps("t-park", "t-chain", 1));
		OffsetDateTime between = now();
		// t-e2 leaves t-sub: t-n1 is no longer held in t-park
		ok(EDITOR, "mutation { moveToPark(id: \"t-e2\", parkId: \"t-other\", expectedVersion: 1) { version } }", Map.of());
		assertThat(this.snapshots.catchUp().snapshots()).isEqualTo(1);
		String after = kept(this.gaps.chainGaps("t-park", "t-chain", 2));
		assertThat(after).isNotEqualTo(then);
		assertThat(kept(this.history.asOf("t-park", "t-chain", between, 2))).isEqualTo(then);
		assertThat(kept(this.history.asOf("t-park", "t-chain", now(), 2))).isEqualTo(after);
		// another threshold: the kept counts give its WEAK segments
		assertThat(kept(this.history.asOf("t-park", "t-chain", between, 1))).isEqualTo(thenWeak1).isNotEqualTo(then);
		// through GraphQL (a rate-limit bucket of its own: chainGaps is an expensive query)
		JsonNode asOf = ok(ADMIN, REPORT, Map.of("asOf", between.toString())).path("chainGaps");
		assertThat(asOf.path("coverage").asDouble()).isEqualTo(0.75);
		assertThat(asOf.path("gaps").toString()).contains("{\"node\":{\"id\":\"t-n3\"},\"kind\":\"MISSING\",\"localCount\":0,\"stage\":\"DOWNSTREAM\"}");
		// before the first snapshot: none in force
		HttpGraphQl.Response none = this.http.post(ADMIN, REPORT, Map.of("asOf", between.minusDays(1).toString()));
		assertThat(none.classification()).as(none.text()).isEqualTo("NOT_FOUND");
	}

	@Test
	void gapChangesAfterACurationEditNamesExactlyWhatChanged() {
		OffsetDateTime since = now();
		ok(EDITOR, "mutation { moveToPark(id: \"t-e2\", parkId: \"t-other\", expectedVersion: 1) { version } }", Map.of());
		GapSnapshots.Written written = this.snapshots.catchUp();
		String change = this.graph.one("MATCH (c:Change {entityId: 't-e2', operation: 'MOVE'}) RETURN c.id AS id", Map.of(),
				r -> r.get("id").asString()).orElseThrow();
		assertThat(snapshotCauses("t-park")).containsExactly("t-chain IMPORT " + this.runId, "t-chain CURATION " + change);
		assertThat(written.transitions()).extracting(t -> t.nodeId() + ":" + t.from() + "->" + t.to())
			.containsExactly("t-n1:WEAK->MISSING");
		JsonNode changes = ok(VIEWER, document("gapChanges"), Map.of("parkId", "t-park", "since", since.toString()))
			.path("gapChanges");
		List<String> segments = new ArrayList<>();
		changes.path("segments").forEach(s -> segments.add(s.path("chain").path("id").asString() + " " + s.path("nodeId").asString()
				+ " " + s.path("from").asString() + "->" + s.path("to").asString() + " " + s.path("fromCount").asInt() + "->"
				+ s.path("toCount").asInt() + " " + s.path("causeKind").asString() + " " + s.path("cause").asString()));
		assertThat(segments).containsExactly("t-chain t-n1 WEAK->MISSING 1->0 CURATION " + change);
		List<String> enterprises = new ArrayList<>();
		changes.path("enterprises").forEach(e -> enterprises.add(e.path("enterpriseId").asString() + " "
				+ e.path("direction").asString() + " " + e.path("cause").asString()));
		assertThat(enterprises).containsExactly("t-e2 WENT " + change);
		// since the import's snapshot was written: nothing of the import, which came before
		assertThat(changes.path("park").path("id").asString()).isEqualTo("t-park");
	}

	/**
	 * A link to a segment cannot move an enterprise: its round reads no park's enterprises, so an enterprise
	 * that plain Cypher put in the park (no change recorded) is not named as coming with the link; the next
	 * change that may move enterprises compares them again and names it, beside the one it moved.
	 */
	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	/**
	 * With {@code keep} 2, each new snapshot of a park and chain beyond two deletes the oldest: the two newest
	 * stay, and the latest counts them; a latest snapshot written before the count was kept is counted once.
	 */
	@Test
	void onlyTheNewestSnapshotsAreKept() {
		GapSnapshots keepTwo = new GapSnapshots(this.graph, this.gaps, this.events,
				new GapHistoryProperties(java.time.Duration.ZERO, 2, 200));
		keepTwo.start();
		this.graph.write("MATCH (s:LatestGapSnapshot) REMOVE s.kept", Map.of());
		List<String> causes = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String mutation = (i % 2 == 0) ? "linkEnterpriseToNode(enterpriseId: \"t-e1\", nodeId: \"t-n3\")"
					: "unlinkEnterpriseFromNode(enterpriseId: \"t-e1\", nodeId: \"t-n3\")";
			ok(EDITOR, "mutation { " + mutation + " { version } }", Map.of());
			assertThat(keepTwo.catchUp().snapshots()).as("write %d", i).isPositive();
			causes.add(this.graph.one("MATCH (s:LatestGapSnapshot {park: 't-park', chain: 't-chain'}) RETURN s.cause AS c",
					Map.of(), r -> r.get("c").asString()).orElseThrow());
			assertThat(this.graph.one("""
					MATCH (s:GapSnapshot {park: 't-park', chain: 't-chain'})
					RETURN count(s) AS n, COLLECT { MATCH (l:LatestGapSnapshot {park: 't-park', chain: 't-chain'}) RETURN l.kept } AS kept""",
					Map.of(), r -> r.get("n").asLong() + " " + r.get("kept").asList()).orElseThrow())
				.as("write %d", i).isEqualTo("2 [2]");
		}
		assertThat(snapshotCauses("t-park").stream().filter(c -> c.startsWith("t-chain ")).toList())
			.containsExactly("t-chain CURATION " + causes.get(3), "t-chain CURATION " + causes.get(4));
	}

	@Test
	void aLinkReadsNoParksEnterprisesAMoveComparesThemAgain() {
		this.graph.write("""
				MATCH (p:Park {id: 't-park'})
				CREATE (:Enterprise:Entity {id: 't-ghost', name: '幽灵科技', aliases: [], tags: []})-[:LOCATED_IN]->(p)""",
				Map.of());
		ok(EDITOR, "mutation { linkEnterpriseToNode(enterpriseId: \"t-e1\", nodeId: \"t-n3\") { version } }", Map.of());
		GapSnapshots.Written link = this.snapshots.catchUp();
		assertThat(link.snapshots()).as("t-n3 now held by two").isPositive();
		assertThat(link.moves()).isEmpty();

		ok(EDITOR, "mutation { moveToPark(id: \"t-e2\", parkId: \"t-other\", expectedVersion: 1) { version } }", Map.of());
		GapSnapshots.Written move = this.snapshots.catchUp();
		assertThat(move.moves()).extracting(m -> m.parkId() + " " + m.enterpriseId() + " " + (m.came() ? "CAME" : "WENT"))
			.contains("t-park t-e2 WENT", "t-park t-ghost CAME");
	}

	@Test
	void anAcceptedProposalLeavesASnapshotNamingItsChange() {
		new Fixtures(this.graph).wipe();
		this.imports.run(DatasetSource.fromDirectory(Path.of("import", "wenzhou")), false, ImportProgress.NONE);
		this.snapshots.catchUp();
		String doc = this.documents.ingest("news.html", """
				<html><head><title>云软件谷新闻</title></head><body>
				<p>溫州國際云軟件谷近日簽約落地溫州甌海數據科技有限公司。</p><p>该公司将建设研发中心。</p>
				</body></html>""".getBytes(StandardCharsets.UTF_8), Actor.CLI).id();
		List<String> ids = new ArrayList<>();
		for (String kind : List.of("NEW_ENTITY", "IN_PARK")) {
			String proposal = this.graph.one("""
					MATCH (p:Proposal {kind: $kind})-[:FROM]->(:Document {id: $doc}) WHERE p.subjectName = '温州瓯海数据科技有限公司'
					RETURN p.id AS id""", Map.of("doc", doc, "kind", kind), r -> r.get("id").asString()).orElseThrow();
			ok(EDITOR, "mutation($id: ID!) { acceptProposal(id: $id) { resultId } }", Map.of("id", proposal));
			ids.add(proposal);
		}
		GapSnapshots.Written written = this.snapshots.catchUp();
		String move = this.graph.one("MATCH (c:Change {operation: 'MOVE'}) RETURN c.id AS id", Map.of(),
				r -> r.get("id").asString()).orElseThrow();
		// the enterprise came to park-cloud-valley and so to park-yigang-wugu above it
		assertThat(snapshotCauses("park-cloud-valley")).last().isEqualTo("chain-software PROPOSAL " + move);
		assertThat(snapshotCauses("park-yigang-wugu")).contains("chain-software PROPOSAL " + move,
				"chain-gene-drug PROPOSAL " + move);
		assertThat(written.moves()).extracting(m -> m.parkId() + " " + m.came())
			.containsExactlyInAnyOrder("park-cloud-valley true", "park-yigang-wugu true");

		// what a snapshot costs after one curation write, its statements planned already: the write, then the round
		String enterprise = written.moves().get(0).enterpriseId();
		List<String> parks = List.of("park-gene-valley", "park-cloud-valley", "park-gene-valley");
		for (int i = 0; i < parks.size(); i++) {
			long started = System.nanoTime();
			ok(EDITOR, "mutation { moveToPark(id: \"" + enterprise + "\", parkId: \"" + parks.get(i) + "\", expectedVersion: "
					+ (2 + i) + ") { version } }", Map.of());
			long write = System.nanoTime() - started;
			started = System.nanoTime();
			GapSnapshots.Written round = this.snapshots.catchUp();
			long snapshot = System.nanoTime() - started;
			assertThat(round.moves()).extracting(m -> m.parkId() + " " + m.came()).containsExactlyInAnyOrder(
					(i % 2 == 0) ? new String[] { "park-cloud-valley false", "park-gene-valley true" } // still in park-yigang-wugu
							: new String[] { "park-cloud-valley true", "park-gene-valley false" });
			org.slf4j.LoggerFactory.getLogger(GapHistoryTest.class)
				.info("Gap history on the sample data, round {}: a curation write took {} ms over HTTP, the snapshots after it {} ms"
						+ " ({} written, in the background, not in the write)", i + 1, write / 1_000_000, snapshot / 1_000_000,
						round.snapshots());
		}
	}

}
