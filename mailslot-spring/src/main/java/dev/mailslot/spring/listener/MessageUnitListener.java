package dev.mailslot.spring.listener;

import java.util.function.Consumer;

import org.springframework.messaging.Message;

/**
 * A {@link MailslotMessageListener} called with one message at a time.
 */
final class MessageUnitListener implements UnitListener<Message<byte[]>> {

	private final MailslotMessageListener listener;

	MessageUnitListener(MailslotMessageListener listener) {
		this.listener = listener;
	}

	MailslotMessageListener listener() {
		return this.listener;
	}

	@Override
	public void onUnit(Message<byte[]> message) {
		this.listener.onMessage(message);
	}

	@Override
	public int messageCount(Message<byte[]> message) {
		return 1;
	}

	@Override
	public int byteCount(Message<byte[]> message) {
		return message.getPayload().length;
	}

	@Override
	public int handleFailure(MailslotFailureHandler failureHandler, Message<byte[]> message, Throwable failure,
			Consumer<Message<byte[]>> retries) {
		return failureHandler.handleFailure(message, failure, retries::accept) ? 0 : 1;
	}

	@Override
	public String describe(Message<byte[]> message) {
		return "a message of " + message.getPayload().length + " bytes";
	}

}
