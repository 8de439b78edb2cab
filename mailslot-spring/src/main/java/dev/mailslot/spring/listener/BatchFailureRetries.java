package dev.mailslot.spring.listener;

import java.util.List;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.messaging.Message;

/**
 * What {@link DefaultMailslotFailureHandler} does with a failed batch, in memory since a
 * mailslot has no redelivery. A failure that names a message (a
 * {@link BatchListenerFailedException}, or a failure caused by one) counts the messages
 * before it as processed and retries the rest with the failed message first; once the
 * retry policy gives up, the failed message goes to the error handler and the messages
 * after it are delivered again as a batch, with attempts of their own. A failure that
 * names no message retries the whole batch, then hands each of its messages to the error
 * handler. A retry that fails further on in the batch is progress: the retries start
 * again from the new failed message.
 */
final class BatchFailureRetries {

	private final RetryTemplate retryTemplate;

	private final MailslotErrorHandler errorHandler;

	BatchFailureRetries(RetryTemplate retryTemplate, MailslotErrorHandler errorHandler) {
		this.retryTemplate = retryTemplate;
		this.errorHandler = errorHandler;
	}

	/**
	 * Retry a failed batch and hand what is given up to the error handler. Each turn
	 * starts from a failure of what is left of the batch and ends in progress (a later
	 * message failed, or the failed one was given up) or in the end of the batch.
	 * @param batch the messages the listener was given
	 * @param failure what the listener threw
	 * @param listener the listener, to call again
	 * @return how many messages were given up
	 */
	int handle(List<Message<byte[]>> batch, Throwable failure, MailslotBatchMessageListener listener) {
		List<Message<byte[]>> rest = batch;
		BatchOutcome outcome = BatchOutcome.of(failure, batch);
		int givenUp = 0;
		while (outcome instanceof BatchOutcome.Failed failed) {
			rest = rest.subList(failed.firstUnprocessed(), rest.size());
			BatchOutcome retried = retry(rest, failed, listener);
			if (!(retried instanceof BatchOutcome.RetriesExhausted exhausted)) {
				outcome = retried;
				continue;
			}
			if (exhausted.last() instanceof BatchOutcome.FailedWhole) {
				giveUp(rest, exhausted);
				return givenUp + rest.size();
			}
			giveUp(rest.subList(0, 1), exhausted);
			givenUp++;
			rest = rest.subList(1, rest.size());
			outcome = rest.isEmpty() ? BatchOutcome.DELIVERED : BatchOutcome.call(listener, rest);
		}
		return givenUp;
	}

	/**
	 * Retry a batch as the retry policy says.
	 * @return {@link BatchOutcome#DELIVERED}, a failure further on in the batch, or
	 * {@link BatchOutcome.RetriesExhausted}
	 */
	private BatchOutcome retry(List<Message<byte[]>> batch, BatchOutcome.Failed failure,
			MailslotBatchMessageListener listener) {
		Attempts attempts = new Attempts(batch, failure, listener);
		try {
			return this.retryTemplate.execute(attempts);
		}
		catch (RetryException ex) {
			return new BatchOutcome.RetriesExhausted(attempts.last, ex.getLastException(), ex.getRetryCount() + 1);
		}
	}

	private void giveUp(List<Message<byte[]>> messages, BatchOutcome.RetriesExhausted exhausted) {
		for (Message<byte[]> message : messages) {
			this.errorHandler.handleError(message, exhausted.lastException(), exhausted.attempts());
		}
	}

	/**
	 * The attempts at one batch as the retry template sees them: the first is the failure
	 * that already happened. A failure at the batch's first message or of the whole batch
	 * is thrown as its cause, so that the retry policy judges that; any other outcome
	 * ends the attempts and is returned.
	 */
	private static final class Attempts implements Retryable<BatchOutcome> {

		private final List<Message<byte[]>> batch;

		private final MailslotBatchMessageListener listener;

		/** The failure of the latest attempt. */
		private BatchOutcome.Failed last;

		private boolean firstAttemptMade;

		Attempts(List<Message<byte[]>> batch, BatchOutcome.Failed failure, MailslotBatchMessageListener listener) {
			this.batch = batch;
			this.last = failure;
			this.listener = listener;
		}

		@Override
		public BatchOutcome execute() throws Throwable {
			if (this.firstAttemptMade) {
				BatchOutcome outcome = BatchOutcome.call(this.listener, this.batch);
				if (!(outcome instanceof BatchOutcome.Failed failed) || failed.firstUnprocessed() > 0) {
					return outcome;
				}
				this.last = failed;
			}
			this.firstAttemptMade = true;
			throw this.last.cause();
		}

	}

}
