package io.chaingraph.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.chaingraph.audit.Actor;
import io.chaingraph.importing.ImportProgress;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.HttpGraphQl;
import io.chaingraph.support.SecuredIntegrationTest;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Ingest and review of documents on the sample dataset (import/wenzhou): the seed news report
 * (src/test/resources/documents, source noted in its README) gives the proposals the report's
 * facts call for, changes nothing in the graph, and is stored once; an editor's acceptance goes
 * through curation.
 */
class DocumentIngestTest extends SecuredIntegrationTest {

	static final String SEED = "documents/wenzhou-yigang-wugu-news.txt";

	@Autowired
	DocumentService documents;

	@BeforeEach
	void loadSampleDataset() {
		new Fixtures(this.graph).wipe();
		this.imports.run(DatasetSource.fromDirectory(Path.of("import", "wenzhou")), false, ImportProgress.NONE);
	}

	static byte[] resource(String name) {
		try (InputStream in = DocumentIngestTest.class.getClassLoader().getResourceAsStream(name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private List<Map<String, Object>> proposals(String documentId) {
		return this.graph.list("MATCH (p:Proposal)-[:FROM]->(:Document {id: $id}) RETURN properties(p) AS p ORDER BY p.id",
				Map.of("id", documentId), r -> r.get("p").asMap());
	}

	private static boolean has(List<Map<String, Object>> proposals, String kind, String subject, String object,
			Object value) {
		return proposals.stream()
			.anyMatch(p -> kind.equals(p.get("kind")) && subject.equals(p.get("subjectName"))
					&& (object == null || object.equals(p.get("objectName")))
					&& (value == null || value.equals(p.get("count")) || value.equals(p.get("value"))));
	}

	private String graphState() {
		return this.graph.one("""
				MATCH (n:Entity) WITH count(n) AS nodes, sum(n.version) AS versions
				RETURN nodes + ':' + versions + ':' + COUNT { MATCH (:Entity)-[r]->(:Entity) RETURN r } + ':'
				       + COUNT { MATCH (c:Change) RETURN c } AS state""", Map.of(), r -> r.get("state").asString())
			.orElseThrow();
	}

	@Test
	void theSeedReportGivesItsFactsAsProposalsAndChangesNothingElse() {
		String before = graphState();
		DocumentService.Ingested ingested = this.documents.ingest("wenzhou-yigang-wugu-news.txt", resource(SEED),
				Actor.CLI);
		assertThat(ingested.created()).isTrue();
		List<Map<String, Object>> proposals = proposals(ingested.id());
		proposals.forEach(p -> System.out.println(p.get("kind") + " " + p.get("subjectName") + " -> "
				+ p.get("objectName") + " " + p.get("count") + " " + p.get("value") + " " + p.get("confidence")));
		assertThat(proposals).allMatch(p -> "PENDING".equals(p.get("status")));
		assertThat(has(proposals, "MENTION", "中国基因药谷", null, null)).isTrue();
		assertThat(has(proposals, "MENTION", "温州国际云软件谷", null, null)).isTrue();
		assertThat(has(proposals, "MENTION", "海派生命健康科创园", null, null)).isTrue();
		assertThat(has(proposals, "MENTION", "温州市人工智能计算中心", null, null)).isTrue();
		assertThat(has(proposals, "MENTION", "国技互联", null, null)).isTrue();
		assertThat(has(proposals, "IN_PARK", "海派生命健康科创园", "中国基因药谷", null)).isTrue();
		assertThat(has(proposals, "IN_PARK", "温州市人工智能计算中心", "温州国际云软件谷", null)).isTrue();
		assertThat(has(proposals, "IN_PARK", "国技互联", "温州国际云软件谷", null)).isTrue();
		assertThat(has(proposals, "COUNT", "中国基因药谷", null, 276L)).isTrue();
		for (String chain : List.of("转化链", "产业链", "孵化链", "金融链")) {
			assertThat(has(proposals, "CHAIN", "中国基因药谷", null, chain)).as(chain).isTrue();
		}
		// evidence: the span is the name's place in the stored (normalised) text
		String text = this.graph.one("MATCH (d:Document {id: $id}) RETURN d.text AS t", Map.of("id", ingested.id()),
				r -> r.get("t").asString()).orElseThrow();
		assertThat(text).contains("调研").doesNotContain("(diào)").doesNotContain("國");
		Map<String, Object> guoji = proposals.stream()
			.filter(p -> "MENTION".equals(p.get("kind")) && "国技互联".equals(p.get("subjectName")))
			.findFirst()
			.orElseThrow();
		assertThat(text.substring(((Long) guoji.get("start")).intValue(), ((Long) guoji.get("end")).intValue()))
			.isEqualTo("国技互联");
		assertThat((String) guoji.get("sentence")).contains("国技互联等入驻企业");
		assertThat(graphState()).as("nothing a document says changes the graph").isEqualTo(before);

		// the same document again: nothing changes
		DocumentService.Ingested again = this.documents.ingest("copy.txt", resource(SEED), Actor.CLI);
		assertThat(again.created()).isFalse();
		assertThat(again.id()).isEqualTo(ingested.id());
		assertThat(proposals(ingested.id())).hasSameSizeAs(proposals);
		assertThat(this.graph.one("MATCH (d:Document) RETURN count(d) AS n", Map.of(), r -> r.get("n").asLong()))
			.contains(1L);
	}

	static final String ACCEPT = "mutation($id: ID!) { acceptProposal(id: $id) { id status reviewedBy resultId resultVersion } }";

	static final String REJECT = "mutation($id: ID!, $r: String) { rejectProposal(id: $id, reason: $r) { id status reason } }";

	private String proposalId(String documentId, String kind, String subject) {
		return proposals(documentId).stream()
			.filter(p -> kind.equals(p.get("kind")) && subject.equals(p.get("subjectName")))
			.map(p -> (String) p.get("id"))
			.findFirst()
			.orElseThrow(() -> new AssertionError(kind + " " + subject + " not in " + proposals(documentId)));
	}

	@Test
	void anEditorAcceptsANewEnterpriseAndItsParkThroughCuration() {
		String doc = this.documents.ingest("news.html", """
				<html><head><title>云软件谷新闻</title></head><body>
				<p>溫州國際云軟件谷近日簽約落地溫州甌海數據科技有限公司。</p><p>该公司将建设研发中心。</p>
				</body></html>""".getBytes(StandardCharsets.UTF_8), Actor.CLI).id();
		String company = "温州瓯海数据科技有限公司";
		String create = proposalId(doc, "NEW_ENTITY", company);
		String place = proposalId(doc, "IN_PARK", company);

		// a viewer may not; placing before the enterprise exists is refused with the reason
		HttpGraphQl.Response refused = this.http.post(VIEWER, ACCEPT, Map.of("id", create));
		assertThat(refused.errors().isEmpty()).as(refused.text()).isFalse();
		HttpGraphQl.Response early = this.http.post(EDITOR, ACCEPT, Map.of("id", place));
		assertThat(early.errors().toString()).contains("NEW_ENTITY");

		JsonNode created = ok(EDITOR, ACCEPT, Map.of("id", create)).path("acceptProposal");
		assertThat(created.path("status").asString()).isEqualTo("ACCEPTED");
		assertThat(created.path("reviewedBy").asString()).isEqualTo("editor");
		String enterprise = created.path("resultId").asString();
		assertThat(this.graph.one("MATCH (e:Enterprise {id: $id}) RETURN e.name AS n, e.source AS s",
				Map.of("id", enterprise), r -> r.get("n").asString() + "|" + r.get("s").asString()))
			.contains(company + "|document:" + doc);

		JsonNode placed = ok(EDITOR, ACCEPT, Map.of("id", place)).path("acceptProposal");
		assertThat(placed.path("resultVersion").asInt()).isEqualTo(2);
		assertThat(this.graph.list("MATCH (:Enterprise {id: $id})-[:LOCATED_IN]->(p:Park) RETURN p.id AS p",
				Map.of("id", enterprise), r -> r.get("p").asString())).containsExactly("park-cloud-valley");
		// the audit trail has both, by the editor
		assertThat(this.graph.list("MATCH (c:Change {entityId: $id}) WITH c ORDER BY c.at RETURN c.operation + ':' + c.actor AS c",
				Map.of("id", enterprise), r -> r.get("c").asString())).containsExactly("CREATE:editor", "MOVE:editor");

		// reviewed once only
		assertThat(this.http.post(EDITOR, ACCEPT, Map.of("id", create)).errors().toString()).contains("ACCEPTED");
		String mention = proposalId(doc, "MENTION", "温州国际云软件谷");
		JsonNode rejected = ok(EDITOR, REJECT, Map.of("id", mention, "r", "不相关")).path("rejectProposal");
		assertThat(rejected.path("status").asString()).isEqualTo("REJECTED");
		assertThat(rejected.path("reason").asString()).isEqualTo("不相关");

		// what the review queue shows
		JsonNode pending = ok(VIEWER, """
				{ proposals(status: PENDING, first: 50) { edges { cursor node { kind subject { id name type } object { id }
				  sentence start end documentId } } pageInfo { hasNextPage } }
				  document(id: "%s") { title text mentions { kind subject { name } } proposals { id status } } }"""
			.formatted(doc), Map.of());
		assertThat(pending.path("document").path("title").asString()).isEqualTo("云软件谷新闻");
		assertThat(pending.path("document").path("proposals").size()).isEqualTo(3);
		assertThat(pending.path("proposals").path("edges").toString()).doesNotContain("\"MENTION\",\"subject\":{\"id\":\"park-cloud-valley\"");
	}

	private JsonNode ok(String token, String document, Map<String, ?> variables) {
		HttpGraphQl.Response response = this.http.post(token, document, variables);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.errors().isMissingNode() || response.errors().isEmpty()).as(response.text()).isTrue();
		return response.data();
	}

	@Test
	void documentsArePagedByCursor() {
		for (int i = 0; i < 3; i++) {
			this.documents.ingest("n" + i + ".txt", ("中国基因药谷第" + i + "篇报道。").getBytes(StandardCharsets.UTF_8),
					Actor.CLI);
		}
		JsonNode first = ok(VIEWER, "{ documents(first: 2) { edges { cursor node { id sha256 length } } pageInfo { hasNextPage endCursor } } }",
				Map.of()).path("documents");
		assertThat(first.path("edges").size()).isEqualTo(2);
		assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
		JsonNode rest = ok(VIEWER, "query($a: String) { documents(first: 2, after: $a) { edges { node { id } } pageInfo { hasNextPage } } }",
				Map.of("a", first.path("pageInfo").path("endCursor").asString())).path("documents");
		assertThat(rest.path("edges").size()).isEqualTo(1);
		assertThat(rest.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
	}

	@Test
	void aDocxIsReadAndAZipBombDisguisedAsDocxIsRefused() throws IOException {
		ByteArrayOutputStream docx = new ByteArrayOutputStream();
		try (XWPFDocument document = new XWPFDocument()) {
			document.createParagraph().createRun().setText("国技互联入驻溫州國際云軟件谷。");
			document.write(docx);
		}
		String id = this.documents.ingest("a.docx", docx.toByteArray(), Actor.CLI).id();
		assertThat(proposals(id)).anyMatch(p -> "IN_PARK".equals(p.get("kind")) && "国技互联".equals(p.get("subjectName"))
				&& "park-cloud-valley".equals(p.get("objectId")));

		// a .docx whose document part inflates from a few KB to 50 MB
		ByteArrayOutputStream bomb = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
					+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			byte[] zeros = new byte[1 << 20];
			for (int i = 0; i < 50; i++) {
				zip.write(zeros);
			}
		}
		String state = graphState();
		assertThatThrownBy(() -> this.documents.ingest("bomb.docx", bomb.toByteArray(), Actor.CLI))
			.isInstanceOf(DocumentText.Unreadable.class)
			.hasMessageContaining("bomb.docx");
		assertThatThrownBy(() -> this.documents.ingest("x.pdf", new byte[] { 1 }, Actor.CLI))
			.isInstanceOf(DocumentText.Unreadable.class);
		assertThatThrownBy(() -> this.documents.ingest("gbk.txt", "中国基因药谷".getBytes(java.nio.charset.Charset.forName("GB18030")), Actor.CLI))
			.hasMessageContaining("UTF-8");
		assertThat(graphState()).isEqualTo(state);
		assertThat(this.graph.one("MATCH (d:Document) RETURN count(d) AS n", Map.of(), r -> r.get("n").asLong()))
			.contains(1L);
	}

	private long documentCount() {
		return this.graph.one("MATCH (d:Document) RETURN count(d) AS n", Map.of(), r -> r.get("n").asLong()).orElseThrow();
	}

	@Test
	void anAdminUploadsDocumentsOverHttpAndAnUnreadableOneStoresNothing() {
		String news = "<html><head><title>云软件谷</title></head><body><p>国技互联入驻温州国际云软件谷。</p></body></html>";
		Map<String, byte[]> files = new java.util.LinkedHashMap<>();
		files.put("news.html", news.getBytes(StandardCharsets.UTF_8));
		files.put("policy.txt", "中国基因药谷引育生态企业276家。".getBytes(StandardCharsets.UTF_8));

		// an editor may review but not upload; no token at all is 401
		assertThat(this.http.postMultipart(EDITOR, "/api/documents", Map.of(), files).status()).isEqualTo(403);
		assertThat(this.http.postMultipart(null, "/api/documents", Map.of(), files).status()).isEqualTo(401);
		assertThat(documentCount()).isZero();

		// one unreadable document among them: none is stored, each refusal named
		Map<String, byte[]> mixed = new java.util.LinkedHashMap<>(files);
		mixed.put("scan.pdf", new byte[] { '%', 'P', 'D', 'F' });
		HttpGraphQl.Response refused = this.http.postMultipart(ADMIN, "/api/documents", Map.of(), mixed);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text()).contains("scan.pdf: not a document this service reads", "nothing was stored");
		assertThat(documentCount()).isZero();

		HttpGraphQl.Response stored = this.http.postMultipart(ADMIN, "/api/documents", Map.of(), files);
		assertThat(stored.status()).as(stored.text()).isEqualTo(200);
		JsonNode documents = stored.body().path("documents");
		assertThat(documents.size()).isEqualTo(2);
		assertThat(documents.get(0).path("file").asString()).isEqualTo("news.html");
		assertThat(documents.get(0).path("created").asBoolean()).isTrue();
		assertThat(documents.get(0).path("proposals").asInt()).isPositive();
		String id = documents.get(0).path("id").asString();
		assertThat(proposals(id)).anyMatch(p -> "IN_PARK".equals(p.get("kind")) && "国技互联".equals(p.get("subjectName")));
		assertThat(this.graph.one("MATCH (d:Document {id: $id}) RETURN d.ingestedBy AS by", Map.of("id", id),
				r -> r.get("by").asString())).contains("admin");

		// one document as the body, named by ?name=; the same text again stores nothing new
		HttpGraphQl.Response again = this.http.postBytes(ADMIN, "/api/documents?name=copy.html", "text/html",
				news.getBytes(StandardCharsets.UTF_8));
		assertThat(again.status()).as(again.text()).isEqualTo(200);
		assertThat(again.body().path("documents").get(0).path("created").asBoolean()).isFalse();
		assertThat(again.body().path("documents").get(0).path("id").asString()).isEqualTo(id);
		assertThat(this.http.postBytes(ADMIN, "/api/documents", "text/plain", new byte[] { 'x' }).text())
			.contains("name the document");
		assertThat(documentCount()).isEqualTo(2);
	}

}
