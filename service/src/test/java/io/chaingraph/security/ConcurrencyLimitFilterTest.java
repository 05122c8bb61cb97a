package io.chaingraph.security;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The admission queue in front of GraphQL: who runs, who waits, who is turned away, and how. */
class ConcurrencyLimitFilterTest {

	private final ExecutorService pool = Executors.newCachedThreadPool();

	@AfterEach
	void stop() {
		this.pool.shutdownNow();
	}

	@Test
	void aRequestBeyondTheLimitWaitsForAPermitAndRunsWhenOneIsFree() throws Exception {
		ConcurrencyLimitFilter filter = new ConcurrencyLimitFilter(1, Duration.ofSeconds(10));
		CountDownLatch firstRunning = new CountDownLatch(1);
		CountDownLatch releaseFirst = new CountDownLatch(1);
		AtomicInteger running = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		Future<MockHttpServletResponse> first = this.pool.submit(() -> send(filter, () -> {
			mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
			firstRunning.countDown();
			await(releaseFirst);
			running.decrementAndGet();
		}));
		assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
		Future<MockHttpServletResponse> second = this.pool.submit(() -> send(filter, () -> {
			mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
			running.decrementAndGet();
		}));
		// still waiting 300 ms later
		Awaitility.await("the second request waits while the first holds the only permit")
			.during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(5))
			.until(() -> !second.isDone());
		assertThat(second.isDone()).as("the second request waits while the first holds the only permit").isFalse();
		releaseFirst.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
		assertThat(second.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
		assertThat(mostAtOnce.get()).isEqualTo(1);
	}

	@Test
	void aRequestThatWaitsLongerThanTheBoundGets503WithAGraphQlErrorAndRetryAfter() throws Exception {
		ConcurrencyLimitFilter filter = new ConcurrencyLimitFilter(1, Duration.ofMillis(200));
		CountDownLatch firstRunning = new CountDownLatch(1);
		CountDownLatch releaseFirst = new CountDownLatch(1);
		Future<MockHttpServletResponse> first = this.pool.submit(() -> send(filter, () -> {
			firstRunning.countDown();
			await(releaseFirst);
		}));
		assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
		AtomicInteger secondRan = new AtomicInteger();
		MockHttpServletResponse refused = send(filter, secondRan::incrementAndGet);
		assertThat(secondRan.get()).isZero();
		assertThat(refused.getStatus()).isEqualTo(503);
		assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
		assertThat(refused.getContentAsString()).contains("\"classification\":\"SERVICE_UNAVAILABLE\"")
			.contains("chaingraph.graphql.max-concurrent")
			.contains("1 requests are running");
		releaseFirst.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
		// the permit came back: the next request runs at once
		AtomicInteger thirdRan = new AtomicInteger();
		assertThat(send(filter, thirdRan::incrementAndGet).getStatus()).isEqualTo(200);
		assertThat(thirdRan.get()).isEqualTo(1);
	}

	@Test
	void aFailingRequestGivesItsPermitBack() throws Exception {
		ConcurrencyLimitFilter filter = new ConcurrencyLimitFilter(1, Duration.ofMillis(200));
		try {
			send(filter, () -> {
				throw new IllegalStateException("boom");
			});
		}
		catch (IllegalStateException expected) {
			// the filter lets it through
		}
		AtomicInteger ran = new AtomicInteger();
		assertThat(send(filter, ran::incrementAndGet).getStatus()).isEqualTo(200);
		assertThat(ran.get()).isEqualTo(1);
	}

	@Test
	void onlyGraphQlRequestsQueue() throws Exception {
		ConcurrencyLimitFilter filter = new ConcurrencyLimitFilter(1, Duration.ofMillis(100));
		assertThat(filter.shouldNotFilter(new MockHttpServletRequest("POST", "/graphql"))).isFalse();
		assertThat(filter.shouldNotFilter(new MockHttpServletRequest("GET", "/actuator/health"))).isTrue();
		assertThat(filter.shouldNotFilter(new MockHttpServletRequest("OPTIONS", "/graphql"))).isTrue();
		assertThat(ConcurrencyLimitFilter.effective(7)).isEqualTo(7);
		assertThat(ConcurrencyLimitFilter.effective(0)).isEqualTo(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));
	}

	private static MockHttpServletResponse send(ConcurrencyLimitFilter filter, Runnable work) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, (req, res) -> work.run());
		return response;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
