package io.chaingraph.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.chaingraph.report.ChainReport;
import io.chaingraph.report.ChainReports;
import io.chaingraph.report.ReportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

import org.springframework.context.ConfigurableApplicationContext;

@Command(name = "report", mixinStandardHelpOptions = true,
		description = { "Write a park's chain report (产业链缺口报告) into DIR: the workbook report-PARK-CHAIN.xlsx",
				"(summary, segments, candidates, trend) and the printable page report-PARK-CHAIN.html (A4),",
				"the same files as GET /export/report. Reads the configured database; writes nothing to it." })
final class ReportCommand implements Callable<Integer> {

	@Option(names = "--park", required = true, paramLabel = "P", description = "the park's id, e.g. park-gene-valley")
	String park;

	@Option(names = "--chain", required = true, paramLabel = "C", description = "the chain's id, e.g. chain-gene-drug")
	String chain;

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "the folder to write into (created if missing)")
	Path out;

	@Option(names = "--format", paramLabel = "F", description = "xlsx or html (default: both)")
	String format;

	@Option(names = "--weak-below", paramLabel = "N", defaultValue = "2",
			description = "weak threshold: fewer local enterprises than N is weak (default ${DEFAULT-VALUE})")
	int weakBelow;

	@Option(names = "--candidates", paramLabel = "N", defaultValue = "" + ChainReports.DEFAULT_CANDIDATES,
			description = "candidates listed per gap, 0 to " + ChainReports.MAX_CANDIDATES + " (default ${DEFAULT-VALUE})")
	int candidates;

	static final String QUERY_TIMEOUT = "chaingraph.query.timeout";

	/** The query timeout of the job unless given: a report's statements run on a database just opened. */
	static final String JOB_QUERY_TIMEOUT = "120s";

	/** Spring properties such as --chaingraph.data-dir=/srv/chaingraph are passed to the application. */
	@Unmatched
	List<String> springArguments = new ArrayList<>();

	@Override
	public Integer call() {
		PrintStream err = System.err;
		List<ReportFormat> formats = formats(err);
		if (formats == null) {
			return 2;
		}
		ConfigurableApplicationContext context;
		List<String> arguments = new ArrayList<>(this.springArguments);
		if (arguments.stream().noneMatch(a -> a.startsWith("--" + QUERY_TIMEOUT + "="))) {
			// a one-off job on a database just opened (cold caches): more time than a request gets
			arguments.add("--" + QUERY_TIMEOUT + "=" + JOB_QUERY_TIMEOUT);
		}
		try {
			context = JobContext.start(arguments);
		}
		catch (RuntimeException ex) {
			err.println("chaingraph report: cannot open the database: " + JobContext.explain(ex));
			return 3;
		}
		try (context) {
			return write(context.getBean(ChainReports.class), formats, System.out, err);
		}
	}

	/**
	 * Parses {@code args} as the command does and writes the report with {@code reports} (a running
	 * application's), printing to {@code out} and {@code err}; the exit code.
	 */
	static int run(String[] args, ChainReports reports, PrintStream out, PrintStream err) {
		ReportCommand command = new ReportCommand();
		try {
			new picocli.CommandLine(command).parseArgs(args);
		}
		catch (picocli.CommandLine.ParameterException ex) {
			err.println("chaingraph report: " + ex.getMessage());
			return 2;
		}
		List<ReportFormat> formats = command.formats(err);
		return (formats == null) ? 2 : command.write(reports, formats, out, err);
	}

	/** The formats asked for, or null (after saying why) for an unknown one or an unusable folder. */
	private List<ReportFormat> formats(PrintStream err) {
		if (Files.exists(this.out) && !Files.isDirectory(this.out)) {
			err.println("chaingraph report: " + this.out + " 不是文件夹 · is not a folder");
			return null;
		}
		if (this.format == null) {
			return List.of(ReportFormat.values());
		}
		ReportFormat one = ReportFormat.of(this.format).orElse(null);
		if (one == null) {
			err.println("chaingraph report: --format 须为 xlsx 或 html · --format must be xlsx or html, was '"
					+ this.format + "'");
			return null;
		}
		return List.of(one);
	}

	/** 0 when written; 1 for an unknown park or chain or an argument out of range; 2 when a file cannot be written. */
	private int write(ChainReports reports, List<ReportFormat> formats, PrintStream stdout, PrintStream err) {
		ChainReport report;
		try {
			report = reports.build(this.park, this.chain, this.weakBelow, this.candidates);
		}
		catch (ChainReports.UnknownIdException | IllegalArgumentException ex) {
			err.println("chaingraph report: " + ex.getMessage());
			return 1;
		}
		catch (RuntimeException ex) {
			// the database did not answer (in time): nothing was written
			err.println("chaingraph report: 数据库未能作答，未写入文件 · the database did not answer, nothing was written: "
					+ JobContext.explain(ex) + " (" + QUERY_TIMEOUT + " raises the time a statement may take)");
			return 3;
		}
		try {
			Files.createDirectories(this.out);
			for (ReportFormat f : formats) {
				Path file = this.out.resolve(f.fileName(report));
				try (OutputStream stream = Files.newOutputStream(file)) {
					f.write(report, stream);
				}
				stdout.println("已写入 Wrote " + file.toAbsolutePath());
			}
		}
		catch (IOException ex) {
			err.println("chaingraph report: 无法写入 cannot write into " + this.out + ": " + ex.getMessage());
			return 2;
		}
		stdout.println(report.park().name() + " · " + report.chain().name() + ": 覆盖率 coverage "
				+ String.format(java.util.Locale.ROOT, "%.1f%%", report.coverage() * 100) + ", 断链 broken "
				+ report.counts().broken() + ", 缺链 missing " + report.counts().missing() + ", 弱链 weak "
				+ report.counts().weak());
		return 0;
	}

}
