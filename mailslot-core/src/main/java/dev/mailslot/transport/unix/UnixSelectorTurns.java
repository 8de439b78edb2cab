package dev.mailslot.transport.unix;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whose turn it is to wait in a unix server's selector for what writers send: a read's,
 * while reads come one after another (and until {@value #PAUSE_MILLIS} ms after the last
 * one), so that a message wakes the reader itself; else the keeper's. One thread at a
 * time may select: a read that starts waiting while the keeper does wakes it, and a
 * keeper that finds a read waiting leaves it the selector. Thread-safe.
 */
final class UnixSelectorTurns {

	/** How long the keeper leaves what arrives to reads after the last one ended. */
	static final long PAUSE_MILLIS = 10;

	static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(PAUSE_MILLIS);

	private final AtomicInteger readers = new AtomicInteger();

	private volatile long lastRead = System.nanoTime() - PAUSE_NANOS;

	private volatile boolean readerSelecting;

	private volatile boolean keeperSelecting;

	void enterRead() {
		this.readers.incrementAndGet();
	}

	void exitRead() {
		this.lastRead = System.nanoTime();
		this.readers.decrementAndGet();
	}

	/**
	 * Return whether reads take in what arrives: one runs, or ended within the pause.
	 */
	boolean readsActive() {
		return this.readers.get() > 0 || System.nanoTime() - this.lastRead < PAUSE_NANOS;
	}

	/**
	 * Return whether a read waits in the selector.
	 */
	boolean readerSelecting() {
		return this.readerSelecting;
	}

	/**
	 * Let the keeper wait in the selector, unless a read does.
	 * @return whether it may; it then calls {@link #keeperEnds()} after
	 */
	boolean keeperStarts() {
		this.keeperSelecting = true;
		if (this.readerSelecting) {
			this.keeperSelecting = false;
			return false;
		}
		return true;
	}

	void keeperEnds() {
		this.keeperSelecting = false;
	}

	/**
	 * Let a read wait in the selector; it then calls {@link #readerEnds()} after.
	 * @return whether the keeper waits there, and must be woken so that the read may
	 */
	boolean readerStarts() {
		this.readerSelecting = true;
		return this.keeperSelecting;
	}

	void readerEnds() {
		this.readerSelecting = false;
	}

}
