package dev.mailslot;

import java.nio.ByteBuffer;

/**
 * The reading end of a mailslot, as CreateMailslot returns it. Only the server reads; clients
 * write. Closing the server deletes the mailslot and every message still waiting in it.
 * <p>
 * Reads, {@link #info()} and {@link #setReadTimeout(ReadTimeout)} may be called from any thread;
 * {@link #close()} ends a read that another thread is waiting in.
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
	 * @throws MailslotTimeoutException if no message arrived within the read timeout
	 * @throws MailslotClosedException if the server is closed, also while this read waited
	 */
	byte[] read();

	/**
	 * Read the next message, waiting up to the given timeout instead of the server's. The server's
	 * read timeout, as {@link #info()} reports it, does not change.
	 * @param timeout how long this read waits
	 * @return the whole message; empty for a zero-length message
	 * @throws MailslotTimeoutException if no message arrived within the timeout
	 * @throws MailslotClosedException if the server is closed, also while this read waited
	 */
	byte[] read(ReadTimeout timeout);

	/**
	 * Read the next message with what the transport knows of its sender, waiting up to the given
	 * timeout. Transports that know nothing of senders return the message without attributes.
	 * @param timeout how long this read waits
	 * @return the message
	 * @throws MailslotTimeoutException if no message arrived within the timeout
	 * @throws MailslotClosedException if the server is closed, also while this read waited
	 */
	default MailslotMessage readMessage(ReadTimeout timeout) {
		return MailslotMessage.of(read(timeout));
	}

	/**
	 * Read the next message into a buffer, waiting up to the read timeout. The message is put at
	 * the buffer's position, which advances by its size.
	 * @param buffer where to put the message
	 * @return the size of the message
	 * @throws BufferTooSmallException if the message does not fit; it stays queued
	 * @throws MailslotTimeoutException if no message arrived within the read timeout
	 * @throws MailslotClosedException if the server is closed, also while this read waited
	 */
	int read(ByteBuffer buffer);

	/**
	 * Read the next message into a buffer, waiting up to the given timeout instead of the
	 * server's.
	 * @param buffer where to put the message
	 * @param timeout how long this read waits
	 * @return the size of the message
	 * @throws BufferTooSmallException if the message does not fit; it stays queued
	 * @throws MailslotTimeoutException if no message arrived within the timeout
	 * @throws MailslotClosedException if the server is closed, also while this read waited
	 */
	int read(ByteBuffer buffer, ReadTimeout timeout);

	/**
	 * Return what GetMailslotInfo reports: maximum size, next size, count and read timeout.
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
	 * Return whether the server is open.
	 * @return {@code false} once {@link #close()} was called
	 */
	boolean isOpen();

	/**
	 * Delete the mailslot. Messages still waiting are discarded, reads waiting in other threads end
	 * with {@link MailslotClosedException}, and clients can no longer write. Closing twice does
	 * nothing.
	 */
	@Override
	void close();

}
