package dev.mailslot.transport.posix;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

import dev.mailslot.MailslotName;

/**
 * The messages a posix server holds beyond its queue. A POSIX queue holds few messages (10 on a
 * stock Linux), where a Windows mailslot takes writes while nobody reads; so while the server's
 * reader takes nothing, a keeper thread moves what the queue holds into memory, and writers go
 * on. The reader takes held messages first, then the queue, so messages keep their order.
 * <p>
 * The keeper waits in {@code poll} for the queue to hold a message. A reader that waits in the
 * kernel takes a message as it is written, without waking the keeper; when the keeper does wake
 * and a reader has taken a message since it last looked, the keeper leaves the queue to the reader
 * and looks again later, waiting twice as long each time up to {@value #MAX_LOOK_MILLIS} ms, so a
 * reader that keeps up pays one counter a message and about 60 wake-ups a second. The keeper
 * moves messages while holding the server's receive lock, so no reader takes from the queue
 * meanwhile, and lets go as soon as a reader waits for the lock; it stops at the hold capacity,
 * and writers then wait for room in the queue.
 * <p>
 * Guarded by the receive lock, except {@link #count()}, {@link #readerTook()} and the keeper's
 * own state.
 */
final class PosixHeldMessages {

	private static final System.Logger logger = System.getLogger(PosixHeldMessages.class.getName());

	/** How long the keeper first leaves the queue to a reader that has just taken a message. */
	private static final long MIN_LOOK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

	/** The longest the keeper leaves the queue to a reader that keeps taking messages. */
	private static final long MAX_LOOK_MILLIS = 16;

	/** How long the keeper waits in {@code poll} before it looks whether it should stop. */
	private static final int POLL_MILLIS = 200;

	/** How long the keeper waits, while it holds all it may, before it looks again. */
	private static final long FULL_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

	/** Most messages moved in one hold of the receive lock, so a reader that comes back waits little. */
	private static final int MOVE_BATCH = 256;

	/** How long the keeper waits after a failure before it tries again. */
	private static final long FAILURE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

	private final MailslotName name;

	private final String queueName;

	private final int mqd;

	private final int capacity;

	private final ReentrantLock receiveLock;

	private final ArrayDeque<byte[]> messages = new ArrayDeque<>();

	/** Messages held, and one being moved: never less than the messages held. */
	private final AtomicInteger count = new AtomicInteger();

	/** Messages the reader took, from anywhere: the keeper compares it with what it last saw. */
	private final AtomicInteger takes = new AtomicInteger();

	/** Held while moving one message, so that {@link #stop()} can wait for a move under way. */
	private final ReentrantLock moving = new ReentrantLock();

	private final NativeMemory buffer;

	private final NativeMemory now = LibC.allocate(LibC.TIMESPEC_SIZE);

	private final NativeMemory pollFd = LibC.allocate(LibC.POLLFD_SIZE);

	private volatile boolean stopped;

	/** Whether the keeper waits for the reader to make room: a take then wakes it. */
	private volatile boolean waitingForRoom;

	private @Nullable Thread keeper;

	PosixHeldMessages(MailslotName name, String queueName, int mqd, int capacity, int maxMessageSize,
			ReentrantLock receiveLock) {
		this.name = name;
		this.queueName = queueName;
		this.mqd = mqd;
		this.capacity = capacity;
		this.receiveLock = receiveLock;
		this.buffer = LibC.allocate(Math.max(1, maxMessageSize));
		this.now.clear();
	}

	/**
	 * Start the keeper, unless the hold capacity is 0.
	 */
	void start() {
		if (this.capacity == 0) {
			return;
		}
		Thread thread = new Thread(this::keep, "mailslot-hold-" + this.name.path());
		thread.setDaemon(true);
		this.keeper = thread;
		thread.start();
	}

	/**
	 * Take the oldest message held. Call with the receive lock held.
	 * @return the message, or {@code null} if none is held
	 */
	byte @Nullable [] take() {
		byte[] message = this.messages.pollFirst();
		if (message != null) {
			this.count.decrementAndGet();
			if (this.waitingForRoom) {
				this.waitingForRoom = false;
				LockSupport.unpark(this.keeper);
			}
		}
		return message;
	}

	/**
	 * Return the size of the oldest message held. Call with the receive lock held.
	 * @return the size, or -1 if none is held
	 */
	int nextSize() {
		byte[] message = this.messages.peekFirst();
		return (message != null) ? message.length : -1;
	}

	/**
	 * Return how many messages are held. Call with the receive lock held.
	 */
	int size() {
		return this.messages.size();
	}

	/**
	 * Return how many messages are held or being moved, without the receive lock.
	 */
	int count() {
		return this.count.get();
	}

	/**
	 * Note that a reader took a message, so that the keeper leaves the queue to it.
	 */
	void readerTook() {
		this.takes.lazySet(this.takes.get() + 1);
	}

