package dev.mailslot.spring.listener;

import java.util.function.Consumer;

/**
 * A container's listener as its {@link MailslotListenerInvoker} calls it: with the unit
 * the container delivers, one message ({@link MessageUnitListener}) or a batch
 * ({@link BatchUnitListener}), as spring-kafka types its generic listener by a record or
 * a list of records. It also says what of a unit the invoker counts, observes and hands
 * to the failure handler.
 *
 * @param <T> the unit
 */
interface UnitListener<T> {

	/**
	 * Call the listener with a unit.
	 * @param unit the message or batch
	 */
	void onUnit(T unit);

	/**
	 * Return how many messages a unit holds.
	 * @param unit the message or batch
	 * @return the count
	 */
	int messageCount(T unit);

	/**
	 * Return how many payload bytes a unit holds.
	 * @param unit the message or batch
	 * @return the bytes
	 */
	int byteCount(T unit);

	/**
	 * Hand a unit whose listener threw to the failure handler.
	 * @param failureHandler the failure handler
	 * @param unit the message or batch
	 * @param failure what the listener threw
	 * @param retries calls the listener again for the failure handler
	 * @return how many messages of the unit were given up
	 */
	int handleFailure(MailslotFailureHandler failureHandler, T unit, Throwable failure, Consumer<T> retries);

	/**
	 * Describe a unit for a log line.
	 * @param unit the message or batch
	 * @return such as "a message of 12 bytes"
	 */
	String describe(T unit);

}
