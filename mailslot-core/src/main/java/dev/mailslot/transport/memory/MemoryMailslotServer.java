package dev.mailslot.transport.memory;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.OptionalInt;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import dev.mailslot.BufferTooSmallException;
import dev.mailslot.MailslotInfo;
import dev.mailslot.MailslotMessage;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTimeoutException;
import dev.mailslot.MessageTooLargeException;
import dev.mailslot.NoSuchMailslotException;
import dev.mailslot.ReadTimeout;
import dev.mailslot.spi.AbstractMailslotServer;
import dev.mailslot.spi.DeletedMessagesLog;

/**
 * A mailslot held in a queue in this JVM. Unbounded, as a Windows mailslot is. Readers
 * wait on a condition that writes, {@link #wakeup()} and {@link #close()} signal.
 */
final class MemoryMailslotServer extends AbstractMailslotServer {

	private static final System.Logger logger = System.getLogger(MemoryMailslotServer.class.getName());

	private final int maxMessageSize;

	private final Consumer<MemoryMailslotServer> onClose;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	private final ArrayDeque<MailslotMessage> messages = new ArrayDeque<>();

	MemoryMailslotServer(String transport, MailslotServerOptions options, Consumer<MemoryMailslotServer> onClose) {
		super(options.name(), transport, options.readTimeout());
		this.maxMessageSize = options.maxMessageSize();
		this.onClose = onClose;
	}

	@Override
	public byte[] read(ReadTimeout timeout) {
		ReadTimeout.requireNonNull(timeout);
		return readMessage(timeout).payload();
	}

	@Override
	public MailslotMessage readMessage(ReadTimeout timeout) {
		this.lock.lock();
		try {
			return awaitMessage(timeout).pollFirst();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public int read(ByteBuffer buffer, ReadTimeout timeout) {
		ReadTimeout.requireNonNull(timeout);
		this.lock.lock();
		try {
			byte[] next = awaitMessage(timeout).peekFirst().payload();
			if (next.length > buffer.remaining()) {
				this.changed.signal();
				throw new BufferTooSmallException(name(), next.length, buffer.remaining());
			}
			buffer.put(this.messages.pollFirst().payload());
			return next.length;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Wait for a message, as uninterruptibly as a native read: only the timeout, a
	 * wake-up and close end the wait. An interrupt that arrives meanwhile stays set on
	 * the thread.
	 */
	private ArrayDeque<MailslotMessage> awaitMessage(ReadTimeout timeout) {
		long deadline = timeout.isForever() ? Long.MAX_VALUE : System.nanoTime() + timeout.toDuration().toNanos();
		boolean interrupted = false;
		try {
			while (true) {
				ensureOpen();
				if (!this.messages.isEmpty()) {
					return this.messages;
				}
				endIfWokenUp(timeout);
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					throw new MailslotTimeoutException(name(), timeout);
				}
				try {
					this.changed.awaitNanos(remaining);
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Wake the reads that wait: the first to look uses the wake-up, the others wait on.
	 */
	@Override
	protected void wakeReader() {
		this.lock.lock();
		try {
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public MailslotInfo info() {
		this.lock.lock();
		try {
			ensureOpen();
			MailslotMessage next = this.messages.peekFirst();
			return new MailslotInfo(this.maxMessageSize,
					(next != null) ? OptionalInt.of(next.payload().length) : OptionalInt.empty(), this.messages.size(),
					readTimeout());
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void setReadTimeout(ReadTimeout readTimeout) {
		this.lock.lock();
		try {
			super.setReadTimeout(readTimeout);
		}
		finally {
			this.lock.unlock();
		}
	}

	void deliver(ByteBuffer message) {
		byte[] copy = new byte[message.remaining()];
		message.get(copy);
		deliver(MailslotMessage.of(copy), Integer.MAX_VALUE);
	}

	/**
	 * Queue a message unless {@code maxQueued} are already waiting.
	 * @return whether the message was queued
	 */
	boolean deliver(MailslotMessage message, int maxQueued) {
		int size = message.payload().length;
		if (this.maxMessageSize > 0 && size > this.maxMessageSize) {
			throw new MessageTooLargeException(name(), size, this.maxMessageSize, "Message of " + size
					+ " bytes is larger than the " + this.maxMessageSize + " bytes mailslot " + name() + " accepts");
		}
		this.lock.lock();
		try {
			if (isClosed()) {
				throw new NoSuchMailslotException(name(),
						"Mailslot " + name() + " was closed by its server; the message was not delivered");
			}
			if (this.messages.size() >= maxQueued) {
				return false;
			}
			this.messages.addLast(message);
			this.changed.signal();
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Delete the messages, with a warning that counts them, and wake the reads that wait,
	 * which find the server closed.
	 */
	@Override
	protected void doClose() {
		this.lock.lock();
		try {
			DeletedMessagesLog.warn(logger, name(), this.messages.size());
			this.messages.clear();
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		this.onClose.accept(this);
	}

}
