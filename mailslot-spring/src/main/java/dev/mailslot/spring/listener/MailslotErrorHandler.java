package dev.mailslot.spring.listener;

import org.springframework.messaging.Message;

/**
 * Takes a message its listener failed to process: after the container's retries ran out,
 * or at once for a failure that retrying cannot mend (a payload that does not convert or
 * validate), or at shutdown for a message that could not be dispatched in time. A
 * mailslot has no redelivery, so an error handler is where a failed message is kept.
 *
 * @see DeadLetterDirectoryErrorHandler
 */
@FunctionalInterface
public interface MailslotErrorHandler {

	/**
	 * Handle a message that was not processed.
	 * @param message the message
	 * @param cause the last failure
	 * @param attempts how many times the listener was called with the message (0 if
	 * never)
	 */
	void handleError(Message<byte[]> message, Throwable cause, int attempts);

}
