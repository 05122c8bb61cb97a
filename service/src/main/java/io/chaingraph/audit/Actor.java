package io.chaingraph.audit;

/**
 * Who made a change: the API token's name and role for a mutation, {@code cli} for the import
 * command, {@code system} for the service's own writes (the sample dataset).
 */
public record Actor(String name, String role) {

	public static final Actor CLI = new Actor("cli", "SYSTEM");

	public static final Actor SYSTEM = new Actor("system", "SYSTEM");

}
