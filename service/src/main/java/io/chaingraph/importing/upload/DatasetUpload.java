package io.chaingraph.importing.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import io.chaingraph.dataset.DatasetFormat;

/**
 * An uploaded dataset (a zip, or the files themselves) written to a temporary folder, with the
 * checks a file from outside needs before the importer reads it: only dataset files (format v1
 * names, {@code .csv} or {@code .jsonl}), either at the top or all in one folder, no path leaving
 * the folder (zip slip), no deeper nesting, entry names in UTF-8, at most {@link #MAX_ENTRIES}
 * entries and at most {@code maxBytes} once unpacked (zip bombs). The files' contents are checked
 * by the importer's own validation, with the same messages as the import command. Nothing is kept
 * when a check fails.
 */
final class DatasetUpload {

	/** A dataset has at most 20 files (ten names, .csv or .jsonl); a zip with more entries is not one. */
	static final int MAX_ENTRIES = 64;

	/** Notes beside the data, skipped (at the top or in the one folder). */
	private static final Pattern DOCUMENTATION = Pattern
		.compile("([^/\\\\]+/)?[^/\\\\]+\\.(md|txt)", Pattern.CASE_INSENSITIVE);

	/** What an upload became: the folder with its files, and the dataset's name. */
	record Unpacked(Path folder, String name, List<String> files) {
	}

	/** An upload refused before any run: HTTP status and every reason. */
	static final class Refused extends RuntimeException {

		private final int status;

		private final List<String> reasons;

		Refused(int status, List<String> reasons) {
			super(String.join("; ", reasons));
			this.status = status;
			this.reasons = List.copyOf(reasons);
		}

		int status() {
			return this.status;
		}

		List<String> reasons() {
			return this.reasons;
		}

	}

	/** One file of a multipart upload. */
	interface Part {

		String fileName();

		InputStream open() throws IOException;

	}

	private final long maxBytes;

	private final String what;

	private final Path folder;

	private final Map<String, String> files = new LinkedHashMap<>();

	private final List<String> problems = new ArrayList<>();

	private final TreeSet<String> topFolders = new TreeSet<>();

	private boolean topLevelFiles;

	private long total;

	private int entries;

	private DatasetUpload(long maxBytes, String what) {
		this.maxBytes = maxBytes;
		this.what = what;
		try {
			this.folder = Files.createTempDirectory("chaingraph-upload-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create a temporary folder for the upload", ex);
		}
	}

	/**
	 * Unpacks a zip of the dataset folder (or of its files).
	 *
	 * @param fallbackName the dataset's name when the zip has no top folder
	 */
	static Unpacked zip(InputStream in, String fallbackName, long maxBytes) {
		DatasetUpload upload = new DatasetUpload(maxBytes, "the zip");
		try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
			ZipEntry entry;
			while ((entry = nextEntry(zip, upload)) != null) {
				upload.add(entry.getName(), entry.isDirectory(), zip);
				upload.drain(zip);
			}
			return upload.finish(fallbackName);
		}
		catch (IOException ex) {
			throw upload.refuse(400, "not a readable zip file: " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			upload.discard();
			throw ex;
		}
	}

