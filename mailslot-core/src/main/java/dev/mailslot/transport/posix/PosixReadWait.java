package dev.mailslot.transport.posix;

import dev.mailslot.MailslotException;
import dev.mailslot.MailslotName;

/**
 * What a posix server's reader waits on: its queue holding a message, or a wake-up. The
 * reader waits in {@code poll} on the queue's descriptor and on an {@code eventfd} that
 * {@link #signal()} writes, then receives without waiting, so a wake-up never ends a wait
 * with a message taken out of the queue. One reader waits at a time; {@link #signal()}
 * may come from any thread.
 */
final class PosixReadWait implements AutoCloseable {

	private static final int EVENT_SIZE = 8;

	private final String queueName;

	private final int mqd;

	private final int eventFd;

	/**
	 * Two {@code struct pollfd}: the queue's, then the eventfd's. Used by the waiting
	 * reader alone.
	 */
	private final NativeMemory pollFds = LibC.allocate(2L * LibC.POLLFD_SIZE);

	/** Where the waiting reader reads the eventfd's count to reset it. */
	private final NativeMemory received = LibC.allocate(EVENT_SIZE);

	/** The 1 that {@link #signal()} adds to the eventfd's count. Guarded by this. */
	private final NativeMemory one = LibC.allocate(EVENT_SIZE);

	/** Guarded by this. */
	private boolean closed;

	private PosixReadWait(String queueName, int mqd, int eventFd) {
		this.queueName = queueName;
		this.mqd = mqd;
		this.eventFd = eventFd;
		this.one.setLong(0, 1);
	}

	/**
	 * Make the wait of a queue's reader.
	 * @param name the mailslot, for errors
	 * @param queueName the queue's name, for errors
	 * @param mqd the queue's descriptor, open for reading
	 * @return the wait
	 * @throws MailslotException if no eventfd can be made (for example when the process
	 * is out of descriptors)
	 */
	static PosixReadWait open(MailslotName name, String queueName, int mqd) {
		int eventFd = LibC.eventfd(0, LibC.EFD_NONBLOCK | LibC.EFD_CLOEXEC);
		if (eventFd < 0) {
			int errno = LibC.errno();
			throw new MailslotException(name,
					"Cannot make the eventfd that wakes the reader of mailslot " + name + " (queue " + queueName + "): "
							+ LibC.describe(errno)
							+ ". Raise the process's limit of open files (ulimit -n) if it is reached")
				.withNativeErrorCode(errno);
		}
		try {
			return new PosixReadWait(queueName, mqd, eventFd);
		}
		catch (RuntimeException | Error ex) {
			LibC.close(eventFd);
			throw ex;
		}
	}

	/**
	 * Wait until the queue holds a message, {@link #signal()} is called, a signal
	 * interrupts the wait, or the time runs out; a wake-up signalled meanwhile is reset.
	 * The caller looks at the queue and at its wake-up afterwards, whatever ended the
	 * wait.
	 * @param timeoutMillis how long to wait, or -1 to wait without limit
	 * @throws IllegalStateException if {@code poll} fails for another reason than a
	 * signal
	 */
	void await(int timeoutMillis) {
		this.pollFds.setInt(0, this.mqd);
		this.pollFds.setShort(4, LibC.POLLIN);
		this.pollFds.setShort(6, (short) 0);
		this.pollFds.setInt(LibC.POLLFD_SIZE, this.eventFd);
		this.pollFds.setShort(LibC.POLLFD_SIZE + 4, LibC.POLLIN);
		this.pollFds.setShort(LibC.POLLFD_SIZE + 6, (short) 0);
		int ready = LibC.poll(this.pollFds, 2, timeoutMillis);
		if (ready < 0) {
			int errno = LibC.errno();
			if (errno != LibC.EINTR) {
				throw new IllegalStateException(
						"poll on message queue " + this.queueName + " and its wake-up failed: " + LibC.describe(errno));
			}
			return;
		}
		if (ready > 0 && this.pollFds.getShort(LibC.POLLFD_SIZE + 6) != 0) {
			LibC.read(this.eventFd, this.received, EVENT_SIZE);
		}
	}

	/**
	 * End the reader's wait, or the next one if none is under way. Does nothing once
	 * closed.
	 */
	synchronized void signal() {
		if (!this.closed) {
			LibC.write(this.eventFd, this.one, EVENT_SIZE);
		}
	}

	/**
	 * Close the eventfd and free the memory. Call once no reader waits.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		LibC.close(this.eventFd);
		this.pollFds.close();
		this.received.close();
		this.one.close();
	}

}
