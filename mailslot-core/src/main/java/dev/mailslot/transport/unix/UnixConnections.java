package dev.mailslot.transport.unix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

import org.jspecify.annotations.Nullable;

import dev.mailslot.MailslotName;

/**
 * The writers' connections to a server: accepts and greets them, reads whole frames off
 * them into the held messages, and answers their requests for credit ({@link UnixCredit})
 * when it has room, in the order asked, as the reader takes messages. A drain reads every
 * connection until it would block, which the credit lets it do without holding more than
 * the server may; {@link #lastDrainStart()} is when the last one started. What breaks the
 * wire format ({@link UnixWireFormat}), and connections past {@value #MAX_CONNECTIONS},
 * are dropped with their connection and counted. Not thread-safe: the server calls it
 * under its lock, except {@link #await(long)} and {@link #wakeup()}, which one thread at
 * a time calls.
 */
final class UnixConnections implements AutoCloseable {

	/** Most writers connected at once; more are closed at once and counted. */
	static final int MAX_CONNECTIONS = 128;

	/** Longest a closing server waits for writers to send what their credit covers. */
	static final long LINGER_MILLIS = 1_000;

	/** How long writers that send nothing are waited for when the server closes. */
	static final long QUIET_MILLIS = 50;

	private static final System.Logger logger = System.getLogger(UnixConnections.class.getName());

	private final MailslotName name;

	private final ServerSocketChannel server;

	private final Selector selector;

	private final SelectionKey acceptKey;

	private volatile boolean writersWait;

	private final int maxMessageSize;

	private final UnixCredit credit;

	private final ByteBuffer input = ByteBuffer.allocateDirect(64 * 1024);

	private final List<UnixConnection> connections = new ArrayList<>();

	private final Set<UnixConnection> waiting = new LinkedHashSet<>();

	private final UnixGarbage garbage;

	private long lastDrainStart = Long.MIN_VALUE;

	private boolean closing;

	UnixConnections(MailslotName name, ServerSocketChannel server, int maxMessageSize, int holdCapacity,
			LongConsumer unspentChanged) throws IOException {
		this.name = name;
		this.server = server;
		this.maxMessageSize = maxMessageSize;
		this.credit = new UnixCredit(holdCapacity, maxMessageSize, unspentChanged);
		this.garbage = new UnixGarbage(name);
		this.selector = Selector.open();
		server.configureBlocking(false);
		this.acceptKey = server.register(this.selector, SelectionKey.OP_ACCEPT);
	}

