package dev.mailslot.transport.posix;

import java.nio.ByteBuffer;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * A mailslot on a POSIX message queue opened non-blocking for reading (and for writing, to seal
 * it at close: see {@link QueueSeal}), and locked by this process (see {@link QueueOwnership}).
 * <p>
 * One message is read ahead when {@link #info()} needs the next size, so the next size and an
 * exact count are known and a too-small buffer leaves the message queued. An empty queue is waited
 * on with {@code poll} on the queue and two eventfds: the wake eventfd, signalled when a message
 * was read ahead but not taken, which a waking reader drains; and the close eventfd, signalled once
 * by {@link #close()} and never drained, so every waiting reader sees it.
 */
final class PosixMailslotServer implements MailslotServer {

	private final MailslotName name;

	private final String queueName;

	private final int mqd;

	private final int wakeFd;

	private final int closeFd;

	private final int maxMessageSize;

	/** Read side for every operation, write side for close: close waits for readers to leave. */
	private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();

	/** Guards the receive buffer, the read-ahead and the attributes buffer. */
	private final ReentrantLock receiveLock = new ReentrantLock();

	private final Memory receiveBuffer;

	/** The receive buffer as a {@link ByteBuffer}, made once. */
	private final ByteBuffer receiveView;

	private final Memory attributes = new Memory(LibC.MQ_ATTR_SIZE);

	private final Memory one = new Memory(8);

	/** Where a reader that drains the wake eventfd puts the count; nobody looks at it. */
	private final Memory wakeCount = new Memory(8);

	private static final int POLLED_DESCRIPTORS = 3;

	/** {@code pollfd} arrays of readers that waited, kept for the next ones. */
	private final Queue<Memory> pollFds = new ConcurrentLinkedQueue<>();

	/** Size of the message held read ahead in the receive buffer, or -1. */
	private int aheadSize = -1;

	private final AtomicBoolean closed = new AtomicBoolean();

	private volatile ReadTimeout readTimeout;

	PosixMailslotServer(MailslotName name, String queueName, int mqd, int wakeFd, int closeFd, int maxMessageSize,
			ReadTimeout readTimeout) {
		this.name = name;
		this.queueName = queueName;
		this.mqd = mqd;
		this.wakeFd = wakeFd;
		this.closeFd = closeFd;
		this.maxMessageSize = maxMessageSize;
		this.readTimeout = readTimeout;
		this.receiveBuffer = new Memory(Math.max(1, maxMessageSize));
		this.receiveView = this.receiveBuffer.getByteBuffer(0, this.receiveBuffer.size());
		this.one.setLong(0, 1);
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
		return receive(timeout, (size) -> this.receiveBuffer.getByteArray(0, size));
	}

	@Override
	public int read(ByteBuffer buffer) {
		return read(buffer, this.readTimeout);
	}

	@Override
	public int read(ByteBuffer buffer, ReadTimeout timeout) {
		return receive(timeout, (size) -> {
			if (size > buffer.remaining()) {
				wakeReaders();
				throw new BufferTooSmallException(this.name, size, buffer.remaining());
			}
			buffer.put(this.receiveView.duplicate().limit(size));
			return size;
		});
	}

	/**
	 * Wait up to the timeout for a message and hand it, by its size, to {@code take}, which reads
	 * it from the receive buffer. If {@code take} throws, the message stays read ahead.
	 */
	private <T> T receive(ReadTimeout timeout, IntFunction<T> take) {
		this.lifecycle.readLock().lock();
		try {
			long deadline = deadline(timeout);
			while (true) {
				ensureOpen();
				this.receiveLock.lock();
				try {
					if (fillAhead()) {
						T message = take.apply(this.aheadSize);
						this.aheadSize = -1;
						return message;
					}
				}
				finally {
					this.receiveLock.unlock();
				}
				awaitReadable(timeout, deadline);
			}
		}
		finally {
			this.lifecycle.readLock().unlock();
		}
	}

	/**
	 * Make sure a message is held read ahead, receiving one if the queue has any. Call with the
	 * receive lock held.
	 * @return whether a message is held
	 */
	private boolean fillAhead() {
		if (this.aheadSize >= 0) {
			return true;
		}
		while (true) {
			long size = LibC.mq_receive(this.mqd, this.receiveBuffer, this.receiveBuffer.size(), Pointer.NULL);
			if (size >= 0) {
				this.aheadSize = (int) size;
				return true;
			}
			int errno = LibC.errno();
			if (errno == LibC.EAGAIN) {
				return false;
			}
			if (errno != LibC.EINTR) {
				throw failure("receive from", errno);
			}
		}
	}

	private static long deadline(ReadTimeout timeout) {
		return timeout.isForever() ? Long.MAX_VALUE : System.nanoTime() + timeout.toDuration().toNanos();
	}

	/**
	 * Wait until the queue may have a message, a message was read ahead, the server closes, or
	 * the deadline passes.
	 */
	private void awaitReadable(ReadTimeout timeout, long deadline) {
		int waitMillis = -1;
		if (!timeout.isForever()) {
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				throw new MailslotTimeoutException(this.name, timeout);
			}
			waitMillis = (int) Math.min(Integer.MAX_VALUE, (remaining + 999_999) / 1_000_000);
		}
		Memory fds = this.pollFds.poll();
		if (fds == null) {
			fds = newPollFds();
		}
		try {
			if (LibC.poll(fds, POLLED_DESCRIPTORS, waitMillis) < 0) {
				int errno = LibC.errno();
				if (errno != LibC.EINTR) {
					throw failure("wait on", errno);
				}
				return;
			}
			if (fds.getShort(LibC.POLLFD_SIZE + 6) != 0) {
				LibC.read(this.wakeFd, this.wakeCount, 8);
			}
		}
		finally {
			this.pollFds.offer(fds);
		}
	}

	/**
	 * Make the {@code pollfd} array of a waiting reader: the queue, the wake and the close eventfd.
	 */
	private Memory newPollFds() {
		Memory fds = new Memory((long) POLLED_DESCRIPTORS * LibC.POLLFD_SIZE);
		fds.clear();
		int[] descriptors = { this.mqd, this.wakeFd, this.closeFd };
		for (int i = 0; i < descriptors.length; i++) {
			fds.setInt((long) i * LibC.POLLFD_SIZE, descriptors[i]);
			fds.setShort((long) i * LibC.POLLFD_SIZE + 4, LibC.POLLIN);
		}
		return fds;
	}

	@Override
	public MailslotInfo info() {
		this.lifecycle.readLock().lock();
		try {
			ensureOpen();
			this.receiveLock.lock();
			try {
				boolean held = this.aheadSize >= 0;
				if (!fillAhead()) {
					return new MailslotInfo(this.maxMessageSize, OptionalInt.empty(), currentMessages(),
							this.readTimeout);
				}
				if (!held) {
					wakeReaders();
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

	private int currentMessages() {
		if (LibC.mq_getattr(this.mqd, this.attributes) != 0) {
			throw failure("query", LibC.errno());
		}
		return (int) this.attributes.getLong(LibC.MQ_ATTR_CURMSGS);
	}

	@Override
	public void setReadTimeout(ReadTimeout readTimeout) {
		ensureOpen();
		this.readTimeout = readTimeout;
	}

	@Override
	public boolean isOpen() {
		return !this.closed.get();
	}

	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		LibC.write(this.closeFd, this.one, 8);
		this.lifecycle.writeLock().lock();
		try {
			QueueSeal.seal(this.mqd);
			LibC.mq_unlink(this.queueName);
			LibC.mq_close(this.mqd);
			LibC.close(this.wakeFd);
			LibC.close(this.closeFd);
			this.receiveBuffer.close();
			this.attributes.close();
			this.one.close();
			this.wakeCount.close();
			this.pollFds.forEach(Memory::close);
		}
		finally {
			this.lifecycle.writeLock().unlock();
		}
	}

	/**
	 * Wake a waiting reader: a message was read ahead and nobody took it.
	 */
	private void wakeReaders() {
		LibC.write(this.wakeFd, this.one, 8);
	}

	private void ensureOpen() {
		if (this.closed.get()) {
			throw new MailslotClosedException(this.name, "Mailslot server " + this.name + " is closed");
		}
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
