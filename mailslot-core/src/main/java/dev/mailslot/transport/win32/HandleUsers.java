package dev.mailslot.transport.win32;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.mailslot.MailslotName;

/**
 * Counts the calls under way on a server handle, and releases the handle once the server
 * is closed and no call is left: never under a call, because Windows can give a released
 * handle's value to the next handle the process opens, and a late ReadFile,
 * GetOverlappedResult or GetMailslotInfo would then act on that unrelated object.
 * <p>
 * {@link #close()} waits a while for the calls under way, which the server has told to
 * end. If one is still inside then, the handle is left open on purpose rather than waited
 * for without bound (close runs at shutdown, which must not hang): close logs a warning
 * and returns, and the last call to leave releases the handle. Until then the mailslot's
 * name stays taken; if that call never ends, the handle lives as long as the process.
 */
final class HandleUsers {

	private static final System.Logger logger = System.getLogger(HandleUsers.class.getName());

	private final MailslotName name;

	private final Duration closeWait;

	private final Runnable release;

	/** Guarded by this. */
	private int users;

	/** Guarded by this. */
	private boolean closing;

	/** Whether close has left the release to the last call to leave. Guarded by this. */
	private boolean leftToUsers;

	/** Guarded by this. */
	private boolean released;

	/**
	 * Count the calls that use a handle.
	 * @param name the mailslot, for the log
	 * @param closeWait how long {@link #close()} waits for the calls under way
	 * @param release what closes the handle and what goes with it; run once
	 */
	HandleUsers(MailslotName name, Duration closeWait, Runnable release) {
		this.name = name;
		this.closeWait = closeWait;
		this.release = release;
	}

	/**
	 * Count a call that is about to use the handle.
	 * @return {@code false}, counting nothing, once the handle is closing
	 */
	synchronized boolean enter() {
		if (this.closing) {
			return false;
		}
		this.users++;
		return true;
	}

	/**
	 * End a call that {@link #enter()} counted; the last to leave a handle that
	 * {@link #close()} left to the calls releases it.
	 */
	void leave() {
		synchronized (this) {
			this.users--;
			notifyAll();
			if (!this.leftToUsers || this.users > 0 || this.released) {
				return;
			}
			this.released = true;
		}
		this.release.run();
		logger.log(System.Logger.Level.INFO, "Mailslot {0} is closed now that its last read ended", this.name);
	}

	/**
	 * Refuse later calls, wait up to the close wait for those under way, and release the
	 * handle once none is left: now, or else when the last one leaves.
	 */
	void close() {
		synchronized (this) {
			this.closing = true;
			long deadline = System.nanoTime() + this.closeWait.toNanos();
			boolean interrupted = false;
			while (this.users > 0 && deadline - System.nanoTime() > 0) {
				try {
					TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
			if (this.users > 0) {
				logger.log(System.Logger.Level.WARNING, "Mailslot {0}: a read still uses its handle {1} after close; "
						+ "the handle stays open, and the name taken, until that read ends, which then closes it",
						this.name, this.closeWait);
				this.leftToUsers = true;
				return;
			}
			this.released = true;
		}
		this.release.run();
	}

}
