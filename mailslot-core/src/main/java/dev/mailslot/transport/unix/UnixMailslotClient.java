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
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

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
 * the server's greeting, and refuses larger messages before sending; each write sends its
 * message as one stamped frame while the credit covers it ({@link UnixWireFormat}), and
 * otherwise asks the server for more and waits for it, checking every 100 ms that the
 * client is still open, and no longer than its timeout. A write that times out, or is
 * stopped in the middle of its frame, ends the connection, so that the server drops what
 * it got of it, and the next write connects again. Closing the client waits, a second at
 * most, for the server to take in what it wrote.
 */
final class UnixMailslotClient extends AbstractMailslotClient {

	private static final long GREETING_TIMEOUT_NANOS = Duration.ofSeconds(5).toNanos();

	private static final long CLOSE_TIMEOUT_NANOS = Duration.ofSeconds(1).toNanos();

	private static final long CHECK_MILLIS = 100;

	private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

	/**
	 * Largest message copied into a direct buffer with its header; larger ones are
	 * gathered.
	 */
	private static final int MAX_COPIED_SIZE = 64 * 1024;

	private final Path socket;

	private final ReentrantLock writeLock = new ReentrantLock();

	private final ByteBuffer header = ByteBuffer.allocate(UnixWireFormat.HEADER_SIZE);

	private final ByteBuffer credit = ByteBuffer.allocate(UnixWireFormat.CREDIT_SIZE * 16);

	private final ByteBuffer[] frame = { this.header, NOTHING };

	private @Nullable ByteBuffer frameBuffer;

	private volatile @Nullable SocketChannel channel;

	private @Nullable Selector selector;

	private int maxMessageSize;

	private long messages;

	private long bytes;

	private boolean requested;

	private long messagesAtRead;

	private long bytesAtRead;

	private UnixMailslotClient(MailslotName name, Path socket) {
		super(name);
		this.socket = socket;
	}

	static UnixMailslotClient open(MailslotName name, Path socket) {
		UnixMailslotClient client = new UnixMailslotClient(name, socket);
		client.connect();
		return client;
	}

