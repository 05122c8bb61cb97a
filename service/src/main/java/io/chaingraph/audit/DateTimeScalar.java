package io.chaingraph.audit;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** The {@code DateTime} scalar: ISO-8601 with an offset, as {@link OffsetDateTime}. */
@Configuration(proxyBeanMethods = false)
class DateTimeScalar {

	static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
		.name("DateTime")
		.description("ISO-8601 date-time with offset")
		.coercing(new Coercing<OffsetDateTime, String>() {
			@Override
			public String serialize(Object value, GraphQLContext context, Locale locale) {
				if (value instanceof OffsetDateTime odt) {
					return odt.toString();
				}
				if (value instanceof ZonedDateTime zdt) {
					return zdt.toOffsetDateTime().toString();
				}
				throw new CoercingSerializeException("not a date-time: " + value);
			}

			@Override
			public OffsetDateTime parseValue(Object input, GraphQLContext context, Locale locale) {
				return parse(String.valueOf(input), CoercingParseValueException::new);
			}

			@Override
			public OffsetDateTime parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
					Locale locale) {
				if (input instanceof StringValue s) {
					return parse(s.getValue(), CoercingParseLiteralException::new);
				}
				throw new CoercingParseLiteralException("DateTime must be a string like 2026-05-01T08:00:00Z");
			}
		})
		.build();

	private static <E extends RuntimeException> OffsetDateTime parse(String text,
			java.util.function.Function<String, E> error) {
		try {
			return OffsetDateTime.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw error.apply("'" + text + "' is not an ISO-8601 date-time with offset, e.g. 2026-05-01T08:00:00Z");
		}
	}

	@Bean
	RuntimeWiringConfigurer dateTimeScalarWiring() {
		return wiring -> wiring.scalar(DATE_TIME);
	}

}
