package io.chaingraph.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.chaingraph.audit.Actor;
import io.chaingraph.document.DocumentService;
import io.chaingraph.document.DocumentText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

import org.springframework.context.ConfigurableApplicationContext;

@Command(name = "ingest", mixinStandardHelpOptions = true,
		description = { "Read news and policy documents (.txt in UTF-8, .html, .docx), find the parks, platforms,",
				"enterprises and chains they name and what they say of them, and store each finding as a proposal",
				"to review (GraphQL: proposals, acceptProposal). The graph itself does not change.",
				"The same document again changes nothing." })
final class IngestCommand implements Callable<Integer> {

	@Parameters(paramLabel = "FILE", arity = "1..*", description = "the documents")
	List<Path> files;

	@Unmatched
	List<String> springArguments = new java.util.ArrayList<>();

	@Override
	public Integer call() {
		PrintStream out = System.out;
		PrintStream err = System.err;
		for (Path file : this.files) {
			if (!Files.isRegularFile(file)) {
				err.println("chaingraph ingest: " + file + ": no such file / 文件不存在");
				return 2;
			}
		}
		ConfigurableApplicationContext context;
		try {
			context = JobContext.start(this.springArguments);
		}
		catch (RuntimeException ex) {
			err.println("chaingraph ingest: cannot open the database: " + JobContext.explain(ex));
			return 3;
		}
		int failed = 0;
		try (context) {
			DocumentService documents = context.getBean(DocumentService.class);
			for (Path file : this.files) {
				try {
					if (Files.size(file) > DocumentText.MAX_BYTES) {
						throw new DocumentText.Unreadable(file + ": larger than 20 MB / 文件过大");
					}
					DocumentService.Ingested ingested = documents.ingest(file.toString(), Files.readAllBytes(file),
							Actor.CLI);
					out.println(ingested.created()
							? file + ": " + ingested.id() + " " + ingested.title() + ": " + ingested.proposals()
									+ " proposals to review / 条待审核提议"
							: file + ": " + ingested.id() + " already ingested, nothing changed / 已导入，未改变");
				}
				catch (DocumentText.Unreadable ex) {
					err.println("chaingraph ingest: " + ex.getMessage());
					failed++;
				}
				catch (IOException ex) {
					err.println("chaingraph ingest: " + file + ": " + ex.getMessage());
					failed++;
				}
			}
		}
		return (failed > 0) ? 1 : 0;
	}

}
