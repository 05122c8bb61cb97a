package io.chaingraph.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.chaingraph.config.Graph;
import io.chaingraph.support.ChainFixture;
import io.chaingraph.support.Chromium;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.HttpGraphQl;
import io.chaingraph.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The front-end example of the docs ({@code docs/examples/network.html}: Cytoscape.js and ECharts fed from
 * one {@code network} answer, placed by {@code lane} and {@code order}, no client-side join) in headless Chromium against
 * the running service. The page is opened from the file system and asks the service on its port, another
 * origin, which the shared test service does not admit by CORS: the browser runs with web security off for
 * this page only (a deployment serves the page from an admitted origin). Skipped without Chromium.
 */
class NetworkExampleTest extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	Graph graph;

	@Test
	@SuppressWarnings("unchecked")
	void theExampleDrawsEveryNodeAndEdgeOfTheAnswerInItsLane() throws Exception {
		assumeTrue(Chromium.installed(), "needs Chromium and chromedriver");
		ChainFixture.build(new Fixtures(this.graph));
		JsonNode answer = new HttpGraphQl(this.port)
			.post(null, "{ network(id: \"B\", depth: 1, limit: 200) { nodes { id lane order } edges { id } } }")
			.data()
			.path("network");

		Path profile = Files.createTempDirectory("chaingraph-chromium-");
		ChromeDriver driver = Chromium.start(options -> options.addArguments("--disable-web-security",
				"--user-data-dir=" + profile, "--allow-file-access-from-files"));
		try {
			String page = Path.of("docs/examples/network.html").toAbsolutePath().toUri() + "?api=http://127.0.0.1:"
					+ this.port + "&id=B&depth=1&echarts=http://127.0.0.1:" + this.port + "/webjars/echarts/dist/echarts.min.js";
			driver.get(page);
			new WebDriverWait(driver, Duration.ofSeconds(60))
				.withMessage(() -> driver.findElement(By.id("status")).getText() + " " + driver.executeScript(
						"return [typeof cytoscape, typeof echarts, performance.getEntriesByType('resource').map(e => e.name + ' ' + e.duration).join('; ')].join(' | ')"))
				.until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-ready") != null);
			assertThat(driver.findElement(By.tagName("body")).getDomAttribute("data-ready"))
				.as(driver.findElement(By.id("status")).getText())
				.isEqualTo("true");
			Map<String, Object> drawn = (Map<String, Object>) driver.executeScript("return window.drawn;");
			assertThat(((Number) drawn.get("nodes")).intValue()).isEqualTo(answer.path("nodes").size()).isGreaterThan(5);
			assertThat(((Number) drawn.get("edges")).intValue()).isEqualTo(answer.path("edges").size());
			Map<String, List<Number>> positions = new java.util.HashMap<>();
			for (Map<String, Object> p : (List<Map<String, Object>>) drawn.get("positions")) {
				positions.put((String) p.get("id"), List.of((Number) p.get("x"), (Number) p.get("y")));
			}
			for (JsonNode node : answer.path("nodes")) {
				int column = node.path("lane").isNull() ? 0 : node.path("lane").asInt() + 1;
				assertThat(positions.get(node.path("id").asString())).as(node.toString())
					.extracting(Number::intValue)
					.containsExactly(column * 220, node.path("order").asInt() * 56);
			}
			Map<String, Object> charted = (Map<String, Object>) driver.executeScript("return window.charted;");
			assertThat(((Number) charted.get("nodes")).intValue()).isEqualTo(answer.path("nodes").size());
			assertThat(((Number) charted.get("links")).intValue()).isEqualTo(answer.path("edges").size());
			assertThat(driver.findElement(By.id("status")).getText()).startsWith(answer.path("nodes").size() + " 个节点");
		}
		finally {
			driver.quit();
		}
	}

}