	/**
	 * Stop moving messages, waiting for a move under way, so that nothing written to the queue
	 * from now on is taken by the keeper.
	 */
	void stop() {
		this.stopped = true;
		this.moving.lock();
		this.moving.unlock();
		Thread thread = this.keeper;
		if (thread != null) {
			LockSupport.unpark(thread);
		}
	}

	/**
	 * Wait a bounded time for the keeper to end, then drop what is held and free the native memory
	 * if the keeper has ended. Call after {@link #stop()}, with no reader left.
	 * @return how many messages were dropped
	 */
	int close() {
		Thread thread = this.keeper;
		boolean ended = true;
		if (thread != null) {
			try {
				thread.join(TimeUnit.SECONDS.toMillis(2));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			ended = !thread.isAlive();
		}
		int dropped = this.messages.size();
		this.messages.clear();
		if (ended) {
			this.buffer.close();
			this.now.close();
			this.pollFd.close();
		}
		return dropped;
	}

	private void keep() {
		int seen = this.takes.get();
		long look = MIN_LOOK_NANOS;
		boolean failing = false;
		while (!this.stopped) {
			try {
				if (this.count.get() >= this.capacity) {
					waitForRoom();
					continue;
				}
				if (!queueHoldsMessages()) {
					continue;
				}
				int taken = this.takes.get();
				if (taken != seen || this.receiveLock.hasQueuedThreads()) {
					seen = taken;
					LockSupport.parkNanos(look);
					look = Math.min(look * 2, TimeUnit.MILLISECONDS.toNanos(MAX_LOOK_MILLIS));
					continue;
				}
				if (!this.receiveLock.tryLock()) {
					LockSupport.parkNanos(MIN_LOOK_NANOS);
					continue;
				}
				try {
					moveFromQueue();
				}
				finally {
					this.receiveLock.unlock();
				}
				look = MIN_LOOK_NANOS;
				failing = false;
			}
			catch (RuntimeException | Error ex) {
				if (!failing) {
					logger.log(Level.WARNING, "Mailslot " + this.name + " cannot move messages from its queue "
							+ this.queueName + " into memory; writers wait for room once the queue is full. "
							+ "Trying again", ex);
					failing = true;
				}
				LockSupport.parkNanos(FAILURE_WAIT_NANOS);
			}
		}
	}

	private void waitForRoom() {
		this.waitingForRoom = true;
		if (this.count.get() >= this.capacity) {
			LockSupport.parkNanos(FULL_WAIT_NANOS);
		}
		this.waitingForRoom = false;
	}

	/**
	 * Wait a while in {@code poll} for the queue to hold a message.
	 */
	private boolean queueHoldsMessages() {
		this.pollFd.setInt(0, this.mqd);
		this.pollFd.setShort(4, LibC.POLLIN);
		this.pollFd.setShort(6, (short) 0);
		int ready = LibC.poll(this.pollFd, 1, POLL_MILLIS);
		if (ready < 0) {
			int errno = LibC.errno();
			if (errno != LibC.EINTR) {
				throw new IllegalStateException("poll on message queue " + this.queueName + " failed: "
						+ LibC.describe(errno));
			}
			return false;
		}
		return ready > 0 && (this.pollFd.getShort(6) & LibC.POLLIN) != 0;
	}

	/**
	 * Move messages from the queue, oldest first, until it is empty, the hold is full, a batch is
	 * done or a reader waits for the lock. Call with the receive lock held.
	 */
	private void moveFromQueue() {
		for (int moved = 0; moved < MOVE_BATCH && !this.receiveLock.hasQueuedThreads(); moved++) {
			this.moving.lock();
			try {
				if (this.stopped || !moveOne()) {
					return;
				}
			}
			finally {
				this.moving.unlock();
			}
		}
	}

	/**
	 * Hold the message just received into the buffer. If no memory is left for it, it is lost,
	 * and said so.
	 */
	private void hold(int size) {
		try {
			this.messages.addLast(this.buffer.getBytes(0, size));
		}
		catch (OutOfMemoryError ex) {
			this.count.decrementAndGet();
			logger.log(Level.ERROR, "A message of " + size + " bytes to mailslot " + this.name + " is lost: no "
					+ "memory was left to hold it. Give the JVM more memory, or the server a smaller hold capacity "
					+ "(MailslotServerOptions holdCapacity)");
		}
	}

	private boolean moveOne() {
		if (this.count.incrementAndGet() > this.capacity) {
			this.count.decrementAndGet();
			return false;
		}
		long size = LibC.receiveWithoutWaiting(this.mqd, this.buffer, this.now);
		if (size >= 0) {
			hold((int) size);
			return true;
		}
		this.count.decrementAndGet();
		if (size == LibC.RECEIVE_FAILED) {
			throw new IllegalStateException("Cannot receive from message queue " + this.queueName + ": "
					+ LibC.describe(LibC.errno()));
		}
		return false;
	}

}
