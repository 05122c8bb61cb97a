package io.chaingraph.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import com.github.dockerjava.api.model.PruneType;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

import static org.awaitility.Awaitility.await;

/**
 * What the container tests ({@code *ContainerIT}) need from Docker: whether an engine answers, which
 * images to run, and the wait for the images that {@code docker/build-images.sh} builds.
 * <p>
 * As an extension ({@code @ExtendWith(Containers.class)}) it skips a test class when no Docker engine
 * answers, with one line saying so, unless {@value #REQUIRED} is {@code true} ({@code .ci/run} sets it,
 * having started Docker): then a missing engine fails the class instead of skipping it.
 * <p>
 * Images: the Neo4j server is {@value #NEO4J_OVERRIDE} if set, else the official {@code neo4j:5.26} if
 * the engine has it, else {@code chaingraph/neo4j:5.26} if the engine has it (built from Maven Central jars
 * by the script, for machines that cannot pull from a public registry), else the official image, pulled.
 * The service image's base is {@code chaingraph/jre:17} if present, else the Dockerfile's default.
 */
public final class Containers implements ExecutionCondition {

	/** {@code true}: the container tests must run; without Docker they fail instead of being skipped. */
	public static final String REQUIRED = "CHAINGRAPH_CONTAINER_TESTS_REQUIRED";

	/** A file the image build writes its exit status to when done; the tests wait for it. */
	public static final String IMAGES_STATUS = "CHAINGRAPH_IMAGES_STATUS";

	/** A Neo4j image to use instead of the ones found (compatible with the official one). */
	public static final String NEO4J_OVERRIDE = "CHAINGRAPH_NEO4J_IMAGE";

	static final String OFFICIAL_NEO4J = "neo4j:5.26";

	static final String BUILT_NEO4J = "chaingraph/neo4j:5.26";

	static final String BUILT_JRE = "chaingraph/jre:17";

	private static final AtomicBoolean SKIP_SAID = new AtomicBoolean();

	private static volatile Boolean available;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (dockerAvailable()) {
			return ConditionEvaluationResult.enabled("a Docker engine answers");
		}
		if (Boolean.parseBoolean(System.getenv(REQUIRED))) {
			throw new IllegalStateException("No Docker engine answers, and " + REQUIRED
					+ "=true: the container tests must run here (.ci/run installs and starts Docker)");
		}
		String reason = "No Docker engine answers: the container tests (*ContainerIT) are skipped; "
				+ "start Docker to run them (.ci/run does)";
		if (SKIP_SAID.compareAndSet(false, true)) {
			System.out.println(reason);
		}
		return ConditionEvaluationResult.disabled(reason);
	}

	static boolean dockerAvailable() {
		if (available == null) {
			available = DockerClientFactory.instance().isDockerAvailable();
		}
		return available;
	}

	/** The Neo4j 5.26 server image to run, as the class comment says. */
	public static DockerImageName neo4jImage() {
		awaitImages();
		String override = System.getenv(NEO4J_OVERRIDE);
		if (override != null && !override.isBlank()) {
			return DockerImageName.parse(override).asCompatibleSubstituteFor("neo4j");
		}
		if (!present(OFFICIAL_NEO4J) && present(BUILT_NEO4J)) {
			return DockerImageName.parse(BUILT_NEO4J).asCompatibleSubstituteFor("neo4j");
		}
		return DockerImageName.parse(OFFICIAL_NEO4J);
	}

	/** The base image for the service's Dockerfile ({@code BASE}): the home-built JRE if present, else null (the default). */
	public static String serviceBase() {
		awaitImages();
		return present(BUILT_JRE) ? BUILT_JRE : null;
	}

	static boolean present(String image) {
		try {
			DockerClientFactory.lazyClient().inspectImageCmd(image).exec();
			return true;
		}
		catch (RuntimeException notThere) {
			return false;
		}
	}

	/**
	 * Removes an image a test built, and the dangling images its multi-stage build left (the Dockerfile's
	 * stages carry the label {@code io.chaingraph.stage}).
	 */
	public static void removeImage(String image) {
		try {
			DockerClientFactory.lazyClient().removeImageCmd(image).withForce(true).exec();
		}
		catch (RuntimeException gone) {
			// not built, or removed already
		}
		try {
			DockerClientFactory.lazyClient().pruneCmd(PruneType.IMAGES)
				.withDangling(true)
				.withLabelFilter("io.chaingraph.stage")
				.exec();
		}
		catch (RuntimeException ex) {
			System.out.println("Could not remove the build stages of " + image + ": " + ex.getMessage());
		}
	}

	/**
	 * Waits for the image build that {@code .ci/run} runs beside the Maven build, when it names its status
	 * file ({@value #IMAGES_STATUS}); fails if that build failed.
	 */
	static synchronized void awaitImages() {
		String status = System.getenv(IMAGES_STATUS);
		if (status == null || status.isBlank()) {
			return;
		}
		Path file = Path.of(status);
		await().atMost(Duration.ofMinutes(20))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> Files.isRegularFile(file) && !Files.readString(file).isBlank());
		try {
			String code = Files.readString(file).strip();
			if (!code.equals("0")) {
				throw new IllegalStateException("docker/build-images.sh failed (exit " + code + "); see its log beside "
						+ file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** For {@code @ExtendWith}. */
	public Containers() {
	}

}
