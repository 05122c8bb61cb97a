package io.chaingraph.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.chaingraph.support.Chromium;
import io.chaingraph.support.JarProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The network explorer in a real browser against the packaged jar: the system's headless Chromium, driven by
 * the system's chromedriver (nothing is downloaded; Selenium Manager is not used). Search in traditional
 * script, the gene valley's neighbourhood with its "+n more", its chain view with the BROKEN segments in the
 * gap colour, the fill candidates of a broken segment, expanding a node, the park comparison, an API error
 * shown on the page, phone width, and a PNG export. Screenshots go to target/screenshots/ for review.
 * Expected values are worked out from the GraphQL API in the test, not written down.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExplorerIT {

	static final Path SHOTS = Path.of("target", "screenshots").toAbsolutePath();


	static final JsonMapper json = JsonMapper.builder().build();

	static final String ADMIN_TOKEN = "explorer-admin-token-0123456789";

	static final String EDITOR_TOKEN = "explorer-editor-token-0123456789";

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TempDir
	static Path work;

	static JarProcess service;

	static String base;

	static ChromeDriver driver;

	static WebDriverWait wait;

	static Path downloads;

	@BeforeAll
	static void startServiceAndBrowser() throws Exception {
		assumeTrue(Chromium.installed(),
				"Skipping the explorer browser test: needs Chromium at " + Chromium.BINARY + " and chromedriver at " + Chromium.DRIVER
						+ " (Debian: apt-get install chromium chromium-driver; .ci/run installs them)");
		String running = System.getProperty("explorer.url", "");
		if (running.isBlank()) {
			startService();
		}
		else { // a service already running with the sample data (handy while working on the page)
			base = running.endsWith("/") ? running : running + "/";
		}

		Files.createDirectories(SHOTS);
		downloads = Files.createDirectories(work.resolve("downloads"));
		driver = Chromium.start(options -> {
			options.addArguments("--window-size=1366,768", "--force-device-scale-factor=1", "--lang=zh-CN");
			options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
					"download.prompt_for_download", false));
		});
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		wait = new WebDriverWait(driver, Duration.ofSeconds(40));
	}

	static void startService() {
		service = JarProcess.startService("--chaingraph.data-dir=" + work.resolve("data"),
				// the test checks the page, not speed: a generous bound keeps it steady on a busy machine
				"--chaingraph.query.timeout=60s",
				"--chaingraph.security.tokens=admin:ADMIN:" + ADMIN_TOKEN + ",editor:EDITOR:" + EDITOR_TOKEN);
		base = service.uri("/").toString();
	}

	@AfterAll
	static void stop() throws Exception {
		if (driver != null) {
			driver.quit();
		}
		if (service != null) {
			service.close();
		}
	}

	@Test
	@Order(1)
	void searchInTraditionalScriptOpensTheGeneValleyWithItsNeighbourhood() throws Exception {
		driver.get(base);
		WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.id("search-input")));
		input.sendKeys("基因藥谷", Keys.ENTER);
		By hit = By.cssSelector("#search-results button.hit[data-id='park-gene-valley']");
		wait.until(ExpectedConditions.elementToBeClickable(hit)).click();

		wait.until(d -> js("return !!(window.cy && cy.getElementById('park-gene-valley').nonempty() && cy.$('[type = \"More\"]').length + cy.nodes().length > 1)"));
		wait.until(ExpectedConditions.textToBe(By.id("details-title"), "中国基因药谷"));
		assertThat(driver.getCurrentUrl()).contains("#/network/park-gene-valley");

		// 10 neighbours drawn per expansion; the rest behind "+n more", n worked out from the API.
		int neighbours = api("{ network(id: \"park-gene-valley\", depth: 1, limit: 500) { nodes { depth } } }")
			.at("/network/nodes").findValues("depth").stream().mapToInt(JsonNode::asInt).map(d -> d > 0 ? 1 : 0).sum();
		assertThat(neighbours).as("sample data gives the gene valley more neighbours than one expansion draws").isGreaterThan(10);
		assertThat(drawnEntities()).hasSize(1 + 10);
		assertThat(js("return cy.getElementById('more:park-gene-valley').data('label')")).isEqualTo("+" + (neighbours - 10) + " more");

		clickNode("more:park-gene-valley");
		wait.until(d -> drawnEntities().size() == 1 + Math.min(neighbours, 20));
		screenshot("network-view");
	}

	@Test
	@Order(2)
	void chainViewColoursTheBrokenSegmentsAndListsCandidates() throws Exception {
		driver.findElement(By.cssSelector("#panel a[href='#/chain/chain-gene-drug?park=park-gene-valley']")).click();
		wait.until(d -> js("return !!(window.cy && cy.getElementById('node-gd-viral-vector').nonempty() && cy.getElementById('node-gd-viral-vector').data('gap'))"));
		assertThat(driver.getCurrentUrl()).contains("#/chain/chain-gene-drug?park=park-gene-valley");

		JsonNode report = api("{ chainGaps(parkId: \"park-gene-valley\", chainId: \"chain-gene-drug\") { segments { node { id } localCount kind } } }");
		Map<String, String> kindOf = new HashMap<>();
		Map<String, Integer> countOf = new HashMap<>();
		for (JsonNode s : report.at("/chainGaps/segments")) {
			kindOf.put(s.at("/node/id").asString(), s.get("kind").isNull() ? "OK" : s.get("kind").asString());
			countOf.put(s.at("/node/id").asString(), s.get("localCount").asInt());
		}
		assertThat(kindOf).containsEntry("node-gd-viral-vector", "BROKEN");

		String brokenColour = legendColour("BROKEN");
		Set<String> legendColours = Stream.of("BROKEN", "MISSING", "WEAK", "OK").map(ExplorerIT::legendColour).collect(Collectors.toSet());
		assertThat(legendColours).as("every gap kind has its own colour").hasSize(4);
		// Every segment is drawn in the colour the legend gives its gap kind, and labelled with its local count.
		for (Map.Entry<String, String> segment : kindOf.entrySet()) {
			String id = segment.getKey();
			assertThat(nodeColour(id)).as(id).isEqualTo(legendColour(segment.getValue()));
			assertThat((String) js("return cy.getElementById(arguments[0]).data('label')", id)).as(id)
				.endsWith("本地 " + countOf.get(id) + " 家");
		}
		assertThat(nodeColour("node-gd-viral-vector")).isEqualTo(brokenColour);
		// FEEDS arrows: every edge into the broken segment is drawn as a cut.
		assertThat((Long) js("return cy.getElementById('node-gd-viral-vector').incomers('edge.feeds').length")).isPositive();
		assertThat((Boolean) js("return cy.getElementById('node-gd-viral-vector').incomers('edge.feeds').every(e => e.hasClass('cut'))")).isTrue();
		// Lanes: upstream segments left of midstream, midstream left of downstream.
		assertThat((Boolean) js("""
				const x = s => cy.nodes('.segment').filter(n => n.data('stage') === s).map(n => n.position('x'));
				return Math.max(...x('UPSTREAM')) < Math.min(...x('MIDSTREAM')) && Math.max(...x('MIDSTREAM')) < Math.min(...x('DOWNSTREAM'));
				""")).isTrue();

		clickNode("node-gd-viral-vector");
		wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#candidates li.candidate"), 0));
		assertThat(driver.getCurrentUrl()).contains("node=node-gd-viral-vector");
		JsonNode candidates = api("{ gapCandidates(parkId: \"park-gene-valley\", nodeId: \"node-gd-viral-vector\", first: 10) { edges { node { enterprise { name } reasons } } } }")
			.get("gapCandidates").get("edges");
		List<String> expectedNames = new ArrayList<>();
		candidates.forEach(c -> expectedNames.add(c.at("/node/enterprise/name").asString()));
		List<WebElement> shown = driver.findElements(By.cssSelector("#candidates li.candidate"));
		assertThat(shown.stream().map(li -> li.findElement(By.cssSelector(".candidate-head a")).getText()).toList())
			.isEqualTo(expectedNames);
		assertThat(shown.get(0).findElements(By.cssSelector(".reasons li")).stream().map(WebElement::getText).toList())
			.containsExactlyElementsOf(textList(candidates.get(0).at("/node/reasons")));
		screenshot("chain-view");

		// The selection survives a reload: the URL is the view.
		driver.navigate().refresh();
		wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#candidates li.candidate"), 0));
		assertThat((Boolean) js("return cy.getElementById('node-gd-viral-vector').selected()")).isTrue();
	}

	@Test
	@Order(3)
	void clickingANodeExpandsIt() throws Exception {
		driver.get(base + "#/network/park-gene-valley");
		wait.until(d -> js("return !!(window.cy && cy.getElementById('more:park-gene-valley').nonempty())"));
		// The drawn enterprise with the most neighbours not yet drawn, worked out from the API.
		Set<String> drawn = drawnEntities();
		String target = null;
		Set<String> targetNew = Set.of();
		for (String id : new TreeSet<>(drawn)) {
			if (!id.startsWith("ent-")) {
				continue;
			}
			Set<String> fresh = new TreeSet<>(api("{ network(id: \"" + id + "\", depth: 1, limit: 500) { nodes { id } } }")
				.at("/network/nodes").findValuesAsString("id"));
			fresh.removeAll(drawn);
			if (fresh.size() > targetNew.size()) {
				target = id;
				targetNew = fresh;
			}
		}
		assertThat(target).as("a drawn enterprise with undrawn neighbours").isNotNull();
		int before = drawn.size();
		clickNode(target);
		String expanded = target;
		wait.until(d -> Boolean.TRUE.equals(js("return cy.getElementById(arguments[0]).data('expanded') === true", expanded)));
		int expectedNew = Math.min(10, targetNew.size());
		wait.until(d -> drawnEntities().size() == before + expectedNew);
		assertThat(drawnEntities()).containsAll(targetNew.size() <= 10 ? targetNew : Set.of());
		assertThat(driver.getCurrentUrl()).contains("expand=" + target);
		screenshot("network-expanded");

		// Export of the drawing as PNG (a real download of cy.png).
		driver.findElement(By.id("export-png")).click();
		Path png = awaitDownload(".png");
		byte[] head = Files.readAllBytes(png);
		assertThat(head).startsWith(0x89, 'P', 'N', 'G');

		// Export of the drawn subgraph as JSON: exactly the entities on the canvas.
		driver.findElement(By.id("export-json")).click();
		JsonNode exported = json.readTree(awaitDownload(".json").toFile());
		assertThat(new TreeSet<>(exported.get("nodes").findValuesAsString("id"))).isEqualTo(drawnEntities());
		assertThat(exported.get("edges").size()).isEqualTo(((Number) js("return cy.edges().filter(e => e.data('type') !== 'More').length")).intValue());
	}

	@Test
	@Order(4)
	void parkViewComparesTwoParks() throws Exception {
		driver.get(base + "#/park/park-gene-valley?compare=park-cloud-valley");
		wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("table.compare"), 0));
		JsonNode parks = api("{ compareParks(parkIds: [\"park-gene-valley\", \"park-cloud-valley\"], chainId: \"chain-gene-drug\") "
				+ "{ park { name } coverage segments { node { id name } localCount kind } heldOnlyHere { id } } }");
		WebElement table = driver.findElement(By.cssSelector("table.compare"));
		for (JsonNode p : parks.get("compareParks")) {
			assertThat(table.getText()).contains(p.at("/park/name").asString(),
					String.valueOf(Math.round(p.get("coverage").asDouble() * 1000) / 10.0).replaceAll("\\.0$", "") + "%");
		}
		assertThat((Boolean) js("return cy.getElementById('park-gene-valley').nonempty() && cy.getElementById('park-cloud-valley').nonempty()")).isTrue();
		screenshot("park-view");
		// segment by segment: one row per segment as compareParks answers it, the difference from heldOnlyHere
		JsonNode first = parks.get("compareParks").get(0);
		JsonNode second = parks.get("compareParks").get(1);
		List<String> names = List.of(first.at("/park/name").asString(), second.at("/park/name").asString());
		List<Set<String>> heldOnly = Stream.of(first, second)
			.map(p -> p.get("heldOnlyHere").valueStream().map(n -> n.get("id").asString()).collect(Collectors.toSet()))
			.toList();
		assertThat(heldOnly.get(0)).as("the sample parks differ on the gene drug chain").isNotEmpty();
		WebElement diff = driver.findElement(By.cssSelector("table.segment-diff[data-chain='chain-gene-drug']"));
		List<WebElement> rows = diff.findElements(By.cssSelector("tbody tr"));
		assertThat(rows).hasSize(first.get("segments").size());
		Map<String, String> chinese = Map.of("BROKEN", "断链", "MISSING", "缺链", "WEAK", "弱链");
		List<Integer> onlyCount = new ArrayList<>(List.of(0, 0));
		for (int i = 0; i < rows.size(); i++) {
			WebElement row = rows.get(i);
			String id = first.at("/segments/" + i + "/node/id").asString();
			assertThat(row.getDomAttribute("data-node")).isEqualTo(id);
			assertThat(row.findElement(By.tagName("th")).getText()).isEqualTo(first.at("/segments/" + i + "/node/name").asString());
			List<WebElement> cells = row.findElements(By.tagName("td"));
			for (int j = 0; j < 2; j++) {
				JsonNode segment = (j == 0 ? first : second).get("segments").get(i);
				assertThat(segment.at("/node/id").asString()).isEqualTo(id);
				assertThat(cells.get(j).findElement(By.className("count")).getText()).isEqualTo(segment.get("localCount").asString());
				List<String> kind = cells.get(j).findElements(By.className("gap-kind")).stream().map(WebElement::getText).toList();
				if (segment.get("kind").isNull()) {
					assertThat(kind).as("%s of %s held well", id, names.get(j)).isEmpty();
				}
				else {
					assertThat(kind).as("%s of %s", id, names.get(j)).singleElement().asString()
						.startsWith(chinese.get(segment.get("kind").asString())).containsIgnoringCase(segment.get("kind").asString());
				}
			}
			String difference = cells.get(2).getText();
			String rowClass = Optional.ofNullable(row.getDomAttribute("class")).orElse("");
			for (int j = 0; j < 2; j++) {
				boolean only = heldOnly.get(j).contains(id);
				assertThat(difference.contains("仅 " + names.get(j) + " 有")).as("%s only in %s", id, names.get(j)).isEqualTo(only);
				assertThat(rowClass.contains(j == 0 ? "only-first" : "only-second")).as("%s row class", id).isEqualTo(only);
				onlyCount.set(j, onlyCount.get(j) + (only ? 1 : 0));
			}
			if (!heldOnly.get(0).contains(id) && !heldOnly.get(1).contains(id)) {
				assertThat(difference).as("%s held by both or neither", id).isEmpty();
			}
		}
		assertThat(onlyCount).containsExactly(heldOnly.get(0).size(), heldOnly.get(1).size());
		assertThat(diff.findElement(By.xpath("preceding-sibling::p[1]")).getText()).contains(names.get(0) + " 有而 " + names.get(1) + " 缺 " + heldOnly.get(0).size() + " 个环节",
					names.get(1) + " 有而 " + names.get(0) + " 缺 " + heldOnly.get(1).size() + " 个环节");
		// legible at 1366×768: no text of the comparison under 12px
		Number smallest = (Number) js("return Math.min(...[...document.querySelectorAll('.segment-diff-summary, .segment-diff-summary *, "
				+ "table.segment-diff, table.segment-diff *')].map(e => parseFloat(getComputedStyle(e).fontSize)))");
		assertThat(smallest.doubleValue()).isGreaterThanOrEqualTo(12);
		js("arguments[0].scrollIntoView()", diff);
		screenshot("park-view-segments");
	}

	@Test
	@Order(5)
	void anApiErrorIsShown() {
		driver.get(base + "#/network/no-such-entity");
		WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
		assertThat(error.getText()).contains("No entity with id 'no-such-entity'", "NOT_FOUND");
	}

	@Test
	@Order(6)
	void phoneWidth() throws Exception {
		driver.manage().window().setSize(new Dimension(390, 844));
		try {
			driver.get(base + "#/chain/chain-gene-drug?park=park-gene-valley&node=node-gd-viral-vector");
			wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#candidates li.candidate"), 0));
			assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling").isTrue();
			screenshot("phone-chain-view");
		}
		finally {
			driver.manage().window().setSize(new Dimension(1366, 768));
		}
	}

	@Test
	@Order(7)
	void theStartPageShowsEveryParksGapsWorstFirstAndSorts() throws Exception {
		driver.get(base);
		wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#overview tbody tr"), 0));
		// one row per park and focus chain, as parkGaps answers for every park
		JsonNode parks = api("{ parks(includeSubParks: true) { id focusChains { chain { id } } } }").get("parks");
		List<String> expected = new ArrayList<>();
		Map<String, JsonNode> reports = new HashMap<>();
		for (JsonNode park : parks) {
			String id = park.get("id").asString();
			for (JsonNode report : api("{ parkGaps(parkId: \"" + id + "\") { chain { id } coverage counts { broken missing weak } } }")
				.get("parkGaps")) {
				String key = id + "/" + report.at("/chain/id").asString();
				expected.add(key);
				reports.put(key, report);
			}
		}
		List<WebElement> rows = driver.findElements(By.cssSelector("#overview tbody tr"));
		List<String> shown = rows.stream().map(r -> r.getDomAttribute("data-park") + "/" + r.getDomAttribute("data-chain")).toList();
		assertThat(shown).containsExactlyInAnyOrderElementsOf(expected);
		for (WebElement row : rows) {
			JsonNode report = reports.get(row.getDomAttribute("data-park") + "/" + row.getDomAttribute("data-chain"));
			List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
			assertThat(cells.subList(3, 6)).containsExactly(report.at("/counts/broken").asString(),
					report.at("/counts/missing").asString(), report.at("/counts/weak").asString());
		}
		// worst first: the broken counts never rise down the table
		List<Integer> broken = rows.stream().map(r -> Integer.parseInt(r.findElements(By.tagName("td")).get(3).getText())).toList();
		assertThat(broken).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		// sorting by coverage: lowest first
		driver.findElement(By.cssSelector("#overview th[data-sort='coverage'] button")).click();
		List<Double> coverage = driver.findElements(By.cssSelector("#overview tbody tr")).stream()
			.map(r -> Double.parseDouble(r.findElements(By.tagName("td")).get(2).getText().replace("%", "")))
			.toList();
		assertThat(coverage).isSorted();
		screenshot("overview");
		// a row leads into the chain view with the park's gaps
		driver.findElement(By.cssSelector("#overview tr[data-park='park-gene-valley'][data-chain='chain-gene-drug'] td:nth-child(2) a"))
			.click();
		wait.until(d -> js("return !!(window.cy && cy.getElementById('node-gd-viral-vector').nonempty() && cy.getElementById('node-gd-viral-vector').data('gap'))"));
		assertThat(driver.getCurrentUrl()).contains("#/chain/chain-gene-drug?park=park-gene-valley");
	}

	@Test
	@Order(8)
	void theReviewPageMarksADocumentsMentionsAndAnEditorAcceptsAndRejectsItsProposals() throws Exception {
		assumeTrue(service != null, "needs the service this test starts (tokens)");
		byte[] seed;
		try (java.io.InputStream in = ExplorerIT.class.getClassLoader().getResourceAsStream("documents/wenzhou-yigang-wugu-news.txt")) {
			seed = in.readAllBytes();
		}
		HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(URI.create(base + "api/documents?name=seed.txt"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofByteArray(seed))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
		String documentId = json.readTree(uploaded.body()).at("/documents/0/id").asString();

		driver.get(base + "#/review");
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#review-documents a"))).click();
		wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#review-text mark.mention"), 0));
		assertThat(driver.getCurrentUrl()).endsWith("#/review/" + documentId);
		// every MENTION and NEW_ENTITY proposal that does not overlap another is marked, with its text
		JsonNode proposals = api("{ document(id: \"" + documentId + "\") { text proposals { id kind start end } } }").get("document");
		String text = proposals.get("text").asString();
		List<String> marks = driver.findElements(By.cssSelector("#review-text mark.mention")).stream()
			.map(m -> m.getDomAttribute("data-proposal") + "=" + m.getText()).toList();
		assertThat(marks).isNotEmpty();
		for (JsonNode p : proposals.get("proposals")) {
			String key = p.get("id").asString() + "=" + text.substring(p.get("start").asInt(), p.get("end").asInt());
			if (marks.stream().anyMatch(m -> m.startsWith(p.get("id").asString() + "="))) {
				assertThat(marks).contains(key);
			}
		}
		assertThat(marks).anyMatch(m -> m.endsWith("=中国基因药谷"));
		screenshot("review");

		// accept a mention, reject the enterprise count, as an editor
		driver.findElement(By.id("review-token")).sendKeys(EDITOR_TOKEN);
		String mention = driver.findElements(By.cssSelector("#review-proposals li[data-kind='MENTION'][data-status='PENDING']")).get(0)
			.getDomAttribute("data-proposal");
		driver.findElement(By.cssSelector("li[data-proposal='" + mention + "'] button.accept")).click();
		awaitStatus(mention, "ACCEPTED");
		String count = driver.findElement(By.cssSelector("#review-proposals li[data-kind='COUNT']")).getDomAttribute("data-proposal");
		driver.findElement(By.cssSelector("li[data-proposal='" + count + "'] button.reject")).click();
		wait.until(ExpectedConditions.alertIsPresent()).sendKeys("仅为报道数字");
		driver.switchTo().alert().accept();
		awaitStatus(count, "REJECTED");
		JsonNode reviewed = api("{ document(id: \"" + documentId + "\") { proposals { id status reviewedBy reason } } }")
			.at("/document/proposals");
		Map<String, JsonNode> byId = new HashMap<>();
		reviewed.forEach(p -> byId.put(p.get("id").asString(), p));
		assertThat(byId.get(mention).get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(byId.get(mention).get("reviewedBy").asString()).isEqualTo("editor");
		assertThat(byId.get(count).get("status").asString()).isEqualTo("REJECTED");
		assertThat(byId.get(count).get("reason").asString()).isEqualTo("仅为报道数字");
	}

	// --- helpers -------------------------------------------------------------------------------------------

	/** Waits for a proposal's row to show the status (the row is replaced when it changes). */
	@Test
	@Order(9)
	void theChainReportPrintsOnA4WithTheFiguresOfChainGaps() throws Exception {
		driver.get(base + "#/chain/chain-gene-drug?park=park-gene-valley");
		WebElement html = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-html")));
		assertThat(html.getDomAttribute("href"))
			.endsWith("export/report?parkId=park-gene-valley&chainId=chain-gene-drug&format=html");
		assertThat(driver.findElement(By.id("report-xlsx")).getDomAttribute("download")).isNotNull();

		JsonNode report = api("{ chainGaps(parkId: \"park-gene-valley\", chainId: \"chain-gene-drug\") { park { name } chain { name } "
				+ "coverage counts { segments present broken missing weak } segments { node { id } kind localCount } gaps { node { id } kind } } }")
			.get("chainGaps");
		driver.get(base + "export/report?parkId=park-gene-valley&chainId=chain-gene-drug&format=html");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-segments")));
		assertThat(driver.findElement(By.id("report-park")).getText()).isEqualTo(report.at("/park/name").asString());
		assertThat(driver.findElement(By.id("report-chain")).getText()).isEqualTo(report.at("/chain/name").asString());
		assertThat(driver.findElement(By.id("report-coverage")).getText())
			.isEqualTo(String.format(java.util.Locale.ROOT, "%.1f%%", report.get("coverage").asDouble() * 100));
		for (String count : List.of("segments", "present", "broken", "missing", "weak")) {
			assertThat(driver.findElement(By.id("count-" + count)).getText()).as(count)
				.isEqualTo(report.at("/counts/" + count).asString());
		}
		assertThat(driver.findElements(By.cssSelector("#report-segments tbody tr"))).hasSize(report.get("segments").size());
		for (JsonNode segment : report.get("segments")) {
			WebElement row = driver.findElement(By.id("segment-" + segment.at("/node/id").asString()));
			String kind = segment.get("kind").isNull() ? "OK" : segment.get("kind").asString();
			assertThat(row.getDomAttribute("data-kind")).as(segment.toString()).isEqualTo(kind);
			assertThat(row.findElement(By.cssSelector("td.local")).getText()).isEqualTo(segment.get("localCount").asString());
		}
		List<String> broken = new ArrayList<>();
		report.get("gaps").forEach(g -> {
			if (g.get("kind").asString().equals("BROKEN")) {
				broken.add(g.at("/node/id").asString());
			}
		});
		assertThat(broken).isNotEmpty();
		for (String id : broken) {
			assertThat(driver.findElements(By.cssSelector("#gap-" + id + " tr.candidate"))).as(id).isNotEmpty();
		}
		// a page to print: no explorer, no script
		assertThat(driver.findElements(By.cssSelector("#cy, #toolbar, script"))).isEmpty();
		driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
		assertThat(driver.findElement(By.id("report-print-hint")).isDisplayed()).isFalse();
		Files.write(SHOTS.resolve("report-print.png"), driver.getScreenshotAs(OutputType.BYTES));
		driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
		org.openqa.selenium.print.PrintOptions a4 = new org.openqa.selenium.print.PrintOptions();
		a4.setPageSize(new org.openqa.selenium.print.PageSize(29.7, 21.0));
		byte[] pdf = java.util.Base64.getDecoder().decode(driver.print(a4).getContent());
		assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		// the page tree's count (Chromium writes it as plain text)
		int pages = java.util.regex.Pattern.compile("/Count\\s+(\\d+)")
			.matcher(new String(pdf, StandardCharsets.ISO_8859_1))
			.results()
			.mapToInt(m -> Integer.parseInt(m.group(1)))
			.max()
			.orElse(0);
		assertThat(pages).as("A4 pages").isGreaterThanOrEqualTo(2);
	}

	@Test
	@Order(10)
	void theChainViewDrawsTheCoverageTrendAndMarksASegmentAWriteChanged() throws Exception {
		assumeTrue(service != null, "needs the service this test starts (tokens)");
		String view = base + "#/chain/chain-gene-drug?park=park-gene-valley";
		driver.get(view);
		driver.navigate().refresh();
		WebElement trend = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("coverage-trend")));
		int before = Integer.parseInt(trend.getDomAttribute("data-points"));
		assertThat(before).as("the baseline snapshot of the sample import").isGreaterThanOrEqualTo(1);
		assertThat(trend.findElement(By.tagName("figcaption")).getText()).contains("覆盖率趋势 Coverage trend");
		assertThat(trend.findElements(By.cssSelector("svg polyline.trend-line"))).hasSize(1);
		assertThat(trend.findElements(By.cssSelector("svg circle.trend-point"))).hasSize(before);

		// an editor links an enterprise of the park to a BROKEN segment: it becomes WEAK (one local enterprise)
		JsonNode gaps = api("{ chainGaps(parkId: \"park-gene-valley\", chainId: \"chain-gene-drug\") { gaps { node { id name } kind localCount } } "
				+ "park(id: \"park-gene-valley\") { enterprises(first: 1) { edges { node { id } } } } }");
		JsonNode broken = null;
		for (JsonNode gap : gaps.at("/chainGaps/gaps")) {
			if (gap.get("kind").asString().equals("BROKEN") && gap.get("localCount").asInt() == 0) {
				broken = gap.get("node");
				break;
			}
		}
		assertThat(broken).as("a broken segment in the sample").isNotNull();
		String enterprise = gaps.at("/park/enterprises/edges/0/node/id").asString();
		JsonNode linked = apiAs(EDITOR_TOKEN, "mutation { linkEnterpriseToNode(enterpriseId: \"" + enterprise + "\", nodeId: \""
				+ broken.get("id").asString() + "\") { __typename } }");
		assertThat(linked.has("errors")).as("%s", linked).isFalse();

		String segment = broken.get("name").asString();
		await("a snapshot after the write, shown on the page").atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(2))
			.until(() -> {
				driver.navigate().refresh();
				WebElement shown = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("coverage-trend")));
				return Integer.parseInt(shown.getDomAttribute("data-points")) == before + 1;
			});
		WebElement changed = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#changed-segments li")));
		assertThat(changed.getText()).startsWith(segment + ":").contains("→");
		assertThat(driver.findElements(By.cssSelector("#coverage-trend svg circle.trend-point"))).hasSize(before + 1);
		assertThat((String) js("return cy.getElementById(arguments[0]).data('label')", broken.get("id").asString())).startsWith("△ ");
		screenshot("coverage-trend");
	}

	@Test
	@Order(11)
	void theWeakThresholdIsAControlOfTheChainView() throws Exception {
		String query = "{ chainGaps(parkId: \"park-gene-valley\", chainId: \"chain-gene-drug\", weakBelow: %d) { counts { weak } } }";
		int weakAt2 = api(String.format(query, 2)).at("/chainGaps/counts/weak").asInt();
		int weakAt4 = api(String.format(query, 4)).at("/chainGaps/counts/weak").asInt();
		assertThat(weakAt4).as("a higher threshold makes more segments weak on the sample").isGreaterThan(weakAt2);

		driver.get(base + "#/chain/chain-gene-drug?park=park-gene-valley");
		wait.until(d -> d.findElement(By.id("legend-WEAK")).getText().contains("(" + weakAt2 + ")"));
		WebElement threshold = driver.findElement(By.id("weak-below"));
		assertThat(threshold.getDomProperty("value")).isEqualTo("2");
		threshold.clear();
		threshold.sendKeys("4", org.openqa.selenium.Keys.TAB);
		wait.until(d -> d.getCurrentUrl().contains("weak=4"));
		wait.until(d -> d.findElement(By.id("legend-WEAK")).getText().contains("(" + weakAt4 + ")"));
		assertThat(driver.findElement(By.id("report-html")).getDomAttribute("href")).endsWith("&weakBelow=4");
		// the threshold stays in the address when a segment is picked and after a reload
		driver.navigate().refresh();
		wait.until(d -> d.findElement(By.id("legend-WEAK")).getText().contains("(" + weakAt4 + ")"));
		assertThat(driver.findElement(By.id("weak-below")).getDomProperty("value")).isEqualTo("4");
	}

	@Test
	@Order(12)
	void fillCandidatesAreFilteredByRegion() throws Exception {
		JsonNode gaps = api("{ chainGaps(parkId: \"park-gene-valley\", chainId: \"chain-gene-drug\") { gaps { node { id } candidateCount } } }");
		String segment = null;
		for (JsonNode gap : gaps.at("/chainGaps/gaps")) {
			if (gap.get("candidateCount").asInt() > 0) {
				segment = gap.at("/node/id").asString();
				break;
			}
		}
		assertThat(segment).as("a gap with candidates in the sample").isNotNull();
		String query = "{ gapCandidates(parkId: \"park-gene-valley\", nodeId: \"" + segment
				+ "\", first: 10, region: \"%s\") { totalCount edges { node { enterprise { name } } } } }";
		JsonNode zhejiang = api(String.format(query, "浙江省")).get("gapCandidates");

		driver.get(base + "#/chain/chain-gene-drug?park=park-gene-valley&node=" + segment);
		wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#candidates li.candidate"), 0));
		WebElement region = driver.findElement(By.id("candidate-region"));
		region.sendKeys("浙江省", org.openqa.selenium.Keys.ENTER);
		String count = "(" + zhejiang.get("totalCount").asInt() + ")";
		wait.until(d -> d.getCurrentUrl().contains("region=") && d.findElement(By.cssSelector("#candidates h3")).getText().endsWith(count));
		List<String> expected = new ArrayList<>();
		zhejiang.get("edges").forEach(e -> expected.add(e.at("/node/enterprise/name").asString()));
		wait.until(d -> d.findElements(By.cssSelector("#candidates li.candidate")).size() == expected.size());
		assertThat(driver.findElements(By.cssSelector("#candidates li.candidate .candidate-head a")).stream().map(WebElement::getText).toList())
			.containsExactlyElementsOf(expected);

		// a region where no candidate is: a message, not an error
		assertThat(api(String.format(query, "北京市")).at("/gapCandidates/totalCount").asInt()).isZero();
		region = driver.findElement(By.id("candidate-region"));
		region.clear();
		region.sendKeys("北京市", org.openqa.selenium.Keys.ENTER);
		WebElement none = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-candidates")));
		assertThat(none.getText()).contains("北京市", "No enterprise outside the park in this region");
		assertThat(driver.findElement(By.cssSelector("#candidates h3")).getText()).endsWith("(0)");
	}

	static JsonNode apiAs(String token, String query) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "graphql"))
			.header("content-type", "application/json")
			.header("authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", query))))
			.build();
		return json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
	}

	static void awaitStatus(String proposal, String status) {
		wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(ExpectedConditions.attributeToBe(By.cssSelector("li[data-proposal='" + proposal + "']"), "data-status", status));
	}

	static List<String> textList(JsonNode array) {
		List<String> out = new ArrayList<>();
		array.forEach(n -> out.add(n.asString()));
		return out;
	}

	static Object js(String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	@SuppressWarnings("unchecked")
	static Set<String> drawnEntities() {
		return new TreeSet<>((List<String>) js("return cy.nodes().filter(n => n.data('type') !== 'More').map(n => n.id())"));
	}

	/** Clicks a node where it is drawn, as a user would (panned into view first if it is outside). */
	@SuppressWarnings("unchecked")
	static void clickNode(String id) {
		WebElement canvas = driver.findElement(By.id("cy"));
		js("const n = cy.getElementById(arguments[0]), p = n.renderedPosition();"
				+ " if (p.x < 20 || p.y < 20 || p.x > cy.width() - 20 || p.y > cy.height() - 20) cy.center(n);", id);
		List<Number> p = (List<Number>) js("const p = cy.getElementById(arguments[0]).renderedPosition(); return [p.x, p.y];", id);
		org.openqa.selenium.Rectangle r = canvas.getRect();
		new Actions(driver).moveToElement(canvas, (int) Math.round(p.get(0).doubleValue() - r.getWidth() / 2.0),
				(int) Math.round(p.get(1).doubleValue() - r.getHeight() / 2.0))
			.click()
			.perform();
	}

	/** A colour as the browser computes it, normalised to "r,g,b". */
	static String normalise(String css) {
		return css.replaceAll("rgba?\\(|\\)|\\s", "").replaceAll("^(\\d+,\\d+,\\d+),1$", "$1");
	}

	static String nodeColour(String id) {
		return normalise((String) js("return cy.getElementById(arguments[0]).style('background-color')", id));
	}

	static String legendColour(String kind) {
		return normalise((String) js("return getComputedStyle(document.querySelector('#legend-' + arguments[0] + ' .swatch')).backgroundColor", kind));
	}

	static void screenshot(String name) throws IOException {
		wait.until(d -> Boolean.TRUE.equals(js("return document.getElementById('loading').hidden")));
		Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
	}

	static Path awaitDownload(String suffix) {
		return await("a " + suffix + " download in " + downloads).atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> {
				try (Stream<Path> files = Files.list(downloads)) {
					return files.filter(f -> f.toString().endsWith(suffix) && f.toFile().length() > 0).findFirst();
				}
			}, Optional::isPresent)
			.get();
	}

	static JsonNode api(String query) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "graphql"))
			.header("content-type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", query))))
			.build();
		JsonNode body = json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
		assertThat(body.has("errors")).as("%s", body).isFalse();
		return body.get("data");
	}

}
