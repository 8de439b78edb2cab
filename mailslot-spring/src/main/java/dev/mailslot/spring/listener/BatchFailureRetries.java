package dev.mailslot.spring.listener;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.messaging.Message;

/**
 * What {@link DefaultMailslotFailureHandler} does with a failed batch, in memory since a
 * mailslot has no redelivery. A failure that names a message
 * ({@link BatchListenerFailedException}) counts the messages before it as processed and
 * retries the rest with the failed message first; once the retry policy gives up, the
 * failed message goes to the error handler and the messages after it are delivered again
 * as a batch, with attempts of their own. A failure that names no message retries the
 * whole batch, then hands each of its messages to the error handler. A retry that fails
 * further on in the batch is progress: the retries start again from the new failed
 * message.
 */
final class BatchFailureRetries {

	private final RetryTemplate retryTemplate;

	private final MailslotErrorHandler errorHandler;

	BatchFailureRetries(RetryTemplate retryTemplate, MailslotErrorHandler errorHandler) {
		this.retryTemplate = retryTemplate;
		this.errorHandler = errorHandler;
	}

	/**
	 * Retry a failed batch and hand what is given up to the error handler.
	 * @return how many messages were given up
	 */
	int handle(List<Message<byte[]>> batch, Throwable failure, MailslotBatchMessageListener listener) {
		List<Message<byte[]>> rest = batch;
		Throwable current = failure;
		int givenUp = 0;
		while (true) {
			int index = failedIndex(current, rest);
			rest = rest.subList(Math.max(index, 0), rest.size());
			Attempts attempts = new Attempts(rest, current, index >= 0, listener);
			try {
				Throwable progress = attempt(attempts);
				if (progress == null) {
					return givenUp;
				}
				current = progress;
				continue;
			}
			catch (RetryException ex) {
				int made = ex.getRetryCount() + 1;
				Throwable last = ex.getLastException();
				if (!attempts.lastNamedFirst) {
					rest.forEach((message) -> this.errorHandler.handleError(message, last, made));
					return givenUp + rest.size();
				}
				this.errorHandler.handleError(rest.get(0), last, made);
				givenUp++;
			}
			rest = rest.subList(1, rest.size());
			if (rest.isEmpty()) {
				return givenUp;
			}
			try {
				listener.onMessages(rest);
				return givenUp;
			}
			catch (RuntimeException | Error ex) {
				current = ex;
			}
		}
	}

	/**
	 * Return the place of the message a failure names in the batch, or -1 for the whole
	 * batch.
	 */
	private static int failedIndex(Throwable failure, List<Message<byte[]>> batch) {
		return (failure instanceof BatchListenerFailedException named) ? named.indexIn(batch) : -1;
	}

	private static Throwable unwrap(Throwable failure) {
		return (failure instanceof BatchListenerFailedException named) ? named.getFailure() : failure;
	}

	/**
	 * Run the attempts through the retry template.
	 * @return the failure of a later message (progress), or {@code null} once the batch
	 * went through
	 */
	// JDK-8225377: Java 17's javac does not read the @Nullable bound of execute's type
	// variable from
	// spring-core's class file; on Java 22 and later NullAway accepts this method as it
	// is.
	@SuppressWarnings("NullAway")
	private @Nullable Throwable attempt(Attempts attempts) throws RetryException {
		return this.retryTemplate.execute(attempts);
	}

	/**
	 * The attempts at one batch as the retry template sees them: the first is the failure
	 * that already happened. A failure further on in the batch ends the attempts and is
	 * returned, as progress; any other failure is thrown unwrapped, so that the retry
	 * policy judges its cause.
	 */
	private static final class Attempts implements Retryable<@Nullable Throwable> {

		private final List<Message<byte[]>> batch;

		private final MailslotBatchMessageListener listener;

		private @Nullable Throwable firstFailure;

		/**
		 * Whether the last failure named the batch's first message rather than the whole
		 * batch.
		 */
		private boolean lastNamedFirst;

		Attempts(List<Message<byte[]>> batch, Throwable failure, boolean namedFirst,
				MailslotBatchMessageListener listener) {
			this.batch = batch;
			this.firstFailure = unwrap(failure);
			this.lastNamedFirst = namedFirst;
			this.listener = listener;
		}

		@Override
		public @Nullable Throwable execute() throws Throwable {
			Throwable failure = this.firstFailure;
			if (failure != null) {
				this.firstFailure = null;
				throw failure;
			}
			try {
				this.listener.onMessages(this.batch);
				return null;
			}
			catch (RuntimeException | Error ex) {
				int index = failedIndex(ex, this.batch);
				if (index > 0) {
					return ex;
				}
				this.lastNamedFirst = (index == 0);
				throw unwrap(ex);
			}
		}

	}

}
