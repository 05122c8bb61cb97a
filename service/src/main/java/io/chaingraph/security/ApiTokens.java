package io.chaingraph.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured API tokens ({@code chaingraph.security.tokens}, {@code CHAINGRAPH_TOKENS}): entries
 * {@code name:ROLE:secret} separated by commas or whitespace, where secret is the token itself (at
 * least 16 characters) or {@code sha256:} and its 64 hex digits. Only SHA-256 hashes are kept; a
 * presented token is hashed and compared with every entry in constant time. Neither tokens nor
 * hashes are ever logged.
 */
public final class ApiTokens {

	private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);

	static final int MIN_LENGTH = 16;

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

	private static final Pattern HASH = Pattern.compile("(?i)sha256:[0-9a-f]{64}");

	private record Entry(ApiPrincipal principal, byte[] hash) {
	}

	private final List<Entry> entries;

	private ApiTokens(List<Entry> entries) {
		this.entries = entries;
	}

	/** Parses the setting; a malformed entry stops the start-up with a message naming it (never its secret). */
	public static ApiTokens parse(String spec) {
		List<Entry> entries = new ArrayList<>();
		Set<String> names = new HashSet<>();
		if (spec == null || spec.isBlank()) {
			return new ApiTokens(entries);
		}
		int position = 0;
		for (String item : spec.strip().split("[,\\s]+")) {
			position++;
			String[] parts = item.split(":", 3);
			if (parts.length < 3 || parts[2].isEmpty()) {
				throw new IllegalArgumentException("chaingraph.security.tokens entry " + position
						+ " is not name:ROLE:token (or name:ROLE:sha256:<64 hex digits>)");
			}
			String name = parts[0];
			if (!NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("chaingraph.security.tokens entry " + position + ": name '" + name
						+ "' must be 1-64 letters, digits, '.', '_', '@' or '-'");
			}
			if (!names.add(name)) {
				throw new IllegalArgumentException("chaingraph.security.tokens: the name '" + name + "' is used twice");
			}
			Role role;
			try {
				role = Role.valueOf(parts[1].toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("chaingraph.security.tokens entry '" + name + "': unknown role '"
						+ parts[1] + "', expected VIEWER, EDITOR or ADMIN");
			}
			byte[] hash;
			if (HASH.matcher(parts[2]).matches()) {
				hash = HexFormat.of().parseHex(parts[2].substring("sha256:".length()).toLowerCase(Locale.ROOT));
			}
			else if (parts[2].length() < MIN_LENGTH) {
				throw new IllegalArgumentException("chaingraph.security.tokens entry '" + name
						+ "': the token is shorter than " + MIN_LENGTH + " characters");
			}
			else {
				hash = sha256(parts[2]);
			}
			entries.add(new Entry(new ApiPrincipal(name, role), hash));
		}
		return new ApiTokens(List.copyOf(entries));
	}

	public boolean isEmpty() {
		return this.entries.isEmpty();
	}

	/** The principal whose token this is; every entry is compared, in constant time each. */
	public Optional<ApiPrincipal> authenticate(String presented) {
		if (presented == null || presented.isEmpty()) {
			return Optional.empty();
		}
		byte[] hash = sha256(presented);
		ApiPrincipal found = null;
		for (Entry entry : this.entries) {
			if (MessageDigest.isEqual(hash, entry.hash()) && found == null) {
				found = entry.principal();
			}
		}
		return Optional.ofNullable(found);
	}

	/** Says at start-up what is configured: names and roles only. */
	void logSummary(boolean requireTokenForReads) {
		if (isEmpty()) {
			log.warn("No API tokens configured (chaingraph.security.tokens / CHAINGRAPH_TOKENS): the service is "
					+ "READ-ONLY, every mutation is refused{}",
					requireTokenForReads ? "; reads require a token, so every GraphQL request is refused" : "");
			return;
		}
		log.info("{} API token(s) configured: {}; reads {}", this.entries.size(),
				this.entries.stream().map(e -> e.principal().name() + " (" + e.principal().role() + ")").toList(),
				requireTokenForReads ? "require a token" : "are open");
	}

	static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
