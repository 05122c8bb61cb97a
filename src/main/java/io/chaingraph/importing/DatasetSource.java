package io.chaingraph.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The raw files of a dataset, by file name, wherever they come from (a folder, the class path).
 *
 * @param name short name, used as the default {@code source} of rows without one
 * @param location where it was read from (recorded on the import run)
 * @param files file name → bytes
 */
public record DatasetSource(String name, String location, Map<String, byte[]> files) {

	public static DatasetSource fromDirectory(Path dir) {
		Path folder = dir.toAbsolutePath().normalize();
		return fromDirectory(folder, folder.getFileName().toString(), folder.toString());
	}

	/** The dataset files in {@code dir}, under another name and location (an unpacked upload). */
	public static DatasetSource fromDirectory(Path dir, String name, String location) {
		Path folder = dir.toAbsolutePath().normalize();
		if (!Files.isDirectory(folder)) {
			throw new IllegalArgumentException("Not a folder: " + folder);
		}
		Map<String, byte[]> files = new TreeMap<>();
		try (Stream<Path> entries = Files.list(folder)) {
			for (Path file : entries.filter(Files::isRegularFile).toList()) {
				String fileName = file.getFileName().toString();
				if (fileName.endsWith(".csv") || fileName.endsWith(".jsonl")) {
					files.put(fileName, Files.readAllBytes(file));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read dataset folder " + folder, ex);
		}
		return new DatasetSource(name, location, files);
	}

	/** A dataset packaged in the jar, e.g. {@code sample/wenzhou}. */
	public static DatasetSource fromClasspath(String folder) {
		Map<String, byte[]> files = new TreeMap<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:" + folder + "/*")) {
				String fileName = resource.getFilename();
				if (fileName != null && (fileName.endsWith(".csv") || fileName.endsWith(".jsonl"))) {
					try (InputStream in = resource.getInputStream()) {
						files.put(fileName, in.readAllBytes());
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read bundled dataset " + folder, ex);
		}
		String name = folder.substring(folder.lastIndexOf('/') + 1);
		return new DatasetSource(name, "classpath:" + folder, files);
	}

}
