package dev.mailslot.transport.posix;

import java.nio.ByteBuffer;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntFunction;

import dev.mailslot.BufferTooSmallException;
import dev.mailslot.MailslotException;
import dev.mailslot.MailslotInfo;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotTimeoutException;
import dev.mailslot.ReadTimeout;
import dev.mailslot.spi.AbstractMailslotServer;
import dev.mailslot.spi.DeletedMessagesLog;

/**
 * A mailslot on a POSIX message queue, opened for reading and writing (writing only to
 * seal it at close: see {@link QueueSeal}) and locked by this process (see
 * {@link QueueOwnership}).
 * <p>
 * A reader waits in {@code poll} on the queue itself ({@link PosixReadWait}, which
 * {@link #wakeup()} ends), holding the receive lock, so a message written to an empty
 * queue goes straight to it. While the reader takes nothing, the server's
 * {@link PosixHeldMessages} moves what the queue holds into memory, so that writers go on
 * as they do with a Windows mailslot nobody reads. One message is read ahead when
 * {@link #info()} needs the next size, so the next size and an exact count are known, and
 * a too-small buffer leaves the message for the next reader. Messages go to readers in
 * order: the one read ahead, then the held messages, then the queue. {@link #close()}
 * seals the queue, which ends a reader's wait, and the reader, seeing the server closed,
 * drops what it received; close counts it with the rest it deletes. What has left the
 * queue and not reached a reader is counted in a {@link HeldCountFile} too, for the next
 * server on the name if this process is killed.
 */
final class PosixMailslotServer extends AbstractMailslotServer {

	private static final System.Logger logger = System.getLogger(PosixMailslotServer.class.getName());

	/**
	 * How long a brief holder of the receive lock is waited for before the mailslot is
	 * looked at again.
	 */
	private static final long LOCK_RETRY_MILLIS = 1;

	private final String queueName;

	private final int mqd;

	private final int maxMessageSize;

	/**
	 * Read side for every operation, write side for close: close waits for readers to
	 * leave.
	 */
	private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();

	/**
	 * Guards the receive buffer, the read-ahead, the held messages and the deadline; held
	 * by a waiting reader.
	 */
	private final ReentrantLock receiveLock = new ReentrantLock();

	private final PosixHeldMessages held;

	private final HeldCountFile countFile;

	/**
	 * Messages that readers received after close began, and dropped: close counts them as
	 * deleted.
	 */
	private final AtomicInteger droppedByReaders = new AtomicInteger();

	/** What a reader that finds no message waits on: the queue, or a wake-up. */
	private final PosixReadWait readWait;

	private final NativeMemory receiveBuffer;

	/** A {@code struct timespec} in the past: receive without waiting. */
	private final NativeMemory now = LibC.allocate(LibC.TIMESPEC_SIZE);

	private final NativeMemory attributes = LibC.allocate(LibC.MQ_ATTR_SIZE);

	/**
	 * Copies a received message out of the receive buffer: one function, not one per
	 * read.
	 */
	private final IntFunction<byte[]> copyReceived;

	/** Size of the message held read ahead in the receive buffer, or -1. */
	private int aheadSize = -1;

	PosixMailslotServer(MailslotName name, String queueName, int mqd, int maxMessageSize, ReadTimeout readTimeout,
			int holdCapacity, HeldCountFile countFile) {
		super(name, PosixMailslotTransport.ID, readTimeout);
		this.queueName = queueName;
		this.mqd = mqd;
		this.maxMessageSize = maxMessageSize;
		this.receiveBuffer = LibC.allocate(Math.max(1, maxMessageSize));
		this.copyReceived = (size) -> this.receiveBuffer.getBytes(0, size);
		this.now.clear();
		this.countFile = countFile;
		this.held = new PosixHeldMessages(name, queueName, mqd, holdCapacity, maxMessageSize, this.receiveLock,
				countFile);
		this.readWait = PosixReadWait.open(name, queueName, mqd);
	}

