package io.chaingraph.cli;

import java.io.PrintStream;

import io.chaingraph.importing.ImportProgress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on a terminal; on a pipe or in CI, a line per 10% (and at least per 50,000 rows). */
final class ConsoleProgress {

	private ConsoleProgress() {
	}

	static ImportProgress create(PrintStream err) {
		return (System.console() != null) ? new Bar() : new Lines(err);
	}

	private static final class Bar implements ImportProgress {

		private ProgressBar bar;

		@Override
		public void start(long totalRows) {
			this.bar = new ProgressBarBuilder().setTaskName("import")
				.setInitialMax(totalRows)
				.setStyle(ProgressBarStyle.ASCII)
				.setUnit(" rows", 1)
				.showSpeed()
				.build();
		}

		@Override
		public void advance(String file, long rows) {
			this.bar.setExtraMessage(file);
			this.bar.stepBy(rows);
		}

		@Override
		public void finish() {
			if (this.bar != null) {
				this.bar.close();
			}
		}

	}

	private static final class Lines implements ImportProgress {

		private final PrintStream out;

		private long total;

		private long done;

		private long nextReport;

		private long step;

		private long started;

		Lines(PrintStream out) {
			this.out = out;
		}

		@Override
		public void start(long totalRows) {
			this.total = totalRows;
			this.step = Math.max(1, Math.min(50_000, totalRows / 10));
			this.nextReport = this.step;
			this.started = System.nanoTime();
		}

		@Override
		public void advance(String file, long rows) {
			this.done += rows;
			if (this.done >= this.nextReport || this.done == this.total) {
				double seconds = Math.max(1e-3, (System.nanoTime() - this.started) / 1e9);
				this.out.printf("import: %,d / %,d rows (%.0f%%), %s, %,.0f rows/s%n", this.done, this.total,
						100.0 * this.done / Math.max(1, this.total), file, this.done / seconds);
				while (this.nextReport <= this.done) {
					this.nextReport += this.step;
				}
			}
		}

	}

}
