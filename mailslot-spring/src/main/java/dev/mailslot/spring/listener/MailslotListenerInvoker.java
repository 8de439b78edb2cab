package dev.mailslot.spring.listener;

import java.time.Duration;
import java.util.List;

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
 * Calls a container's listener with a message: counts the outcome, makes the
 * {@code mailslot.listener} observation when a registry observes, and hands a failure to the
 * {@link MailslotFailureHandler}. A message that is never dispatched goes to the failure handler
 * from here too, so that each message is counted once.
 */
final class MailslotListenerInvoker {

	private static final Log logger = LogFactory.getLog(MailslotListenerContainer.class);

	private static final MailslotListenerObservationConvention DEFAULT_CONVENTION = new DefaultMailslotListenerObservationConvention();

	private final String id;

	private final String mailslot;

	private final MailslotMessageListener listener;

	private final MailslotFailureHandler failureHandler;

	private final ObservationRegistry observationRegistry;

	private final @Nullable MailslotListenerObservationConvention observationConvention;

	private final Duration shutdownTimeout;

	private final ListenerCounters counters;

	MailslotListenerInvoker(String id, String mailslot, MailslotMessageListener listener,
			MailslotListenerContainerOptions options, ListenerCounters counters) {
		this.id = id;
		this.mailslot = mailslot;
		this.listener = listener;
		this.failureHandler = options.failureHandler();
		this.observationRegistry = options.observationRegistry();
		this.observationConvention = options.observationConvention();
		this.shutdownTimeout = options.shutdownTimeout();
		this.counters = counters;
	}

	/**
	 * Process a message, retries included; what is not processed in the end goes to the error
	 * handler. Nothing is thrown.
	 * @param message the message
	 */
	void invoke(Message<byte[]> message) {
		if (this.observationRegistry.isNoop()) {
			try {
				this.listener.onMessage(message);
				this.counters.processed();
			}
			catch (RuntimeException | Error ex) {
				handleFailure(message, ex);
			}
			return;
		}
		invokeObserved(message);
	}

	private void invokeObserved(Message<byte[]> message) {
		MailslotListenerObservationContext context = new MailslotListenerObservationContext(this.id, this.mailslot,
				message.getPayload().length);
		Observation observation = Observation.createNotStarted(this.observationConvention, DEFAULT_CONVENTION,
				() -> context, this.observationRegistry);
		observation.start();
		try (Observation.Scope scope = observation.openScope()) {
			Throwable failure = null;
			try {
				this.listener.onMessage(message);
				this.counters.processed();
			}
			catch (RuntimeException | Error ex) {
				failure = handleFailure(message, ex);
			}
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
	 * @return the last failure if the message was not processed in the end, or {@code null}
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
	 * The listener as a failure handler calls it again: each failure is counted and the last one
	 * kept for the observation.
	 */
	private final class Retries implements MailslotMessageListener {

		private volatile Throwable lastFailure;

		Retries(Throwable failure) {
			this.lastFailure = failure;
		}

		@Override
		public void onMessage(Message<byte[]> message) {
			try {
				MailslotListenerInvoker.this.listener.onMessage(message);
			}
			catch (RuntimeException | Error ex) {
				MailslotListenerInvoker.this.counters.failed();
				this.lastFailure = ex;
				throw ex;
			}
		}

	}

}
