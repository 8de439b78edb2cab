package dev.mailslot.spring.listener;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.Assert;

import dev.mailslot.MailslotClosedException;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotTimeoutException;
import dev.mailslot.ReadTimeout;
import dev.mailslot.spring.support.MailslotHeaders;

/**
 * Reads one mailslot and dispatches each message to a {@link MailslotMessageListener}.
 * <p>
 * One reader, on a platform thread of its own (a native read must not pin a virtual thread's
 * carrier), reads with a bounded wait ({@link #setPollTimeout(Duration) poll timeout}) so that it
 * notices pause and stop promptly, and hands each message to {@code concurrency} dispatchers that
 * run on the {@link #setTaskExecutor(Executor) task executor} (virtual threads where Boot enables
 * them). With a concurrency of 1 messages are processed in the order they were written.
 * <p>
 * A listener failure is retried as the {@link #setRetryPolicy(RetryPolicy) retry policy} says;
 * then, or at once for a failure retrying cannot mend, the message goes to the
 * {@link #setErrorHandler(MailslotErrorHandler) error handler}.
 * <p>
 * {@link #pause()} stops reading but keeps the mailslot open, so messages queue in it.
 * {@link #stop()} stops reading and lets the dispatchers finish what they hold. {@link #shutdown()}
 * first drains the mailslot, because closing a mailslot deletes its messages: what cannot be
 * dispatched within the {@link #setShutdownTimeout(Duration) shutdown timeout} goes to the error
 * handler.
 */
public class MailslotListenerContainer {

	private static final Log logger = LogFactory.getLog(MailslotListenerContainer.class);

	private static final Message<byte[]> END = MessageBuilder.withPayload(new byte[0]).build();

	private final String id;

	private final MailslotServer server;

	private final @Nullable String serverId;

	private final MailslotMessageListener listener;

	private MailslotErrorHandler errorHandler = (message, cause, attempts) -> logger
		.error("Message from " + message.getHeaders().get(MailslotHeaders.MAILSLOT) + " failed after " + attempts
				+ " attempt(s) and no error handler keeps it", cause);

	private RetryTemplate retryTemplate = new RetryTemplate(RetryPolicy.withMaxRetries(0));

	private Executor taskExecutor = new SimpleAsyncTaskExecutor();

	private int concurrency = 1;

	private Duration pollTimeout = Duration.ofSeconds(1);

	private Duration shutdownTimeout = Duration.ofSeconds(10);

	private boolean autoStartup = true;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition stateChanged = this.lock.newCondition();

	private State state = State.STOPPED;

	private boolean pauseRequested;

	private boolean drainRequested;

	private @Nullable Throwable failure;

	private @Nullable Thread reader;

	private @Nullable BlockingQueue<Message<byte[]>> handoff;

	private @Nullable CountDownLatch dispatchersDone;

	/**
	 * Create a container.
	 * @param id the listener id
	 * @param server the mailslot to read
	 * @param serverId the id of the configured server, or {@code null}
	 * @param listener the listener to dispatch to
	 */
	public MailslotListenerContainer(String id, MailslotServer server, @Nullable String serverId,
			MailslotMessageListener listener) {
		this.id = id;
		this.server = server;
		this.serverId = serverId;
		this.listener = listener;
	}

	public void setErrorHandler(MailslotErrorHandler errorHandler) {
		this.errorHandler = errorHandler;
	}

	public void setRetryPolicy(RetryPolicy retryPolicy) {
		this.retryTemplate = new RetryTemplate(retryPolicy);
	}

	public void setTaskExecutor(Executor taskExecutor) {
		this.taskExecutor = taskExecutor;
	}

	public void setConcurrency(int concurrency) {
		Assert.isTrue(concurrency > 0, "concurrency must be at least 1");
		this.concurrency = concurrency;
	}

