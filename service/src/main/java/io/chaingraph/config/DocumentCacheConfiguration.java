package io.chaingraph.config;

import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Parses and validates each distinct GraphQL document once: clients send the same few documents with
 * different variables, so the parsed, validated document is kept (keyed by its text, at most
 * {@code chaingraph.graphql.document-cache} of them, least recently used out first). The depth and
 * cost limits still apply to every request: they run when an operation starts, after this cache.
 */
@Configuration(proxyBeanMethods = false)
class DocumentCacheConfiguration {

	@Bean
	GraphQlSourceBuilderCustomizer parsedDocumentCache(QueryProperties properties) {
		Cache<String, PreparsedDocumentEntry> cache = Caffeine.newBuilder()
			.maximumSize(properties.graphql().documentCache())
			.build();
		PreparsedDocumentProvider provider = (input, parseAndValidate) -> CompletableFuture
			.completedFuture(cache.get(input.getQuery(), query -> parseAndValidate.apply(input)));
		return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(provider));
	}

}