	private SocketChannel connect() {
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
			readGreeting(opened, opening);
			this.selector = opening;
			this.channel = opened;
			return opened;
		}
		catch (IOException ex) {
			closeQuietly(opened);
			throw connectFailure(ex);
		}
	}

	private RuntimeException connectFailure(IOException ex) {
		String problem = String.valueOf(ex.getMessage());
		if (!Files.exists(this.socket, LinkOption.NOFOLLOW_LINKS)) {
			return new NoSuchMailslotException(name(), "No mailslot " + name() + " exists: its server closed while "
					+ "this writer connected (" + problem + "); create its server first");
		}
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

	private void readGreeting(SocketChannel opened, Selector opening) throws IOException {
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
			throw new IOException("what answered is not a mailslot server of the unix transport (version 2)");
		}
		this.maxMessageSize = max;
		this.messages = 0;
		this.bytes = 0;
		this.requested = false;
		this.credit.clear();
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
		this.writeLock.lock();
		try {
			ensureOpen();
			SocketChannel connected = this.channel;
			if (connected == null) {
				connected = connect();
			}
			int size = message.remaining();
			if (size > this.maxMessageSize) {
				throw new MessageTooLargeException(name(), size, this.maxMessageSize,
						"Message of " + size + " bytes is larger than the " + this.maxMessageSize + " bytes mailslot "
								+ name() + " accepts");
			}
			int start = message.position();
			long deadline = (timeout != null) ? System.nanoTime() + timeout.toNanos() : Long.MAX_VALUE;
			try {
				awaitCredit(connected, size, deadline, message, start, timeout);
				if (size <= MAX_COPIED_SIZE) {
					ByteBuffer copied = frameBuffer(size);
					copied.putInt(size).putLong(System.nanoTime()).put(message).flip();
					while (copied.hasRemaining()) {
						if (connected.write(copied) == 0) {
							await(connected, SelectionKey.OP_WRITE, deadline, message, start, timeout);
						}
					}
				}
				else {
					this.header.clear().putInt(size).putLong(System.nanoTime()).flip();
					this.frame[0] = this.header;
					this.frame[1] = message;
					while (message.hasRemaining() || this.header.hasRemaining()) {
						if (connected.write(this.frame) == 0) {
							await(connected, SelectionKey.OP_WRITE, deadline, message, start, timeout);
						}
					}
				}
				this.messages--;
				this.bytes -= UnixWireFormat.cost(size);
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
			finally {
				this.frame[1] = NOTHING;
			}
		}
		finally {
			this.writeLock.unlock();
		}
	}

	/**
	 * Return the direct buffer a frame is copied into, cleared, large enough for a
	 * message of a size: one {@code write} of it costs less than gathering the header and
	 * the message, which the JDK copies into direct buffers of its own.
	 */
	private ByteBuffer frameBuffer(int size) {
		ByteBuffer buffer = this.frameBuffer;
		if (buffer == null || buffer.capacity() < UnixWireFormat.HEADER_SIZE + size) {
			int capacity = Math.max(Integer.highestOneBit(Math.max(1, UnixWireFormat.HEADER_SIZE + size - 1)) << 1,
					4096);
			buffer = ByteBuffer.allocateDirect(capacity);
			this.frameBuffer = buffer;
		}
		return buffer.clear();
	}

	/**
	 * Take in the credit the server sent, once half of what the client had at its last
	 * look is used (the server sends more as its messages are read, without being asked),
	 * and while it does not cover the message, ask for more, once, and wait for it.
	 */
	private void awaitCredit(SocketChannel connected, int size, long deadline, ByteBuffer message, int start,
			@Nullable Duration timeout) throws IOException {
		long cost = UnixWireFormat.cost(size);
		if (2 * this.messages < this.messagesAtRead || 2 * this.bytes < this.bytesAtRead) {
			readCredit(connected);
		}
		while (this.messages < 1 || this.bytes < cost) {
			if (!this.requested) {
				this.header.clear().putInt(UnixWireFormat.REQUEST).putLong(size).flip();
				while (this.header.hasRemaining()) {
					if (connected.write(this.header) == 0) {
						await(connected, SelectionKey.OP_WRITE, deadline, message, start, timeout);
					}
				}
				this.requested = true;
			}
			if (readCredit(connected) == 0) {
				await(connected, SelectionKey.OP_READ, deadline, message, start, timeout);
			}
		}
	}

	private int readCredit(SocketChannel connected) throws IOException {
		int read = connected.read(this.credit);
		if (read < 0) {
			throw new IOException("the server ended the connection");
		}
		this.credit.flip();
		while (this.credit.remaining() >= UnixWireFormat.CREDIT_SIZE) {
			this.requested = false;
			this.messages += Integer.toUnsignedLong(this.credit.getInt());
			this.bytes += Integer.toUnsignedLong(this.credit.getInt());
		}
		this.credit.compact();
		this.messagesAtRead = this.messages;
		this.bytesAtRead = this.bytes;
		return read;
	}

	/**
	 * Wait for the socket, at most until the deadline, checking every 100 ms that the
	 * client is open.
	 */
	private void await(SocketChannel connected, int operation, long deadline, ByteBuffer message, int start,
			@Nullable Duration timeout) throws IOException {
		ensureOpen();
		long remaining = deadline - System.nanoTime();
		if (timeout != null && remaining <= 0) {
			throw timedOut(message, start, timeout);
		}
		Selector waiting = Objects.requireNonNull(this.selector);
		connected.keyFor(waiting).interestOps(operation);
		waiting.select(Math.max(1, Math.min(CHECK_MILLIS, remaining / 1_000_000)));
		waiting.selectedKeys().clear();
	}

	/**
	 * End the connection, so that the server drops what it got of the message, and say
	 * that nothing was sent.
	 */
	private MailslotWriteTimeoutException timedOut(ByteBuffer message, int start, Duration timeout) {
		message.position(start);
		disconnect();
		return new MailslotWriteTimeoutException(name(), timeout, "Mailslot " + name() + " took no message for "
				+ timeout + ": its server does not read and holds as many as it may; nothing was sent");
	}

	private void disconnect() {
		closeQuietly(this.channel);
		this.channel = null;
		Selector open = this.selector;
		if (open != null) {
			try {
				open.close();
			}
			catch (IOException ex) {
				// Nothing is left to do with it.
			}
			this.selector = null;
		}
	}

	/**
	 * Close the connection. Unless a write is under way (it then fails at once), tell the
	 * server that nothing more comes and wait, a second at most, for it to end the
	 * connection: then it has taken in, and counted, every message this client wrote.
	 */
	@Override
	protected void doClose() {
		if (!this.writeLock.tryLock()) {
			closeQuietly(this.channel);
			this.writeLock.lock();
		}
		try {
			SocketChannel open = this.channel;
			if (open != null && open.isOpen()) {
				awaitServer(open);
			}
			disconnect();
		}
		finally {
			this.writeLock.unlock();
		}
	}

	private void awaitServer(SocketChannel open) {
		long deadline = System.nanoTime() + CLOSE_TIMEOUT_NANOS;
		try {
			open.shutdownOutput();
			Selector waiting = Objects.requireNonNull(this.selector);
			open.keyFor(waiting).interestOps(SelectionKey.OP_READ);
			long remaining;
			while (open.read(this.credit.clear()) >= 0 && (remaining = deadline - System.nanoTime()) > 0) {
				waiting.select(Math.max(1, remaining / 1_000_000));
				waiting.selectedKeys().clear();
			}
		}
		catch (IOException ex) {
			// The server is gone: it took in what it could.
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

}
