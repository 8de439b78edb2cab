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
 * The messages a posix server holds beyond its queue. A POSIX queue holds few messages
 * (10 on a stock Linux), where a Windows mailslot takes writes while nobody reads; so
 * while the server's reader takes nothing, a keeper thread moves what the queue holds
 * into memory, and writers go on. The reader takes held messages first, then the queue,
 * so messages keep their order.
 * <p>
 * The keeper waits in {@code poll} for the queue to hold a message. A reader that waits
 * in the kernel takes a message as it is written, without waking the keeper; when the
 * keeper does wake and a reader has taken a message since it last looked, the keeper
 * leaves the queue to the reader and looks again later, waiting twice as long each time
 * up to {@value #MAX_LOOK_MILLIS} ms, so a reader that keeps up pays one counter a
 * message and about 60 wake-ups a second. The keeper moves messages while holding the
 * server's receive lock, so no reader takes from the queue meanwhile, and lets go as soon
 * as a reader waits for the lock. While messages are held, readers take those and leave
 * the queue alone, so the keeper goes on moving, and writers find room in the queue while
 * the reader catches up.
 * <p>
 * The keeper takes a message off the queue only once it has room for it: under the hold
 * capacity, and within the {@link PosixHoldMemory} that every posix server of the process
 * shares, reserved for a message of the largest size before it is received. Past either,
 * the message stays in the queue and writers wait for room. What is held is counted in
 * the server's {@link HeldCountFile}, so that a process killed holding messages does not
 * lose them without a word.
 * <p>
 * Guarded by the receive lock, except {@link #count()}, {@link #readerTook()} and the
 * keeper's own state.
 */
final class PosixHeldMessages {

	private static final System.Logger logger = System.getLogger(PosixHeldMessages.class.getName());

	/**
	 * How long the keeper first leaves the queue to a reader that has just taken a
	 * message.
	 */
	private static final long MIN_LOOK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

	/** The longest the keeper leaves the queue to a reader that keeps taking messages. */
	private static final long MAX_LOOK_MILLIS = 16;

	/**
	 * How long the keeper waits in {@code poll} before it looks whether it should stop.
	 */
	private static final int POLL_MILLIS = 200;

	/** How long the keeper waits, while it holds all it may, before it looks again. */
	private static final long FULL_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

	/**
	 * Most messages moved in one hold of the receive lock, so a reader that comes back
	 * waits little.
	 */
	private static final int MOVE_BATCH = 256;

	/** How long the keeper waits after a failure before it tries again. */
	private static final long FAILURE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

	private final MailslotName name;

	private final String queueName;

	private final int mqd;

	private final int capacity;

	private final ReentrantLock receiveLock;

	private final HeldCountFile countFile;

	/** Room reserved in the shared hold memory for a message being received. */
	private final long reservation;

	private final ArrayDeque<byte[]> messages = new ArrayDeque<>();

	/** Messages held, and one being moved: never less than the messages held. */
	private final AtomicInteger count = new AtomicInteger();

	/**
	 * Messages the reader took, from anywhere: the keeper compares it with what it last
	 * saw.
	 */
	private final AtomicInteger takes = new AtomicInteger();

	/**
	 * Held while moving one message, so that {@link #stop()} can wait for a move under
	 * way.
	 */
	private final ReentrantLock moving = new ReentrantLock();

	private final NativeMemory buffer;

	private final NativeMemory now = LibC.allocate(LibC.TIMESPEC_SIZE);

	private final NativeMemory pollFd = LibC.allocate(LibC.POLLFD_SIZE);

	private volatile boolean stopped;

	/** Whether the keeper waits for the reader to make room: a take then wakes it. */
	private volatile boolean waitingForRoom;

	/**
	 * Whether the shared hold memory had no room for the last message the keeper would
	 * have moved.
	 */
	private boolean memoryFull;

	/**
	 * Whether the keeper said that the shared hold memory is full, since it last held
	 * nothing.
	 */
	private boolean saidMemoryFull;

	private @Nullable Thread keeper;

	/**
	 * Who still needs the native memory: the keeper while it runs, and the server until
	 * it closes this. The last to let go frees it, so close never waits for the keeper to
	 * end.
	 */
	private final AtomicInteger nativeMemoryUsers = new AtomicInteger(1);

	PosixHeldMessages(MailslotName name, String queueName, int mqd, int capacity, int maxMessageSize,
			ReentrantLock receiveLock, HeldCountFile countFile) {
		this.name = name;
		this.queueName = queueName;
		this.mqd = mqd;
		this.capacity = capacity;
		this.receiveLock = receiveLock;
		this.countFile = countFile;
		this.reservation = PosixHoldMemory.cost(maxMessageSize);
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
		Thread thread = new Thread(this::keepThenLetGo, "mailslot-hold-" + this.name.path());
		thread.setDaemon(true);
		this.keeper = thread;
		this.nativeMemoryUsers.incrementAndGet();
		thread.start();
	}

	/**
	 * Take the oldest message held. Call with the receive lock held.
	 * @return the message, or {@code null} if none is held
	 */
	byte @Nullable [] take() {
		byte[] message = this.messages.pollFirst();
		if (message != null) {
			this.countFile.held(this.count.decrementAndGet());
			PosixHoldMemory.release(PosixHoldMemory.cost(message.length));
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
	 * Stop moving messages, waiting for a move under way, so that nothing written to the
	 * queue from now on is taken by the keeper.
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
	 * Drop what is held, and let go of the native memory, which the keeper frees as it
	 * ends if it has not ended yet. Call after {@link #stop()}, which waits for a move
	 * under way, with no reader left: nothing touches the held messages after that.
	 * @return how many messages were dropped
	 */
	int close() {
		int dropped = this.messages.size();
		for (byte[] message : this.messages) {
			PosixHoldMemory.release(PosixHoldMemory.cost(message.length));
		}
		this.messages.clear();
		letGoOfNativeMemory();
		return dropped;
	}

	private void letGoOfNativeMemory() {
		if (this.nativeMemoryUsers.decrementAndGet() == 0) {
			this.buffer.close();
			this.now.close();
			this.pollFd.close();
		}
	}

	private void keepThenLetGo() {
		try {
			keep();
		}
		finally {
			letGoOfNativeMemory();
		}
	}

	private void keep() {
		int seen = this.takes.get();
		long look = MIN_LOOK_NANOS;
		boolean failing = false;
		while (!this.stopped) {
			try {
				if (this.count.get() >= this.capacity || this.memoryFull) {
					this.memoryFull = false;
					waitForRoom();
					continue;
				}
				if (!queueHoldsMessages()) {
					continue;
				}
				int taken = this.takes.get();
				if ((taken != seen && this.count.get() == 0) || this.receiveLock.hasQueuedThreads()) {
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
					logger.log(Level.WARNING,
							"Mailslot " + this.name + " cannot move messages from its queue " + this.queueName
									+ " into memory; writers wait for room once the queue is full. " + "Trying again",
							ex);
					failing = true;
				}
				LockSupport.parkNanos(FAILURE_WAIT_NANOS);
			}
		}
	}

	private void memoryIsFull() {
		this.memoryFull = true;
		if (!this.saidMemoryFull) {
			this.saidMemoryFull = true;
			logger.log(Level.WARNING, "Mailslot {0} holds {1} message(s) in memory, and the posix mailslots of this "
					+ "process hold {2} bytes, all the hold memory they share ({3} bytes): more messages wait in its "
					+ "queue, and writers wait for room until its listener reads. Raise the hold memory ("
					+ PosixHoldMemory.LIMIT_PROPERTY + ", mailslot.posix.hold-memory) with the heap if the listener "
					+ "is meant to fall this far behind", this.name, this.count.get(), PosixHoldMemory.used(),
					PosixHoldMemory.limit());
		}
	}

	private void waitForRoom() {
		this.waitingForRoom = true;
		LockSupport.parkNanos(FULL_WAIT_NANOS);
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
				throw new IllegalStateException(
						"poll on message queue " + this.queueName + " failed: " + LibC.describe(errno));
			}
			return false;
		}
		return ready > 0 && (this.pollFd.getShort(6) & LibC.POLLIN) != 0;
	}

	/**
	 * Move messages from the queue, oldest first, until it is empty, the hold is full, a
	 * batch is done or a reader waits for the lock. Call with the receive lock held.
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
	 * Hold the message just received into the buffer. If the heap has no room for it all
	 * the same, it is lost, and said so with its count.
	 */
	private void hold(int size) {
		try {
			this.messages.addLast(this.buffer.getBytes(0, size));
		}
		catch (OutOfMemoryError ex) {
			this.countFile.held(this.count.decrementAndGet());
			PosixHoldMemory.release(PosixHoldMemory.cost(size));
			logger.log(Level.ERROR, "A message of " + size + " bytes to mailslot " + this.name + " is lost: the heap "
					+ "had no room for it, though the posix hold memory (" + PosixHoldMemory.limit() + " bytes) did. "
					+ "Give the JVM more memory, or lower the hold memory (" + PosixHoldMemory.LIMIT_PROPERTY + ")");
		}
	}

	/**
	 * Move one message off the queue, once there is room for one of the largest size. The
	 * count (and the count file) goes up before the message leaves the queue.
	 * @return whether a message was moved
	 */
	private boolean moveOne() {
		if (this.count.get() >= this.capacity) {
			return false;
		}
		if (!PosixHoldMemory.tryReserve(this.reservation)) {
			memoryIsFull();
			return false;
		}
		if (this.count.get() == 0) {
			this.saidMemoryFull = false;
		}
		this.countFile.held(this.count.incrementAndGet());
		long size = LibC.receiveWithoutWaiting(this.mqd, this.buffer, this.now);
		if (size >= 0) {
			PosixHoldMemory.release(this.reservation - PosixHoldMemory.cost((int) size));
			hold((int) size);
			return true;
		}
		PosixHoldMemory.release(this.reservation);
		this.countFile.held(this.count.decrementAndGet());
		if (size == LibC.RECEIVE_FAILED) {
			throw new IllegalStateException(
					"Cannot receive from message queue " + this.queueName + ": " + LibC.describe(LibC.errno()));
		}
		return false;
	}

}
