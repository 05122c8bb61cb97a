package io.chaingraph.gap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.chaingraph.config.Graph;
import io.chaingraph.config.RequestTimeoutException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Gap reports ({@code chainGaps}, {@code compareParks}) kept until the graph changes. A report reads
 * every local enterprise of a park (hundreds of milliseconds for a park of 100,000 enterprises) while
 * the graph changes only by imports and curation; planners ask for the same parks again and again.
 *
 * <p>Each entry is keyed by the database's version read just before its report was computed
 * ({@link Graph#version()}: the bookmark of an empty read, which every committed write changes,
 * whoever makes it). A request reads the version first and looks its report up under that version;
 * so a cached report is never older than the graph: any write (an import batch, a curation mutation,
 * an operator's Cypher, another instance) makes the next request compute it again, and the entries of
 * older versions are dropped. The price on a hit is that one round trip instead of the report's
 * statement; on a miss, that round trip more. A request for a report that another request is
 * computing waits for it (at most the time it has left) instead of computing it again, so many clients
 * asking for a large park's report after a write cost one statement, not one each.
 *
 * <p>Bounded by the segments the kept reports hold ({@code chaingraph.gaps.cache-segments}, least
 * recently used out first; 0 turns the cache off). A request can ask for a report computed afresh with
 * the HTTP header {@code Cache-Control: no-cache} ({@link #NO_CACHE}); it replaces the entry. Hits,
 * misses and evictions are the {@code cache.*} metrics with tag {@code cache=gapReports}.
 *
 * <p>It also remembers the reports asked for most recently ({@code chaingraph.gaps.refresh-reports}),
 * so that {@link GapReportRefresher} can compute them again once a write has dropped them.
 */
@Component
class GapReportCache {

	/** GraphQL context key: true when the request asked for reports computed afresh. */
	static final String NO_CACHE = "chaingraph.gaps.noCache";

	record Key(List<String> parkIds, String chainId, int weakBelow) {
	}

	/** A report's key and the database version it was computed at. */
	private record Versioned(String version, Key key) {
	}

	private final Graph graph;

	/** Null when turned off. */
	private final Cache<Versioned, GapService.Reports> cache;

	/** Reports being computed now: a second request for one waits for it instead of computing it again. */
	private final ConcurrentHashMap<Versioned, CompletableFuture<GapService.Reports>> inFlight = new ConcurrentHashMap<>();

	private final AtomicInteger waiting = new AtomicInteger();

	/** The version seen last: when another one shows up, the entries of older versions are dropped. */
	private final AtomicReference<String> lastVersion = new AtomicReference<>("");

	/** The keys asked for most recently, least recent first (guarded by itself); empty when not kept. */
	private final Map<Key, Boolean> recent;

	private final int recentBound;

	@Autowired
	GapReportCache(Graph graph, GapProperties properties, ObjectProvider<MeterRegistry> meters) {
		this(graph, properties.cacheSegments(), properties.refreshReports(), meters);
	}

	GapReportCache(Graph graph, long segments, int recentKeys, ObjectProvider<MeterRegistry> meters) {
		if (recentKeys < 0) {
			throw new IllegalArgumentException("chaingraph.gaps.refresh-reports must be 0 or more, was " + recentKeys);
		}
		this.graph = graph;
		int bound = (segments <= 0) ? 0 : recentKeys;
		this.recentBound = bound;
		this.recent = new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<Key, Boolean> eldest) {
				return size() > bound;
			}
		};
		if (segments <= 0) {
			this.cache = null;
			return;
		}
		this.cache = Caffeine.newBuilder()
			.maximumWeight(segments)
			.weigher((Versioned key, GapService.Reports reports) -> reports.weight())
			.recordStats()
			.build();
		meters.ifAvailable(registry -> CaffeineCacheMetrics.monitor(registry, this.cache, "gapReports"));
	}

	/**
	 * The reports for {@code key}: kept ones if the graph has not changed since they were computed
	 * (and {@code noCache} is false), otherwise computed now and kept.
	 */
	GapService.Reports get(Key key, boolean noCache, Supplier<GapService.Reports> compute) {
		if (this.cache == null) {
			return compute.get();
		}
		GapService.Reports reports = lookup(key, noCache, compute);
		synchronized (this.recent) {
			this.recent.put(key, Boolean.TRUE); // only a report that could be computed is worth refreshing
		}
		return reports;
	}

	/**
	 * Like {@link #get} without asking afresh, for {@link GapReportRefresher}: does not count as a
	 * request, so the order of the recent keys stays the clients'.
	 */
	GapService.Reports refresh(Key key, Supplier<GapService.Reports> compute) {
		return (this.cache == null) ? compute.get() : lookup(key, false, compute);
	}

	private GapService.Reports lookup(Key key, boolean noCache, Supplier<GapService.Reports> compute) {
		String version = this.graph.version();
		String previous = this.lastVersion.getAndSet(version);
		if (!previous.equals(version)) {
			this.cache.invalidateAll(); // written since: none of them holds (in a cluster, a lagging member may flip it back)
		}
		Versioned versioned = new Versioned(version, key);
		if (noCache) {
			GapService.Reports reports = compute.get();
			this.cache.put(versioned, reports);
			return reports;
		}
		GapService.Reports kept = this.cache.getIfPresent(versioned);
		if (kept != null) {
			return kept;
		}
		CompletableFuture<GapService.Reports> mine = new CompletableFuture<>();
		CompletableFuture<GapService.Reports> running = this.inFlight.putIfAbsent(versioned, mine);
		if (running != null) {
			GapService.Reports theirs = awaitOther(running);
			if (theirs != null) {
				return theirs;
			}
			return compute.get(); // the other request failed or ran out of time: this one tries itself
		}
		try {
			GapService.Reports reports = compute.get();
			this.cache.put(versioned, reports);
			mine.complete(reports);
			return reports;
		}
		catch (RuntimeException | Error ex) {
			mine.completeExceptionally(ex);
			throw ex;
		}
		finally {
			this.inFlight.remove(versioned, mine);
		}
	}

	/**
	 * Waits, at most the time this request has left, for a report another request is computing;
	 * null if that one failed.
	 */
	private GapService.Reports awaitOther(CompletableFuture<GapService.Reports> running) {
		this.waiting.incrementAndGet();
		try {
			return running.get(this.graph.timeLeft().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			return null;
		}
		catch (TimeoutException ex) {
			throw new RequestTimeoutException(this.graph.timeLeft());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for a gap report", ex);
		}
		finally {
			this.waiting.decrementAndGet();
		}
	}

	/** Whether recent keys are remembered (reports are kept and {@code chaingraph.gaps.refresh-reports} > 0). */
	boolean remembersRecentKeys() {
		return this.recentBound > 0;
	}

	/** The keys asked for most recently, most recent first (at most {@code chaingraph.gaps.refresh-reports}). */
	List<Key> recentKeys() {
		List<Key> keys;
		synchronized (this.recent) {
			keys = new ArrayList<>(this.recent.keySet());
		}
		Collections.reverse(keys);
		return keys;
	}

	/** Stops remembering a key (its report could not be computed: a park or chain removed since). */
	void forget(Key key) {
		synchronized (this.recent) {
			this.recent.remove(key);
		}
	}

	/** The report kept for {@code key} at the graph's current version, or null (for tests). */
	GapService.Reports peek(Key key) {
		return (this.cache == null) ? null : this.cache.getIfPresent(new Versioned(this.graph.version(), key));
	}

	/** Requests waiting now for a report another one computes (for tests). */
	int waiting() {
		return this.waiting.get();
	}

}
