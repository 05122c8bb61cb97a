package io.chaingraph.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import io.chaingraph.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lookup tests' documents select every field of every type reachable from the lookups (so
 * {@link LookupTest} and {@link PaginationTest} exercise each one); a field added to the schema
 * without a test fails here.
 */
class SchemaCoverageTest extends IntegrationTest {

	static final List<String> LOOKUPS = List.of("park", "parks", "parksConnection", "enterprise", "enterprises",
			"platform", "chain", "chains", "chainNode", "importRuns", "importRunsConnection", "importRun");

	static final List<String> DOCUMENTS = List.of("park", "parks", "parksConnection", "parkEnterprises", "enterprise",
			"enterprises", "enterprisesSorted", "platform", "chain", "chains", "chainNode", "chainNodeEnterprises",
			"importRuns", "importRunsConnection", "importRun");

	@Autowired
	GraphQlSource graphQlSource;

	@Test
	void lookupDocumentsSelectEveryFieldOfEveryTypeTheLookupsReach() throws IOException {
		GraphQLSchema schema = this.graphQlSource.schema();
		Set<String> reachable = new TreeSet<>();
		Deque<GraphQLObjectType> todo = new ArrayDeque<>();
		Set<String> visited = new TreeSet<>();
		for (String lookup : LOOKUPS) {
			GraphQLFieldDefinition field = schema.getQueryType().getFieldDefinition(lookup);
			assertThat(field).as(lookup).isNotNull();
			reachable.add("Query." + lookup);
			enqueue(field.getType(), todo, visited);
		}
		while (!todo.isEmpty()) {
			GraphQLObjectType type = todo.pop();
			for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
				reachable.add(type.getName() + "." + field.getName());
				enqueue(field.getType(), todo, visited);
			}
		}
		Set<String> selected = new TreeSet<>();
		for (String name : DOCUMENTS) {
			Document document = Parser.parse(read(name));
			for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
				QueryTraverser.newQueryTraverser()
					.schema(schema)
					.document(document)
					.operationName(operation.getName())
					.coercedVariables(CoercedVariables.of(Map.of("id", "any", "withTotal", true)))
					.build()
					.visitPreOrder(new QueryVisitorStub() {
						@Override
						public void visitField(QueryVisitorFieldEnvironment env) {
							if (!env.isTypeNameIntrospectionField()) {
								selected.add(env.getFieldsContainer().getName() + "." + env.getField().getName());
							}
						}
					});
			}
		}
		assertThat(reachable).as("sanity: the lookups reach the main types")
			.contains("Park.enterprises", "EnterpriseEdge.weight", "PlatformLink.chainNode", "ImportFileSummary.relsRemoved");
		assertThat(selected).as("fields the lookup documents select").containsAll(reachable);
	}

	private static void enqueue(GraphQLType type, Deque<GraphQLObjectType> todo, Set<String> visited) {
		GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(type);
		if (unwrapped instanceof GraphQLObjectType object && visited.add(object.getName())) {
			todo.push(object);
		}
	}

	private static String read(String name) throws IOException {
		try (InputStream in = new ClassPathResource("graphql-test/" + name + ".graphql").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
