package dev.mailslot.spring.listener;

/**
 * When the drain of a shutdown must end. Set once, by the thread that stops the
 * container; read by the reader and the dispatchers.
 */
final class DrainDeadline {

	private volatile long deadline;

	private volatile boolean draining;

	/**
	 * Drain until a deadline.
	 * @param deadline when to stop draining, in {@code System.nanoTime()}
	 */
	void drainUntil(long deadline) {
		this.deadline = deadline;
		this.draining = true;
	}

	boolean isDraining() {
		return this.draining;
	}

	/**
	 * Return how long the drain has left.
	 * @return nanoseconds until the deadline, 0 or less once it passed
	 */
	long nanosLeft() {
		return this.deadline - System.nanoTime();
	}

	/**
	 * Return whether a drain was asked for and its deadline has passed.
	 * @return whether the drain is over
	 */
	boolean hasPassed() {
		return this.draining && this.deadline - System.nanoTime() <= 0;
	}

}
