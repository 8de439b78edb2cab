package dev.mailslot.spring.listener;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;

/**
 * Thrown by a {@link MailslotBatchMessageListener} to say which message of its batch
 * failed: the messages before it were processed, so only the failed one is retried, then
 * handed to the error handler, and the messages after it are delivered again as a batch
 * of their own. The cause is the failure that retrying and the error handler see. Named
 * after spring-kafka's exception of the same purpose.
 */
public class BatchListenerFailedException extends RuntimeException {

	private final int index;

	private final @Nullable Message<?> failedMessage;

	/**
	 * Create an exception naming the failed message by its place in the batch.
	 * @param message what went wrong
	 * @param cause the failure
	 * @param index the place of the failed message in the batch the listener was given,
	 * from 0
	 */
	public BatchListenerFailedException(@Nullable String message, Throwable cause, int index) {
		super(message, cause);
		if (index < 0) {
			throw new IllegalArgumentException("The index of the failed message must be 0 or more, not " + index);
		}
		this.index = index;
		this.failedMessage = null;
	}

	/**
	 * Create an exception naming the failed message itself.
	 * @param message what went wrong
	 * @param cause the failure
	 * @param failedMessage the message of the batch that failed, as the listener was
	 * given it
	 */
	public BatchListenerFailedException(@Nullable String message, Throwable cause, Message<?> failedMessage) {
		super(message, cause);
		this.index = -1;
		this.failedMessage = failedMessage;
	}

	/**
	 * Return the place of the failed message, as given to the constructor.
	 * @return the index, or -1 if the message was given instead
	 */
	public int getIndex() {
		return this.index;
	}

	/**
	 * Return the failed message, as given to the constructor.
	 * @return the message, or {@code null} if the index was given instead
	 */
	public @Nullable Message<?> getFailedMessage() {
		return this.failedMessage;
	}

	/**
	 * Return the place of the failed message in a batch.
	 * @param batch the batch the listener was given
	 * @return the index, or -1 if the exception names no message of the batch
	 */
	public int indexIn(List<? extends Message<?>> batch) {
		Message<?> failed = this.failedMessage;
		if (failed == null) {
			return (this.index < batch.size()) ? this.index : -1;
		}
		for (int i = 0; i < batch.size(); i++) {
			if (batch.get(i) == failed) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Return the failure that retrying and the error handler see: the cause.
	 * @return the cause, or this exception if it has none
	 */
	public Throwable getFailure() {
		Throwable cause = getCause();
		return (cause != null) ? cause : this;
	}

}
