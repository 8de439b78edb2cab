package dev.mailslot.benchmarks.endtoend;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.jspecify.annotations.Nullable;

/**
 * Where the end-to-end benchmarks' messages arrive: counts them and records each one's
 * write-to-dispatch latency from the {@link System#nanoTime()} stamp the writer put in
 * its first eight bytes.
 */
public final class Deliveries {

	private final AtomicLong count = new AtomicLong();

	private final Recorder latencies = new Recorder(3);

	private volatile long awaited = Long.MAX_VALUE;

	private volatile @Nullable Thread waiter;

	/**
	 * Take one delivered message.
	 * @param payload the message, stamped by the writer
	 */
	public void accept(byte[] payload) {
		this.latencies.recordValue(Math.max(0, System.nanoTime() - stamp(payload)));
		if (this.count.incrementAndGet() == this.awaited) {
			LockSupport.unpark(this.waiter);
		}
	}

	long count() {
		return this.count.get();
	}

	/**
	 * Wait until {@code target} messages have been delivered in all.
	 */
	void awaitCount(long target) {
		this.waiter = Thread.currentThread();
		this.awaited = target;
		while (this.count.get() < target) {
			LockSupport.parkNanos(this, 1_000_000);
		}
		this.awaited = Long.MAX_VALUE;
	}

	/**
	 * Return the latencies recorded since the last call, in nanoseconds.
	 */
	Histogram takeLatencies() {
		return this.latencies.getIntervalHistogram();
	}

	private static long stamp(byte[] payload) {
		long stamp = 0;
		for (int i = 0; i < Long.BYTES; i++) {
			stamp = (stamp << 8) | (payload[i] & 0xFF);
		}
		return stamp;
	}

}
