package io.chaingraph.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.chaingraph.ChaingraphApplication;
import io.chaingraph.importing.DatasetSource;
import io.chaingraph.importing.ImportProgress;
import io.chaingraph.importing.ImportReport;
import io.chaingraph.importing.ImportService;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service as the benchmark runs it: the whole application with its web server on a free loopback
 * port and a fresh embedded database in {@code dataDir}, loaded with a dataset by the project's importer.
 */
public final class BenchServer implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final String baseUrl;

	private BenchServer(ConfigurableApplicationContext context) {
		this.context = context;
		this.baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
	}

	public static BenchServer start(Path dataDir, List<String> arguments) {
		List<String> args = new ArrayList<>(List.of("--chaingraph.data-dir=" + dataDir.toAbsolutePath(),
				"--chaingraph.sample-data=false", "--chaingraph.embedded.bolt-port=0", "--server.port=0",
				"--server.address=127.0.0.1", "--chaingraph.query.timeout=60s", "--logging.level.root=WARN", "--spring.main.log-startup-info=false"));
		args.addAll(arguments);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ChaingraphApplication.class)
			.web(WebApplicationType.SERVLET)
			.bannerMode(Banner.Mode.OFF)
			.run(args.toArray(String[]::new));
		return new BenchServer(context);
	}

	/** Loads a dataset folder with the importer; its errors are thrown. */
	public ImportReport load(Path dataset) {
		ImportReport report = this.context.getBean(ImportService.class)
			.run(DatasetSource.fromDirectory(dataset), false, ImportProgress.NONE);
		if (report.hasErrors()) {
			throw new IllegalStateException("dataset " + dataset + " is invalid: " + report);
		}
		return report;
	}

	public BenchTarget target() {
		return BenchTarget.of(this.context, this.baseUrl);
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
