package dev.mailslot.transport.unix;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.mailslot.MailslotClosedException;
import dev.mailslot.MailslotException;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotWriteTimeoutException;
import dev.mailslot.MessageTooLargeException;
import dev.mailslot.NoSuchMailslotException;
import dev.mailslot.spi.AbstractMailslotClient;

/**
 * A writer's connection to a mailslot's socket. It learns the maximum message size from
 * the server's greeting and refuses larger messages before sending; each write announces
 * its length, waits for the server's grant and sends its bytes ({@link UnixWireFormat}).
 * A write waits for the grant while the server holds as many messages as it may, checking
 * every 100 ms that the client is still open, and no longer than its timeout: a write
 * that times out ends the connection, so that the server forgets the message, and the
 * next write connects again.
 */
final class UnixMailslotClient extends AbstractMailslotClient {

	private static final long GREETING_TIMEOUT_NANOS = Duration.ofSeconds(5).toNanos();

	private static final long CHECK_MILLIS = 100;

	private final Path socket;

	private final Object writeLock = new Object();

	/**
	 * The connection to the server; {@code null} after a failed or timed-out write, until
	 * the next write.
	 */
	private volatile @Nullable Connection connection;

	private UnixMailslotClient(MailslotName name, Path socket) {
		super(name);
		this.socket = socket;
	}

	static UnixMailslotClient open(MailslotName name, Path socket) {
		UnixMailslotClient client = new UnixMailslotClient(name, socket);
		client.connect();
		return client;
	}

	private Connection connect() {
		if (!Files.exists(this.socket, LinkOption.NOFOLLOW_LINKS)) {
			throw new NoSuchMailslotException(name(), "No mailslot " + name() + " exists: no server has its socket "
					+ this.socket + "; create its server first");
		}
		SocketChannel opened = null;
		try {
			opened = SocketChannel.open(StandardProtocolFamily.UNIX);
			opened.connect(UnixDomainSocketAddress.of(this.socket));
			opened.configureBlocking(false);
			Selector opening = Selector.open();
			opened.register(opening, SelectionKey.OP_READ);
			int maxMessageSize = readGreeting(opened, opening);
			opened.keyFor(opening).interestOps(SelectionKey.OP_WRITE);
			Connection connected = new Connection(opened, opening, maxMessageSize);
			this.connection = connected;
			return connected;
		}
		catch (IOException ex) {
			closeQuietly(opened);
			throw connectFailure(ex);
		}
	}

	private RuntimeException connectFailure(IOException ex) {
		String problem = String.valueOf(ex.getMessage());
		if (problem.contains("Connection refused") || problem.contains("No such file")) {
			return new NoSuchMailslotException(name(), "No mailslot " + name() + " exists: its socket " + this.socket
					+ " was left by a server that is gone (" + problem + "); a new server of the name replaces it");
		}
		if (problem.contains("Permission denied")) {
			return new MailslotException(name(), "Cannot write to mailslot " + name() + ": its socket " + this.socket
					+ " does not let this user in (" + problem + "); the server's mode must let the writer's user or "
					+ "group write, and its directory let it search", ex);
		}
		return new MailslotException(name(),
				"Cannot connect to mailslot " + name() + " at " + this.socket + ": " + problem, ex);
	}

	private int readGreeting(SocketChannel opened, Selector opening) throws IOException {
		ByteBuffer greeting = ByteBuffer.allocate(UnixWireFormat.GREETING_SIZE);
		long deadline = System.nanoTime() + GREETING_TIMEOUT_NANOS;
		while (greeting.hasRemaining()) {
			if (opened.read(greeting) < 0) {
				throw new IOException("the server ended the connection before its greeting: it is closing, or has as "
						+ "many writers connected as it takes (" + UnixConnections.MAX_CONNECTIONS + ")");
			}
			long remaining = deadline - System.nanoTime();
			if (greeting.hasRemaining()) {
				if (remaining <= 0) {
					throw new IOException("the server sent no greeting within 5 s: it is stopped or does not read");
				}
				opening.select(Math.max(1, remaining / 1_000_000));
				opening.selectedKeys().clear();
			}
		}
		int max = UnixWireFormat.maxMessageSize(greeting.flip());
		if (max < 0) {
			throw new IOException("what answered is not a mailslot server of the unix transport");
		}
		return max;
	}

	@Override
	protected void send(ByteBuffer message) {
		send(message, null);
	}

