package dev.mailslot.transport.win32;

import java.time.Duration;

import dev.mailslot.ReadTimeout;

/**
 * When a read with a given timeout ends: the time it waits for its turn and for a
 * message, across every ReadFile it makes, adds up to its timeout (each ReadFile of a
 * read whose timeout is not zero waits at least a millisecond, the least Windows can
 * wait).
 *
 * @param timeout the read's timeout, which its exceptions report
 * @param start {@link System#nanoTime()} when the read began
 */
record ReadDeadline(ReadTimeout timeout, long start) {

	static ReadDeadline startingNow(ReadTimeout timeout) {
		return new ReadDeadline(timeout, System.nanoTime());
	}

	/**
	 * Return the time left: {@link ReadTimeout#FOREVER}, or what remains of the timeout.
	 * Once it has passed, that is zero for {@link ReadTimeout#ZERO} and a nanosecond (a
	 * millisecond to Windows) for any other, which never becomes "return immediately".
	 */
	ReadTimeout remaining() {
		if (this.timeout.isForever() || this.timeout.equals(ReadTimeout.ZERO)) {
			return this.timeout;
		}
		Duration left = this.timeout.toDuration().minusNanos(System.nanoTime() - this.start);
		return ReadTimeout.of((left.isNegative() || left.isZero()) ? Duration.ofNanos(1) : left);
	}

}
