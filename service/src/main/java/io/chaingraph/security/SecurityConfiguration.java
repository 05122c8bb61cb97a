package io.chaingraph.security;

import java.time.Duration;
import java.util.List;

import io.chaingraph.config.QueryProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Bearer tokens, roles, CORS and security headers (docs/security.md).
 * <ul>
 * <li>{@code /graphql}: every request passes to {@link GraphQlRequestFilter}, which decides by the
 * operation (queries, mutations, deletes) and applies the size and rate limits;</li>
 * <li>the static pages ({@code /}, {@code /graphiql}, the explorer's files) and
 * {@code /actuator/health}: open, they carry no data;</li>
 * <li>{@code POST /api/imports} and {@code POST /api/documents} (uploads): ADMIN, decided by
 * {@link ImportUploadFilter};</li>
 * <li>other actuator endpoints, {@code /api/**} (an import run) and the downloads {@code /export/**}: like
 * reads; the downloads also pass {@link ExportRequestFilter} (the rate limit, shared with GraphQL's
 * expensive queries) and the admission queue.</li>
 * </ul>
 * Stateless: no session, no cookie, so no CSRF token is needed. Only in the web server: the import
 * command's context has no HTTP and no tokens.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String DEFAULT_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/** Spring for GraphQL's GraphiQL page loads GraphiQL from esm.sh and starts it with inline scripts. */
	static final String GRAPHIQL_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' https://esm.sh; "
			+ "style-src 'self' 'unsafe-inline' https://esm.sh; img-src 'self' data: https://esm.sh; "
			+ "font-src 'self' data: https://esm.sh; connect-src 'self' https://esm.sh; worker-src 'self' blob: https://esm.sh; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	ApiTokens apiTokens(SecurityProperties properties) {
		ApiTokens parsed = ApiTokens.parse(properties.security().tokens());
		parsed.logSummary(properties.security().requireTokenForReads());
		return parsed;
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ApiTokens tokens, SecurityProperties properties,
			QueryProperties limits) throws Exception {
		boolean requireTokenForReads = properties.security().requireTokenForReads();
		String csp = properties.security().contentSecurityPolicy();
		String graphiqlCsp = properties.security().graphiqlContentSecurityPolicy();
		AuthorizationManager<RequestAuthorizationContext> reads = requireTokenForReads
				? AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(),
						AuthorityAuthorizationManager.hasRole(Role.VIEWER.name()))
				: (authentication, context) -> new org.springframework.security.authorization.AuthorizationDecision(true);
		// one bucket per client for GraphQL's traversal and gap queries and for the downloads
		RateLimiter expensive = new RateLimiter(properties.rateLimit().expensivePerMinute());
		RequestMatcher graphiql = request -> request.getRequestURI()
			.substring(request.getContextPath().length())
			.startsWith("/graphiql");
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable())
			.requestCache(cache -> cache.disable())
			.cors(cors -> {
			})
			.headers(headers -> headers
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(graphiql,
						new StaticHeadersWriter("Content-Security-Policy", graphiqlCsp)))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(request -> !graphiql.matches(request),
						new StaticHeadersWriter("Content-Security-Policy", csp)))
				.referrerPolicy(referrer -> referrer.policy(
						org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
			.authorizeHttpRequests(authorize -> authorize
				.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
				.requestMatchers("/graphql").permitAll()
				// decided by ImportUploadFilter (ADMIN), with the API's refusals
				.requestMatchers(HttpMethod.POST, ImportUploadFilter.PATH, ImportUploadFilter.DOCUMENTS_PATH).permitAll()
				.requestMatchers("/api/**").access(reads)
				.requestMatchers(ErrorResponses.EXPORT_PREFIX + "**").access(reads)
				.requestMatchers("/actuator/**").access(reads)
				.requestMatchers(HttpMethod.GET, "/**").permitAll()
				.anyRequest().access(reads))
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint((request, response, ex) -> ErrorResponses.write(request, response, 401,
						"UNAUTHORIZED", "This needs an API token: send 'Authorization: Bearer <token>'"))
				.accessDeniedHandler((request, response, ex) -> ErrorResponses.write(request, response, 403, "FORBIDDEN",
						"The token's role does not allow this")))
			.addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
			.addFilterAfter(new GraphQlRequestFilter(tokens, requireTokenForReads,
					limits.graphql().maxRequestSize().toBytes(), expensive), AuthorizationFilter.class)
			.addFilterAfter(new ExportRequestFilter(expensive), GraphQlRequestFilter.class)
			.addFilterAfter(new ConcurrencyLimitFilter(ConcurrencyLimitFilter.effective(limits.graphql().maxConcurrent()),
					limits.query().timeout()), ExportRequestFilter.class)
			.addFilterAfter(new ImportUploadFilter(tokens), AuthorizationFilter.class);
		return http.build();
	}

	/**
	 * No Spring Security observations: with them every request opened one per security filter (about
	 * fifteen) besides {@code http.server.requests}, a measurable share of a small query's time for
	 * traces nobody reads here. Request metrics and GraphQL observations stay.
	 */
	@Bean
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/** Front-ends on other origins ({@code chaingraph.cors.allowed-origins}); none by default. */
	@Bean
	CorsConfigurationSource corsConfigurationSource(SecurityProperties properties) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		List<String> allowed = properties.cors().allowedOrigins().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
		if (!allowed.isEmpty()) {
			CorsConfiguration graphql = new CorsConfiguration();
			graphql.setAllowedOrigins(allowed);
			graphql.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
			graphql.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept"));
			graphql.setMaxAge(Duration.ofHours(1));
			source.registerCorsConfiguration("/graphql", graphql);
			source.registerCorsConfiguration("/api/**", graphql);
			CorsConfiguration exports = new CorsConfiguration(graphql);
			exports.setExposedHeaders(List.of("Content-Disposition", "X-Chaingraph-Truncated"));
			source.registerCorsConfiguration(ErrorResponses.EXPORT_PREFIX + "**", exports);
		}
		return source;
	}

	/** Errors the framework answers for /graphql in GraphQL's error format (see {@link GraphQlErrorAttributes}). */
	@Bean
	org.springframework.boot.webmvc.error.ErrorAttributes graphQlErrorAttributes() {
		return new GraphQlErrorAttributes();
	}

	/** No user accounts (only API tokens): stops Boot from creating a default user with a logged password. */
	@Bean
	UserDetailsService noUserAccounts() {
		return username -> {
			throw new UsernameNotFoundException("chaingraph has no user accounts; use an API token");
		};
	}

}
