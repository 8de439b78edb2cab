package dev.mailslot.transport.posix;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

import dev.mailslot.MailslotClosedException;
import dev.mailslot.MailslotException;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotWriteTimeoutException;
import dev.mailslot.MessageTooLargeException;
import dev.mailslot.NoSuchMailslotException;
import dev.mailslot.spi.AbstractMailslotClient;

/**
 * Writes to a mailslot's POSIX message queue, opened non-blocking. While the queue is
 * full a write waits for room, checking every {@value #FULL_QUEUE_CHECK_MILLIS} ms that
 * the server still exists (the queue is linked, and a live process holds its owner's
 * lock) and that the client was not closed, for as long as its timeout allows. A server
 * that closes first fills its queue ({@link QueueSeal}) and then unlinks it, so the next
 * write finds the queue full and its link count at 0, and fails as it does on Windows
 * instead of writing to a queue no one reads; a write that has room costs one system
 * call.
 */
final class PosixMailslotClient extends AbstractMailslotClient {

	private final String queueName;

	private final int mqd;

	private final int maxMessageSize;

	static final int FULL_QUEUE_CHECK_MILLIS = 100;

	private final ReentrantLock writeLock = new ReentrantLock();

	/**
	 * Where a binding that cannot send the message's bytes where they are copies them.
	 */
	private final NativeMemory sendBuffer;

	private final NativeMemory status = LibC.allocate(LibC.STATX_SIZE);

	private final NativeMemory pollFd = LibC.allocate(LibC.POLLFD_SIZE);

	PosixMailslotClient(MailslotName name, String queueName, int mqd, int maxMessageSize) {
		super(name);
		this.queueName = queueName;
		this.mqd = mqd;
		this.maxMessageSize = maxMessageSize;
		this.sendBuffer = LibC.allocate(LibC.copiesSentMessages() ? Math.max(1, maxMessageSize) : 1);
	}

	@Override
	protected void send(ByteBuffer message) {
		write(message, null);
	}

	@Override
	public void write(ByteBuffer message, @Nullable Duration timeout) {
		long deadline = (timeout != null) ? System.nanoTime() + timeout.toNanos() : 0;
		int size = message.remaining();
		if (size > this.maxMessageSize) {
			throw new MessageTooLargeException(name(), size, this.maxMessageSize,
					"Message of " + size + " bytes is larger than the " + this.maxMessageSize + " bytes mailslot "
							+ name() + " accepts; nothing was sent");
		}
		this.writeLock.lock();
		try {
			ensureOpen();
			while (LibC.mq_send(this.mqd, message, this.sendBuffer) != 0) {
				int errno = LibC.errno();
				if (errno == LibC.EAGAIN) {
					ensureServerAlive();
					awaitRoom(timeout, deadline);
				}
				else if (errno == LibC.EMSGSIZE) {
					throw new MessageTooLargeException(name(), size, this.maxMessageSize, "Message of " + size
							+ " bytes is larger than mailslot " + name() + " accepts; nothing was sent");
				}
				else if (errno != LibC.EINTR) {
					throw new MailslotException(name(), "Cannot send to message queue " + this.queueName
							+ " of mailslot " + name() + ": " + LibC.describe(errno))
						.withNativeErrorCode(errno);
				}
			}
			message.position(message.limit());
		}
		finally {
			this.writeLock.unlock();
		}
	}

	/**
	 * Wait until the full queue has room, for at most {@value #FULL_QUEUE_CHECK_MILLIS}
	 * ms and not past the deadline, then check that the client is still open.
	 */
	private void awaitRoom(@Nullable Duration timeout, long deadline) {
		long wait = FULL_QUEUE_CHECK_MILLIS;
		if (timeout != null) {
			long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
			if (left <= 0) {
				throw timedOut(timeout);
			}
			wait = Math.min(wait, left);
		}
		this.pollFd.setInt(0, this.mqd);
		this.pollFd.setShort(4, LibC.POLLOUT);
		this.pollFd.setShort(6, (short) 0);
		LibC.poll(this.pollFd, 1, (int) wait);
		if (isClosed()) {
			throw new MailslotClosedException(name(),
					"Mailslot client for " + name() + " was closed while it waited for room; the message was not sent");
		}
	}

	private MailslotWriteTimeoutException timedOut(Duration timeout) {
		String capacity;
		try (NativeMemory attributes = LibC.allocate(LibC.MQ_ATTR_SIZE)) {
			capacity = (LibC.mq_getattr(this.mqd, attributes) == 0)
					? Long.toString(attributes.getLong(LibC.MQ_ATTR_MAXMSG)) : "its";
		}
		return new MailslotWriteTimeoutException(name(), timeout, "Mailslot " + name() + " stayed full for " + timeout
				+ ": its reader has taken none of the messages its server holds (the " + capacity + " of its queue "
				+ this.queueName + ", and those the server holds in memory); nothing was sent. "
				+ "Let the reader keep up, or give the mailslot more room: the server's hold capacity "
				+ "(MailslotServerOptions holdCapacity) and the hold memory its process shares ("
				+ PosixHoldMemory.LIMIT_PROPERTY + "), or its queue capacity (queueCapacity) up to the sysctl "
				+ "fs.mqueue.msg_max (sysctl -w fs.mqueue.msg_max=...)");
	}

	private void ensureServerAlive() {
		if (LibC.statx(this.mqd, "", LibC.AT_EMPTY_PATH, LibC.STATX_NLINK, this.status) != 0) {
			int errno = LibC.errno();
			throw new MailslotException(name(), "Cannot check message queue " + this.queueName + " of mailslot "
					+ name() + ": " + LibC.describe(errno))
				.withNativeErrorCode(errno);
		}
		if (this.status.getInt(LibC.STATX_NLINK_OFFSET) == 0 || !QueueOwnership.hasLiveOwner(this.mqd)) {
			throw new NoSuchMailslotException(name(), "Mailslot " + name() + " was closed by its server; "
					+ "nothing was sent. Open a new client once a server holds the name again");
		}
	}

	/**
	 * Close the queue once no write uses it; a write waiting for room notices within
	 * {@value #FULL_QUEUE_CHECK_MILLIS} ms.
	 */
	@Override
	protected void doClose() {
		this.writeLock.lock();
		try {
			if (this.sendBuffer.isOpen()) {
				LibC.mq_close(this.mqd);
				this.sendBuffer.close();
				this.status.close();
				this.pollFd.close();
			}
		}
		finally {
			this.writeLock.unlock();
		}
	}

	@Override
	public String toString() {
		return "PosixMailslotClient[" + name() + " on " + this.queueName + "]";
	}

}
