package dev.mailslot.spring.listener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Hands each message to one of {@code concurrency} dispatchers running on the task executor. The
 * reader waits for room when all of them are busy and the hand-off holds as many messages again,
 * so the mailslot, not the heap, keeps what the listener cannot yet take. While a dispatcher runs,
 * its thread is named after the listener: {@code mailslot-<id>-<n>}.
 */
final class ConcurrentMessageDispatcher implements MessageDispatcher {

	private static final Message<byte[]> END = MessageBuilder.withPayload(new byte[0]).build();

	private final String listenerId;

	private final int concurrency;

	private final Executor taskExecutor;

	private final long pollTimeoutNanos;

	private final MailslotListenerInvoker invoker;

	/** Holds up to {@code concurrency} messages and, at the end, one end marker per dispatcher. */
	private final BlockingQueue<Message<byte[]>> handoff;

	/** Room for messages in the hand-off: the reader takes a permit, a dispatcher returns it. */
	private final Semaphore room;

	private final CountDownLatch finished;

	ConcurrentMessageDispatcher(String listenerId, int concurrency, Executor taskExecutor, Duration pollTimeout,
			MailslotListenerInvoker invoker) {
		this.listenerId = listenerId;
		this.concurrency = concurrency;
		this.taskExecutor = taskExecutor;
		this.pollTimeoutNanos = pollTimeout.toNanos();
		this.invoker = invoker;
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
	 * Wait for room, checking the drain deadline every poll timeout.
	 */
	@Override
	public boolean dispatch(Message<byte[]> message, DrainDeadline drain) {
		while (!drain.hasPassed()) {
			try {
				if (this.room.tryAcquire(this.pollTimeoutNanos, TimeUnit.NANOSECONDS)) {
					this.handoff.add(message);
					return true;
				}
			}
			catch (InterruptedException ex) {
				// Only the drain deadline ends the wait; look at it again.
			}
		}
		return false;
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
	 * Take back the messages waiting in the hand-off, leaving the end markers for the dispatchers.
	 */
	@Override
	public List<Message<byte[]>> takeBack() {
		List<Message<byte[]>> left = new ArrayList<>();
		this.handoff.drainTo(left);
		List<Message<byte[]>> messages = left.stream().filter((message) -> message != END).toList();
		for (int i = messages.size(); i < left.size(); i++) {
			this.handoff.add(END);
		}
		return messages;
	}

	/**
	 * Take and process messages until an end marker. An interrupt left behind by a listener does
	 * not end a dispatcher.
	 */
	private void run(String name) {
		Thread thread = Thread.currentThread();
		String previousName = thread.getName();
		thread.setName(name);
		try {
			while (true) {
				Message<byte[]> message;
				try {
					Thread.interrupted();
					message = this.handoff.take();
				}
				catch (InterruptedException ex) {
					continue;
				}
				if (message == END) {
					return;
				}
				this.room.release();
				this.invoker.invoke(message);
			}
		}
		finally {
			thread.setName(previousName);
			this.finished.countDown();
		}
	}

}
