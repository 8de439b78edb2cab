package dev.mailslot.spring.listener;

import java.util.List;

import org.springframework.messaging.Message;

/**
 * Calls the listener on the reader's thread: messages are processed one at a time, in the order
 * they were written, and none waits between threads.
 */
final class OrderedMessageDispatcher implements MessageDispatcher {

	private final MailslotListenerInvoker invoker;

	OrderedMessageDispatcher(MailslotListenerInvoker invoker) {
		this.invoker = invoker;
	}

	@Override
	public void start() {
	}

	@Override
	public boolean dispatch(Message<byte[]> message, DrainDeadline drain) {
		if (drain.hasPassed()) {
			return false;
		}
		Thread.interrupted();
		this.invoker.invoke(message);
		return true;
	}

	@Override
	public boolean callsOnReader() {
		return true;
	}

	@Override
	public void finish() {
	}

	@Override
	public boolean awaitFinished(long deadline) {
		return true;
	}

	@Override
	public List<Message<byte[]>> takeBack() {
		return List.of();
	}

}
