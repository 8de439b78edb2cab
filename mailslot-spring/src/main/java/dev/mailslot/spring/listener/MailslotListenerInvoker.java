package dev.mailslot.spring.listener;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;

import dev.mailslot.spring.support.observation.DefaultMailslotListenerObservationConvention;
import dev.mailslot.spring.support.observation.MailslotListenerObservationContext;
import dev.mailslot.spring.support.observation.MailslotListenerObservationConvention;

/**
 * Calls a container's listener with a message, or its batch listener with a batch: counts
 * the outcome, makes the {@code mailslot.listener} observation when a registry observes,
 * and hands a failure to the {@link MailslotFailureHandler}. A message that is never
 * dispatched goes to the failure handler from here too, so that each message is counted
 * once.
 */
final class MailslotListenerInvoker {

	private static final Log logger = LogFactory.getLog(MailslotListenerContainer.class);

	private static final MailslotListenerObservationConvention DEFAULT_CONVENTION = new DefaultMailslotListenerObservationConvention();

	private final String id;

	private final String mailslot;

	private final @Nullable MailslotMessageListener listener;

	private final @Nullable MailslotBatchMessageListener batchListener;

	private final MailslotFailureHandler failureHandler;

	private final ObservationRegistry observationRegistry;

	private final @Nullable MailslotListenerObservationConvention observationConvention;

	private final Duration shutdownTimeout;

	private final ListenerCounters counters;

	MailslotListenerInvoker(String id, String mailslot, @Nullable MailslotMessageListener listener,
			@Nullable MailslotBatchMessageListener batchListener, MailslotListenerContainerOptions options,
			ListenerCounters counters) {
		this.id = id;
		this.mailslot = mailslot;
		this.listener = listener;
		this.batchListener = batchListener;
		this.failureHandler = options.failureHandler();
		this.observationRegistry = options.observationRegistry();
		this.observationConvention = options.observationConvention();
		this.shutdownTimeout = options.shutdownTimeout();
		this.counters = counters;
	}

	/**
	 * Process a message, retries included; what is not processed in the end goes to the
	 * error handler. Nothing is thrown.
	 * @param message the message
	 */
	void invoke(Message<byte[]> message) {
		if (this.observationRegistry.isNoop()) {
			call(message);
			return;
		}
		observe(message.getPayload().length, () -> call(message));
	}

	/**
	 * Process a batch, retries included; what is not processed in the end goes to the
	 * error handler. Nothing is thrown.
	 * @param batch the messages, in order
	 */
	void invokeBatch(List<Message<byte[]>> batch) {
		if (this.observationRegistry.isNoop()) {
			callBatch(batch);
			return;
		}
		int bytes = 0;
		for (Message<byte[]> message : batch) {
			bytes += message.getPayload().length;
		}
		observe(bytes, () -> callBatch(batch));
	}

	/**
	 * Call the listener and handle its failure.
	 * @return the last failure if the message was not processed in the end, or
	 * {@code null}
	 */
	private @Nullable Throwable call(Message<byte[]> message) {
		try {
			listener().onMessage(message);
			this.counters.processed();
			return null;
		}
		catch (RuntimeException | Error ex) {
			return handleFailure(message, ex);
		}
	}

	/**
	 * Call the batch listener and handle its failure.
	 * @return the failure if a message was given up, or {@code null}
	 */
	private @Nullable Throwable callBatch(List<Message<byte[]>> batch) {
		try {
			batchListener().onMessages(batch);
			this.counters.processed(batch.size());
			return null;
		}
		catch (RuntimeException | Error ex) {
			return handleBatchFailure(batch, ex);
		}
	}

	private void observe(int bytes, Supplier<@Nullable Throwable> call) {
		MailslotListenerObservationContext context = new MailslotListenerObservationContext(this.id, this.mailslot,
				bytes);
		Observation observation = Observation.createNotStarted(this.observationConvention, DEFAULT_CONVENTION,
				() -> context, this.observationRegistry);
		observation.start();
		try (Observation.Scope scope = observation.openScope()) {
			Throwable failure = call.get();
			if (failure == null) {
				context.setOutcome(MailslotListenerObservationContext.Outcome.SUCCESS);
			}
			else {
				context.setOutcome(MailslotListenerObservationContext.Outcome.FAILURE);
				observation.error(failure);
			}
		}
		finally {
			observation.stop();
		}
	}

