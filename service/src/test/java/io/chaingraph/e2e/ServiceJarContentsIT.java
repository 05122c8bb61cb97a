package io.chaingraph.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import io.chaingraph.support.JarProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's runnable jar holds the service only: the generator, the benchmark, the soak test and
 * their libraries (charts, the benchmark's HTTP client) ship in the tools jar.
 * The same check by hand: {@code unzip -l target/chaingraph.jar | grep -iE 'bench|generate|soak|xchart'}.
 */
class ServiceJarContentsIT {

	public static List<String> entries(Path jar) throws IOException {
		try (JarFile file = new JarFile(jar.toFile())) {
			return Collections.list(file.entries()).stream().map(ZipEntry::getName).toList();
		}
	}

	@Test
	void theServiceJarHoldsNoToolAndNoToolLibrary() throws IOException {
		List<String> service = entries(JarProcess.SERVICE_JAR);
		assertThat(service).as("the service's own classes are there").contains("BOOT-INF/classes/io/chaingraph/ChaingraphApplication.class");
		assertThat(service).filteredOn(e -> e.startsWith("BOOT-INF/classes/io/chaingraph/"))
			.noneMatch(e -> e.matches("(?i).*/(bench|generate|tools|soak)/.*") || e.matches("(?i).*(Bench|Soak|Generat).*\\.class"));
		// (HdrHistogram is there all the same: the actuator's metrics library uses it for percentiles)
		assertThat(service).filteredOn(e -> e.startsWith("BOOT-INF/lib/"))
			.noneMatch(e -> e.matches("BOOT-INF/lib/(xchart|httpclient5|httpcore5|VectorGraphics2D|graphics2d).*"));
	}

}
