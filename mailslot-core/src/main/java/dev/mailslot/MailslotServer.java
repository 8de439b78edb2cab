package dev.mailslot;

import java.nio.ByteBuffer;

/**
 * The reading end of a mailslot, as CreateMailslot returns it. Only the server reads;
 * clients write. Closing the server deletes the mailslot and every message still waiting
 * in it.
 * <p>
 * Reads, {@link #info()}, {@link #setReadTimeout(ReadTimeout)} and {@link #wakeup()} may
 * be called from any thread; {@link #wakeup()} ends a read that another thread is waiting
 * in and leaves the server open, {@link #close()} ends it and deletes the mailslot.
 */
public interface MailslotServer extends AutoCloseable {

	/**
	 * Return the name of this mailslot.
	 * @return the local name
	 */
	MailslotName name();

	/**
	 * Return the id of the transport that holds this mailslot.
	 * @return the transport id, for example {@code posix}
	 */
	String transport();

	/**
	 * Read the next message, waiting up to the read timeout.
	 * @return the whole message; empty for a zero-length message
	 * @throws MailslotTimeoutException if no message arrived within the read timeout, or
	 * {@link MailslotWakeupException} if {@link #wakeup()} ended the wait
	 * @throws MailslotClosedException if the server is closed, also while this read
	 * waited
	 */
	byte[] read();

	/**
	 * Read the next message, waiting up to the given timeout instead of the server's. The
	 * server's read timeout, as {@link #info()} reports it, does not change.
	 * @param timeout how long this read waits
	 * @return the whole message; empty for a zero-length message
	 * @throws MailslotTimeoutException if no message arrived within the timeout, or
	 * {@link MailslotWakeupException} if {@link #wakeup()} ended the wait
	 * @throws MailslotClosedException if the server is closed, also while this read
	 * waited
	 */
	byte[] read(ReadTimeout timeout);

	/**
	 * Read the next message with what the transport knows of its sender, waiting up to
	 * the given timeout. Transports that know nothing of senders return the message
	 * without attributes.
	 * @param timeout how long this read waits
	 * @return the message
	 * @throws MailslotTimeoutException if no message arrived within the timeout, or
	 * {@link MailslotWakeupException} if {@link #wakeup()} ended the wait
	 * @throws MailslotClosedException if the server is closed, also while this read
	 * waited
	 */
	default MailslotMessage readMessage(ReadTimeout timeout) {
		return MailslotMessage.of(read(timeout));
	}

	/**
	 * Read the next message into a buffer, waiting up to the read timeout. The message is
	 * put at the buffer's position, which advances by its size.
	 * @param buffer where to put the message
	 * @return the size of the message
	 * @throws BufferTooSmallException if the message does not fit; it stays queued
	 * @throws MailslotTimeoutException if no message arrived within the read timeout, or
	 * {@link MailslotWakeupException} if {@link #wakeup()} ended the wait
	 * @throws MailslotClosedException if the server is closed, also while this read
	 * waited
	 */
	int read(ByteBuffer buffer);

	/**
	 * Read the next message into a buffer, waiting up to the given timeout instead of the
	 * server's.
	 * @param buffer where to put the message
	 * @param timeout how long this read waits
	 * @return the size of the message
	 * @throws BufferTooSmallException if the message does not fit; it stays queued
	 * @throws MailslotTimeoutException if no message arrived within the timeout, or
	 * {@link MailslotWakeupException} if {@link #wakeup()} ended the wait
	 * @throws MailslotClosedException if the server is closed, also while this read
	 * waited
	 */
	int read(ByteBuffer buffer, ReadTimeout timeout);

	/**
	 * Return what GetMailslotInfo reports: maximum size, next size, count and read
	 * timeout.
	 * @return the current information
	 * @throws MailslotClosedException if the server is closed
	 */
	MailslotInfo info();

	/**
	 * Change the read timeout for later reads, as SetMailslotInfo does.
	 * @param readTimeout the new timeout
	 * @throws MailslotClosedException if the server is closed
	 */
	void setReadTimeout(ReadTimeout readTimeout);

	/**
	 * End the read that waits for a message at once with {@link MailslotWakeupException},
	 * as Kafka's {@code Consumer.wakeup()} ends a poll. If no read waits, the wake-up is
	 * kept for the next read that finds no message, which ends so instead of waiting (or
	 * timing out, for {@link ReadTimeout#ZERO}); so a thread that sets a stop flag and
	 * then calls {@code wakeup()} never waits for a reader that checked the flag just
	 * before. A wake-up ends one read, and wake-ups kept for the same read count as one.
	 * It never takes a message: a read that finds one, also one that arrives as it is
	 * woken, returns it, and the wake-up waits for the next read.
	 * <p>
	 * Does not wait, may be called from any thread, and does nothing on a closed server.
	 * The default does nothing, for servers that are not a transport's own (wrappers,
	 * test doubles): a waiting read then ends at its timeout. Every transport's server
	 * overrides it.
	 */
	default void wakeup() {
	}

	/**
	 * Return whether the server is open.
	 * @return {@code false} once {@link #close()} was called
	 */
	boolean isOpen();

	/**
	 * Delete the mailslot. Messages still waiting are discarded, reads waiting in other
	 * threads end with {@link MailslotClosedException}, and clients can no longer write.
	 * Closing twice does nothing.
	 */
	@Override
	void close();

}
