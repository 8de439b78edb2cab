package dev.mailslot.spi;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.mailslot.MailslotClosedException;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotWakeupException;
import dev.mailslot.ReadTimeout;

/**
 * What every transport's server has: its name and transport, the read timeout that reads
 * without one of their own use, the wake-up a read is waiting for, and the closed state
 * with its errors. {@link #close()} runs {@link #doClose()} once, after the server counts
 * as closed.
 * <p>
 * {@link #wakeup()} keeps the wake-up, then has the transport {@link #wakeReader() wake}
 * the read that waits. A read that finds no message calls
 * {@link #endIfWokenUp(ReadTimeout)} before it waits and each time its wait ends, and so
 * ends with {@link MailslotWakeupException} once woken.
 */
public abstract class AbstractMailslotServer implements MailslotServer {

	private final MailslotName name;

	private final String transport;

	private final AtomicBoolean closed = new AtomicBoolean();

	private final AtomicBoolean wakeupPending = new AtomicBoolean();

	private volatile ReadTimeout readTimeout;

	/**
	 * Create a server.
	 * @param name the mailslot's name
	 * @param transport the id of the transport that holds it
	 * @param readTimeout the read timeout it was created with
	 */
	protected AbstractMailslotServer(MailslotName name, String transport, ReadTimeout readTimeout) {
		this.name = name;
		this.transport = transport;
		this.readTimeout = ReadTimeout.requireNonNull(readTimeout);
	}

	@Override
	public final MailslotName name() {
		return this.name;
	}

	@Override
	public final String transport() {
		return this.transport;
	}

	@Override
	public final byte[] read() {
		return read(this.readTimeout);
	}

	@Override
	public final int read(ByteBuffer buffer) {
		return read(buffer, this.readTimeout);
	}

	/**
	 * Return the server's read timeout.
	 * @return the timeout set at creation or by {@link #setReadTimeout(ReadTimeout)}
	 */
	protected final ReadTimeout readTimeout() {
		return this.readTimeout;
	}

	/**
	 * Change the read timeout of later reads. Transports that keep it elsewhere too (the
	 * handle of a Windows mailslot) set it there first, then call this.
	 */
	@Override
	public void setReadTimeout(ReadTimeout readTimeout) {
		ReadTimeout.requireNonNull(readTimeout);
		ensureOpen();
		this.readTimeout = readTimeout;
	}

	@Override
	public final boolean isOpen() {
		return !this.closed.get();
	}

	/**
	 * Return whether {@link #close()} was called.
	 * @return whether closed
	 */
	protected final boolean isClosed() {
		return this.closed.get();
	}

	/**
	 * Count the server as closed, then {@link #doClose() delete the mailslot}; closing
	 * again does nothing.
	 */
	@Override
	public final void close() {
		if (this.closed.compareAndSet(false, true)) {
			doClose();
		}
	}

	/**
	 * Delete the mailslot and its messages, and end the reads that wait: called once,
	 * with the server already counting as closed.
	 */
	protected abstract void doClose();

	/**
	 * Keep a wake-up for the read that waits, or else the next read that finds no
	 * message, then {@link #wakeReader() wake} a waiting read. Does nothing on a closed
	 * server.
	 */
	@Override
	public final void wakeup() {
		if (isClosed()) {
			return;
		}
		this.wakeupPending.set(true);
		wakeReader();
	}

	/**
	 * Make a read that waits for a message now look again, soon, at whether a message
	 * arrived and then at {@link #endIfWokenUp(ReadTimeout)}. Called after the wake-up is
	 * kept, from any thread, also while the server closes; must not block for long, nor
	 * touch what a close has released.
	 */
	protected abstract void wakeReader();

	/**
	 * End a read that found no message if a wake-up is kept for it, using the wake-up.
	 * Call before waiting and each time a wait ends without a message; never after taking
	 * a message.
	 * @param timeout the read's timeout, for the exception
	 * @throws MailslotWakeupException if a wake-up was kept
	 */
	protected final void endIfWokenUp(ReadTimeout timeout) {
		if (this.wakeupPending.get() && this.wakeupPending.compareAndSet(true, false)) {
			throw new MailslotWakeupException(this.name, timeout);
		}
	}

	/**
	 * Return whether a wake-up is kept, without using it.
	 * @return whether {@link #wakeup()} was called since a read last ended because of it
	 */
	protected final boolean isWakeupPending() {
		return this.wakeupPending.get();
	}

	/**
	 * Throw if the server is closed.
	 * @throws MailslotClosedException if it is
	 */
	protected final void ensureOpen() {
		if (this.closed.get()) {
			throw closedException();
		}
	}

	/**
	 * Make the exception of an operation on a closed server.
	 * @return the exception
	 */
	protected final MailslotClosedException closedException() {
		return new MailslotClosedException(this.name, "Mailslot server " + this.name + " is closed");
	}

	/**
	 * Make the exception of a read that the server's closing ended.
	 * @return the exception
	 */
	protected final MailslotClosedException closedWhileReading() {
		return new MailslotClosedException(this.name, "Mailslot server " + this.name + " was closed while it read");
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.name + "]";
	}

}
