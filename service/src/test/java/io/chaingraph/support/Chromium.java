package io.chaingraph.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's headless Chromium driven by the system's chromedriver, for the browser tests: both paths are
 * given explicitly, so Selenium never runs Selenium Manager to download a driver or a browser. Override them
 * with {@code -Dexplorer.chromium=…} and {@code -Dexplorer.chromedriver=…}.
 */
public final class Chromium {

	public static final String BINARY = System.getProperty("explorer.chromium", "/usr/bin/chromium");

	public static final String DRIVER = System.getProperty("explorer.chromedriver", "/usr/bin/chromedriver");

	private Chromium() {
	}

	/** Whether both the browser and its driver are there. */
	public static boolean installed() {
		return Files.isExecutable(Path.of(BINARY)) && Files.isExecutable(Path.of(DRIVER));
	}

	/** A headless browser with the options every test needs, then the caller's own ({@code more}). */
	public static ChromeDriver start(Consumer<ChromeOptions> more) {
		System.setProperty("webdriver.chrome.driver", DRIVER);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BINARY);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
		more.accept(options);
		return new ChromeDriver(service, options);
	}

}
