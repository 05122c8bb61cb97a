package io.chaingraph.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Peak heap of this JVM while it is open: from every garbage collection's notification, the heap
 * in use just before it (the high-water mark, garbage included) and just after it (what was still
 * live). The embedded database runs in the same JVM, so its memory counts too.
 */
public final class HeapWatcher implements AutoCloseable {

	/** Peak heap used (before a collection) and peak live heap (after one), in bytes. */
	public record Peak(long usedBytes, long liveBytes, int collections) {

		public String usedMb() {
			return String.format("%,d MB", this.usedBytes / (1024 * 1024));
		}

		public String liveMb() {
			return (this.collections == 0) ? "–" : String.format("%,d MB", this.liveBytes / (1024 * 1024));
		}

	}

	private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans()
		.stream()
		.filter(p -> p.getType() == MemoryType.HEAP)
		.map(MemoryPoolMXBean::getName)
		.collect(Collectors.toSet());

	private final AtomicLong used = new AtomicLong();

	private final AtomicLong live = new AtomicLong();

	private final AtomicLong collections = new AtomicLong();

	private final List<NotificationEmitter> emitters = new ArrayList<>();

	private final NotificationListener listener = (notification, handback) -> {
		if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
			GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
				.from((CompositeData) notification.getUserData());
			this.used.accumulateAndGet(heap(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
			this.live.accumulateAndGet(heap(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
			this.collections.incrementAndGet();
		}
	};

	private HeapWatcher() {
	}

	/** Starts watching after a full collection, so earlier garbage does not count. */
	public static HeapWatcher start() {
		System.gc();
		HeapWatcher watcher = new HeapWatcher();
		for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (gc instanceof NotificationEmitter emitter) {
				emitter.addNotificationListener(watcher.listener, null, null);
				watcher.emitters.add(emitter);
			}
		}
		watcher.used.set(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
		return watcher;
	}

	public Peak peak() {
		long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		return new Peak(Math.max(this.used.get(), now), this.live.get(), (int) this.collections.get());
	}

	private long heap(Map<String, MemoryUsage> usage) {
		return usage.entrySet().stream().filter(e -> this.heapPools.contains(e.getKey()))
			.mapToLong(e -> e.getValue().getUsed()).sum();
	}

	@Override
	public void close() {
		for (NotificationEmitter emitter : this.emitters) {
			try {
				emitter.removeNotificationListener(this.listener);
			}
			catch (ListenerNotFoundException ex) {
				// already gone
			}
		}
	}

}
