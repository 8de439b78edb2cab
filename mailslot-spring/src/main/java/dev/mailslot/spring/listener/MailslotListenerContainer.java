package dev.mailslot.spring.listener;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.GenericMessage;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.Assert;

import dev.mailslot.MailslotClosedException;
import dev.mailslot.MailslotMessage;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotTimeoutException;
import dev.mailslot.ReadTimeout;
import dev.mailslot.spring.support.MailslotHeaders;
import dev.mailslot.spring.support.observation.DefaultMailslotListenerObservationConvention;
import dev.mailslot.spring.support.observation.MailslotListenerObservationContext;
import dev.mailslot.spring.support.observation.MailslotListenerObservationConvention;

/**
 * Reads one mailslot and dispatches each message to a {@link MailslotMessageListener}.
 * <p>
 * One reader, on a platform thread of its own (a native read must not pin a virtual thread's
 * carrier), reads with a bounded wait ({@link #setPollTimeout(Duration) poll timeout}) so that it
 * notices pause and stop promptly. With a concurrency of 1, the default, the reader calls the
 * listener itself, so messages are processed in the order they were written and none waits
 * between threads. With more, it hands each message to {@code concurrency} dispatchers that run on
 * the {@link #setTaskExecutor(Executor) task executor} (virtual threads where Boot enables them).
 * <p>
 * A listener failure is retried as the {@link #setRetryPolicy(RetryPolicy) retry policy} says;
 * then, or at once for a failure retrying cannot mend, the message goes to the
 * {@link #setErrorHandler(MailslotErrorHandler) error handler}. Each dispatch, retries included, is
 * a {@code mailslot.listener} observation (see {@link DefaultMailslotListenerObservationConvention}),
 * and the container counts what it received, processed and could not process
 * ({@link #getStatistics()}).
 * <p>
 * {@link #pause()} stops reading but keeps the mailslot open, so messages queue in it.
 * {@link #stop()} stops reading and lets the dispatchers finish what they hold. {@link #shutdown()}
 * first drains the mailslot, because closing a mailslot deletes its messages: what cannot be
 * dispatched within the {@link #setShutdownTimeout(Duration) shutdown timeout} goes to the error
 * handler.
 * <p>
 * A container declared as a bean is run by the context: started with it unless
 * {@link #setAutoStartup(boolean) auto-startup} is off, and shut down, draining, when it stops
 * (early, in {@link #PHASE}, before the mailslots close).
 */
public class MailslotListenerContainer implements SmartLifecycle, DisposableBean {

	/** Lifecycle phase of containers: stopped early, so that they drain before the mailslots close. */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 100;

	private static final Log logger = LogFactory.getLog(MailslotListenerContainer.class);

	/** How long shutdown waits for an error handler that takes none of the messages handed to it. */
	private static final long STALLED_HAND_OFF_SECONDS = 5;

	private static final Message<byte[]> END = MessageBuilder.withPayload(new byte[0]).build();

	private static final MailslotListenerObservationConvention DEFAULT_CONVENTION = new DefaultMailslotListenerObservationConvention();

	private final String id;

	private final MailslotServer server;

	/** The mailslot's name, for the {@link MailslotHeaders#MAILSLOT} header. */
	private final String mailslot;

	private final @Nullable String serverId;

	private final MailslotMessageListener listener;

	private MailslotErrorHandler errorHandler = (message, cause, attempts) -> logger
		.error("Message from " + message.getHeaders().get(MailslotHeaders.MAILSLOT) + " failed after " + attempts
				+ " attempt(s) and no error handler keeps it" + ((attempts == 0) ? ": " + cause.getMessage() : ""),
				(attempts == 0) ? null : cause);

	private RetryTemplate retryTemplate = new RetryTemplate(RetryPolicy.withMaxRetries(0));

	private Executor taskExecutor = new SimpleAsyncTaskExecutor();

	private int concurrency = 1;

	private Duration pollTimeout = Duration.ofSeconds(1);

	private Duration shutdownTimeout = Duration.ofSeconds(10);

	private boolean autoStartup = true;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable MailslotListenerObservationConvention observationConvention;

	private final LongAdder received = new LongAdder();

	private final LongAdder bytesReceived = new LongAdder();

	private final LongAdder processed = new LongAdder();

	private final LongAdder failures = new LongAdder();

	private final LongAdder unprocessed = new LongAdder();

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition stateChanged = this.lock.newCondition();

