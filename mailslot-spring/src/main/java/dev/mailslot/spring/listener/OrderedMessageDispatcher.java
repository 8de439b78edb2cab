package dev.mailslot.spring.listener;

import java.util.List;

/**
 * Calls the listener on the reader's thread: messages, or batches, are processed one at a
 * time, in the order they were written, and none waits between threads.
 *
 * @param <T> what the listener is called with: a message or a batch
 */
final class OrderedMessageDispatcher<T> implements MessageDispatcher<T> {

	private final ListenerDelivery<T> delivery;

	OrderedMessageDispatcher(ListenerDelivery<T> delivery) {
		this.delivery = delivery;
	}

	@Override
	public void start() {
	}

	/**
	 * The reader itself is free once it reads.
	 */
	@Override
	public boolean awaitRoom(long timeoutNanos) {
		return true;
	}

	@Override
	public boolean dispatch(T unit, DrainDeadline drain) {
		if (drain.hasPassed()) {
			return false;
		}
		Thread.interrupted();
		this.delivery.deliver(unit);
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
	public List<T> takeBack() {
		return List.of();
	}

}
