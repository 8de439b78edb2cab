package dev.mailslot.spring.listener;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

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
 * Calls a container's listener with what the container delivers, one message or a batch
 * (the {@link UnitListener} says which): counts the outcome, makes the
 * {@code mailslot.listener} observation when a registry observes, and hands a failure to
 * the {@link MailslotFailureHandler}. A message that is never dispatched goes to the
 * failure handler from here too, so that each message is counted once.
 *
 * @param <T> what the listener takes at a time: a message or a batch
 */
final class MailslotListenerInvoker<T> {

	private static final Log logger = LogFactory.getLog(MailslotListenerContainer.class);

	private static final MailslotListenerObservationConvention DEFAULT_CONVENTION = new DefaultMailslotListenerObservationConvention();

	private final String id;

	private final String mailslot;

	private final UnitListener<T> listener;

	private final MailslotFailureHandler failureHandler;

	private final ObservationRegistry observationRegistry;

	private final @Nullable MailslotListenerObservationConvention observationConvention;

	private final Duration shutdownTimeout;

	private final ListenerCounters counters;

	MailslotListenerInvoker(String id, String mailslot, UnitListener<T> listener,
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
	 * Return the listener this invoker calls.
	 * @return the listener, with the unit it takes
	 */
	UnitListener<T> getListener() {
		return this.listener;
	}

	/**
	 * Process a message or batch, retries included; what is not processed in the end goes
	 * to the error handler. Nothing is thrown.
	 * @param unit the message, or the messages of a batch in order
	 */
	void invoke(T unit) {
		if (this.observationRegistry.isNoop()) {
			call(unit);
			return;
		}
		observe(unit);
	}

	/**
	 * Call the listener and handle its failure.
	 * @return the last failure if a message was given up, or {@code null}
	 */
	private @Nullable Throwable call(T unit) {
		try {
			this.listener.onUnit(unit);
			this.counters.processed(this.listener.messageCount(unit));
			return null;
		}
		catch (RuntimeException | Error ex) {
			return handleFailure(unit, ex);
		}
	}

	private void observe(T unit) {
		MailslotListenerObservationContext context = new MailslotListenerObservationContext(this.id, this.mailslot,
				this.listener.byteCount(unit));
		Observation observation = Observation.createNotStarted(this.observationConvention, DEFAULT_CONVENTION,
				() -> context, this.observationRegistry);
		observation.start();
		try (Observation.Scope scope = observation.openScope()) {
			Throwable failure = call(unit);
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
	 * Hand a failed message or batch to the failure handler and count the outcome.
	 * @return the last failure if a message was given up, or {@code null}
	 */
	private @Nullable Throwable handleFailure(T unit, Throwable failure) {
		this.counters.failed();
		int messages = this.listener.messageCount(unit);
		Retries retries = new Retries(failure);
		int givenUp;
		try {
			givenUp = Math.max(0,
					Math.min(messages, this.listener.handleFailure(this.failureHandler, unit, failure, retries)));
		}
		catch (Throwable ex) {
			logger.error("Error handler of listener " + this.id + " failed on " + this.listener.describe(unit)
					+ " that failed with " + failure + "; counting it as not processed", ex);
			givenUp = messages;
		}
		this.counters.processed(messages - givenUp);
		this.counters.unprocessed(givenUp);
		return (givenUp > 0) ? retries.lastFailure : null;
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
	private final class Retries implements Consumer<T> {

		private volatile Throwable lastFailure;

		Retries(Throwable failure) {
			this.lastFailure = failure;
		}

		@Override
		public void accept(T unit) {
			try {
				MailslotListenerInvoker.this.listener.onUnit(unit);
			}
			catch (RuntimeException | Error ex) {
				MailslotListenerInvoker.this.counters.failed();
				this.lastFailure = ex;
				throw ex;
			}
		}

	}

}
