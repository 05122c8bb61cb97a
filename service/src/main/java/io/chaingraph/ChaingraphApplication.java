package io.chaingraph;

import io.chaingraph.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point. Without arguments (or with Spring options only) it serves the GraphQL API;
 * with a sub-command ({@code import DIR}, ...) it runs that job and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ChaingraphApplication {

	public static void main(String[] args) {
		if (Cli.isCommand(args)) {
			System.exit(Cli.run(args));
		}
		SpringApplication.run(ChaingraphApplication.class, args);
	}

}
