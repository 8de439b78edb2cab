package dev.mailslot.spi;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotClosedException;
import dev.mailslot.MailslotName;

/**
 * What every transport's client has: the name it writes to and the closed state with its
 * error. {@link #close()} runs {@link #doClose()} once, after the client counts as
 * closed.
 */
public abstract class AbstractMailslotClient implements MailslotClient {

	private final MailslotName name;

	private final AtomicBoolean closed = new AtomicBoolean();

	/**
	 * Create a client.
	 * @param name the mailslot it writes to
	 */
	protected AbstractMailslotClient(MailslotName name) {
		this.name = name;
	}

	@Override
	public final MailslotName name() {
		return this.name;
	}

	/**
	 * Send a message unless the client is closed.
	 */
	@Override
	public final void write(ByteBuffer message) {
		ensureOpen();
		send(message);
	}

	/**
	 * Send the remaining bytes of a buffer as one message, advancing its position to its
	 * limit. Called by an open client; may check again under the transport's own lock.
	 * @param message the message
	 */
	protected abstract void send(ByteBuffer message);

	/**
	 * Return whether {@link #close()} was called.
	 * @return whether closed
	 */
	protected final boolean isClosed() {
		return this.closed.get();
	}

	/**
	 * Throw if the client is closed.
	 * @throws MailslotClosedException if it is
	 */
	protected final void ensureOpen() {
		if (this.closed.get()) {
			throw new MailslotClosedException(this.name, "Mailslot client for " + this.name + " is closed");
		}
	}

	/**
	 * Count the client as closed, then {@link #doClose() release} what it holds; closing
	 * again does nothing.
	 */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			doClose();
		}
	}

	/**
	 * Release what the client holds: called once, with the client already counting as
	 * closed. Nothing by default.
	 */
	protected void doClose() {
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.name + "]";
	}

}
