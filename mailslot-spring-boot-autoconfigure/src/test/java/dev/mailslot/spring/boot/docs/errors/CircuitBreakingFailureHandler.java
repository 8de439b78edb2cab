package dev.mailslot.spring.boot.docs.errors;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.messaging.Message;

import dev.mailslot.spring.listener.MailslotFailureHandler;
import dev.mailslot.spring.listener.MailslotMessageListener;
import dev.mailslot.spring.listener.MessageNotDispatchedException;

/**
 * The failure handler of the example: it does not retry, and keeps what failed. It takes the
 * default for batches, which hands their failed messages to {@link #handleFailure} one at a time.
 */
class CircuitBreakingFailureHandler implements MailslotFailureHandler {

	final List<Throwable> failures = new CopyOnWriteArrayList<>();

	@Override
	public boolean handleFailure(Message<byte[]> message, Throwable failure, MailslotMessageListener listener) {
		this.failures.add(failure);
		return false;
	}

	@Override
	public void handleUndispatched(Message<byte[]> message, MessageNotDispatchedException cause) {
		this.failures.add(cause);
	}

}
