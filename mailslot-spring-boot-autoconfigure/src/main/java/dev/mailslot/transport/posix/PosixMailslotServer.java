package dev.mailslot.transport.posix;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntFunction;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import dev.mailslot.BufferTooSmallException;
import dev.mailslot.MailslotClosedException;
import dev.mailslot.MailslotException;
import dev.mailslot.MailslotInfo;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotTimeoutException;
import dev.mailslot.ReadTimeout;

/**
 * A mailslot on a POSIX message queue, opened for reading and writing (writing only to seal it at
 * close: see {@link QueueSeal}) and locked by this process (see {@link QueueOwnership}).
 * <p>
 * A reader waits in {@code mq_timedreceive} itself, holding the receive lock, so a message written
 * to an empty queue goes straight to it. One message is read ahead when {@link #info()} needs the
 * next size, so the next size and an exact count are known, and a too-small buffer leaves the
 * message for the next reader. {@link #close()} seals the queue, which ends a reader's wait, and
 * the reader, seeing the server closed, drops what it received.
 */
final class PosixMailslotServer implements MailslotServer {

	/** How long {@link #info()} waits for a reader to let go of the receive lock before it looks again. */
	private static final long INFO_LOCK_WAIT_MILLIS = 1;

	private final MailslotName name;

	private final String queueName;

	private final int mqd;

	private final int maxMessageSize;

	/** Read side for every operation, write side for close: close waits for readers to leave. */
	private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();

	/** Guards the receive buffer, the read-ahead and the deadline; held by a waiting reader. */
	private final ReentrantLock receiveLock = new ReentrantLock();

	private final Memory receiveBuffer;

	/** The receive buffer as a {@link ByteBuffer}, made once. */
	private final ByteBuffer receiveView;

	/** The {@code struct timespec} of a waiting reader's deadline. */
	private final Memory deadline = new Memory(LibC.TIMESPEC_SIZE);

	/** A {@code struct timespec} in the past: receive without waiting. */
	private final Memory now = new Memory(LibC.TIMESPEC_SIZE);

	private final Memory attributes = new Memory(LibC.MQ_ATTR_SIZE);

	/** Size of the message held read ahead in the receive buffer, or -1. */
	private int aheadSize = -1;

	private final AtomicBoolean closed = new AtomicBoolean();

	private volatile ReadTimeout readTimeout;

	PosixMailslotServer(MailslotName name, String queueName, int mqd, int maxMessageSize, ReadTimeout readTimeout) {
		this.name = name;
		this.queueName = queueName;
		this.mqd = mqd;
		this.maxMessageSize = maxMessageSize;
		this.readTimeout = readTimeout;
		this.receiveBuffer = new Memory(Math.max(1, maxMessageSize));
		this.receiveView = this.receiveBuffer.getByteBuffer(0, this.receiveBuffer.size());
		this.now.clear();
	}

	@Override
	public MailslotName name() {
		return this.name;
	}

	@Override
	public String transport() {
		return PosixMailslotTransport.ID;
	}

	/**
	 * Return the queue's name.
	 * @return the name, as {@link PosixQueueNames} maps it
	 */
	String queueName() {
		return this.queueName;
	}

	/**
	 * Return the queue's descriptor, for tests that inspect it.
	 */
	int descriptor() {
		return this.mqd;
	}

	@Override
	public byte[] read() {
		return read(this.readTimeout);
	}

	@Override
	public byte[] read(ReadTimeout timeout) {
		ReadTimeout.requireNonNull(timeout);
		return receive(timeout, (size) -> this.receiveBuffer.getByteArray(0, size));
	}

	@Override
	public int read(ByteBuffer buffer) {
		return read(buffer, this.readTimeout);
	}

	@Override
	public int read(ByteBuffer buffer, ReadTimeout timeout) {
		ReadTimeout.requireNonNull(timeout);
		return receive(timeout, (size) -> {
			if (size > buffer.remaining()) {
				throw new BufferTooSmallException(this.name, size, buffer.remaining());
			}
			buffer.put(this.receiveView.duplicate().limit(size));
			return size;
		});
	}

	/**
	 * Wait up to the timeout for a message and hand it, by its size, to {@code take}, which reads
	 * it from the receive buffer. If {@code take} throws, the message stays read ahead for the
	 * next reader.
	 */
	private <T> T receive(ReadTimeout timeout, IntFunction<T> take) {
		this.lifecycle.readLock().lock();
		try {
			ensureOpen();
			long deadline = timeout.isForever() ? Long.MAX_VALUE : System.nanoTime() + timeout.toDuration().toNanos();
			lockReceive(timeout, deadline);
			try {
				ensureOpen();
				if (this.aheadSize < 0) {
					receiveAhead(timeout, deadline);
				}
				T message = take.apply(this.aheadSize);
				this.aheadSize = -1;
				return message;
			}
			finally {
				this.receiveLock.unlock();
			}
		}
		finally {
			this.lifecycle.readLock().unlock();
		}
	}

