package dev.mailslot.spring.listener;

import java.util.List;

import org.springframework.messaging.Message;

/**
 * Decides what becomes of a message its listener did not process: whether and when to
 * call the listener again, and, in the end, which {@link MailslotErrorHandler} keeps it.
 * A mailslot has no redelivery, so the container hands every such message to its failure
 * handler and takes nothing back.
 *
 * @see DefaultMailslotFailureHandler
 */
public interface MailslotFailureHandler {

	/**
	 * Handle a message whose listener threw.
	 * @param message the message
	 * @param failure what the listener threw
	 * @param listener the listener, to call again for a retry (each call is counted)
	 * @return {@code true} if a retry processed the message, {@code false} if it was
	 * given up
	 */
	boolean handleFailure(Message<byte[]> message, Throwable failure, MailslotMessageListener listener);

	/**
	 * Handle a batch whose listener threw. A {@link BatchListenerFailedException}
	 * (thrown, or the cause of what was thrown) says which message failed, the messages
	 * before it having been processed.
	 * <p>
	 * By default the failed messages go to {@link #handleFailure} a message at a time,
	 * and its retries call the listener with that message alone: with a message named,
	 * the messages before it count as processed, the named one goes to
	 * {@code handleFailure}, and the messages after it go to the listener again as a
	 * batch, whose failure is handled the same way; with no message named, each message
	 * of the batch goes to {@code handleFailure}.
	 * @param batch the messages the listener was given
	 * @param failure what the listener threw
	 * @param listener the listener, to call again with the batch or what is left of it
	 * (each call is counted)
	 * @return how many messages of the batch were given up, handed to the error handler;
	 * the others count as processed
	 */
	default int handleBatchFailure(List<Message<byte[]>> batch, Throwable failure,
			MailslotBatchMessageListener listener) {
		return BatchFailuresByMessage.handle(this, batch, failure, listener);
	}

	/**
	 * Handle a message that was never dispatched: the container had taken it from the
	 * mailslot, but the shutdown timeout passed before a listener call took it.
	 * @param message the message
	 * @param cause why it was not dispatched
	 */
	void handleUndispatched(Message<byte[]> message, MessageNotDispatchedException cause);

}
