package dev.mailslot.spring.listener;

import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.messaging.Message;

import dev.mailslot.MailslotTimeoutException;

/**
 * The drain of a shutdown: takes what the mailslot holds one message, or batch, at a
 * time, each only once a dispatcher is free for it, until the mailslot is empty or the
 * deadline passes. Past the deadline it takes nothing more: what is still in the mailslot
 * stays there, and the server's close deletes and counts it. What it took is dispatched
 * or, if the deadline passed meanwhile, handed to the error handler, never held back.
 *
 * @param <T> what is drained at a time: a message or a batch ({@link ListenerDelivery})
 */
final class MailslotDrain<T> {

	private static final Log logger = LogFactory.getLog(MailslotListenerContainer.class);

	private final String listenerId;

	private final MailslotMessageSource source;

	private final ListenerDelivery<T> delivery;

	private final MessageDispatcher<T> dispatcher;

	/** Hands messages taken but not dispatched to the error handler. */
	private final Consumer<List<Message<byte[]>>> giveUp;

	private final long pollTimeoutNanos;

	MailslotDrain(String listenerId, MailslotMessageSource source, ListenerDelivery<T> delivery,
			MessageDispatcher<T> dispatcher, Consumer<List<Message<byte[]>>> giveUp, long pollTimeoutNanos) {
		this.listenerId = listenerId;
		this.source = source;
		this.delivery = delivery;
		this.dispatcher = dispatcher;
		this.giveUp = giveUp;
		this.pollTimeoutNanos = pollTimeoutNanos;
	}

	/**
	 * Drain until the mailslot is empty or the deadline passes. A read that fails ends
	 * the drain with a warning.
	 * @param deadline the drain's deadline
	 */
	void drain(DrainDeadline deadline) {
		if (!this.source.server().isOpen()) {
			return;
		}
		try {
			while (!deadline.hasPassed()) {
				if (!this.dispatcher.awaitRoom(Math.min(this.pollTimeoutNanos, deadline.nanosLeft()))
						|| deadline.hasPassed()) {
					continue;
				}
				T unit;
				try {
					unit = this.delivery.readWaiting();
				}
				catch (MailslotTimeoutException ex) {
					return;
				}
				dispatchOrGiveUp(unit, deadline);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Listener " + this.listenerId + " stopped draining " + this.source.server().name()
					+ "; what it still holds stays there: " + ex);
		}
	}

	/**
	 * Dispatch a unit the reader took or, past the deadline, hand it to the error
	 * handler.
	 * @param unit the message or batch
	 * @param deadline the drain's deadline
	 */
	void dispatchOrGiveUp(T unit, DrainDeadline deadline) {
		if (!this.dispatcher.dispatch(unit, deadline)) {
			this.giveUp.accept(this.delivery.messagesOf(List.of(unit)));
		}
	}

}
