package dev.mailslot.transport.unix;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whose turn it is to wait in a unix server's selector for what writers send: a read's,
 * while reads come one after another (and until the keeper has seen none end for
 * {@value #PAUSE_MILLIS} ms), so that a message wakes the reader itself; else the
 * keeper's. One thread at a time may select: a read that starts waiting while the keeper
 * does wakes it, and a keeper that finds a read waiting leaves it the selector.
 * Thread-safe.
 */
final class UnixSelectorTurns {

	/** How long the keeper leaves what arrives to reads after the last one ended. */
	static final long PAUSE_MILLIS = 10;

	static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(PAUSE_MILLIS);

	private static final long READ_ENDED = 1L << 32;

	/**
	 * Reads under way (low 32 bits) and reads ended (the rest), in one atomic update
	 * each.
	 */
	private final AtomicLong reads = new AtomicLong();

	private long endedAtLastLook;

	private long lastEndSeen = System.nanoTime() - PAUSE_NANOS;

	private volatile boolean readerSelecting;

	private volatile boolean keeperSelecting;

	void enterRead() {
		this.reads.incrementAndGet();
	}

	void exitRead() {
		this.reads.addAndGet(READ_ENDED - 1);
	}

	/**
	 * Return whether reads take in what arrives: one runs, or one ended within the pause.
	 * Only the keeper asks, and it asks at least every pause: it notices that reads ended
	 * by their count, so that a read does not read the clock.
	 */
	boolean readsActive() {
		long now = System.nanoTime();
		long state = this.reads.get();
		if ((int) state > 0) {
			return true;
		}
		long ended = state >>> 32;
		if (ended != this.endedAtLastLook) {
			this.endedAtLastLook = ended;
			this.lastEndSeen = now;
		}
		return now - this.lastEndSeen < PAUSE_NANOS;
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
