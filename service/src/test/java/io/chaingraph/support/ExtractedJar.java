package io.chaingraph.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A runnable Spring Boot jar extracted ({@code java -Djarmode=tools -jar JAR extract}) with a dynamic
 * class-data-sharing archive: one training run of the extracted jar refreshes the service's context
 * ({@code -Dspring.context.exit=onRefresh}: embedded database, migrations, GraphQL schema, web server)
 * and writes the classes it loaded to {@code app.jsa} ({@code -XX:ArchiveClassesAtExit}); later starts
 * map them instead of loading them ({@code -XX:SharedArchiveFile}). This is the production set-up the
 * Spring Boot documentation describes; the code and classes are those of the jar.
 * <p>
 * Made once per jar (its size and time stamp name the folder under {@code target/jar-cds/}); a folder
 * for an older jar is removed. If extracting or training fails, the jar is started as it is and the
 * reason printed, so a test never depends on the archive.
 */
final class ExtractedJar {

	static final Path ROOT = Path.of("target", "jar-cds").toAbsolutePath();

	private static final Map<Path, ExtractedJar> PREPARED = new ConcurrentHashMap<>();

	private final Path original;

	private final Path extracted;

	private final Path archive;

	private ExtractedJar(Path original, Path extracted, Path archive) {
		this.original = original;
		this.extracted = extracted;
		this.archive = archive;
	}

	/** The extracted form of this jar, made on first use. */
	static ExtractedJar of(Path jar) {
		return PREPARED.computeIfAbsent(jar, ExtractedJar::prepare);
	}

	/** What follows {@code java} (and its options) to start the jar: archive and extracted jar, or the jar itself. */
	List<String> javaArguments() {
		if (this.archive == null) {
			return List.of("-jar", this.original.toString());
		}
		// -Xlog:cds=off: a mismatch would fall back to normal class loading; its warning must not reach the output
		return List.of("-XX:SharedArchiveFile=" + this.archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar",
				this.extracted.toString());
	}

	private static ExtractedJar prepare(Path jar) {
		String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
		Path folder;
		try {
			folder = ROOT.resolve(name + "-" + Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Path extracted = folder.resolve(jar.getFileName());
		Path archive = folder.resolve("app.jsa");
		if (Files.isRegularFile(archive) && Files.isRegularFile(extracted)) {
			return new ExtractedJar(jar, extracted, archive);
		}
		long started = System.nanoTime();
		try {
			removeOlder(name, folder);
			deleteTree(folder);
			Files.createDirectories(ROOT);
			// the destination must not exist yet
			run(ROOT.resolve(name + "-extract.log"), JarProcess.JAVA, "-Djarmode=tools", "-jar", jar.toString(), "extract",
					"--destination", folder.toString());
			Path part = folder.resolve("app.jsa.part");
			Path data = folder.resolve("training-data");
			run(folder.resolve("training.log"), JarProcess.JAVA, "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=240m", "-XX:+UseSerialGC",
					"-XX:ArchiveClassesAtExit=" + part, "-Dspring.context.exit=onRefresh", "-jar", extracted.toString(),
					"--server.port=0", "--chaingraph.embedded.bolt-port=0", "--chaingraph.sample-data=false",
					"--chaingraph.data-dir=" + data);
			deleteTree(data);
			if (!Files.isRegularFile(part)) {
				throw new IllegalStateException("the training run wrote no archive; see " + folder.resolve("training.log"));
			}
			Files.move(part, archive, StandardCopyOption.ATOMIC_MOVE);
			System.out.printf("Extracted %s with a class-data-sharing archive in %d s: %s%n", jar.getFileName(),
					TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), folder);
			return new ExtractedJar(jar, extracted, archive);
		}
		catch (IOException | RuntimeException ex) {
			System.out.printf("Starting %s as it is: extracting it with a class-data-sharing archive failed: %s%n",
					jar.getFileName(), ex);
			return new ExtractedJar(jar, null, null);
		}
	}

	private static void run(Path log, String... command) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("not done in 5 minutes: " + String.join(" ", command));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IllegalStateException(ex);
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException("exit " + process.exitValue() + " from " + String.join(" ", command)
					+ "; see " + log);
		}
	}

	private static void removeOlder(String name, Path keep) throws IOException {
		if (!Files.isDirectory(ROOT)) {
			return;
		}
		List<Path> older = new ArrayList<>();
		try (Stream<Path> entries = Files.list(ROOT)) {
			entries.filter(p -> p.getFileName().toString().startsWith(name + "-") && !p.equals(keep)).forEach(older::add);
		}
		for (Path folder : older) {
			deleteTree(folder);
		}
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