	private State state = State.STOPPED;

	private boolean pauseRequested;

	private @Nullable Throwable failure;

	/** The current run: its reader, hand-off queue and dispatchers. */
	private @Nullable Run run;

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
		this.mailslot = server.name().toString();
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

	/**
	 * Set the registry of the {@code mailslot.listener} observation made around each dispatch.
	 * @param observationRegistry the registry
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
	}

	/**
	 * Set a convention to use instead of {@link DefaultMailslotListenerObservationConvention}.
	 * @param observationConvention the convention, or {@code null} for the default
	 */
	public void setObservationConvention(@Nullable MailslotListenerObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	/**
	 * Return the container's counts.
	 * @return the statistics
	 */
	public MailslotListenerStatistics getStatistics() {
		return new MailslotListenerStatistics(this.received.sum(), this.bytesReceived.sum(), this.processed.sum(),
				this.failures.sum(), this.unprocessed.sum());
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

	@Override
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

	@Override
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
	 * Start reading and dispatching. Starting a running container does nothing; a container paused
	 * before it started starts paused.
	 * @throws IllegalStateException if the previous run's reader has not ended yet
	 */
	@Override
	public void start() {
		this.lock.lock();
		try {
			if (this.state == State.RUNNING || this.state == State.PAUSED || this.state == State.STOPPING) {
				return;
			}
			Run previous = this.run;
			Assert.state(previous == null || !previous.reader.isAlive(), () -> "Listener " + this.id
					+ " cannot start: the reader of its previous run has not ended yet");
			Run next = new Run();
			int started = 0;
			try {
				for (; started < next.dispatchers; started++) {
					this.taskExecutor.execute(() -> dispatch(next));
				}
			}
			catch (RuntimeException ex) {
				for (int i = 0; i < started; i++) {
					next.handoff.offer(END);
				}
				throw ex;
			}
			this.run = next;
			this.failure = null;
			this.state = State.RUNNING;
			next.reader.start();
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
	 * Return whether {@link #pause()} was called and not undone by {@link #resume()}: the reader
	 * stops reading once it notices, within the poll timeout or, with a concurrency of 1, once the
	 * listener call in progress returns, and {@link #isPaused()} then says so.
	 * @return whether a pause is requested
	 */
	public boolean isPauseRequested() {
		this.lock.lock();
		try {
			return this.pauseRequested;
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
	@Override
	public void stop() {
		stop(false);
	}

	/**
	 * Stop as the context stops: drain the mailslot first, since the mailslot closes next.
	 * @param callback told when the container has stopped
	 */
	@Override
	public void stop(Runnable callback) {
		try {
			shutdown();
		}
		finally {
			callback.run();
		}
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * Drain and stop a container the context's lifecycle did not stop, or that was started again
	 * after it did.
	 */
	@Override
	public void destroy() {
		if (isRunning()) {
			shutdown();
		}
	}

	/**
	 * Drain the mailslot, then stop: used before the mailslot is closed, which deletes what it
	 * holds. Works also on a container that is stopped, failed or never started. Messages not
	 * dispatched within the shutdown timeout go to the error handler.
	 */
	public void shutdown() {
		stop(true);
	}

	private void stop(boolean drain) {
		long deadline = System.nanoTime() + this.shutdownTimeout.toNanos();
		Run current;
		boolean active;
		this.lock.lock();
		try {
			current = this.run;
			active = current != null && current.reader.isAlive();
			if (!active) {
				this.run = null;
				if (this.state != State.FAILED) {
					this.state = State.STOPPED;
				}
			}
			else {
				current.stopRequested = true;
				if (drain) {
					current.drainDeadline = deadline;
				}
				if (this.state != State.FAILED) {
					this.state = State.STOPPING;
				}
				this.stateChanged.signalAll();
			}
		}
		finally {
			this.lock.unlock();
		}
		if (!active) {
			if (drain) {
				drainWithoutReader(deadline);
			}
			return;
		}
		awaitEnd(current, deadline, drain);
		this.lock.lock();
		try {
			if (this.run == current) {
				this.run = null;
			}
			if (this.state == State.STOPPING) {
				this.state = State.STOPPED;
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Wait for the reader and the dispatchers of a run until the deadline. Past it, at shutdown,
	 * hand what the dispatchers did not take to the error handler; at a plain stop they take it
	 * still.
	 */
	private void awaitEnd(Run current, long deadline, boolean drain) {
		boolean interrupted = join(current.reader, deadline);
		try {
			if (drain && current.dispatchers == 0 && current.reader.isAlive()) {
				giveUp(readAll(), "were not dispatched before the shutdown timeout");
			}
			interrupted |= join(current.reader, deadline + this.pollTimeout.toNanos() * 2);
			interrupted |= awaitHandOff(current);
			if (current.dispatchers == 0 && current.reader.isAlive()) {
				warnUnfinished();
			}
			while (true) {
				try {
					if (!current.dispatchersDone.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
						if (drain) {
							giveUpQueued(current);
						}
						warnUnfinished();
					}
					break;
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
	 * Wait while the reader hands what it could not dispatch to the error handler, however many
	 * messages that is, for as long as the hand-off goes on: an error handler that takes no message
	 * for {@value #STALLED_HAND_OFF_SECONDS} s is given up on.
	 * @return whether this thread was interrupted meanwhile
	 */
	private boolean awaitHandOff(Run current) {
		boolean interrupted = false;
		long handedOff = this.unprocessed.sum();
		long progressed = System.nanoTime();
		while (current.reader.isAlive() && current.handingOff) {
			interrupted |= join(current.reader, System.nanoTime() + this.pollTimeout.toNanos());
			long now = this.unprocessed.sum();
			if (now != handedOff) {
				handedOff = now;
				progressed = System.nanoTime();
			}
			else if (System.nanoTime() - progressed > TimeUnit.SECONDS.toNanos(STALLED_HAND_OFF_SECONDS)) {
				logger.warn("The error handler of listener " + this.id + " took no message for "
						+ STALLED_HAND_OFF_SECONDS + " s; shutdown goes on while it holds the rest");
				break;
			}
		}
		return interrupted;
	}

	/**
	 * Wait for a thread to end until a {@code System.nanoTime()} deadline.
	 * @return whether this thread was interrupted meanwhile
	 */
	private static boolean join(Thread thread, long deadline) {
		boolean interrupted = false;
		while (thread.isAlive() && deadline - System.nanoTime() > 0) {
			try {
				thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		return interrupted;
	}

	private void warnUnfinished() {
		logger.warn("Listener " + this.id + " on " + this.server.name() + " did not finish within the shutdown "
				+ "timeout of " + this.shutdownTimeout + "; a message it is processing may still complete");
	}

	/**
	 * Hand the messages waiting in the hand-off queue to the error handler, leaving the end markers
	 * for the dispatchers.
	 */
	private void giveUpQueued(Run current) {
		List<Message<byte[]>> left = new ArrayList<>();
		current.handoff.drainTo(left);
		List<Message<byte[]>> messages = left.stream().filter((message) -> message != END).toList();
		for (int i = messages.size(); i < left.size(); i++) {
			current.handoff.add(END);
		}
		giveUp(messages, "were not dispatched before the shutdown timeout");
	}

	private void read(Run current) {
		try {
			while (awaitReading(current)) {
				MailslotMessage received;
				try {
					received = this.server.readMessage(current.pollReadTimeout);
				}
				catch (MailslotTimeoutException ex) {
					continue;
				}
				Message<byte[]> message = toMessage(received);
				if (!deliver(current, message)) {
					giveUp(current, new ArrayList<>(List.of(message)));
				}
			}
			if (current.drainDeadline != 0) {
				drain(current);
			}
		}
		catch (MailslotClosedException ex) {
			fail(current, ex, "its mailslot was closed while it read");
		}
		catch (RuntimeException ex) {
			fail(current, ex, "reading failed");
		}
		finally {
			for (int i = 0; i < current.dispatchers; i++) {
				current.handoff.add(END);
			}
		}
	}

	/**
	 * Process a message on the reader's thread, or hand it to the dispatchers if there are any.
	 * @return {@code false} if the drain deadline passed first, leaving the message to the caller
	 */
	private boolean deliver(Run current, Message<byte[]> message) {
		if (current.dispatchers > 0) {
			return handOff(current, message);
		}
		if (current.drainDeadline != 0 && current.drainDeadline - System.nanoTime() <= 0) {
			return false;
		}
		Thread.interrupted();
		invoke(message);
		return true;
	}

	/**
	 * Give a message to the dispatchers, waiting for room while the run is not asked to stop, or,
	 * when draining, until the drain deadline.
	 * @return {@code false} if the drain deadline passed first, leaving the message to the caller
	 */
	private boolean handOff(Run current, Message<byte[]> message) {
		while (true) {
			long deadline = current.drainDeadline;
			if (deadline != 0 && deadline - System.nanoTime() <= 0) {
				return false;
			}
			if (offer(current, message)) {
				return true;
			}
		}
	}

	private boolean offer(Run current, Message<byte[]> message) {
		try {
			if (!current.room.tryAcquire(this.pollTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
				return false;
			}
		}
		catch (InterruptedException ex) {
			return false;
		}
		current.handoff.add(message);
		return true;
	}

	/**
	 * Wait while paused; return whether to read on.
	 */
	private boolean awaitReading(Run current) {
		this.lock.lock();
		try {
			while (!current.stopRequested) {
				if (!this.pauseRequested) {
					this.state = State.RUNNING;
					return true;
				}
				this.state = State.PAUSED;
				try {
					this.stateChanged.await(this.pollTimeout.toMillis(), TimeUnit.MILLISECONDS);
				}
				catch (InterruptedException ex) {
					// Only stop() ends the reader; look at the state again.
				}
			}
			return false;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Take everything the mailslot holds and hand it to the dispatchers until the drain deadline;
	 * what is left goes to the error handler at once, in one hand-off.
	 */
	private void drain(Run current) {
		List<Message<byte[]>> messages = readAll();
		for (int i = 0; i < messages.size(); i++) {
			if (!deliver(current, messages.get(i))) {
				giveUp(current, messages.subList(i, messages.size()));
				return;
			}
		}
	}

	/**
	 * Hand messages to the error handler from the reader, marking the run as handing off so that
	 * shutdown waits for it to end before the mailslot closes.
	 */
	private void giveUp(Run current, List<Message<byte[]>> messages) {
		current.handingOff = true;
		try {
			giveUp(messages, "were not dispatched before the shutdown timeout");
		}
		finally {
			current.handingOff = false;
		}
	}

	/**
	 * Drain a mailslot no reader is reading: dispatch on this thread until the deadline.
	 */
	private void drainWithoutReader(long deadline) {
		List<Message<byte[]>> messages = readAll();
		for (int i = 0; i < messages.size(); i++) {
			if (deadline - System.nanoTime() <= 0) {
				giveUp(messages.subList(i, messages.size()), "were not dispatched before the shutdown timeout");
				return;
			}
			invoke(messages.get(i));
		}
	}

	/**
	 * Read every message waiting in the mailslot, at once.
	 */
	private List<Message<byte[]>> readAll() {
		List<Message<byte[]>> messages = new ArrayList<>();
		if (!this.server.isOpen()) {
			return messages;
		}
		try {
			while (true) {
				messages.add(toMessage(this.server.readMessage(ReadTimeout.ZERO)));
			}
		}
		catch (MailslotTimeoutException ex) {
			return messages;
		}
		catch (RuntimeException ex) {
			logger.warn("Listener " + this.id + " stopped draining " + this.server.name() + ": " + ex);
			return messages;
		}
	}

	private void giveUp(List<Message<byte[]>> messages, String reason) {
		if (messages.isEmpty()) {
			return;
		}
		logger.warn(messages.size() + " message(s) of " + this.server.name() + " " + reason
				+ "; handing them to the error handler of listener " + this.id);
		TimeoutException cause = new TimeoutException("Not dispatched before the shutdown timeout of "
				+ this.shutdownTimeout + " (mailslot.listener.shutdown-timeout)");
		for (Message<byte[]> message : messages) {
			handleError(message, cause, 0);
		}
	}

	private void fail(Run current, Throwable cause, String reason) {
		this.lock.lock();
		try {
			if (current.stopRequested || this.run != current) {
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

	/**
	 * Make the message listeners get: the payload, and headers for the mailslot, the server id,
	 * the size, the time received and whatever the transport knows of the sender
	 * ({@code mailslot_} and the attribute's name).
	 */
	private Message<byte[]> toMessage(MailslotMessage received) {
		byte[] payload = received.payload();
		this.received.increment();
		this.bytesReceived.add(payload.length);
		Instant now = Instant.now();
		if (received.attributes().isEmpty()) {
			Map<String, Object> headers = (this.serverId != null)
					? Map.of(MailslotHeaders.MAILSLOT, this.mailslot, MailslotHeaders.SIZE, payload.length,
							MailslotHeaders.RECEIVED_AT, now, MailslotHeaders.SERVER_ID, this.serverId)
					: Map.of(MailslotHeaders.MAILSLOT, this.mailslot, MailslotHeaders.SIZE, payload.length,
							MailslotHeaders.RECEIVED_AT, now);
			return new GenericMessage<>(payload, new ReceivedMessageHeaders(headers));
		}
		Map<String, Object> headers = new HashMap<>();
		headers.put(MailslotHeaders.MAILSLOT, this.mailslot);
		headers.put(MailslotHeaders.SIZE, payload.length);
		headers.put(MailslotHeaders.RECEIVED_AT, now);
		if (this.serverId != null) {
			headers.put(MailslotHeaders.SERVER_ID, this.serverId);
		}
		received.attributes().forEach((attribute, value) -> headers.put(MailslotHeaders.PREFIX + attribute, value));
		return new GenericMessage<>(payload, new ReceivedMessageHeaders(headers));
	}

	/**
	 * Take and process messages until the run's end marker. An interrupt left behind by a
	 * listener does not end a dispatcher.
	 */
	private void dispatch(Run current) {
		try {
			while (true) {
				Message<byte[]> message;
				try {
					Thread.interrupted();
					message = current.handoff.take();
				}
				catch (InterruptedException ex) {
					continue;
				}
				if (message == END) {
					return;
				}
				current.room.release();
				invoke(message);
			}
		}
		finally {
			current.dispatchersDone.countDown();
		}
	}

	private void invoke(Message<byte[]> message) {
		MailslotListenerObservationContext context = new MailslotListenerObservationContext(this.id,
				this.mailslot, message.getPayload().length);
		Observation observation = Observation.createNotStarted(this.observationConvention, DEFAULT_CONVENTION,
				() -> context, this.observationRegistry);
		observation.start();
		try (Observation.Scope scope = observation.openScope()) {
			this.retryTemplate.execute(() -> {
				try {
					this.listener.onMessage(message);
				}
				catch (RuntimeException | Error ex) {
					this.failures.increment();
					throw ex;
				}
				return null;
			});
			context.setOutcome(MailslotListenerObservationContext.Outcome.SUCCESS);
			this.processed.increment();
		}
		catch (RetryException ex) {
			context.setOutcome(MailslotListenerObservationContext.Outcome.FAILURE);
			observation.error(ex.getLastException());
			handleError(message, ex.getLastException(), ex.getRetryCount() + 1);
		}
		finally {
			observation.stop();
		}
	}

	private void handleError(Message<byte[]> message, Throwable cause, int attempts) {
		this.unprocessed.increment();
		try {
			this.errorHandler.handleError(message, cause, attempts);
		}
		catch (Throwable ex) {
			logger.error("Error handler of listener " + this.id + " failed on a message of "
					+ message.getPayload().length + " bytes that failed with " + cause, ex);
		}
	}

	/**
	 * One start-to-stop run of the container: its reader, hand-off queue and dispatchers. A new
	 * start gets a new run, so a reader of an earlier run never reads for a later one.
	 */
	private final class Run {

		/** How many dispatchers take messages from the reader: none if the reader calls the listener. */
		final int dispatchers = (MailslotListenerContainer.this.concurrency > 1)
				? MailslotListenerContainer.this.concurrency : 0;

		/** Holds up to {@code concurrency} messages and, at the end, one end marker per dispatcher. */
		final BlockingQueue<Message<byte[]>> handoff = new ArrayBlockingQueue<>(
				2 * MailslotListenerContainer.this.concurrency);

		/** Room for messages in the hand-off queue: the reader takes a permit, a dispatcher returns it. */
		final Semaphore room = new Semaphore(MailslotListenerContainer.this.concurrency);

		final CountDownLatch dispatchersDone = new CountDownLatch(this.dispatchers);

		final Thread reader = new Thread(() -> read(this), "mailslot-" + MailslotListenerContainer.this.id);

		final ReadTimeout pollReadTimeout = ReadTimeout.of(MailslotListenerContainer.this.pollTimeout);

		volatile boolean stopRequested;

		/** When draining at shutdown must end ({@code System.nanoTime()}), or 0 if not draining. */
		volatile long drainDeadline;

		/** Whether the reader is handing what it could not dispatch to the error handler. */
		volatile boolean handingOff;

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
