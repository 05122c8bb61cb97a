package io.chaingraph.e2e;

import java.io.IOException;
import java.util.List;

import io.chaingraph.support.JarProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The tools' runnable jar: the tools on top of the service's classes, with the libraries only they use. */
class ToolsJarContentsIT {

	@Test
	void theToolsJarCarriesTheToolsOnTopOfTheService() throws IOException {
		List<String> tools = ServiceJarContentsIT.entries(JarProcess.TOOLS_JAR);
		assertThat(tools).contains("BOOT-INF/classes/io/chaingraph/tools/Tools.class",
				"BOOT-INF/classes/io/chaingraph/bench/QueryBench.class",
				"BOOT-INF/classes/io/chaingraph/generate/DatasetGenerator.class");
		assertThat(tools).anyMatch(e -> e.matches("BOOT-INF/lib/chaingraph-[0-9].*\\.jar"));
		assertThat(tools).anyMatch(e -> e.matches("BOOT-INF/lib/xchart-.*\\.jar"));
	}

}
