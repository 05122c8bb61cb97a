package io.chaingraph.importing.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The files of a dataset, by file name, wherever they come from (a folder, the class path). A file
 * is opened each time it is read, never held whole: the importer streams over the files several
 * times (checks, typing, cross-checks, loading), so a folder's dataset costs no heap for its bytes.
 *
 * @param name short name (recorded on the import run)
 * @param location where it was read from (recorded on the import run)
 * @param files file name → its content
 * @param tables files of another layout read as format v1 rows (enterprise sheets: see
 * {@link Table}); none until the validator attaches them
 * @param unread what a folder holds that the import does not read (file names, folders as {@code name/}),
 * named in a warning ({@link UnreadFiles})
 */
public record DatasetSource(String name, String location, Map<String, Content> files, List<Table> tables,
		List<String> unread) {

	/** One file's content, opened anew on every read. */
	@FunctionalInterface
	public interface Content {

		InputStream open() throws IOException;

		/** The file on disk, when there is one (a workbook is read from its file, not from a stream). */
		default Path path() {
			return null;
		}

	}

	/** A file's content read from disk. */
	public record FileContent(Path path) implements Content {

		@Override
		public InputStream open() throws IOException {
			return Files.newInputStream(this.path);
		}

	}

	public DatasetSource {
		files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
		tables = List.copyOf(tables);
		unread = List.copyOf(unread);
	}

	public DatasetSource(String name, String location, Map<String, Content> files) {
		this(name, location, files, List.of(), List.of());
	}

	/** The same files with {@code tables} read as format v1 rows. */
	public DatasetSource withTables(List<Table> tables) {
		return new DatasetSource(this.name, this.location, this.files, tables, this.unread);
	}

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
		Map<String, Content> files = new TreeMap<>();
		try (Stream<Path> entries = Files.list(folder)) {
			for (Path file : entries.filter(Files::isRegularFile).toList()) {
				String fileName = file.getFileName().toString();
				if (isDatasetFile(fileName)) {
					if (!Files.isReadable(file)) {
						throw new java.nio.file.AccessDeniedException(file.toString(), null, "not readable");
					}
					files.put(fileName, new FileContent(file));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read dataset folder " + folder, ex);
		}
		return new DatasetSource(name, location, files, List.of(), UnreadFiles.in(folder, DatasetSource::isDatasetFile));
	}

	/** A dataset packaged in the jar, e.g. {@code sample/wenzhou} (small: its files are held as bytes). */
	public static DatasetSource fromClasspath(String folder) {
		Map<String, byte[]> files = new TreeMap<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:" + folder + "/*")) {
				String fileName = resource.getFilename();
				if (fileName != null && isDatasetFile(fileName)) {
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
		return ofBytes(name, "classpath:" + folder, files);
	}

	/** A dataset held in memory (tests, the bundled sample): file name → bytes. */
	public static DatasetSource ofBytes(String name, String location, Map<String, byte[]> files) {
		Map<String, Content> contents = new TreeMap<>();
		files.forEach((fileName, bytes) -> contents.put(fileName, () -> new ByteArrayInputStream(bytes)));
		return new DatasetSource(name, location, contents);
	}

	/** CSV and JSON Lines files, workbooks (enterprise sheets) and the sheets' {@code mapping.yml}. */
	public static boolean isDatasetFile(String fileName) {
		if (fileName.startsWith("~$")) {
			return false; // the lock file Excel keeps beside an open workbook
		}
		return fileName.endsWith(".csv") || fileName.endsWith(".jsonl") || fileName.endsWith(".xlsx")
				|| fileName.equals(MAPPING_FILE);
	}

	/** Maps the headers of sheets whose layout is not recognised (docs/importing.md, "Enterprise sheets"). */
	public static final String MAPPING_FILE = "mapping.yml";

}
