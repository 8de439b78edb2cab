package dev.mailslot.spring.listener;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.springframework.messaging.Message;

import dev.mailslot.ReadTimeout;

/**
 * Gives the listener one message at a time.
 */
final class SingleMessageDelivery implements ListenerDelivery<Message<byte[]>> {

	private final MailslotMessageSource source;

	private final MailslotListenerInvoker<Message<byte[]>> invoker;

	SingleMessageDelivery(MailslotMessageSource source, MailslotListenerInvoker<Message<byte[]>> invoker) {
		this.source = source;
		this.invoker = invoker;
	}

	@Override
	public Message<byte[]> read(ReadTimeout timeout, BooleanSupplier interrupted) {
		return this.source.read(timeout);
	}

	@Override
	public Message<byte[]> readWaiting() {
		return this.source.read(ReadTimeout.ZERO);
	}

	@Override
	public void deliver(Message<byte[]> message) {
		this.invoker.invoke(message);
	}

	@Override
	public List<Message<byte[]>> messagesOf(List<Message<byte[]>> messages) {
		return messages;
	}

}
