package dev.mailslot;

import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * The writing end of a mailslot, as CreateFile opens it: each write sends one message.
 */
public interface MailslotClient extends AutoCloseable {

	/**
	 * Return the name this client writes to.
	 * @return the mailslot name
	 */
	MailslotName name();

	/**
	 * Send one message.
	 * @param message the whole message; may be empty
	 * @throws MessageTooLargeException if the message is larger than the mailslot accepts
	 * @throws NoSuchMailslotException if the server has closed the mailslot
	 */
	default void write(byte[] message) {
		write(ByteBuffer.wrap(message));
	}

	/**
	 * Send the remaining bytes of a buffer as one message. The buffer's position advances
	 * to its limit.
	 * @param message the message
	 * @throws MessageTooLargeException if the message is larger than the mailslot accepts
	 * @throws NoSuchMailslotException if the server has closed the mailslot
	 */
	void write(ByteBuffer message);

	/**
	 * Send the remaining bytes of a buffer as one message, waiting at most the given time
	 * where the transport makes a writer wait for room (posix, while the queue is full).
	 * On Windows a write does not wait, and neither does this one.
	 * @param message the message
	 * @param timeout how long the write may wait for room
	 * @throws MailslotWriteTimeoutException if no room was made in time; nothing was sent
	 * @throws MessageTooLargeException if the message is larger than the mailslot accepts
	 * @throws NoSuchMailslotException if the server has closed the mailslot
	 */
	default void write(ByteBuffer message, Duration timeout) {
		write(message);
	}

	/**
	 * Release the client's handle. The mailslot and the messages sent stay. Closing twice
	 * does nothing.
	 */
	@Override
	void close();

}
