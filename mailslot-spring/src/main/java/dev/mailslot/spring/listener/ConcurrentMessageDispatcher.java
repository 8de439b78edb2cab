package dev.mailslot.spring.listener;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Hands each message, or batch, to one of {@code concurrency} dispatchers running on the
 * task executor. The reader reads a unit only when a dispatcher is free for it
 * ({@link #awaitRoom}), and a dispatcher frees its place once the listener call returns,
 * so at most {@code concurrency} units are out of the mailslot at once: the mailslot, not
 * the heap, keeps what the listener cannot yet take, and at shutdown nothing waits
 * between the reader and the dispatchers but the unit a free dispatcher is about to take.
 * While a dispatcher runs, its thread is named after the listener:
 * {@code mailslot-<id>-<n>}.
 *
 * @param <T> what the listener is called with: a message or a batch
 */
final class ConcurrentMessageDispatcher<T> implements MessageDispatcher<T> {

	/** Tells a dispatcher to end. */
	private static final Object END = new Object();

	private final String listenerId;

	private final int concurrency;

	private final Executor taskExecutor;

	private final ListenerDelivery<T> delivery;

	/**
	 * Holds up to {@code concurrency} messages or batches and, at the end, an end marker
	 * per dispatcher.
	 */
	private final BlockingQueue<Object> handoff;

	/**
	 * The free dispatchers: the reader takes a permit before it reads a unit, and the
	 * dispatcher that processed the unit returns it.
	 */
	private final Semaphore room;

	private final CountDownLatch finished;

	/**
	 * Whether the reader holds a permit for its next unit; read and written by the reader
	 * only.
	 */
	private boolean roomKept;

	ConcurrentMessageDispatcher(String listenerId, int concurrency, Executor taskExecutor,
			ListenerDelivery<T> delivery) {
		this.listenerId = listenerId;
		this.concurrency = concurrency;
		this.taskExecutor = taskExecutor;
		this.delivery = delivery;
		this.handoff = new ArrayBlockingQueue<>(2 * concurrency);
		this.room = new Semaphore(concurrency);
		this.finished = new CountDownLatch(concurrency);
	}

	@Override
	public void start() {
		int started = 0;
		try {
			for (; started < this.concurrency; started++) {
				String name = "mailslot-" + this.listenerId + "-" + (started + 1);
				this.taskExecutor.execute(() -> run(name));
			}
		}
		catch (RuntimeException ex) {
			for (int i = 0; i < started; i++) {
				this.handoff.offer(END);
			}
			throw ex;
		}
	}

	/**
	 * Wait for a free dispatcher. An interrupt ends the wait early; the reader asks
	 * again.
	 */
	@Override
	public boolean awaitRoom(long timeoutNanos) {
		if (!this.roomKept) {
			try {
				this.roomKept = this.room.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				// Only the reader's own checks of stop and the deadline end its waits.
			}
		}
		return this.roomKept;
	}

	@Override
	public boolean dispatch(T unit, DrainDeadline drain) {
		if (drain.hasPassed()) {
			return false;
		}
		this.roomKept = false;
		this.handoff.add(unit);
		return true;
	}

	@Override
	public boolean callsOnReader() {
		return false;
	}

	@Override
	public void finish() {
		for (int i = 0; i < this.concurrency; i++) {
			this.handoff.add(END);
		}
	}

	@Override
	public boolean awaitFinished(long deadline) throws InterruptedException {
		return this.finished.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
	}

	/**
	 * Take back the messages waiting in the hand-off, leaving the end markers for the
	 * dispatchers.
	 */
	@Override
	@SuppressWarnings("unchecked")
	public List<T> takeBack() {
		List<Object> left = new ArrayList<>();
		this.handoff.drainTo(left);
		List<T> units = new ArrayList<>();
		for (Object unit : left) {
			if (unit == END) {
				this.handoff.add(END);
			}
			else {
				units.add((T) unit);
			}
		}
		return units;
	}

	/**
	 * Take and process messages until an end marker. An interrupt left behind by a
	 * listener does not end a dispatcher.
	 */
	@SuppressWarnings("unchecked")
	private void run(String name) {
		Thread thread = Thread.currentThread();
		String previousName = thread.getName();
		thread.setName(name);
		try {
			while (true) {
				Object unit;
				try {
					Thread.interrupted();
					unit = this.handoff.take();
				}
				catch (InterruptedException ex) {
					continue;
				}
				if (unit == END) {
					return;
				}
				try {
					this.delivery.deliver((T) unit);
				}
				finally {
					this.room.release();
				}
			}
		}
		finally {
			thread.setName(previousName);
			this.finished.countDown();
		}
	}

}