	@Override
	public void write(ByteBuffer message, Duration timeout) {
		ensureOpen();
		send(message, timeout);
	}

	private void send(ByteBuffer message, @Nullable Duration timeout) {
		synchronized (this.writeLock) {
			ensureOpen();
			Connection connected = this.connection;
			if (connected == null) {
				connected = connect();
			}
			int size = message.remaining();
			int maxMessageSize = connected.maxMessageSize();
			if (size > maxMessageSize) {
				throw new MessageTooLargeException(name(), size, maxMessageSize, "Message of " + size
						+ " bytes is larger than the " + maxMessageSize + " bytes mailslot " + name() + " accepts");
			}
			int start = message.position();
			long deadline = (timeout != null) ? System.nanoTime() + timeout.toNanos() : Long.MAX_VALUE;
			try {
				writeFully(connected, ByteBuffer.allocate(UnixWireFormat.LENGTH_SIZE).putInt(0, size), deadline,
						message, start, timeout);
				awaitGrant(connected, deadline, message, start, timeout);
				writeFully(connected, message, deadline, message, start, timeout);
			}
			catch (IOException ex) {
				message.position(start);
				disconnect();
				if (isClosed()) {
					throw new MailslotClosedException(name(),
							"Mailslot client for " + name() + " was closed while it wrote");
				}
				throw new NoSuchMailslotException(name(), "Mailslot " + name() + " was closed by its server; the "
						+ "message was not delivered (" + ex.getMessage() + ")");
			}
		}
	}

	private void writeFully(Connection connected, ByteBuffer bytes, long deadline, ByteBuffer message, int start,
			@Nullable Duration timeout) throws IOException {
		connected.channel().keyFor(connected.selector()).interestOps(SelectionKey.OP_WRITE);
		while (bytes.hasRemaining()) {
			if (connected.channel().write(bytes) == 0) {
				await(connected, deadline, message, start, timeout);
			}
		}
	}

	private void awaitGrant(Connection connected, long deadline, ByteBuffer message, int start,
			@Nullable Duration timeout) throws IOException {
		connected.channel().keyFor(connected.selector()).interestOps(SelectionKey.OP_READ);
		ByteBuffer grant = ByteBuffer.allocate(1);
		while (true) {
			int read = connected.channel().read(grant);
			if (read < 0) {
				throw new IOException("the server ended the connection");
			}
			if (read > 0) {
				if (grant.get(0) != UnixWireFormat.GRANT) {
					throw new IOException("the server answered " + grant.get(0) + " instead of a grant");
				}
				return;
			}
			await(connected, deadline, message, start, timeout);
		}
	}

	/**
	 * Wait for the socket, at most until the deadline, checking every 100 ms that the
	 * client is open.
	 */
	private void await(Connection connected, long deadline, ByteBuffer message, int start, @Nullable Duration timeout)
			throws IOException {
		ensureOpen();
		long remaining = deadline - System.nanoTime();
		if (timeout != null && remaining <= 0) {
			throw timedOut(message, start, timeout);
		}
		connected.selector().select(Math.max(1, Math.min(CHECK_MILLIS, remaining / 1_000_000)));
		connected.selector().selectedKeys().clear();
	}

	/**
	 * End the connection, so that the server forgets the message announced or drops what
	 * it got of it, and say that nothing was sent.
	 */
	private MailslotWriteTimeoutException timedOut(ByteBuffer message, int start, Duration timeout) {
		message.position(start);
		disconnect();
		return new MailslotWriteTimeoutException(name(), timeout, "Mailslot " + name() + " took no message for "
				+ timeout + ": its server does not read and holds as many as it may; nothing was sent");
	}

	private void disconnect() {
		Connection connected = this.connection;
		this.connection = null;
		if (connected != null) {
			closeQuietly(connected.channel());
			try {
				connected.selector().close();
			}
			catch (IOException ex) {
				// Nothing is left to do with it.
			}
		}
	}

	@Override
	protected void doClose() {
		Connection open = this.connection;
		if (open != null) {
			closeQuietly(open.channel());
		}
		synchronized (this.writeLock) {
			disconnect();
		}
	}

	private static void closeQuietly(@Nullable SocketChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ex) {
				// Closed all the same.
			}
		}
	}

	/**
	 * A connected socket, the selector its writes wait on, and the largest message its
	 * server takes.
	 */
	private record Connection(SocketChannel channel, Selector selector, int maxMessageSize) {

	}

}
