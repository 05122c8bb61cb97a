package io.chaingraph.importing.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.chaingraph.dataset.Problem;

/**
 * What a dataset folder holds that the import does not read, so that none of it is skipped silently
 * (an {@code .xlsx} or {@code .txt} beside the CSV files is named in a warning). Hidden files and
 * {@code *.md} notes (a dataset's README) are not named.
 */
public final class UnreadFiles {

	private UnreadFiles() {
	}

	/** The names in {@code folder} that {@code read} does not accept, sorted; folders as {@code name/}. */
	static List<String> in(Path folder, Predicate<String> read) {
		List<String> unread = new ArrayList<>();
		try (Stream<Path> entries = Files.list(folder)) {
			for (Path entry : entries.toList()) {
				String name = entry.getFileName().toString();
				if (name.startsWith(".") || name.toLowerCase(Locale.ROOT).endsWith(".md")) {
					continue;
				}
				if (Files.isDirectory(entry)) {
					unread.add(name + "/");
				}
				else if (!read.test(name)) {
					unread.add(name);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read dataset folder " + folder, ex);
		}
		unread.sort(null);
		return unread;
	}

	/** One warning per name. */
	public static List<Problem> warnings(DatasetSource source) {
		return source.unread().stream().map(name -> Problem.warning(name, 0, "-", name.endsWith("/")
				? "未读取 not read: a folder; the import reads the dataset files at the top of the folder only"
				: "未读取 not read: neither a file of dataset format v1 (parks.csv, enterprises.csv, ... as .csv or .jsonl) "
						+ "nor an enterprise workbook (.xlsx; an old .xls must be saved as .xlsx)"))
			.toList();
	}

}
