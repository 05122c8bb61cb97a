package io.chaingraph.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.chaingraph.importing.sheet.EnterpriseTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "template", mixinStandardHelpOptions = true,
		description = { "Write the blank enterprise workbook (企业导入模板): one sheet with every recognised header.",
				"Fill it in, put it in a dataset folder and run import DIR. No database is opened." })
final class TemplateCommand implements Callable<Integer> {

	@Parameters(paramLabel = "FILE", description = "the .xlsx file to write, e.g. enterprises.xlsx")
	Path file;

	@Option(names = "--force", description = "overwrite FILE if it exists")
	boolean force;

	@Override
	public Integer call() {
		if (!this.file.getFileName().toString().endsWith(".xlsx")) {
			System.err.println("chaingraph template: FILE must end in .xlsx");
			return 2;
		}
		if (Files.exists(this.file) && !this.force) {
			System.err.println("chaingraph template: " + this.file + " exists (--force overwrites it)");
			return 2;
		}
		try {
			EnterpriseTemplate.write(this.file);
		}
		catch (java.io.IOException | RuntimeException ex) {
			System.err.println("chaingraph template: cannot write " + this.file + ": " + ex.getMessage());
			return 2;
		}
		System.out.println("Wrote " + this.file.toAbsolutePath() + " (sheet " + EnterpriseTemplate.SHEET + ": "
				+ String.join(", ", EnterpriseTemplate.headers()) + ")");
		return 0;
	}

}
