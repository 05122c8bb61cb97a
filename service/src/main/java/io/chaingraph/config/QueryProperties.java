package io.chaingraph.config;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The limits on what a client may ask: size arguments ({@code chaingraph.query.*}, checked by
 * {@link Limits}) and whole GraphQL requests ({@code chaingraph.graphql.*}, checked before execution).
 * docs/configuration.md lists every setting with its environment variable.
 * <p>
 * Settings whose environment variable application.yml maps are boxed: with the variable unset they
 * arrive empty, bind to null and so keep their default.
 *
 * @param query bounds on the size arguments of a query and on its time
 * @param graphql bounds on a GraphQL request as a whole
 */
@ConfigurationProperties("chaingraph")
@Validated
public record QueryProperties(@DefaultValue @Valid Query query, @DefaultValue @Valid GraphQl graphql) {

	/**
	 * @param timeout bound on every GraphQL request and on each read transaction it runs: a statement
	 * gets only the time the request has left, the database stops it at the deadline, no field resolves
	 * after it (also the embedded database's transaction timeout)
	 * @param maxDepth deepest depth of upstream, downstream and network (at most 25); outside 1..cap is
	 * an error, not a clamp
	 * @param maxNodes largest limit of a traversal: the most nodes one Subgraph answer can hold
	 * @param maxFirst largest first (page size) of every list
	 */
	public record Query(@DefaultValue("10s") @NotNull Duration timeout,
			@DefaultValue("10") @Min(1) @Max(Limits.DEPTH_CEILING) Integer maxDepth,
			@DefaultValue("5000") @Min(1) Integer maxNodes, @DefaultValue("1000") @Min(0) Integer maxFirst) {
	}

	/**
	 * @param introspection schema introspection (__schema, __type); GraphiQL's docs and autocompletion
	 * need it
	 * @param maxRequestSize largest /graphql request body (or GET query); larger: 413
	 * @param maxNesting deepest selection nesting of a query; deeper is refused before execution
	 * @param maxCost largest estimated cost of a query (size arguments times nested work), refused before
	 * execution
	 * @param maxConcurrent GraphQL requests executing at once; further ones wait their turn in arrival
	 * order for at most chaingraph.query.timeout, then get 503; 0: two per core
	 * @param documentCache distinct GraphQL documents kept parsed and validated (depth and cost limits
	 * are still checked on every request); 0: parse every request
	 */
	public record GraphQl(@DefaultValue("true") boolean introspection,
			@DefaultValue("256KB") @NotNull DataSize maxRequestSize, @DefaultValue("15") @Min(1) Integer maxNesting,
			@DefaultValue("20000") @Min(1) Integer maxCost, @DefaultValue("0") @Min(0) Integer maxConcurrent,
			@DefaultValue("1000") @Min(0) Integer documentCache) {
	}

}
