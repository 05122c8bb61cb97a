package io.chaingraph.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/configuration.md against the configuration metadata the build writes from the
 * {@code @ConfigurationProperties} records: every {@code chaingraph.*} property is documented, every
 * documented one exists, and a documented default is the record's default. And every documented
 * environment variable reaches its property (through Spring's relaxed binding or application.yml).
 */
class ConfigurationDocsTest {

	static final Path DOC = Path.of("docs/configuration.md");

	static final String METADATA = "META-INF/spring-configuration-metadata.json";

	/** {@code | `property` | `VARIABLE` or nothing | default | meaning |} */
	private static final Pattern ROW = Pattern.compile("^\\|([^|]*)\\|([^|]*)\\|([^|]*)\\|.*\\|\\s*$");

	private static final Pattern CODE = Pattern.compile("`([^`]*)`");

	private static final String EMPTY = "*(empty)*";

	@Test
	void everyPropertyIsDocumentedWithItsDefault() throws IOException {
		Map<String, Optional<String>> metadata = chaingraphMetadata();
		Map<String, Row> documented = documentedRows();
		assertThat(metadata).as("chaingraph.* properties in the generated metadata").hasSizeGreaterThan(20);

		List<String> problems = new ArrayList<>();
		for (String property : metadata.keySet()) {
			if (!documented.containsKey(property)) {
				problems.add(property + " is missing from " + DOC);
			}
		}
		for (Row row : documented.values()) {
			if (!row.property().startsWith("chaingraph.")) {
				continue;
			}
			Optional<String> known = metadata.get(row.property());
			if (known == null) {
				problems.add(DOC + " names " + row.property() + ", which no @ConfigurationProperties record has");
				continue;
			}
			String recorded = known.orElse("");
			if (!recorded.equals(row.defaultValue())) {
				problems.add(row.property() + ": " + DOC + " says the default is '" + row.defaultValue()
						+ "', the record says '" + recorded + "'");
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyDocumentedEnvironmentVariableReachesItsProperty() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Row row : documentedRows().values()) {
			if (row.variable() == null) {
				continue;
			}
			String value = "probe-" + row.variable().toLowerCase();
			String bound = bindWithEnvironment(row.property(), Map.of(row.variable(), value));
			if (!value.equals(bound)) {
				problems.add(row.variable() + " does not set " + row.property() + " (it is '" + bound + "')");
			}
		}
		assertThat(problems).isEmpty();
	}

	/** The check above can fail: an undocumented variable name does not reach the property. */
	@Test
	void anUnmappedVariableDoesNotReachTheProperty() throws IOException {
		assertThat(bindWithEnvironment("chaingraph.rate-limit.expensive-per-minute", Map.of("CHAINGRAPH_RATE_LIMITS", "7")))
			.isEmpty();
		assertThat(bindWithEnvironment("chaingraph.rate-limit.expensive-per-minute", Map.of("CHAINGRAPH_RATE_LIMIT", "7")))
			.isEqualTo("7");
	}

	/** The property's value with application.yml and only these environment variables. */
	private static String bindWithEnvironment(String property, Map<String, Object> variables) throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
			.forEach(environment.getPropertySources()::addLast);
		ConfigurationPropertySources.attach(environment);
		return Binder.get(environment).bind(property, String.class).orElse("");
	}

	/** chaingraph.* properties from every metadata file on the class path, with their defaults. */
	private static Map<String, Optional<String>> chaingraphMetadata() throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		Map<String, Optional<String>> properties = new TreeMap<>();
		for (URL url : Collections.list(ConfigurationDocsTest.class.getClassLoader().getResources(METADATA))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode property : json.readTree(in).path("properties")) {
					String name = property.path("name").asString();
					if (name.startsWith("chaingraph.")) {
						JsonNode value = property.get("defaultValue");
						properties.put(name, Optional.ofNullable(value).map(ConfigurationDocsTest::defaultText));
					}
				}
			}
		}
		return properties;
	}

	private static String defaultText(JsonNode value) {
		if (value.isArray()) {
			List<String> items = new ArrayList<>();
			value.forEach(item -> items.add(item.asString()));
			return String.join(",", items);
		}
		return value.asString();
	}

	/** The table's rows by property; a row naming several properties counts for each. */
	private static Map<String, Row> documentedRows() throws IOException {
		assertThat(DOC).as("run from the top of the checkout").exists();
		Map<String, Row> rows = new LinkedHashMap<>();
		for (String line : Files.readAllLines(DOC)) {
			Matcher row = ROW.matcher(line);
			if (!row.matches() || !row.group(1).contains("`")) {
				continue;
			}
			Matcher variable = CODE.matcher(row.group(2));
			String defaultCell = row.group(3).strip();
			Matcher defaultCode = CODE.matcher(defaultCell);
			String defaultValue = defaultCell.startsWith(EMPTY) ? "" : defaultCode.find() ? defaultCode.group(1) : null;
			Matcher property = CODE.matcher(row.group(1));
			while (property.find()) {
				String name = property.group(1);
				assertThat(rows).as("%s is documented twice", name).doesNotContainKey(name);
				rows.put(name, new Row(name, variable.find(0) ? variable.group(1) : null, defaultValue));
			}
		}
		return rows;
	}

	private record Row(String property, String variable, String defaultValue) {
	}

}
