package dev.mailslot.spring.listener;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.messaging.Message;

/**
 * Retries a failed message as a {@link RetryPolicy} says (its predicate, its
 * {@code BackOff} and its timeout, through Spring's {@link RetryTemplate}), then hands it
 * to a {@link MailslotErrorHandler}, such as a {@link DeadLetterDirectoryErrorHandler}. A
 * message that was never dispatched goes to the error handler at once, with 0 attempts. A
 * failed batch is retried whole, or from the message a
 * {@link BatchListenerFailedException} names, and what is given up goes to the error
 * handler a message at a time.
 */
public class DefaultMailslotFailureHandler implements MailslotFailureHandler {

	private final RetryTemplate retryTemplate;

	private final MailslotErrorHandler errorHandler;

	private final BatchFailureRetries batchRetries;

	/**
	 * Create a failure handler.
	 * @param retryPolicy how to retry: which failures, how often and how far apart
	 * @param errorHandler what keeps the messages that retrying did not process
	 */
	public DefaultMailslotFailureHandler(RetryPolicy retryPolicy, MailslotErrorHandler errorHandler) {
		this.retryTemplate = new RetryTemplate(retryPolicy);
		this.errorHandler = errorHandler;
		this.batchRetries = new BatchFailureRetries(this.retryTemplate, errorHandler);
	}

	/**
	 * Return the error handler that keeps what retrying did not process.
	 * @return the error handler
	 */
	public MailslotErrorHandler getErrorHandler() {
		return this.errorHandler;
	}

	@Override
	public boolean handleFailure(Message<byte[]> message, Throwable failure, MailslotMessageListener listener) {
		try {
			this.retryTemplate.execute(new Retries(message, failure, listener));
			return true;
		}
		catch (RetryException ex) {
			this.errorHandler.handleError(message, ex.getLastException(), ex.getRetryCount() + 1);
			return false;
		}
	}

	@Override
	public int handleBatchFailure(List<Message<byte[]>> batch, Throwable failure,
			MailslotBatchMessageListener listener) {
		return this.batchRetries.handle(batch, failure, listener);
	}

	@Override
	public void handleUndispatched(Message<byte[]> message, MessageNotDispatchedException cause) {
		this.errorHandler.handleError(message, cause, 0);
	}

	/**
	 * The attempts as the retry template sees them: the first is the failure that already
	 * happened, so that the policy, back-off and timeout apply from there as they would
	 * to a call the template made itself.
	 */
	private static final class Retries implements Retryable<Void> {

		private final Message<byte[]> message;

		private final MailslotMessageListener listener;

		private @Nullable Throwable firstFailure;

		Retries(Message<byte[]> message, Throwable failure, MailslotMessageListener listener) {
			this.message = message;
			this.firstFailure = failure;
			this.listener = listener;
		}

		@Override
		public Void execute() throws Throwable {
			Throwable failure = this.firstFailure;
			if (failure != null) {
				this.firstFailure = null;
				throw failure;
			}
			this.listener.onMessage(this.message);
			return null;
		}

	}

}
