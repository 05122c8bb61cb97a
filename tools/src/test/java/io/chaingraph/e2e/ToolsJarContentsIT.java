package io.chaingraph.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The tools' runnable jar: the tools on top of the service's classes, with the libraries only they use. */
class ToolsJarContentsIT {

	static final Path TOOLS_JAR = Path.of("target", "chaingraph-tools.jar").toAbsolutePath();

	@Test
	void theToolsJarCarriesTheToolsOnTopOfTheService() throws IOException {
		List<String> tools = ServiceJarContentsIT.entries(TOOLS_JAR);
		assertThat(tools).contains("BOOT-INF/classes/io/chaingraph/tools/Tools.class",
				"BOOT-INF/classes/io/chaingraph/bench/QueryBench.class",
				"BOOT-INF/classes/io/chaingraph/generate/DatasetGenerator.class");
		assertThat(tools).anyMatch(e -> e.matches("BOOT-INF/lib/chaingraph-[0-9].*\\.jar"));
		assertThat(tools).anyMatch(e -> e.matches("BOOT-INF/lib/xchart-.*\\.jar"));
	}

}
