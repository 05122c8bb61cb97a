package io.chaingraph.security;

import java.security.Principal;

/** The caller behind a valid API token: the token's configured name and role (never the token). */
public record ApiPrincipal(String name, Role role) implements Principal {

	@Override
	public String getName() {
		return this.name;
	}

}
