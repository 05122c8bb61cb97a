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
 * Downloads ({@code GET /export/…}, docs/api.md "Exports") are traversals and gap reports, so each takes one
 * request from the client's rate limit, from the same bucket as the GraphQL traversal and gap queries
 * ({@code chaingraph.rate-limit.expensive-per-minute}): switching between the two gains nothing. 429 with
 * {@code Retry-After} when spent. Who may read at all is decided before, by the authorization rules (VIEWER
 * when {@code chaingraph.security.require-token-for-reads}, as for queries).
 */
final class ExportRequestFilter extends OncePerRequestFilter {

	private final RateLimiter rateLimiter;

	ExportRequestFilter(RateLimiter rateLimiter) {
		this.rateLimiter = rateLimiter;
	}

	/** A download request (any method but a CORS pre-flight: only GET is served, the others are refused after). */
	static boolean isExportRequest(HttpServletRequest request) {
		return ErrorResponses.isExport(request) && !"OPTIONS".equals(request.getMethod());
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !isExportRequest(request) || !"GET".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.rateLimiter.enabled()) {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			ApiPrincipal principal = (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)
					&& authentication.getPrincipal() instanceof ApiPrincipal p) ? p : null;
			String client = (principal != null) ? "token:" + principal.name() : "ip:" + request.getRemoteAddr();
			long wait = this.rateLimiter.tryAcquire(client);
			if (wait > 0) {
				response.setHeader("Retry-After", Long.toString(wait));
				ErrorResponses.write(request, response, 429, "TOO_MANY_REQUESTS", "Rate limit: at most "
						+ this.rateLimiter.perMinute() + " traversal or gap queries and downloads per minute per client "
						+ "(chaingraph.rate-limit.expensive-per-minute); retry in " + wait + " s");
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
