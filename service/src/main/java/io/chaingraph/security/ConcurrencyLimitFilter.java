package io.chaingraph.security;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code chaingraph.graphql.max-concurrent} GraphQL requests and downloads execute at once; the others wait
 * their turn in arrival order (a fair semaphore), at most the query timeout, then get 503 with a
 * GraphQL error and {@code Retry-After}. The statements are CPU-bound: sixty-four of them sharing two
 * cores each take thirty-two times as long and all miss their deadline together, whereas in a queue
 * each runs at full speed and the wait is spread fairly. The request deadline starts when execution
 * starts, so waiting here does not eat into a request's time.
 */
final class ConcurrencyLimitFilter extends OncePerRequestFilter {

	private final Semaphore permits;

	private final int maxConcurrent;

	private final Duration maxWait;

	ConcurrencyLimitFilter(int maxConcurrent, Duration maxWait) {
		this.maxConcurrent = maxConcurrent;
		this.permits = new Semaphore(maxConcurrent, true);
		this.maxWait = maxWait;
	}

	/** {@code configured} if positive, else two per core (at least two). */
	static int effective(int configured) {
		return (configured > 0) ? configured : Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !GraphQlRequestFilter.isGraphQlRequest(request) && !ExportRequestFilter.isExportRequest(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean acquired;
		try {
			acquired = this.permits.tryAcquire(this.maxWait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			acquired = false;
		}
		if (!acquired) {
			response.setHeader("Retry-After", "1");
			ErrorResponses.write(request, response, 503, "SERVICE_UNAVAILABLE", "The service is busy: " + this.maxConcurrent
					+ " requests are running (chaingraph.graphql.max-concurrent) and this one waited "
					+ this.maxWait.toMillis() + " ms for its turn; retry later");
			return;
		}
		boolean releaseNow = true;
		try {
			chain.doFilter(request, response);
			if (request.isAsyncStarted()) {
				request.getAsyncContext().addListener(new Release());
				releaseNow = false;
			}
		}
		finally {
			if (releaseNow) {
				this.permits.release();
			}
		}
	}

	/** Gives the permit back when an asynchronous response ends, however it ends. */
	private final class Release implements AsyncListener {

		private boolean released;

		private synchronized void release() {
			if (!this.released) {
				this.released = true;
				ConcurrencyLimitFilter.this.permits.release();
			}
		}

		@Override
		public void onComplete(AsyncEvent event) {
			release();
		}

		@Override
		public void onTimeout(AsyncEvent event) {
			release();
		}

		@Override
		public void onError(AsyncEvent event) {
			release();
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
		}

	}

}