	/**
	 * Hand a failed message to the failure handler and count the outcome.
	 * @return the last failure if the message was not processed in the end, or
	 * {@code null}
	 */
	private @Nullable Throwable handleFailure(Message<byte[]> message, Throwable failure) {
		this.counters.failed();
		Retries retries = new Retries(failure);
		boolean processed;
		try {
			processed = this.failureHandler.handleFailure(message, failure, retries);
		}
		catch (Throwable ex) {
			logger.error("Error handler of listener " + this.id + " failed on a message of "
					+ message.getPayload().length + " bytes that failed with " + failure, ex);
			processed = false;
		}
		if (processed) {
			this.counters.processed();
			return null;
		}
		this.counters.unprocessed();
		return retries.lastFailure;
	}

	/**
	 * Hand a failed batch to the failure handler and count the outcome.
	 * @return the failure if a message was given up, or {@code null}
	 */
	private @Nullable Throwable handleBatchFailure(List<Message<byte[]>> batch, Throwable failure) {
		this.counters.failed();
		BatchRetries retries = new BatchRetries(failure);
		int givenUp;
		try {
			givenUp = Math.max(0,
					Math.min(batch.size(), this.failureHandler.handleBatchFailure(batch, failure, retries)));
		}
		catch (Throwable ex) {
			logger.error("Error handler of listener " + this.id + " failed on a batch of " + batch.size()
					+ " message(s) that failed with " + failure + "; counting them all as not processed", ex);
			givenUp = batch.size();
		}
		this.counters.processed(batch.size() - givenUp);
		this.counters.unprocessed(givenUp);
		return (givenUp > 0) ? retries.lastFailure : null;
	}

	private MailslotMessageListener listener() {
		MailslotMessageListener single = this.listener;
		if (single == null) {
			throw new IllegalStateException("Listener " + this.id + " takes batches, not single messages");
		}
		return single;
	}

	private MailslotBatchMessageListener batchListener() {
		MailslotBatchMessageListener batches = this.batchListener;
		if (batches == null) {
			throw new IllegalStateException("Listener " + this.id + " takes single messages, not batches");
		}
		return batches;
	}

	/**
	 * Hand messages that were never dispatched to the failure handler, with a warning.
	 * @param messages the messages
	 */
	void giveUp(List<Message<byte[]>> messages) {
		if (messages.isEmpty()) {
			return;
		}
		logger.warn(messages.size() + " message(s) of " + this.mailslot + " were not dispatched before the shutdown "
				+ "timeout; handing them to the error handler of listener " + this.id);
		MessageNotDispatchedException cause = new MessageNotDispatchedException(this.shutdownTimeout);
		for (Message<byte[]> message : messages) {
			this.counters.unprocessed();
			try {
				this.failureHandler.handleUndispatched(message, cause);
			}
			catch (Throwable ex) {
				logger.error("Error handler of listener " + this.id + " failed on a message of "
						+ message.getPayload().length + " bytes that was not dispatched", ex);
			}
		}
	}

	/**
	 * The listener as a failure handler calls it again: each failure is counted and the
	 * last one kept for the observation.
	 */
	private final class Retries implements MailslotMessageListener {

		private volatile Throwable lastFailure;

		Retries(Throwable failure) {
			this.lastFailure = failure;
		}

		@Override
		public void onMessage(Message<byte[]> message) {
			try {
				listener().onMessage(message);
			}
			catch (RuntimeException | Error ex) {
				MailslotListenerInvoker.this.counters.failed();
				this.lastFailure = ex;
				throw ex;
			}
		}

	}

	/**
	 * The batch listener as a failure handler calls it again: each failure is counted and
	 * the last one kept for the observation.
	 */
	private final class BatchRetries implements MailslotBatchMessageListener {

		private volatile Throwable lastFailure;

		BatchRetries(Throwable failure) {
			this.lastFailure = failure;
		}

		@Override
		public void onMessages(List<Message<byte[]>> messages) {
			try {
				batchListener().onMessages(messages);
			}
			catch (RuntimeException | Error ex) {
				MailslotListenerInvoker.this.counters.failed();
				this.lastFailure = ex;
				throw ex;
			}
		}

	}

}
