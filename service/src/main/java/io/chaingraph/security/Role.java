package io.chaingraph.security;

import java.util.Arrays;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What a token may do; each role includes the ones before it. */
public enum Role {

	/** read every query, including the audit trail */
	VIEWER,
	/** also create, update, link and unlink (curation mutations) */
	EDITOR,
	/** also delete entities (and, later, imports) */
	ADMIN;

	public boolean includes(Role other) {
		return ordinal() >= other.ordinal();
	}

	/** {@code ROLE_X} for this role and every role it includes. */
	public List<GrantedAuthority> authorities() {
		return Arrays.stream(values())
			.filter(this::includes)
			.<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
			.toList();
	}

}
