package dev.mailslot.spring.listener;

import java.util.List;

import org.springframework.messaging.Message;

/**
 * What a {@link MailslotFailureHandler} that does not handle batches itself does with a
 * failed batch: it hands the failed messages to the handler's
 * {@link MailslotFailureHandler#handleFailure handleFailure} a message at a time, whose
 * retries call the batch listener with that message alone. A failure that names a message
 * ({@link BatchListenerFailedException}, or a failure caused by one) counts the messages
 * before it as processed, hands the named one over, and delivers the messages after it
 * again as a batch, whose failure is handled the same way. A failure that names no
 * message hands over each message of the batch.
 */
final class BatchFailuresByMessage {

	private BatchFailuresByMessage() {
	}

	/**
	 * Handle a failed batch a message at a time.
	 * @param handler the failure handler whose {@code handleFailure} takes each failed
	 * message
	 * @param batch the messages the listener was given
	 * @param failure what the listener threw
	 * @param listener the listener, to call again
	 * @return how many messages were given up
	 */
	static int handle(MailslotFailureHandler handler, List<Message<byte[]>> batch, Throwable failure,
			MailslotBatchMessageListener listener) {
		MailslotMessageListener alone = (message) -> listener.onMessages(List.of(message));
		List<Message<byte[]>> rest = batch;
		BatchOutcome outcome = BatchOutcome.of(failure, batch);
		int givenUp = 0;
		while (outcome instanceof BatchOutcome.Failed failed) {
			int from = failed.firstUnprocessed();
			int to = (failed instanceof BatchOutcome.FailedAt) ? from + 1 : rest.size();
			for (Message<byte[]> message : rest.subList(from, to)) {
				if (!handler.handleFailure(message, failed.cause(), alone)) {
					givenUp++;
				}
			}
			rest = rest.subList(to, rest.size());
			outcome = rest.isEmpty() ? BatchOutcome.DELIVERED : BatchOutcome.call(listener, rest);
		}
		return givenUp;
	}

}
