package dev.mailslot.spring.listener;

import java.util.List;

/**
 * Takes each message, or batch, a container's reader reads to the listener: on the
 * reader's thread, in order ({@link OrderedMessageDispatcher}), or through a hand-off to
 * several dispatchers ({@link ConcurrentMessageDispatcher}). The reader takes a unit out
 * of the mailslot only once {@link #awaitRoom(long)} says a dispatcher is free for it, so
 * that what the listener cannot take yet stays in the mailslot. One dispatcher serves one
 * run of the container.
 *
 * @param <T> what is dispatched: a message or a batch ({@link ListenerDelivery})
 */
interface MessageDispatcher<T> {

	/**
	 * Get ready to take messages; if that fails, undo what was started and throw.
	 */
	void start();

	/**
	 * Wait until a dispatcher is free for the next unit, and keep it for that unit.
	 * Called by the reader before each read.
	 * @param timeoutNanos how long to wait at most
	 * @return whether a dispatcher is kept for the next unit
	 */
	boolean awaitRoom(long timeoutNanos);

	/**
	 * Process a message or batch, or hand it to the dispatcher {@link #awaitRoom(long)}
	 * kept for it, unless the drain has passed its deadline.
	 * @param unit the message or batch
	 * @param drain the drain deadline of the run
	 * @return {@code false} if the drain deadline passed: the unit stays with the caller
	 */
	boolean dispatch(T unit, DrainDeadline drain);

	/**
	 * Return whether the listener is called on the reader's thread, so that only the
	 * reader's return ends the messages in flight.
	 * @return whether this dispatcher calls the listener on the reader
	 */
	boolean callsOnReader();

	/**
	 * Take no more messages: the dispatchers end once they processed what they hold.
	 */
	void finish();

	/**
	 * Wait for the dispatchers to end.
	 * @param deadline until when, in {@code System.nanoTime()}
	 * @return whether they ended
	 * @throws InterruptedException if this thread was interrupted
	 */
	boolean awaitFinished(long deadline) throws InterruptedException;

	/**
	 * Take back the messages or batches no dispatcher has taken yet.
	 * @return what was taken back, in order
	 */
	List<T> takeBack();

}
