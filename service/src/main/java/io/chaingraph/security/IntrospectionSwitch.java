package io.chaingraph.security;

import java.util.Map;

import graphql.introspection.Introspection;
import io.chaingraph.config.QueryProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * {@code chaingraph.graphql.introspection=false} refuses {@code __schema} and {@code __type} per
 * request (graphql-java's {@link Introspection#INTROSPECTION_DISABLED}). Spring's own switch sets a
 * JVM-wide flag instead, which would leak into every other application in the same JVM.
 */
@Configuration(proxyBeanMethods = false)
class IntrospectionSwitch {

	@Bean
	WebGraphQlInterceptor introspectionInterceptor(QueryProperties properties) {
		boolean enabled = properties.graphql().introspection();
		return (request, chain) -> {
			if (!enabled) {
				request.configureExecutionInput((input, builder) -> builder
					.graphQLContext(Map.of(Introspection.INTROSPECTION_DISABLED, true))
					.build());
			}
			return chain.next(request);
		};
	}

}