	public void setPollTimeout(Duration pollTimeout) {
		this.pollTimeout = pollTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	public void setAutoStartup(boolean autoStartup) {
		this.autoStartup = autoStartup;
	}

	public String getId() {
		return this.id;
	}

	public MailslotServer getServer() {
		return this.server;
	}

	public @Nullable String getServerId() {
		return this.serverId;
	}

	public MailslotErrorHandler getErrorHandler() {
		return this.errorHandler;
	}

	public int getConcurrency() {
		return this.concurrency;
	}

	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	/**
	 * Return the container's state.
	 * @return the state
	 */
	public State getState() {
		this.lock.lock();
		try {
			return this.state;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Return why the reader stopped on its own, if it did.
	 * @return the failure, or {@code null}
	 */
	public @Nullable Throwable getFailure() {
		this.lock.lock();
		try {
			return this.failure;
		}
		finally {
			this.lock.unlock();
		}
	}

	public boolean isRunning() {
		State current = getState();
		return current == State.RUNNING || current == State.PAUSED;
	}

	/**
	 * Return whether the reader has stopped reading because of {@link #pause()}.
	 * @return whether paused
	 */
	public boolean isPaused() {
		return getState() == State.PAUSED;
	}

	/**
	 * Start reading and dispatching. Starting a running container does nothing.
	 */
	public void start() {
		this.lock.lock();
		try {
			if (this.state != State.STOPPED && this.state != State.FAILED) {
				return;
			}
			this.state = State.RUNNING;
			this.pauseRequested = false;
			this.drainRequested = false;
			this.failure = null;
			this.handoff = new ArrayBlockingQueue<>(this.concurrency);
			this.dispatchersDone = new CountDownLatch(this.concurrency);
			for (int i = 0; i < this.concurrency; i++) {
				BlockingQueue<Message<byte[]>> queue = this.handoff;
				CountDownLatch done = this.dispatchersDone;
				this.taskExecutor.execute(() -> dispatch(queue, done));
			}
			Thread thread = new Thread(this::read, "mailslot-" + this.id);
			this.reader = thread;
			thread.start();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Stop reading; the mailslot stays open and messages queue in it. The dispatchers finish what
	 * they hold.
	 */
	public void pause() {
		this.lock.lock();
		try {
			this.pauseRequested = true;
			this.stateChanged.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Read again after {@link #pause()}.
	 */
	public void resume() {
		this.lock.lock();
		try {
			this.pauseRequested = false;
			this.stateChanged.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Stop reading and wait, up to the shutdown timeout, for the dispatchers to finish what they
	 * hold. Messages still in the mailslot stay there.
	 */
	public void stop() {
		stop(false);
	}

	/**
	 * Drain the mailslot, then stop: used before the mailslot is closed, which deletes what it
	 * holds. Messages not dispatched within the shutdown timeout go to the error handler.
	 */
	public void shutdown() {
		stop(true);
	}

	private void stop(boolean drain) {
		Thread thread;
		CountDownLatch done;
		this.lock.lock();
		try {
			if (this.state == State.STOPPED) {
				return;
			}
			this.state = (this.state == State.FAILED) ? State.FAILED : State.STOPPING;
			this.drainRequested = drain;
			this.stateChanged.signalAll();
			thread = this.reader;
			done = this.dispatchersDone;
		}
		finally {
			this.lock.unlock();
		}
		long deadline = System.nanoTime() + this.shutdownTimeout.toNanos();
		try {
			if (thread != null) {
				thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))
						+ this.pollTimeout.toMillis());
			}
			if (done != null && !done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
				logger.warn("Listener " + this.id + " on " + this.server.name() + " did not finish within the "
						+ "shutdown timeout of " + this.shutdownTimeout + "; its dispatchers are still running");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.lock.lock();
		try {
			if (this.state == State.STOPPING) {
				this.state = State.STOPPED;
			}
			this.reader = null;
		}
		finally {
			this.lock.unlock();
		}
	}

	private void read() {
		BlockingQueue<Message<byte[]>> queue = this.handoff;
		Assert.state(queue != null, "started without a hand-off queue");
		try {
			while (awaitReading()) {
				try {
					byte[] payload = this.server.read(ReadTimeout.of(this.pollTimeout));
					queue.put(toMessage(payload));
				}
				catch (MailslotTimeoutException ex) {
					// Nothing arrived: look at the state again.
				}
			}
			if (isDrainRequested()) {
				drain(queue);
			}
		}
		catch (MailslotClosedException ex) {
			fail(ex, "its mailslot was closed while it read");
		}
		catch (RuntimeException ex) {
			fail(ex, "reading failed");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			for (int i = 0; i < this.concurrency; i++) {
				putQuietly(queue, END);
			}
		}
	}

	/**
	 * Wait while paused; return whether to read on.
	 */
	private boolean awaitReading() throws InterruptedException {
		this.lock.lock();
		try {
			while (this.state == State.RUNNING || this.state == State.PAUSED) {
				if (!this.pauseRequested) {
					this.state = State.RUNNING;
					return true;
				}
				this.state = State.PAUSED;
				this.stateChanged.await(this.pollTimeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			return false;
		}
		finally {
			this.lock.unlock();
		}
	}

	private boolean isDrainRequested() {
		this.lock.lock();
		try {
			return this.drainRequested;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Dispatch what the mailslot holds until it is empty; past the shutdown timeout, hand the rest
	 * to the error handler.
	 */
	private void drain(BlockingQueue<Message<byte[]>> queue) throws InterruptedException {
		long deadline = System.nanoTime() + this.shutdownTimeout.toNanos();
		List<Message<byte[]>> undelivered = new ArrayList<>();
		while (true) {
			Message<byte[]> message;
			try {
				message = toMessage(this.server.read(ReadTimeout.ZERO));
			}
			catch (MailslotTimeoutException ex) {
				break;
			}
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0 || !queue.offer(message, remaining, TimeUnit.NANOSECONDS)) {
				undelivered.add(message);
			}
		}
		if (!undelivered.isEmpty()) {
			logger.warn("Listener " + this.id + " could not dispatch " + undelivered.size() + " message(s) left in "
					+ this.server.name() + " within the shutdown timeout of " + this.shutdownTimeout
					+ "; handing them to the error handler");
			TimeoutException cause = new TimeoutException("Not dispatched before the mailslot closed at shutdown");
			for (Message<byte[]> message : undelivered) {
				handleError(message, cause, 0);
			}
		}
	}

	private void fail(Throwable cause, String reason) {
		this.lock.lock();
		try {
			if (this.state == State.STOPPING || this.state == State.STOPPED) {
				return;
			}
			this.state = State.FAILED;
			this.failure = cause;
		}
		finally {
			this.lock.unlock();
		}
		logger.error("Listener " + this.id + " on " + this.server.name() + " stopped: " + reason, cause);
	}

	private Message<byte[]> toMessage(byte[] payload) {
		MessageBuilder<byte[]> builder = MessageBuilder.withPayload(payload)
			.setHeader(MailslotHeaders.MAILSLOT, this.server.name().toString())
			.setHeader(MailslotHeaders.SIZE, payload.length)
			.setHeader(MailslotHeaders.RECEIVED_AT, Instant.now());
		if (this.serverId != null) {
			builder.setHeader(MailslotHeaders.SERVER_ID, this.serverId);
		}
		return builder.build();
	}

	private void dispatch(BlockingQueue<Message<byte[]>> queue, CountDownLatch done) {
		try {
			while (true) {
				Message<byte[]> message = queue.take();
				if (message == END) {
					return;
				}
				invoke(message);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			done.countDown();
		}
	}

	private void invoke(Message<byte[]> message) {
		try {
			this.retryTemplate.execute(() -> {
				this.listener.onMessage(message);
				return null;
			});
		}
		catch (RetryException ex) {
			handleError(message, ex.getLastException(), ex.getRetryCount() + 1);
		}
	}

	private void handleError(Message<byte[]> message, Throwable cause, int attempts) {
		try {
			this.errorHandler.handleError(message, cause, attempts);
		}
		catch (RuntimeException ex) {
			logger.error("Error handler of listener " + this.id + " failed on a message of "
					+ message.getPayload().length + " bytes that failed with " + cause, ex);
		}
	}

	private static void putQuietly(BlockingQueue<Message<byte[]>> queue, Message<byte[]> message) {
		try {
			queue.put(message);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public String toString() {
		return "MailslotListenerContainer[" + this.id + " on " + this.server.name() + ", " + getState() + "]";
	}

	/**
	 * The state of a container.
	 */
	public enum State {

		/** Not reading; the mailslot keeps what arrives. */
		STOPPED,

		/** Reading and dispatching. */
		RUNNING,

		/** Started, but not reading because of {@link #pause()}; the mailslot keeps what arrives. */
		PAUSED,

		/** Stopping: finishing what it holds, draining the mailslot first at shutdown. */
		STOPPING,

		/** The reader stopped on its own because reading failed; see {@link #getFailure()}. */
		FAILED

	}

	/**
	 * The cause given to the error handler for a message left in the mailslot at shutdown.
	 */
	public static class TimeoutException extends RuntimeException {

		TimeoutException(String message) {
			super(message);
		}

	}

}
