package io.chaingraph.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Uploads of imports ({@code POST /api/imports}) and of documents ({@code POST /api/documents}) need the
 * ADMIN role, decided before the body is
 * read, with the same refusals as a mutation: no token configured → 403 (read-only service), no
 * token → 401, a weaker role → 403. The controller checks the role again ({@code @PreAuthorize}).
 */
final class ImportUploadFilter extends OncePerRequestFilter {

	static final String PATH = "/api/imports";

	static final String DOCUMENTS_PATH = "/api/documents";

	private final ApiTokens tokens;

	ImportUploadFilter(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !"POST".equals(request.getMethod()) || !(path.equals(PATH) || path.equals(PATH + "/")
				|| path.equals(DOCUMENTS_PATH) || path.equals(DOCUMENTS_PATH + "/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String what = request.getRequestURI().contains(DOCUMENTS_PATH) ? "document uploads" : "imports";
		if (this.tokens.isEmpty()) {
			ErrorResponses.write(response, 403, "FORBIDDEN", "The service is read-only: no API tokens are "
					+ "configured (chaingraph.security.tokens / CHAINGRAPH_TOKENS), so " + what + " are refused");
			return;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		ApiPrincipal principal = (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)
				&& authentication.getPrincipal() instanceof ApiPrincipal p) ? p : null;
		if (principal == null) {
			ErrorResponses.write(response, 401, "UNAUTHORIZED",
					(what.equals("imports") ? "Imports" : "Document uploads")
							+ " need an API token with the ADMIN role: send 'Authorization: Bearer <token>'");
			return;
		}
		if (!principal.role().includes(Role.ADMIN)) {
			ErrorResponses.write(response, 403, "FORBIDDEN", "The token '" + principal.name() + "' has the role "
					+ principal.role() + "; " + what + " need ADMIN");
			return;
		}
		chain.doFilter(request, response);
	}

}