	/**
	 * Wait until a writer connects or sends, or {@link #wakeup()}, or a time passes.
	 * @param millis the longest wait, 0 for no limit
	 * @return whether to go on: false once closed
	 */
	boolean await(long millis) {
		try {
			this.selector.select(millis);
			Set<SelectionKey> selected = this.selector.selectedKeys();
			if (selected.contains(this.acceptKey)) {
				this.writersWait = true;
			}
			selected.clear();
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
	 * Accept the writers that wait, if the last wait in the selector found some: a read
	 * that waited for a message does not try to accept each time.
	 */
	void acceptIfWaiting() {
		if (this.writersWait) {
			accept();
		}
	}

	/**
	 * Accept the writers that wait: each is listed, so that the next drain reads it,
	 * before its greeting lets it write.
	 */
	void accept() {
		this.writersWait = false;
		try {
			SocketChannel writer;
			while ((writer = this.server.accept()) != null) {
				if (this.connections.size() >= MAX_CONNECTIONS) {
					writer.close();
					this.garbage.countRefused(MAX_CONNECTIONS);
					continue;
				}
				writer.configureBlocking(false);
				UnixConnection connection = new UnixConnection(writer, this.maxMessageSize, this.credit, this.garbage);
				this.connections.add(connection);
				if (!connection.send(UnixWireFormat.greeting(this.maxMessageSize))) {
					end(connection);
					continue;
				}
				writer.register(this.selector, SelectionKey.OP_READ, connection);
				this.selector.wakeup();
			}
		}
		catch (IOException ex) {
			logger.log(System.Logger.Level.DEBUG, "Accepting a writer of mailslot " + this.name + " failed", ex);
		}
	}

	/**
	 * Read every connection until it would block, holding the messages that came in
	 * whole, and give more credit to those that used theirs.
	 * @return how many messages came in whole
	 */
	int drain(UnixHeldMessages held) {
		long start = System.nanoTime();
		int whole = 0;
		for (int i = this.connections.size() - 1; i >= 0; i--) {
			UnixConnection connection = this.connections.get(i);
			int read = connection.drain(this.input, held, start);
			whole += read;
			if (!connection.isOpen()) {
				end(connection);
			}
			else if (connection.account().waits() && this.closing) {
				end(connection);
			}
			else if (connection.account().waits() && this.waiting.add(connection)
					&& this.waiting.iterator().next() == connection) {
				grant(connection);
			}
		}
		this.lastDrainStart = start;
		return whole;
	}

	/**
	 * Return when the last drain started: every write that returned before it has been
	 * read.
	 */
	long lastDrainStart() {
		return this.lastDrainStart;
	}

	/**
	 * Give back what a message taken by the reader took, as credit to the writers that
	 * wait for it, or else to its writer, if it has used half of what it got.
	 */
	void taken(UnixHeldMessages.Held message) {
		this.credit.release(message.message().length);
		UnixConnection source = (UnixConnection) message.source();
		if (this.waiting.isEmpty() && source.isOpen()) {
			send(source, this.credit.topUp(source.account()));
		}
		if (!this.waiting.isEmpty()) {
			for (UnixConnection connection : new ArrayList<>(this.waiting)) {
				if (!grant(connection)) {
					break;
				}
			}
		}
	}

	/**
	 * Answer a connection's request, if the credit has room for it.
	 * @return whether it was answered
	 */
	private boolean grant(UnixConnection connection) {
		long[] more = this.credit.grant(connection.account());
		if (more == null) {
			return false;
		}
		this.waiting.remove(connection);
		send(connection, more);
		return true;
	}

	private void send(UnixConnection connection, long @Nullable [] more) {
		if (more != null && !connection.send(UnixWireFormat.credit(more[0], more[1]))) {
			end(connection);
		}
	}

	private void end(UnixConnection connection) {
		this.connections.remove(connection);
		this.waiting.remove(connection);
		connection.close();
	}

	/**
	 * Return what was dropped as garbage, by reason.
	 */
	UnixGarbage garbage() {
		return this.garbage;
	}

	/**
	 * Read what the writers send until none can send more, then end the connections. No
	 * writer gets more credit from now on: a request ends its connection, so its writer
	 * fails. A writer with credit left may still complete a write, which is read here;
	 * reading goes on until every writer has spent its credit, or none sent anything for
	 * {@value #QUIET_MILLIS} ms (idle writers then find their connection ended when they
	 * next write), and at most {@value #LINGER_MILLIS} ms. (Shutting a connection's input
	 * down first would make a late write fail instead, but Java reads nothing from a
	 * channel after {@code shutdownInput()}, so what was waiting would be lost.)
	 * @param held where what was written goes, for the server to count it as deleted
	 */
	void close(UnixHeldMessages held) {
		this.closing = true;
		long start = System.nanoTime();
		long lastArrival = start;
		while (true) {
			long received = received();
			drain(held);
			long now = System.nanoTime();
			if (received() != received) {
				lastArrival = now;
			}
			if (allSpent() || now - lastArrival >= TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS)
					|| now - start >= TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS)) {
				break;
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
		}
		for (UnixConnection connection : new ArrayList<>(this.connections)) {
			connection.drain(this.input, held, System.nanoTime());
			end(connection);
		}
		close();
	}

	private long received() {
		long received = 0;
		for (UnixConnection connection : this.connections) {
			received += connection.received();
		}
		return received;
	}

	private boolean allSpent() {
		for (UnixConnection connection : this.connections) {
			if (connection.account().canSend()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Give back what the held messages took, when the server deletes them.
	 */
	void deleted(UnixHeldMessages.Held[] messages) {
		for (UnixHeldMessages.Held message : messages) {
			this.credit.release(message.message().length);
		}
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

}
