package dev.mailslot.spring.listener;

import java.util.List;

import org.springframework.messaging.Message;

/**
 * Receives the messages a {@link MailslotListenerContainer} reads in batches: up to
 * {@link MailslotListenerContainerOptions#maxBatchSize()} messages at a time, in the
 * order they were written.
 *
 * @see MailslotListenerContainer#forBatches
 */
@FunctionalInterface
public interface MailslotBatchMessageListener {

	/**
	 * Process a batch of messages.
	 * @param messages the messages, at least one: each payload is the bytes read, each
	 * message's headers are those of {@link dev.mailslot.spring.support.MailslotHeaders}
	 * @throws BatchListenerFailedException to say which message failed, those before it
	 * having been processed
	 * @throws RuntimeException to have the whole batch retried, then each of its messages
	 * handed to the error handler
	 */
	void onMessages(List<Message<byte[]>> messages);

}
