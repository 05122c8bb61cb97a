package io.chaingraph.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} against the configured tokens. No header: the
 * request goes on anonymous (what it may do is decided later). A header that is not a known bearer
 * token: 401 at once, so a typo never silently degrades to anonymous access.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	BearerTokenFilter(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || header.isBlank()) {
			chain.doFilter(request, response);
			return;
		}
		if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			unauthorized(request, response, "Unsupported Authorization scheme: send 'Authorization: Bearer <token>'");
			return;
		}
		Optional<ApiPrincipal> principal = this.tokens.authenticate(header.substring(7).strip());
		if (principal.isEmpty()) {
			unauthorized(request, response, "Invalid API token");
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal.get(), null,
				principal.get().role().authorities()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static void unauthorized(HttpServletRequest request, HttpServletResponse response, String message)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
		ErrorResponses.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHORIZED", message);
	}

}
