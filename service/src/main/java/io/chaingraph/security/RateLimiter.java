package io.chaingraph.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * A token bucket per client (Bucket4j) for expensive queries: {@code perMinute} requests, refilled
 * continuously. A client is its API token's name, or its IP address without a token. 0 turns the
 * limit off. The table forgets every client when it holds more than {@link #MAX_CLIENTS}, so a flood
 * of addresses cannot exhaust memory (at worst they start with a full bucket again).
 */
final class RateLimiter {

	static final int MAX_CLIENTS = 10_000;

	private final long perMinute;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	RateLimiter(long perMinute) {
		this.perMinute = perMinute;
	}

	boolean enabled() {
		return this.perMinute > 0;
	}

	/** Takes one request from the client's bucket; returns 0 when allowed, else seconds to wait. */
	long tryAcquire(String client) {
		if (!enabled()) {
			return 0;
		}
		if (this.buckets.size() > MAX_CLIENTS) {
			this.buckets.clear();
		}
		Bucket bucket = this.buckets.computeIfAbsent(client, c -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(this.perMinute).refillGreedy(this.perMinute, Duration.ofMinutes(1)).build())
			.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? 0 : Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
	}

	long perMinute() {
		return this.perMinute;
	}

}
