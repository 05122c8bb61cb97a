package io.chaingraph.importing.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.chaingraph.importing.ImportProperties;
import io.chaingraph.audit.Actor;
import io.chaingraph.config.Graph;
import io.chaingraph.importing.ImportProgress;
import io.chaingraph.importing.ImportService;
import io.chaingraph.importing.ImportStatus;
import io.chaingraph.importing.RunQueue;
import io.chaingraph.importing.read.DatasetSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs uploaded imports one at a time, in the order they arrived, on a thread of its own. At most
 * {@code chaingraph.import.queue-size} uploads wait behind the running one; more are refused
 * ({@link QueueFullException}). Each upload is an {@code :ImportRun} from the moment it is accepted
 * (QUEUED, then RUNNING, then its outcome) and its folder is deleted when it ends. While uploads wait
 * or run, their runs' heartbeats are kept fresh, so only a dead server's runs are ever taken for
 * interrupted ({@link ImportService#recoverInterrupted}). On shutdown the running import stops
 * between two batches (INTERRUPTED: run it again to complete it) and waiting ones are marked
 * INTERRUPTED.
 */
@Component
public class ImportQueue implements RunQueue, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ImportQueue.class);

	/** An accepted upload: its run id and place in the queue (1 = next). */
	public record Submitted(String runId, int position) {
	}

	private record Job(String runId, Path folder, String name, String location, boolean dryRun, Actor actor) {
	}

	private final ImportService imports;

	private final Graph graph;

	private final int capacity;

	/**
	 * One import at a time, in arrival order; how many wait is bounded by {@link #waiting}. This queue's
	 * own, not a context bean, as is the heartbeat: {@link #destroy} stops both in its own order.
	 */
	private final ThreadPoolTaskExecutor worker = new ThreadPoolTaskExecutor();

	private final ThreadPoolTaskScheduler heartbeat = new ThreadPoolTaskScheduler();

	/** Uploads not started yet, in arrival order (guarded by this). */
	private final Map<String, Job> waiting = new LinkedHashMap<>();

	private Job running;

	private boolean heartbeatStarted;

	private boolean closed;

	@Autowired
	ImportQueue(ImportService imports, Graph graph, ImportProperties properties) {
		this(imports, graph, properties.queueSize());
	}

	ImportQueue(ImportService imports, Graph graph, int capacity) {
		if (capacity < 0) {
			throw new IllegalArgumentException("chaingraph.import.queue-size must be 0 or more, was " + capacity);
		}
		this.imports = imports;
		this.graph = graph;
		this.capacity = capacity;
		this.worker.setCorePoolSize(1);
		this.worker.setMaxPoolSize(1);
		this.worker.setThreadNamePrefix("chaingraph-import-");
		this.worker.setDaemon(true);
		this.worker.initialize();
		this.heartbeat.setPoolSize(1);
		this.heartbeat.setThreadNamePrefix("chaingraph-import-heartbeat-");
		this.heartbeat.setDaemon(true);
		this.heartbeat.initialize();
	}

	/**
	 * Queues the dataset unpacked in {@code folder} (which this queue deletes when the run ends).
	 *
	 * @throws QueueFullException when {@code queue-size} uploads already wait (the folder is left to
	 * the caller)
	 */
	public synchronized Submitted submit(Path folder, String name, String location, boolean dryRun, Actor actor) {
		if (this.closed) {
			throw new QueueFullException("The service is shutting down; upload the dataset again once it is back");
		}
		boolean busy = this.running != null || !this.waiting.isEmpty();
		if (busy && this.waiting.size() >= this.capacity) {
			throw new QueueFullException((this.capacity == 0)
					? "An import is running (" + currentId() + "); only one runs at a time and no upload may wait "
							+ "(chaingraph.import.queue-size is 0): upload again when it has finished"
					: "The import queue is full: " + currentId() + " is running and " + this.waiting.size()
							+ " upload(s) wait (chaingraph.import.queue-size=" + this.capacity
							+ "); upload again when one has finished");
		}
		String runId = this.imports.register(location, dryRun, actor);
		// read when its turn comes: waiting uploads hold no memory
		Job job = new Job(runId, folder, name, location, dryRun, actor);
		this.waiting.put(runId, job);
		int position = this.waiting.size();
		if (!this.heartbeatStarted) {
			this.heartbeat.scheduleWithFixedDelay(this::beat, Instant.now().plus(ImportService.HEARTBEAT_EVERY),
					ImportService.HEARTBEAT_EVERY);
			this.heartbeatStarted = true;
		}
		this.worker.execute(() -> work(runId));
		log.info("Import {} of {} by {} queued at position {}", runId, location, actor.name(), position);
		return new Submitted(runId, position);
	}

	/** The run's place in the queue (1 = next), or null when it is not waiting here. */
	@Override
	public synchronized Integer position(String runId) {
		int position = 1;
		for (String id : this.waiting.keySet()) {
			if (id.equals(runId)) {
				return position;
			}
			position++;
		}
		return null;
	}

	private String currentId() {
		return (this.running != null) ? this.running.runId() : this.waiting.keySet().iterator().next();
	}

	private void work(String runId) {
		Job job;
		synchronized (this) {
			job = this.waiting.remove(runId);
			if (job == null) {
				return;
			}
			this.running = job;
		}
		try {
			this.imports.runRegistered(job.runId(), DatasetSource.fromDirectory(job.folder(), job.name(), job.location()),
					job.dryRun(), ImportProgress.NONE, job.actor());
		}
		catch (ImportService.ImportFailedException ex) {
			// recorded on the run (FAILED or INTERRUPTED) and in the audit trail
		}
		catch (RuntimeException ex) {
			log.error("Import {} could not run: {}", runId, ex.toString());
			log.debug("Import failure", ex);
			abandon(runId, ImportStatus.FAILED, "the import could not run: " + ex.getMessage());
		}
		finally {
			synchronized (this) {
				this.running = null;
			}
			delete(job.folder());
		}
	}

	private void beat() {
		List<String> ids;
		synchronized (this) {
			ids = new ArrayList<>(this.waiting.keySet());
			if (this.running != null) {
				ids.add(this.running.runId());
			}
		}
		if (ids.isEmpty()) {
			return;
		}
		try {
			this.graph.write("""
					MATCH (r:ImportRun) WHERE r.id IN $ids AND r.status IN ['QUEUED', 'RUNNING']
					SET r.heartbeat = datetime()""", Map.of("ids", ids));
		}
		catch (RuntimeException ex) {
			log.debug("Import heartbeat failed", ex);
		}
	}

	private void abandon(String runId, ImportStatus status, String error) {
		try {
			this.imports.abandon(runId, status, error);
		}
		catch (RuntimeException ex) {
			log.warn("Could not record the end of import {}: {}", runId, ex.toString());
		}
	}

	/** Stops the running import between two batches; waiting uploads end INTERRUPTED. */
	@Override
	public void destroy() throws InterruptedException {
		List<Job> dropped;
		synchronized (this) {
			this.closed = true;
			dropped = new ArrayList<>(this.waiting.values());
			this.waiting.clear();
		}
		// neither waits for its tasks: the running import is interrupted and the heartbeat stops
		this.heartbeat.shutdown();
		this.worker.shutdown();
		for (Job job : dropped) {
			abandon(job.runId(), ImportStatus.INTERRUPTED,
					"the service stopped before this upload's turn; upload the dataset again");
			delete(job.folder());
		}
		if (!this.worker.getThreadPoolExecutor().awaitTermination(5, TimeUnit.SECONDS)) {
			log.warn("An import was still running at shutdown; the next start marks it INTERRUPTED");
		}
	}

	static void delete(Path folder) {
		if (folder == null || !Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			log.warn("Could not delete the upload folder {}: {}", folder, ex.toString());
		}
	}

	/** No room for another upload: the message says why. */
	public static class QueueFullException extends RuntimeException {

		QueueFullException(String message) {
			super(message);
		}

	}

}
