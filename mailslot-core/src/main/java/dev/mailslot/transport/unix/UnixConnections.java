package dev.mailslot.transport.unix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import dev.mailslot.MailslotName;

/**
 * The writers' connections to a server: accepts and greets them, reads the lengths they
 * announce, grants them in the order announced while the hold has room
 * ({@link UnixHeldMessages}), and reads the messages granted into their places. A length
 * over the maximum, bytes sent before their grant, a message cut short by the end of its
 * connection, and connections past {@value #MAX_CONNECTIONS} are dropped with their
 * connection and counted. Not thread-safe: the server calls it under its lock, except
 * {@link #await()} and {@link #wakeup()}. A connection accepted by a thread other than
 * the keeper wakes the keeper's select, which would not watch it before it returns.
 */
final class UnixConnections implements AutoCloseable {

	/** Most writers connected at once; more are closed at once and counted. */
	static final int MAX_CONNECTIONS = 128;

	private static final System.Logger logger = System.getLogger(UnixConnections.class.getName());

	private static final ByteBuffer GRANT = ByteBuffer.wrap(new byte[] { UnixWireFormat.GRANT });

	private final MailslotName name;

	private final ServerSocketChannel server;

	private final Selector selector;

	private final int maxMessageSize;

	private final List<Connection> connections = new ArrayList<>();

	private final ArrayDeque<Connection> announced = new ArrayDeque<>();

	private final AtomicLong oversized = new AtomicLong();

	private final AtomicLong outOfTurn = new AtomicLong();

	private final AtomicLong truncated = new AtomicLong();

	private final AtomicLong refused = new AtomicLong();

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
	 * Accept the writers that wait, read what they sent, and grant what the hold has room
	 * for.
	 * @param held where messages go
	 * @return how many messages came in whole
	 */
	int pump(UnixHeldMessages held) {
		accept();
		int whole = 0;
		for (Connection connection : new ArrayList<>(this.connections)) {
			whole += connection.read(held);
		}
		while (!this.announced.isEmpty()) {
			Connection next = this.announced.peekFirst();
			UnixHeldMessages.Place place = held.place(next.size);
			if (place == null) {
				break;
			}
			this.announced.pollFirst();
			whole += next.grant(held, place);
		}
		return whole;
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
				writer.register(this.selector, SelectionKey.OP_READ, connection);
				this.connections.add(connection);
				this.selector.wakeup();
			}
		}
		catch (IOException ex) {
			logger.log(System.Logger.Level.DEBUG, "Accepting a writer of mailslot " + this.name + " failed", ex);
		}
	}

	/**
	 * Return the messages dropped for a length over the maximum.
	 */
	long oversized() {
		return this.oversized.get();
	}

	/**
	 * Return the connections dropped for sending bytes before their grant.
	 */
	long outOfTurn() {
		return this.outOfTurn.get();
	}

	/**
	 * Return the messages dropped because their connection ended before their last byte.
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
	 * Close every connection and the selector; a message half read is dropped with its
	 * place.
	 */
	void close(UnixHeldMessages held) {
		for (Connection connection : new ArrayList<>(this.connections)) {
			connection.remove(held);
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

	private final class Connection {

		private final SocketChannel channel;

		private final ByteBuffer length = ByteBuffer.allocate(UnixWireFormat.LENGTH_SIZE);

		private final ByteBuffer probe = ByteBuffer.allocate(1);

		private int size = -1;

		private UnixHeldMessages.@Nullable Place place;

		private @Nullable ByteBuffer payload;

		Connection(SocketChannel channel) {
			this.channel = channel;
		}

		/**
		 * Read what has arrived: a length, which is then announced, or the granted
		 * message's bytes.
		 * @return 1 if a message came in whole, else 0
		 */
		int read(UnixHeldMessages held) {
			try {
				if (this.payload != null) {
					if (this.channel.read(this.payload) < 0) {
						end(held, true);
						return 0;
					}
					return this.payload.hasRemaining() ? 0 : fill(held);
				}
				if (this.size >= 0) {
					int read = this.channel.read(this.probe.clear());
					if (read < 0) {
						remove(held);
					}
					else if (read > 0) {
						report(UnixConnections.this.outOfTurn,
								"a writer sent bytes before its message was granted; " + "its connection was closed");
						remove(held);
					}
					return 0;
				}
				if (this.channel.read(this.length) < 0) {
					end(held, this.length.position() > 0);
					return 0;
				}
				if (!this.length.hasRemaining()) {
					announce(held);
				}
				return 0;
			}
			catch (IOException ex) {
				end(held, this.payload != null || this.length.position() > 0);
				return 0;
			}
		}

		private void announce(UnixHeldMessages held) {
			int announcedSize = this.length.flip().getInt();
			this.length.clear();
			if (announcedSize < 0 || announcedSize > UnixConnections.this.maxMessageSize) {
				report(UnixConnections.this.oversized,
						"a writer announced a message of " + Integer.toUnsignedString(announcedSize)
								+ " bytes, over the maximum of " + UnixConnections.this.maxMessageSize
								+ "; its connection was closed");
				remove(held);
				return;
			}
			this.size = announcedSize;
			UnixConnections.this.announced.addLast(this);
		}

		/**
		 * Let the writer send its message into a place.
		 * @return 1 if the message is whole already (it is empty), else 0
		 */
		int grant(UnixHeldMessages held, UnixHeldMessages.Place granted) {
			this.place = granted;
			try {
				if (this.channel.write(GRANT.duplicate()) != 1) {
					throw new IOException("no room for the grant");
				}
			}
			catch (IOException ex) {
				end(held, true);
				return 0;
			}
			this.payload = ByteBuffer.allocate(this.size);
			return this.payload.hasRemaining() ? read(held) : fill(held);
		}

		private int fill(UnixHeldMessages held) {
			UnixHeldMessages.Place granted = this.place;
			ByteBuffer bytes = this.payload;
			if (granted == null || bytes == null) {
				throw new IllegalStateException("No message to fill: fill only a granted message");
			}
			held.fill(granted, bytes.array());
			this.place = null;
			this.payload = null;
			this.size = -1;
			return 1;
		}

		private void end(UnixHeldMessages held, boolean midMessage) {
			if (midMessage) {
				report(UnixConnections.this.truncated,
						"a writer's connection ended in the middle of a message, which was dropped");
			}
			remove(held);
		}

		void remove(UnixHeldMessages held) {
			UnixConnections.this.connections.remove(this);
			UnixConnections.this.announced.remove(this);
			if (this.place != null) {
				held.drop(this.place);
				this.place = null;
			}
			this.payload = null;
			try {
				this.channel.close();
			}
			catch (IOException ex) {
				// Closed all the same.
			}
		}

	}

}
