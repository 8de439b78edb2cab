package dev.mailslot.spring.listener;

import org.springframework.messaging.Message;

/**
 * Receives the messages a {@link MailslotListenerContainer} reads.
 */
@FunctionalInterface
public interface MailslotMessageListener {

	/**
	 * Process one message.
	 * @param message the message: its payload is the bytes read, its headers are those of
	 * {@link dev.mailslot.spring.support.MailslotHeaders}
	 * @throws RuntimeException to have the message retried, then handed to the error
	 * handler
	 */
	void onMessage(Message<byte[]> message);

}
