package dev.mailslot.transport.unix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.OptionalInt;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import dev.mailslot.BufferTooSmallException;
import dev.mailslot.MailslotInfo;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTimeoutException;
import dev.mailslot.ReadTimeout;
import dev.mailslot.spi.AbstractMailslotServer;
import dev.mailslot.spi.DeletedMessagesLog;
import dev.mailslot.transport.posix.PosixHoldMemory;

/**
 * A mailslot on a Unix domain socket. A keeper thread reads whole messages off the writers'
 * connections into memory while the hold has room (the server's hold capacity, at least one
 * message, within the memory posix and unix servers of the process share); past that it stops
 * reading, the sockets' buffers fill, and writers wait. Reads and {@code info()} first take in what
 * has arrived themselves, so that a message whose write returned is counted and read at once.
 */
final class UnixMailslotServer extends AbstractMailslotServer {

	private static final System.Logger logger = System.getLogger(UnixMailslotServer.class.getName());

	private final int maxMessageSize;

	private final int holdCapacity;

	private final Path socket;

	private final ServerSocketChannel channel;

	private final UnixConnections connections;

	private final UnixSocketOwnership ownership;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	private final ArrayDeque<byte[]> messages = new ArrayDeque<>();

	private final UnixConnections.Hold hold = new MemoryHold();

	private final Thread keeper;

	private long reserved;

	UnixMailslotServer(String transport, MailslotServerOptions options, int maxMessageSize, Path socket,
			ServerSocketChannel channel, UnixSocketOwnership ownership) throws IOException {
		super(options.name(), transport, options.readTimeout());
		this.maxMessageSize = maxMessageSize;
		this.holdCapacity = Math.max(1, options.holdCapacity());
		this.socket = socket;
		this.channel = channel;
		this.ownership = ownership;
		this.connections = new UnixConnections(options.name(), channel, maxMessageSize);
		this.keeper = new Thread(this::keep, "mailslot-unix-" + options.name().path());
		this.keeper.setDaemon(true);
		this.keeper.start();
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
	 * Take in what has arrived, and tell the reads that wait when it is a message. Called under the
	 * lock.
	 */
	private void pump() {
		if (this.connections.pump(this.hold) > 0) {
			this.changed.signalAll();
		}
	}

	@Override
	public byte[] read(ReadTimeout timeout) {
		ReadTimeout.requireNonNull(timeout);
		this.lock.lock();
		try {
			return take(awaitMessage(timeout));
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
			buffer.put(take(next));
			return next.length;
		}
		finally {
			this.lock.unlock();
		}
	}

	private byte[] take(byte[] next) {
		this.messages.pollFirst();
		this.reserved -= PosixHoldMemory.cost(next.length);
		PosixHoldMemory.release(PosixHoldMemory.cost(next.length));
		this.connections.wakeup();
		return next;
	}

	/**
	 * Wait for a message, as uninterruptibly as a native read: only the timeout, a wake-up and close
	 * end the wait. An interrupt that arrives meanwhile stays set on the thread.
	 * @return the next message, left in the hold
	 */
	private byte[] awaitMessage(ReadTimeout timeout) {
		long deadline = timeout.isForever() ? Long.MAX_VALUE : System.nanoTime() + timeout.toDuration().toNanos();
		boolean interrupted = false;
		try {
			while (true) {
				ensureOpen();
				if (this.messages.isEmpty()) {
					pump();
				}
				byte[] next = this.messages.peekFirst();
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
			byte[] next = this.messages.peekFirst();
			return new MailslotInfo(this.maxMessageSize,
					(next != null) ? OptionalInt.of(next.length) : OptionalInt.empty(), this.messages.size(),
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
	 * Return the frames and connections dropped as garbage, by reason.
	 */
	UnixConnections garbage() {
		return this.connections;
	}

	/**
	 * Remove the socket so that no writer connects any more, take in what was written before, then
	 * delete it all with a warning that counts it, end the connections (their writers' next write
	 * fails) and let go of the name.
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
			this.connections.pump(this.hold);
			DeletedMessagesLog.warn(logger, name(), this.messages.size());
			this.messages.clear();
			this.connections.close(this.hold);
			PosixHoldMemory.release(this.reserved);
			this.reserved = 0;
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

	/**
	 * The hold: at most the hold capacity of messages, within {@link PosixHoldMemory}.
	 */
	private final class MemoryHold implements UnixConnections.Hold {

		@Override
		public boolean reserve(int size) {
			UnixMailslotServer server = UnixMailslotServer.this;
			if (server.messages.size() >= server.holdCapacity || !PosixHoldMemory.tryReserve(PosixHoldMemory.cost(size))) {
				return false;
			}
			server.reserved += PosixHoldMemory.cost(size);
			return true;
		}

		@Override
		public void add(byte[] message) {
			UnixMailslotServer.this.messages.addLast(message);
		}

		@Override
		public void unreserve(int size) {
			UnixMailslotServer.this.reserved -= PosixHoldMemory.cost(size);
			PosixHoldMemory.release(PosixHoldMemory.cost(size));
		}

	}

}