	/**
	 * Take the receive lock, which another reader may hold while it waits for a message, by the
	 * deadline.
	 */
	private void lockReceive(ReadTimeout timeout, long deadline) {
		if (timeout.isForever()) {
			this.receiveLock.lock();
			return;
		}
		boolean interrupted = false;
		try {
			while (true) {
				try {
					if (this.receiveLock.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
						return;
					}
					throw new MailslotTimeoutException(this.name, timeout);
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
	 * Wait in {@code mq_timedreceive} for a message until the deadline, and hold it read ahead.
	 * Call with the receive lock held and nothing read ahead.
	 */
	private void receiveAhead(ReadTimeout timeout, long deadline) {
		while (true) {
			Pointer until = timeout.isForever() ? Pointer.NULL : absoluteDeadline(deadline);
			long size = LibC.mq_timedreceive(this.mqd, this.receiveBuffer, this.receiveBuffer.size(), Pointer.NULL,
					until);
			if (size >= 0) {
				if (this.closed.get()) {
					throw closedWhileReading();
				}
				this.aheadSize = (int) size;
				return;
			}
			int errno = LibC.errno();
			if (errno == LibC.ETIMEDOUT) {
				if (System.nanoTime() - deadline >= 0) {
					throw new MailslotTimeoutException(this.name, timeout);
				}
			}
			else if (errno != LibC.EINTR) {
				throw failure("receive from", errno);
			}
		}
	}

	/**
	 * Turn a {@code System.nanoTime()} deadline into the {@code CLOCK_REALTIME} time that
	 * {@code mq_timedreceive} takes. If the wall clock is set meanwhile, the wait ends early or
	 * late and {@link #receiveAhead} judges the deadline again on the monotonic clock.
	 */
	private Pointer absoluteDeadline(long deadline) {
		Instant wallClock = Instant.now().plusNanos(Math.max(0, deadline - System.nanoTime()));
		this.deadline.setLong(0, wallClock.getEpochSecond());
		this.deadline.setLong(8, wallClock.getNano());
		return this.deadline;
	}

	/**
	 * Make sure a message is held read ahead if the queue has any, without waiting. Call with the
	 * receive lock held.
	 * @return whether a message is held
	 */
	private boolean fillAhead() {
		if (this.aheadSize >= 0) {
			return true;
		}
		while (true) {
			long size = LibC.mq_timedreceive(this.mqd, this.receiveBuffer, this.receiveBuffer.size(), Pointer.NULL,
					this.now);
			if (size >= 0) {
				this.aheadSize = (int) size;
				return true;
			}
			int errno = LibC.errno();
			if (errno == LibC.ETIMEDOUT || errno == LibC.EAGAIN) {
				return false;
			}
			if (errno != LibC.EINTR) {
				throw failure("receive from", errno);
			}
		}
	}

	/**
	 * Report GetMailslotInfo's figures. A reader that holds the receive lock while it waits does so
	 * only while the queue is empty, so {@code info()} does not wait for it: it reports an empty
	 * mailslot while the queue is empty, and takes the lock once it is not.
	 */
	@Override
	public MailslotInfo info() {
		this.lifecycle.readLock().lock();
		try {
			ensureOpen();
			if (!lockForInfo()) {
				return new MailslotInfo(this.maxMessageSize, OptionalInt.empty(), 0, this.readTimeout);
			}
			try {
				if (!fillAhead()) {
					return new MailslotInfo(this.maxMessageSize, OptionalInt.empty(), currentMessages(),
							this.readTimeout);
				}
				return new MailslotInfo(this.maxMessageSize, OptionalInt.of(this.aheadSize), currentMessages() + 1,
						this.readTimeout);
			}
			finally {
				this.receiveLock.unlock();
			}
		}
		finally {
			this.lifecycle.readLock().unlock();
		}
	}

	/**
	 * Take the receive lock, unless a reader holds it while the queue is empty.
	 * @return whether the lock was taken
	 */
	private boolean lockForInfo() {
		boolean interrupted = false;
		try {
			if (this.receiveLock.tryLock()) {
				return true;
			}
			while (currentMessages() > 0) {
				try {
					if (this.receiveLock.tryLock(INFO_LOCK_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
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

	private int currentMessages() {
		if (LibC.mq_getattr(this.mqd, this.attributes) != 0) {
			throw failure("query", LibC.errno());
		}
		return (int) this.attributes.getLong(LibC.MQ_ATTR_CURMSGS);
	}

	@Override
	public void setReadTimeout(ReadTimeout readTimeout) {
		ReadTimeout.requireNonNull(readTimeout);
		ensureOpen();
		this.readTimeout = readTimeout;
	}

	@Override
	public boolean isOpen() {
		return !this.closed.get();
	}

	/**
	 * Close the mailslot: seal the queue, which also ends a reader's wait, wait for the readers
	 * to leave, then unlink and close the queue, deleting what it holds. A queue has one name, so
	 * one whose link count is 0 was removed by hand: its name may hold another server's queue now,
	 * which is left alone.
	 */
	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		QueueSeal.seal(this.mqd);
		this.lifecycle.writeLock().lock();
		try {
			if (FileStatus.of(this.mqd).links() > 0) {
				LibC.mq_unlink(this.queueName);
			}
			LibC.mq_close(this.mqd);
			this.receiveBuffer.close();
			this.deadline.close();
			this.now.close();
			this.attributes.close();
		}
		finally {
			this.lifecycle.writeLock().unlock();
		}
	}

	private void ensureOpen() {
		if (this.closed.get()) {
			throw new MailslotClosedException(this.name, "Mailslot server " + this.name + " is closed");
		}
	}

	private MailslotClosedException closedWhileReading() {
		return new MailslotClosedException(this.name, "Mailslot server " + this.name + " was closed while it read");
	}

	private MailslotException failure(String operation, int errno) {
		return new MailslotException(this.name, "Cannot " + operation + " message queue " + this.queueName
				+ " of mailslot " + this.name + ": " + LibC.describe(errno)).withNativeErrorCode(errno);
	}

	@Override
	public String toString() {
		return "PosixMailslotServer[" + this.name + " on " + this.queueName + "]";
	}

}