	/**
	 * Start holding messages in memory while nobody reads.
	 * @return this server
	 */
	PosixMailslotServer start() {
		this.held.start();
		return this;
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
	public byte[] read(ReadTimeout timeout) {
		ReadTimeout.requireNonNull(timeout);
		return receive(timeout, this.copyReceived);
	}

	@Override
	public int read(ByteBuffer buffer, ReadTimeout timeout) {
		ReadTimeout.requireNonNull(timeout);
		return receive(timeout, (size) -> {
			if (size > buffer.remaining()) {
				throw new BufferTooSmallException(name(), size, buffer.remaining());
			}
			buffer.put(buffer.position(), this.receiveBuffer.byteBuffer(), 0, size);
			buffer.position(buffer.position() + size);
			return size;
		});
	}

	/**
	 * Wait up to the timeout for a message and hand it, by its size, to {@code take},
	 * which reads it from the receive buffer. If {@code take} throws, the message stays
	 * read ahead for the next reader. Held messages come before the queue, which holds
	 * only newer ones.
	 */
	private <T> T receive(ReadTimeout timeout, IntFunction<T> take) {
		this.lifecycle.readLock().lock();
		try {
			ensureOpen();
			long deadline = timeout.isForever() ? Long.MAX_VALUE : System.nanoTime() + timeout.toDuration().toNanos();
			lockReceive(timeout, deadline);
			try {
				ensureOpen();
				if (this.aheadSize < 0 && !takeHeld() && !receiveWaiting()) {
					receiveAhead(timeout, deadline);
				}
				T message = take.apply(this.aheadSize);
				readAhead(-1);
				this.held.readerTook();
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
	 * Move the oldest held message into the receive buffer, read ahead. Call with the
	 * receive lock held and nothing read ahead.
	 * @return whether a message was held
	 */
	private boolean takeHeld() {
		byte[] message = this.held.take();
		if (message == null) {
			return false;
		}
		this.receiveBuffer.putBytes(0, message, 0, message.length);
		readAhead(message.length);
		return true;
	}

	/**
	 * Take the receive lock, which another reader may hold while it waits for a message,
	 * by the deadline; or after it, while messages wait, since then the holder is not
	 * waiting for one and lets go soon (a reader taking one, {@link #info()}, or
	 * {@link PosixHeldMessages} moving them).
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
					break;
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
			if (lockWhileMessagesWait()) {
				return;
			}
			throw new MailslotTimeoutException(name(), timeout);
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Take the receive lock as long as messages wait, in the queue or held: its holder is
	 * then not waiting for a message, and lets go soon. The queue is counted before the
	 * held messages, which count a message being moved before it leaves the queue, so a
	 * message on its way between them is always seen.
	 * @return whether the lock was taken
	 */
	private boolean lockWhileMessagesWait() {
		boolean interrupted = false;
		try {
			while (currentMessages() > 0 || this.held.count() > 0) {
				try {
					if (this.receiveLock.tryLock(LOCK_RETRY_MILLIS, TimeUnit.MILLISECONDS)) {
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

	/**
	 * Receive a message that is waiting, if there is one, and hold it read ahead: a
	 * reader that keeps up with its writers takes every message this way, and never needs
	 * a deadline on the wall clock. Call with the receive lock held and nothing read
	 * ahead.
	 * @return whether a message was waiting
	 */
	private boolean receiveWaiting() {
		if (!fillAhead()) {
			return false;
		}
		if (isClosed()) {
			this.droppedByReaders.incrementAndGet();
			readAhead(-1);
			throw closedWhileReading();
		}
		return true;
	}

	/**
	 * Wait for a message until the deadline, or until woken, and hold it read ahead: wait
	 * in {@code poll} on the queue and the wake-up ({@link PosixReadWait}), then receive
	 * without waiting, so that a wake-up ends the wait before a message is taken, never
	 * after. Call with the receive lock held and nothing read ahead.
	 */
	private void receiveAhead(ReadTimeout timeout, long deadline) {
		while (true) {
			endIfWokenUp(timeout);
			long left = deadline - System.nanoTime();
			if (!timeout.isForever() && left <= 0) {
				throw new MailslotTimeoutException(name(), timeout);
			}
			this.readWait.await(timeout.isForever() ? -1 : pollMillis(left));
			if (receiveWaiting()) {
				return;
			}
		}
	}

	/**
	 * Return what is left of a read's wait in whole milliseconds for {@code poll},
	 * rounded up so that the wait does not end before the deadline.
	 */
	private static int pollMillis(long leftNanos) {
		return (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(leftNanos + 999_999));
	}

	/**
	 * Wake the reader waiting in {@code poll}, if one is.
	 */
	@Override
	protected void wakeReader() {
		this.readWait.signal();
	}

	/**
	 * Make sure a message is held read ahead if the queue has any, without waiting. Call
	 * with the receive lock held.
	 * @return whether a message is held
	 */
	private boolean fillAhead() {
		if (this.aheadSize >= 0) {
			return true;
		}
		long size = LibC.receiveWithoutWaiting(this.mqd, this.receiveBuffer, this.now);
		if (size == LibC.RECEIVE_FAILED) {
			throw failure("receive from", LibC.errno());
		}
		if (size == LibC.QUEUE_EMPTY) {
			return false;
		}
		readAhead((int) size);
		return true;
	}

	/**
	 * Hold a message read ahead, or none, and count it in the count file. Call with the
	 * receive lock held.
	 * @param size its size, or -1 for none
	 */
	private void readAhead(int size) {
		this.aheadSize = size;
		this.countFile.ahead(size >= 0);
	}

	/**
	 * Report GetMailslotInfo's figures: the message read ahead, the held messages and the
	 * queue. A reader that holds the receive lock while it waits does so only while the
	 * mailslot is empty, so {@code info()} does not wait for it: it reports an empty
	 * mailslot while nothing waits, and takes the lock once something does.
	 */
	@Override
	public MailslotInfo info() {
		this.lifecycle.readLock().lock();
		try {
			ensureOpen();
			if (!this.receiveLock.tryLock() && !lockWhileMessagesWait()) {
				return new MailslotInfo(this.maxMessageSize, OptionalInt.empty(), 0, readTimeout());
			}
			try {
				return lockedInfo();
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
	 * Call with the receive lock held. The queue is read ahead only when no message is
	 * held, since held messages are older.
	 */
	private MailslotInfo lockedInfo() {
		int heldMessages = this.held.size();
		int nextSize;
		if (this.aheadSize >= 0) {
			nextSize = this.aheadSize;
		}
		else if (heldMessages > 0) {
			nextSize = this.held.nextSize();
		}
		else {
			nextSize = fillAhead() ? this.aheadSize : -1;
		}
		int waiting = ((this.aheadSize >= 0) ? 1 : 0) + heldMessages + currentMessages();
		return new MailslotInfo(this.maxMessageSize, (nextSize >= 0) ? OptionalInt.of(nextSize) : OptionalInt.empty(),
				waiting, readTimeout());
	}

	/**
	 * Return how many messages the queue holds. Callers share one {@code struct mq_attr},
	 * so they take turns.
	 */
	private int currentMessages() {
		synchronized (this.attributes) {
			if (LibC.mq_getattr(this.mqd, this.attributes) != 0) {
				throw failure("query", LibC.errno());
			}
			return (int) this.attributes.getLong(LibC.MQ_ATTR_CURMSGS);
		}
	}

	/**
	 * Close the mailslot: stop holding messages, seal the queue, which also ends a
	 * reader's wait, wait for the readers to leave, then unlink and close the queue,
	 * deleting what it holds and what is held, with a warning that counts them. The queue
	 * is counted once sealed, so writes that race the close are counted too: what it
	 * holds, and what readers dropped, less the empty messages of the seal. A queue has
	 * one name, so one whose link count is 0 was removed by hand: its name may hold
	 * another server's queue now, which is left alone.
	 */
	@Override
	protected void doClose() {
		this.held.stop();
		int sealed = QueueSeal.seal(this.mqd);
		this.lifecycle.writeLock().lock();
		try {
			int queued = Math.max(0, queuedAtClose() + this.droppedByReaders.get() - sealed);
			int deleted = queued + this.held.close() + ((this.aheadSize >= 0) ? 1 : 0);
			DeletedMessagesLog.warn(logger, name(), deleted);
			this.countFile.close();
			if (FileStatus.of(this.mqd).links() > 0) {
				LibC.mq_unlink(this.queueName);
			}
			LibC.mq_close(this.mqd);
			this.receiveBuffer.close();
			this.readWait.close();
			this.now.close();
			this.attributes.close();
		}
		finally {
			this.lifecycle.writeLock().unlock();
		}
	}

	private int queuedAtClose() {
		try {
			return currentMessages();
		}
		catch (MailslotException ex) {
			return 0;
		}
	}

	private MailslotException failure(String operation, int errno) {
		return new MailslotException(name(), "Cannot " + operation + " message queue " + this.queueName
				+ " of mailslot " + name() + ": " + LibC.describe(errno))
			.withNativeErrorCode(errno);
	}

	@Override
	public String toString() {
		return "PosixMailslotServer[" + name() + " on " + this.queueName + "]";
	}

}
