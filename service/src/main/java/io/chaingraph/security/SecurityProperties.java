package io.chaingraph.security;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may do what ({@code chaingraph.security.*}), from which origins ({@code chaingraph.cors.*}) and
 * how often ({@code chaingraph.rate-limit.*}). docs/configuration.md lists every setting with its
 * environment variable.
 * <p>
 * Settings whose environment variable application.yml maps are boxed: with the variable unset they
 * arrive empty, bind to null and so keep their default.
 *
 * @param security API tokens and security headers
 * @param cors browser front-ends on other origins
 * @param rateLimit per-client limit on expensive queries
 */
@ConfigurationProperties("chaingraph")
@Validated
record SecurityProperties(@DefaultValue @Valid Security security, @DefaultValue @Valid Cors cors,
		@DefaultValue @Valid RateLimit rateLimit) {

	/**
	 * @param tokens API tokens, name:ROLE:token or name:ROLE:sha256:hex (the token's SHA-256 in hex), comma-separated; empty: the
	 * service is read-only
	 * @param requireTokenForReads true: queries need a token too (VIEWER or higher); /, /graphiql and
	 * /actuator/health stay open
	 * @param contentSecurityPolicy Content-Security-Policy header of every response except GraphiQL's
	 * @param graphiqlContentSecurityPolicy Content-Security-Policy header of /graphiql (Spring for
	 * GraphQL's page loads GraphiQL from esm.sh and starts it with inline scripts)
	 */
	record Security(@DefaultValue("") String tokens, @DefaultValue("false") Boolean requireTokenForReads,
			@DefaultValue(SecurityConfiguration.DEFAULT_CSP) String contentSecurityPolicy,
			@DefaultValue(SecurityConfiguration.GRAPHIQL_CSP) String graphiqlContentSecurityPolicy) {
	}

	/**
	 * @param allowedOrigins origins of browser front-ends allowed to call /graphql and /api
	 * (comma-separated, e.g. https://explorer.example.org); empty: same origin only
	 */
	record Cors(@DefaultValue List<String> allowedOrigins) {
	}

	/**
	 * @param expensivePerMinute traversal and gap queries (upstream, downstream, network, chainGaps,
	 * gapCandidates, compareParks) per minute per client (token name, or IP address without a token); 0: no
	 * limit
	 */
	record RateLimit(@DefaultValue("60") @Min(0) Long expensivePerMinute) {
	}

}