	/** Stores the files of a multipart upload (the same rules as a zip's entries). */
	static Unpacked files(List<? extends Part> parts, String fallbackName, long maxBytes) {
		DatasetUpload upload = new DatasetUpload(maxBytes, "the upload");
		try {
			for (Part part : parts) {
				try (InputStream in = part.open()) {
					upload.add(part.fileName(), false, in);
				}
			}
			return upload.finish(fallbackName);
		}
		catch (IOException ex) {
			throw upload.refuse(400, "the upload could not be read: " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			upload.discard();
			throw ex;
		}
	}

	private static ZipEntry nextEntry(ZipInputStream zip, DatasetUpload upload) throws IOException {
		try {
			return zip.getNextEntry();
		}
		catch (IllegalArgumentException ex) {
			// the JDK's message for a name that does not decode
			throw upload.refuse(400, "a zip entry's name is not valid UTF-8 (" + ex.getMessage()
					+ "); zip the dataset with a tool that writes UTF-8 names");
		}
		catch (ZipException ex) {
			throw upload.refuse(400, "not a readable zip file: " + ex.getMessage());
		}
	}

	private void add(String rawName, boolean directory, InputStream content) throws IOException {
		if (++this.entries > MAX_ENTRIES) {
			throw refuse(400, this.what + " has more than " + MAX_ENTRIES
					+ " entries; a dataset is at most 20 files (parks.csv, enterprises.csv, ... as .csv or .jsonl)");
		}
		String name = (rawName == null) ? "" : rawName;
		if (name.startsWith("__MACOSX/") || name.equals(".DS_Store") || name.endsWith("/.DS_Store")) {
			return; // macOS archive clutter
		}
		if (name.isBlank()) {
			this.problems.add("a file without a name");
			return;
		}
		if (name.indexOf('\\') >= 0 || name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
			this.problems.add("'" + name + "': not a relative path with '/' separators");
			return;
		}
		String trimmed = directory && name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
		String[] segments = trimmed.split("/", -1);
		for (String segment : segments) {
			if (segment.equals("..") || segment.equals(".") || segment.isEmpty()) {
				this.problems.add("'" + name + "': the path leaves the dataset folder or is malformed (zip slip)");
				return;
			}
		}
		if (!directory && DOCUMENTATION.matcher(name).matches()) {
			return; // a dataset folder's notes (README.md): `import DIR` ignores them too; still counted
		}
		if (directory || name.endsWith("/")) {
			if (segments.length > 1) {
				this.problems.add("'" + name + "': nested folder; the dataset's files must be at the top or in one folder");
			}
			else {
				this.topFolders.add(segments[0]);
			}
			return;
		}
		if (segments.length > 2) {
			this.problems.add("'" + name + "': nested folder; the dataset's files must be at the top or in one folder");
			return;
		}
		if (segments.length == 2) {
			this.topFolders.add(segments[0]);
		}
		else {
			this.topLevelFiles = true;
		}
		String fileName = segments[segments.length - 1];
		int dot = fileName.lastIndexOf('.');
		String extension = (dot < 0) ? "" : fileName.substring(dot + 1);
		// workbooks, enterprise sheets saved as CSV (any name) and mapping.yml are read as import DIR reads them
		boolean sheet = extension.equals("xlsx") || extension.equals("csv")
				|| fileName.equals(io.chaingraph.importing.read.DatasetSource.MAPPING_FILE);
		if (!sheet && (dot < 0 || !extension.equals("jsonl") || DatasetFormat.spec(fileName.substring(0, dot)).isEmpty())) {
			this.problems.add("'" + name + "': not a dataset file (expected "
					+ DatasetFormat.FILES.stream().map(DatasetFormat.FileSpec::baseName).toList()
					+ " as .csv or .jsonl, enterprise sheets as .xlsx or .csv, mapping.yml)");
			return;
		}
		if (this.files.containsKey(fileName)) {
			this.problems.add("'" + name + "': " + fileName + " appears twice (also as '" + this.files.get(fileName) + "')");
			return;
		}
		this.files.put(fileName, name);
		try (OutputStream out = Files.newOutputStream(this.folder.resolve(fileName))) {
			byte[] buffer = new byte[64 * 1024];
			int n;
			while ((n = content.read(buffer)) > 0) {
				this.total += n;
				if (this.total > this.maxBytes) {
					throw refuse(413, this.what + " holds more than " + this.maxBytes
							+ " bytes once unpacked (chaingraph.import.max-dataset-size)");
				}
				out.write(buffer, 0, n);
			}
		}
	}

	/** Reads what is left of a refused entry, counting it: a bomb under a wrong name is bounded too. */
	private void drain(InputStream content) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		int n;
		while ((n = content.read(buffer)) > 0) {
			this.total += n;
			if (this.total > this.maxBytes) {
				throw refuse(413, this.what + " holds more than " + this.maxBytes
						+ " bytes once unpacked (chaingraph.import.max-dataset-size)");
			}
		}
	}

	private Unpacked finish(String fallbackName) {
		if (this.topFolders.size() > 1 || (this.topFolders.size() == 1 && this.topLevelFiles)) {
			this.problems.add("files in several folders (" + String.join(", ", this.topFolders)
					+ (this.topLevelFiles ? " and the top" : "") + "); the dataset's files must be at the top or in one folder");
		}
		if (this.problems.isEmpty() && this.files.isEmpty()) {
			this.problems.add(this.what + " holds no dataset file (expected "
					+ DatasetFormat.FILES.stream().map(DatasetFormat.FileSpec::baseName).toList() + " as .csv or .jsonl)");
		}
		if (!this.problems.isEmpty()) {
			throw refuse(400, null);
		}
		String name = (this.topFolders.size() == 1) ? this.topFolders.first() : fallbackName;
		return new Unpacked(this.folder, name, List.copyOf(this.files.keySet()));
	}

	private Refused refuse(int status, String reason) {
		discard();
		List<String> reasons = new ArrayList<>(this.problems);
		if (reason != null) {
			reasons.add(reason);
		}
		return new Refused(status, reasons);
	}

	private void discard() {
		ImportQueue.delete(this.folder);
	}

}
