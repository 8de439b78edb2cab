package dev.mailslot.transport.unix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

import dev.mailslot.BufferTooSmallException;
import dev.mailslot.MailslotInfo;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTimeoutException;
import dev.mailslot.ReadTimeout;
import dev.mailslot.spi.AbstractMailslotServer;
import dev.mailslot.spi.DeletedMessagesLog;

/**
 * A mailslot on a Unix domain socket. A keeper thread grants writers their messages while
 * the hold has room (the server's hold capacity, at least one message, within the memory
 * posix and unix servers of the process share) and reads them in; past that, writers wait
 * for their grant. Reads and {@code info()} first take in what has arrived themselves, so
 * that a message whose write returned is counted and read at once. How many messages it
 * holds is kept in the lock file ({@link UnixSocketOwnership}), for the next server of
 * the name to count what a kill lost.
 */
final class UnixMailslotServer extends AbstractMailslotServer {

	private static final System.Logger logger = System.getLogger(UnixMailslotServer.class.getName());

	private final int maxMessageSize;

	private final Path socket;

	private final ServerSocketChannel channel;

	private final UnixConnections connections;

	private final UnixSocketOwnership ownership;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	private final UnixHeldMessages held;

	UnixMailslotServer(String transport, MailslotServerOptions options, int maxMessageSize, Path socket,
			ServerSocketChannel channel, UnixSocketOwnership ownership) throws IOException {
		super(options.name(), transport, options.readTimeout());
		this.maxMessageSize = maxMessageSize;
		this.held = new UnixHeldMessages(Math.max(1, options.holdCapacity()), ownership::held);
		this.socket = socket;
		this.channel = channel;
		this.ownership = ownership;
		this.connections = new UnixConnections(options.name(), channel, maxMessageSize);
		if (ownership.lostByPrevious() > 0) {
			logger.log(System.Logger.Level.WARNING,
					"The previous server of mailslot " + name() + " ended without "
							+ "closing it (it was killed, or its machine stopped) while it held "
							+ ownership.lostByPrevious() + " message(s) its writers had sent; they are lost");
		}
		Thread keeper = new Thread(this::keep, "mailslot-unix-" + options.name().path());
		keeper.setDaemon(true);
		keeper.start();
	}

	private void keep() {
		while (this.connections.await()) {
			this.lock.lock();
			try {
				if (isClosed()) {
					return;
				}
				pump();
			}
			finally {
				this.lock.unlock();
			}
		}
	}

	/**
	 * Take in what has arrived, and tell the reads that wait when it is a message. Called
	 * under the lock.
	 */
	private void pump() {
		if (this.connections.pump(this.held) > 0) {
			this.changed.signalAll();
		}
	}

	@Override
	public byte[] read(ReadTimeout timeout) {
		ReadTimeout.requireNonNull(timeout);
		this.lock.lock();
		try {
			awaitMessage(timeout);
			return take();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public int read(ByteBuffer buffer, ReadTimeout timeout) {
		ReadTimeout.requireNonNull(timeout);
		this.lock.lock();
		try {
			byte[] next = awaitMessage(timeout);
			if (next.length > buffer.remaining()) {
				this.changed.signal();
				throw new BufferTooSmallException(name(), next.length, buffer.remaining());
			}
			buffer.put(take());
			return next.length;
		}
		finally {
			this.lock.unlock();
		}
	}

	private byte[] take() {
		byte[] message = this.held.take();
		if (message == null) {
			throw new IllegalStateException("No message to take: take only after awaitMessage, under the lock");
		}
		this.connections.wakeup();
		return message;
	}

	/**
	 * Wait for a message, as uninterruptibly as a native read: only the timeout, a
	 * wake-up and close end the wait. An interrupt that arrives meanwhile stays set on
	 * the thread.
	 * @return the next message, left in the hold
	 */
	private byte[] awaitMessage(ReadTimeout timeout) {
		long deadline = timeout.isForever() ? Long.MAX_VALUE : System.nanoTime() + timeout.toDuration().toNanos();
		boolean interrupted = false;
		try {
			while (true) {
				ensureOpen();
				byte[] next = next();
				if (next != null) {
					return next;
				}
				endIfWokenUp(timeout);
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					throw new MailslotTimeoutException(name(), timeout);
				}
				try {
					this.changed.awaitNanos(remaining);
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
				if (isClosed()) {
					throw closedWhileReading();
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Return the next message: the first place's if it is in, or else, once what has
	 * arrived is taken in, the first message that is in. A place before it waits for a
	 * writer whose write has not returned, so the message written first is still read
	 * first.
	 */
	private byte @Nullable [] next() {
		if (!this.held.firstIsFilled()) {
			pump();
		}
		return this.held.peek();
	}

	@Override
	protected void wakeReader() {
		this.lock.lock();
		try {
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public MailslotInfo info() {
		this.lock.lock();
		try {
			ensureOpen();
			pump();
			byte[] next = this.held.peek();
			return new MailslotInfo(this.maxMessageSize,
					(next != null) ? OptionalInt.of(next.length) : OptionalInt.empty(), this.held.count(),
					readTimeout());
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void setReadTimeout(ReadTimeout readTimeout) {
		this.lock.lock();
		try {
			super.setReadTimeout(readTimeout);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Return how many messages the previous server of the name held when it ended without
	 * closing (killed), and so lost.
	 */
	long lostByPreviousServer() {
		return this.ownership.lostByPrevious();
	}

	/**
	 * Return what was dropped as garbage, by reason.
	 */
	UnixConnections garbage() {
		return this.connections;
	}

	/**
	 * Remove the socket so that no writer connects any more, take in what was written
	 * before, then delete it all with a warning that counts it, end the connections
	 * (their writers' next write fails) and let go of the name.
	 */
	@Override
	protected void doClose() {
		try {
			Files.deleteIfExists(this.socket);
		}
		catch (IOException ex) {
			logger.log(System.Logger.Level.WARNING, "Cannot remove the socket " + this.socket + " of mailslot " + name()
					+ "; the next server of the name replaces it", ex);
		}
		this.lock.lock();
		try {
			this.connections.pump(this.held);
			this.connections.close(this.held);
			DeletedMessagesLog.warn(logger, name(), this.held.clear());
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		try {
			this.channel.close();
		}
		catch (IOException ex) {
			// Closed all the same.
		}
		this.ownership.close();
	}

}
