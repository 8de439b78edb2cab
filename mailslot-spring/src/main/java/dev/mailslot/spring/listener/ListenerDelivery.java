package dev.mailslot.spring.listener;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.springframework.messaging.Message;

import dev.mailslot.MailslotTimeoutException;
import dev.mailslot.ReadTimeout;

/**
 * What a container's run reads and gives its listener at a time: a message
 * ({@link SingleMessageDelivery}) or a batch ({@link BatchDelivery}). The reader and the
 * dispatchers handle these units without knowing which.
 *
 * @param <T> the unit
 */
interface ListenerDelivery<T> {

	/**
	 * Read the next unit.
	 * @param timeout how long to wait for its first message
	 * @param interrupted whether the run was asked to pause or stop, which ends a wait
	 * for more messages
	 * @return the unit
	 * @throws MailslotTimeoutException if no message arrived in time
	 */
	T read(ReadTimeout timeout, BooleanSupplier interrupted);

	/**
	 * Read the next unit from the messages already waiting, without waiting for more: a
	 * drain takes one unit at a time this way.
	 * @return the unit
	 * @throws MailslotTimeoutException if no message is waiting
	 */
	T readWaiting();

	/**
	 * Give a unit to the listener; what fails goes to the failure handler. Nothing is
	 * thrown.
	 * @param unit the unit
	 */
	void deliver(T unit);

	/**
	 * Return the messages of units, for the error handler.
	 * @param units the units, in order
	 * @return their messages, in order
	 */
	List<Message<byte[]>> messagesOf(List<T> units);

}
