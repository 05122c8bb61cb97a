package io.chaingraph.gap;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.chaingraph.common.NotFoundException;
import io.chaingraph.config.Graph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Computes the gap reports asked for most recently again once the graph has stopped changing, so the
 * first request after an import or a curation edit finds its report kept, as every later one does.
 *
 * <p>Any committed write drops every kept report ({@link GapReportCache}); a large park's report then
 * reads every local enterprise of the park again (about a second for the largest park of a graph of
 * a million enterprises). This refresher reads the database's version every
 * {@code chaingraph.gaps.refresh-poll}; when two reads in a row agree (the graph has been quiet for one
 * interval: an import's batches keep moving it, and nothing is computed in between) and the version
 * is not the one last refreshed, it computes the {@code chaingraph.gaps.refresh-reports} reports asked
 * for most recently, most recent first, one at a time on its own thread, and stops as soon as the graph
 * changes again. A report a request is computing at the same time is waited for, not computed twice; a
 * report that can no longer be computed (a park or chain removed) is forgotten. 0 reports turns it off.
 */
@Component
class GapReportRefresher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(GapReportRefresher.class);

	private final Graph graph;

	private final GapService gaps;

	private final GapReportCache cache;

	private final Duration poll;

	private final boolean enabled;

	/** One daemon thread, made on start and shut down on stop. */
	private ThreadPoolTaskScheduler executor;

	/** The version read at the previous poll, and the one whose reports were refreshed last. */
	private String lastSeen = "";

	private String refreshed = "";

	/** Reports computed by this refresher so far (for tests and the log). */
	private final AtomicLong computed = new AtomicLong();

	@Autowired
	GapReportRefresher(Graph graph, GapService gaps, GapReportCache cache, GapProperties properties) {
		this(graph, gaps, cache, properties.refreshPoll());
	}

	GapReportRefresher(Graph graph, GapService gaps, GapReportCache cache, Duration poll) {
		if (poll.isNegative() || poll.isZero()) {
			throw new IllegalArgumentException("chaingraph.gaps.refresh-poll must be positive, was " + poll);
		}
		this.graph = graph;
		this.gaps = gaps;
		this.cache = cache;
		this.poll = poll;
		this.enabled = cache.remembersRecentKeys();
	}

	@Override
	public synchronized void start() {
		if (!this.enabled || this.executor != null) {
			return;
		}
		this.executor = new ThreadPoolTaskScheduler();
		this.executor.setThreadNamePrefix("chaingraph-gap-refresh-");
		this.executor.setDaemon(true);
		this.executor.initialize();
		this.executor.scheduleWithFixedDelay(this::poll, Instant.now().plus(this.poll), this.poll);
	}

	/** Stopped before the beans are destroyed, so before the driver and the database it reads from. */
	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdown(); // interrupts a refresh under way
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	/** One poll; never throws, or the executor would stop polling. */
	void poll() {
		try {
			String version = this.graph.version();
			boolean quiet = version.equals(this.lastSeen);
			this.lastSeen = version;
			if (!quiet || version.equals(this.refreshed)) {
				return;
			}
			this.refreshed = version;
			long started = System.nanoTime();
			int done = 0;
			for (GapReportCache.Key key : this.cache.recentKeys()) {
				if (Thread.currentThread().isInterrupted() || (done > 0 && !this.graph.version().equals(version))) {
					return; // written again (or stopping): the next quiet poll starts over
				}
				try {
					this.gaps.refresh(key);
					this.computed.incrementAndGet();
					done++;
				}
				catch (NotFoundException | IllegalArgumentException ex) {
					this.cache.forget(key);
				}
			}
			if (done > 0) {
				log.debug("Gap reports: {} refreshed after a write in {} ms", done, (System.nanoTime() - started) / 1_000_000);
			}
		}
		catch (RuntimeException ex) {
			// the database is busy or stopping: try again at the next poll
			log.debug("Gap reports: refresh skipped ({})", ex.toString());
		}
	}

	/** Reports computed (or found kept) by the refresher so far. */
	long refreshes() {
		return this.computed.get();
	}

}
