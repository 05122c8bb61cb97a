package io.chaingraph.importing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.chaingraph.config.Graph;
import io.chaingraph.dataset.Problem;
import io.chaingraph.generate.DatasetGenerator;
import io.chaingraph.generate.GeneratorOptions;
import io.chaingraph.importing.load.FileSummary;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.support.DatasetDir;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The importer streams: a dataset's files are opened when they are read, never held whole, and the
 * load reads each file again while it writes, one batch at a time (so a 1M-enterprise dataset loads
 * in a 2 GB heap, see BENCHMARKS.md "Memory").
 */
class ImportStreamingTest extends IntegrationTest {

	@Autowired
	ImportService imports;

	@Autowired
	Graph graph;

	@TempDir
	Path dir;

	/** Every stream the importer opened, per file name, in order. */
	private final Map<String, List<CountingStream>> opened = new ConcurrentHashMap<>();

	@BeforeEach
	void wipe() {
		new Fixtures(this.graph).wipe();
	}

	@Test
	void writesEachBatchWhileItsFileIsStillBeingRead() throws IOException {
		DatasetGenerator.Summary summary = DatasetGenerator.generate(this.dir, GeneratorOptions.of(2000));
		long enterprisesSize = Files.size(this.dir.resolve("enterprises.csv"));
		long[] readAtFirstBatch = { -1 };
		int[] opensAtFirstBatch = { -1 };
		ImportProgress progress = new ImportProgress() {
			@Override
			public void advance(String file, long rows) {
				if (file.equals("enterprises.csv") && readAtFirstBatch[0] < 0) {
					List<CountingStream> streams = ImportStreamingTest.this.opened.get(file);
					opensAtFirstBatch[0] = streams.size();
					readAtFirstBatch[0] = streams.get(streams.size() - 1).count;
				}
			}
		};

		ImportReport report = this.imports.run(tracked(this.dir), false, progress, 100);

		assertThat(report.status()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(report.files().stream().mapToLong(FileSummary::nodesCreated).sum()).isEqualTo(summary.nodeRows());
		assertThat(this.graph.list("MATCH (n:Enterprise) RETURN count(n) AS n", Map.of(), r -> r.get("n").asLong()))
			.containsExactly(summary.rows("enterprises.csv"));
		// validation read the file before (checksum and encoding, syntax, typing): the load opens it anew ...
		assertThat(opensAtFirstBatch[0]).isGreaterThan(3);
		// ... and writes its first 100 rows having read a part of it, not the whole file: the writer threads
		// hold at most two batches each in flight, so by then 5 of its 20 batches have been read at most
		assertThat(readAtFirstBatch[0]).isPositive().isLessThan(enterprisesSize / 2);
		assertEveryStreamClosed();
	}

	@Test
	void readsAFolderWhenImportingNotWhenTheSourceIsMade() throws IOException {
		Path dataset = new DatasetDir(this.dir.resolve("ds")).write();
		DatasetSource source = DatasetSource.fromDirectory(dataset);
		Files.writeString(dataset.resolve("chains.csv"), "id,name\nc-late,Chain written after the source was made\n",
				StandardCharsets.UTF_8);

		ImportReport report = this.imports.run(source, true, ImportProgress.NONE);

		assertThat(report.problems()).extracting(Problem::format)
			.anyMatch(p -> p.startsWith("chain_nodes.csv:") && p.contains("unknown chain"));
		assertThat(report.status()).isEqualTo(ImportStatus.INVALID);
	}

	@Test
	void aFileGoneBeforeTheImportIsNamedAndNothingIsWritten() throws IOException {
		Path dataset = new DatasetDir(this.dir.resolve("gone")).write();
		DatasetSource source = DatasetSource.fromDirectory(dataset);
		Files.delete(dataset.resolve("supplies.csv"));

		assertThatThrownBy(() -> this.imports.run(source, false, ImportProgress.NONE))
			.isInstanceOf(UncheckedIOException.class)
			.hasMessage("Cannot read " + dataset.toAbsolutePath() + "/supplies.csv")
			.hasCauseInstanceOf(NoSuchFileException.class);
		assertThat(this.graph.list("MATCH (n:Entity) RETURN count(n) AS n", Map.of(), r -> r.get("n").asLong()))
			.containsExactly(0L);
	}

	@Test
	void anInvalidDatasetClosesEveryFileAndWritesNothing() throws IOException {
		DatasetGenerator.generate(this.dir, GeneratorOptions.of(300));
		Path enterprises = this.dir.resolve("enterprises.csv");
		List<String> lines = new ArrayList<>(Files.readAllLines(enterprises, StandardCharsets.UTF_8));
		// the last row, read last: its error is found all the same and nothing of the rows before it is written
		String last = lines.get(lines.size() - 1);
		lines.set(lines.size() - 1, last.substring(0, last.indexOf(',')) + ",,"
				+ last.substring(last.indexOf(',', last.indexOf(',') + 1) + 1));
		Files.write(enterprises, lines, StandardCharsets.UTF_8);

		ImportReport report = this.imports.run(tracked(this.dir), false, ImportProgress.NONE);

		assertThat(report.status()).isEqualTo(ImportStatus.INVALID);
		assertThat(report.problems()).extracting(Problem::format)
			.contains("enterprises.csv:" + lines.size() + ": name: required value is empty");
		assertThat(this.graph.list("MATCH (n:Entity) RETURN count(n) AS n", Map.of(), r -> r.get("n").asLong()))
			.containsExactly(0L);
		assertEveryStreamClosed();
	}

	private void assertEveryStreamClosed() {
		assertThat(this.opened).isNotEmpty();
		this.opened.forEach((file, streams) -> assertThat(streams).as(file).allMatch(s -> s.closed));
	}

	/** The folder's dataset, counting what is read of each file. */
	private DatasetSource tracked(Path folder) {
		DatasetSource plain = DatasetSource.fromDirectory(folder);
		Map<String, DatasetSource.Content> files = new TreeMap<>();
		plain.files().forEach((name, content) -> files.put(name, () -> {
			CountingStream stream = new CountingStream(content.open());
			this.opened.computeIfAbsent(name, n -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(stream);
			return stream;
		}));
		return new DatasetSource(plain.name(), plain.location(), files);
	}

	private static final class CountingStream extends FilterInputStream {

		volatile long count;

		volatile boolean closed;

		CountingStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.count++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				this.count += n;
			}
			return n;
		}

		@Override
		public void close() throws IOException {
			this.closed = true;
			super.close();
		}

	}

}
