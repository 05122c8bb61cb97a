package io.chaingraph.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.chaingraph.support.GraphQlTest;

import org.springframework.graphql.GraphQlResponse;

/** Runs a document from graphql-test/ and reads values (nulls included) out of the answer. */
abstract class GraphQlTestSupport extends GraphQlTest {

	/** Runs the document with the variables and fails on any GraphQL error. */
	GraphQlResponse run(String document, Object... variables) {
		var request = tester().documentName(document);
		for (int i = 0; i < variables.length; i += 2) {
			request.variable((String) variables[i], variables[i + 1]);
		}
		var response = request.execute();
		response.errors().verify();
		return response.returnResponse();
	}

	static <T> T at(GraphQlResponse response, String path) {
		return response.field(path).getValue();
	}

	static List<Object> list(GraphQlResponse response, String path) {
		return at(response, path);
	}

	/** {@code key} (a dotted path) of every element of the list at {@code listPath}, nulls kept. */
	static List<Object> pluck(GraphQlResponse response, String listPath, String key) {
		List<Object> list = at(response, listPath);
		List<Object> values = new ArrayList<>();
		for (Object element : list) {
			Object value = element;
			for (String part : key.split("\\.")) {
				value = (value == null) ? null : ((Map<?, ?>) value).get(part);
			}
			values.add(value);
		}
		return values;
	}

}
