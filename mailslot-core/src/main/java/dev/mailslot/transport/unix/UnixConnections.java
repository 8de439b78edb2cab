package dev.mailslot.transport.unix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.mailslot.MailslotName;
import dev.mailslot.transport.posix.PosixHoldMemory;

/**
 * The writers' connections to a server: accepts them, greets each, and reads whole frames off them
 * into the server's hold while it has room ({@link Hold}). Frames longer than the maximum, frames
 * cut short by the end of their connection, and connections past {@value #MAX_CONNECTIONS} are
 * dropped and counted, never more. Not thread-safe: the server calls it under its lock, except
 * {@link #await()} and {@link #wakeup()}.
 */
final class UnixConnections implements AutoCloseable {

	/** Most writers connected at once; more are closed at once and counted. */
	static final int MAX_CONNECTIONS = 128;

	private static final System.Logger logger = System.getLogger(UnixConnections.class.getName());

	private final MailslotName name;

	private final ServerSocketChannel server;

	private final Selector selector;

	private final int maxMessageSize;

	private final List<Connection> connections = new ArrayList<>();

	private final AtomicLong oversized = new AtomicLong();

	private final AtomicLong truncated = new AtomicLong();

	private final AtomicLong refused = new AtomicLong();

	private boolean reading = true;

	/** What {@link Connection#next(Hold)} returns when the hold has no room for the next message. */
	private static final byte[] FULL = new byte[0];

	UnixConnections(MailslotName name, ServerSocketChannel server, int maxMessageSize) throws IOException {
		this.name = name;
		this.server = server;
		this.maxMessageSize = maxMessageSize;
		this.selector = Selector.open();
		server.configureBlocking(false);
		server.register(this.selector, SelectionKey.OP_ACCEPT);
	}

	/**
	 * Wait until a writer connects or sends, or {@link #wakeup()}.
	 * @return whether to go on: false once closed
	 */
	boolean await() {
		try {
			this.selector.select();
			this.selector.selectedKeys().clear();
			return true;
		}
		catch (IOException | ClosedSelectorException ex) {
			return false;
		}
	}

	void wakeup() {
		this.selector.wakeup();
	}

	/**
	 * Accept the writers that wait, then read every whole frame that has arrived into the hold, as
	 * long as it has room.
	 * @param hold where messages go
	 * @return how many messages went there
	 */
	int pump(Hold hold) {
		accept();
		int added = 0;
		for (Connection connection : new ArrayList<>(this.connections)) {
			byte[] message;
			while ((message = connection.next(hold)) != null) {
				if (message == FULL) {
					pauseReading();
					return added;
				}
				hold.add(message);
				added++;
			}
		}
		resumeReading();
		return added;
	}

	private void accept() {
		try {
			SocketChannel writer;
			while ((writer = this.server.accept()) != null) {
				if (this.connections.size() >= MAX_CONNECTIONS) {
					writer.close();
					report(this.refused, "connection refused: the server already has " + MAX_CONNECTIONS + " writers");
					continue;
				}
				writer.configureBlocking(false);
				writer.write(UnixWireFormat.greeting(this.maxMessageSize));
				Connection connection = new Connection(writer);
				connection.key = writer.register(this.selector, this.reading ? SelectionKey.OP_READ : 0, connection);
				this.connections.add(connection);
			}
		}
		catch (IOException ex) {
			logger.log(System.Logger.Level.DEBUG, "Accepting a writer of mailslot " + this.name + " failed", ex);
		}
	}

	private void pauseReading() {
		setReading(false);
	}

	private void resumeReading() {
		setReading(true);
	}

	private void setReading(boolean reading) {
		if (this.reading != reading) {
			this.reading = reading;
			for (Connection connection : this.connections) {
				connection.key.interestOps(reading ? SelectionKey.OP_READ : 0);
			}
		}
	}

	/**
	 * Return the frames dropped for a length over the maximum.
	 */
	long oversized() {
		return this.oversized.get();
	}

	/**
	 * Return the frames dropped because their connection ended before their last byte.
	 */
	long truncated() {
		return this.truncated.get();
	}

	/**
	 * Return the connections refused past {@value #MAX_CONNECTIONS}.
	 */
	long refused() {
		return this.refused.get();
	}

	private void report(AtomicLong counter, String what) {
		long count = counter.incrementAndGet();
		logger.log((count == 1) ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG,
				"Mailslot " + this.name + ": " + what + " (" + count + " so far)");
	}

	/**
	 * Close every connection and the selector; a frame half read is dropped.
	 * @param hold where reserved room goes back
	 */
	void close(Hold hold) {
		for (Connection connection : new ArrayList<>(this.connections)) {
			connection.hold = hold;
			connection.remove();
		}
		close();
	}

	@Override
	public void close() {
		try {
			this.selector.close();
		}
		catch (IOException ex) {
			// Nothing is left to do with it.
		}
	}

	/**
	 * Where a server keeps what it read: room is reserved for a message once its length is known,
	 * before its bytes are read.
	 */
	interface Hold {

		/**
		 * Reserve room for a message of the given size.
		 * @return whether there is room
		 */
		boolean reserve(int size);

		/**
		 * Add a message whose room was reserved.
		 */
		void add(byte[] message);

		/**
		 * Give back the room of a message that was dropped before it was whole.
		 */
		void unreserve(int size);

	}

	private final class Connection {

		private final SocketChannel channel;

		private final ByteBuffer length = ByteBuffer.allocate(UnixWireFormat.LENGTH_SIZE);

		private SelectionKey key;

		private int size = -1;

		private ByteBuffer payload;

		private Hold hold;

		Connection(SocketChannel channel) {
			this.channel = channel;
		}

		/**
		 * Read on until a whole frame is in, or nothing more has arrived.
		 * @return the message; {@link #FULL} if the hold has no room for it; null when none is whole
		 * yet or the connection was dropped
		 */
		byte[] next(Hold hold) {
			this.hold = hold;
			try {
				if (this.size < 0) {
					if (this.channel.read(this.length) < 0) {
						end(this.length.position() > 0);
						return null;
					}
					if (this.length.hasRemaining()) {
						return null;
					}
					int announced = this.length.flip().getInt();
					this.length.clear();
					if (announced < 0 || announced > UnixConnections.this.maxMessageSize) {
						report(UnixConnections.this.oversized, "a writer sent a frame of "
								+ Integer.toUnsignedString(announced) + " bytes, over the maximum of "
								+ UnixConnections.this.maxMessageSize + "; its connection was closed");
						remove();
						return null;
					}
					this.size = announced;
				}
				if (this.payload == null) {
					if (!hold.reserve(this.size)) {
						return FULL;
					}
					this.payload = ByteBuffer.allocate(this.size);
				}
				if (this.payload.hasRemaining() && this.channel.read(this.payload) < 0) {
					end(true);
					return null;
				}
				if (this.payload.hasRemaining()) {
					return null;
				}
				byte[] message = this.payload.array();
				this.payload = null;
				this.size = -1;
				return message;
			}
			catch (IOException ex) {
				end(this.size >= 0 || this.length.position() > 0);
				return null;
			}
		}

		private void end(boolean midFrame) {
			if (midFrame) {
				report(UnixConnections.this.truncated,
						"a writer's connection ended in the middle of a message, which was dropped");
			}
			remove();
		}

		private void remove() {
			UnixConnections.this.connections.remove(this);
			if (this.payload != null) {
				this.hold.unreserve(this.payload.capacity());
				this.payload = null;
			}
			try {
				this.channel.close();
			}
			catch (IOException ex) {
				// Closed all the same.
			}
		}

	}

}
