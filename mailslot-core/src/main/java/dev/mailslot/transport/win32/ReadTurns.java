package dev.mailslot.transport.win32;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * One ReadFile at a time on a server handle, so that the read timeout a read sets on the
 * handle applies to it alone. A read waits for its turn no longer than its own timeout: a
 * read with {@link dev.mailslot.ReadTimeout#ZERO} never waits behind another that waits
 * forever. Past its deadline it still takes the turn while messages wait, because the
 * reader holding it is then not waiting for a message and lets go soon (as the posix
 * transport's receive lock does).
 */
final class ReadTurns {

	private static final long RETRY_MILLIS = 10;

	private final ReentrantLock lock = new ReentrantLock();

	/**
	 * Take the turn by the read's deadline, or after it while {@code messagesWait} says
	 * so.
	 * @return whether the turn was taken; if so, {@link #release()} it
	 */
	boolean take(ReadDeadline deadline, BooleanSupplier messagesWait) {
		if (deadline.timeout().isForever()) {
			this.lock.lock();
			return true;
		}
		boolean interrupted = false;
		try {
			while (true) {
				try {
					long left = deadline.remaining().toDuration().toNanos();
					if (this.lock.tryLock(left, TimeUnit.NANOSECONDS)) {
						return true;
					}
					break;
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
			while (messagesWait.getAsBoolean()) {
				try {
					if (this.lock.tryLock(RETRY_MILLIS, TimeUnit.MILLISECONDS)) {
						return true;
					}
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
			return false;
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	void release() {
		this.lock.unlock();
	}

}
