package io.chaingraph.security;

import io.chaingraph.support.HttpGraphQl;
import io.chaingraph.support.SecuredIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What GraphQlFuzzTest found, one assertion each: requests that were answered with a 500, with an
 * INTERNAL_ERROR or with the web framework's own error body instead of a clear GraphQL error.
 */
class FuzzFindingsTest extends SecuredIntegrationTest {

	@Test
	void anExplicitNullForAnArgumentWithADefaultIsAValidationErrorNotAnInternalError() {
		// was: INTERNAL_ERROR (null bound to a primitive int in the controller)
		for (String query : new String[] { "{ parks(first: null) { id } }", "{ search(text: \"园\", first: null) { id } }",
				"{ park(id: \"P\") { enterprises(includeSubParks: null) { totalCount } } }" }) {
			HttpGraphQl.Response response = this.http.post(null, query);
			assertThat(response.classification()).as(query).isEqualTo("ValidationError");
			assertThat(response.errors().path(0).path("message").asString()).as(query).contains("null");
		}
		// left out, the default still applies
		assertThat(this.http.post(null, "{ parks { id } }").data().path("parks").size()).isEqualTo(2);
	}

}
