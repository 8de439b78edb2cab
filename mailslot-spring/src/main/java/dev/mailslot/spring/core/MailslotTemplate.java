package dev.mailslot.spring.core;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.util.Assert;
import org.springframework.util.ConcurrentLruCache;

import dev.mailslot.InvalidMailslotNameException;
import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotClosedException;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotTransport;
import dev.mailslot.NoSuchMailslotException;
import dev.mailslot.ReadTimeout;

/**
 * Sends messages to mailslots: {@code send("orders", order)} converts the payload with
 * the same converters listeners use ({@code byte[]} as is, {@code String} in the
 * mailslot's charset, with a NUL terminator where configured, {@code ByteBuffer}, other
 * objects as JSON) and writes it as one message. The target is a configured server id or
 * a mailslot name; remote names work where the transport carries them.
 * <p>
 * Client handles are opened once per mailslot and reused, for up to
 * {@value #CACHED_TARGETS} mailslots; past that a send opens a handle for its write
 * alone. Resolved targets are kept in a cache of the same bound, so targets that change
 * with every message take no more memory than that. If a mailslot's server went away and
 * came back, the next send reopens the handle and writes once more.
 * <p>
 * It receives too, as {@code JmsTemplate} does: {@code receive} and
 * {@code receiveAndConvert} read one message from a mailslot the application owns (one no
 * running listener reads), and {@code sendAndReceive} sends a request that carries the
 * name of a temporary reply mailslot and waits for the reply there. Each returns
 * {@code null} when nothing arrived within its timeout.
 */
public class MailslotTemplate implements DisposableBean {

	private static final String CLOSED = "The MailslotTemplate is closed";

	/** How long a send waits for room in a full mailslot unless set. */
	public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(5);

	/** How many targets, and client handles, the template keeps at most. */
	public static final int CACHED_TARGETS = 256;

	private final MailslotTransport transport;

	private @Nullable MailslotTransport remoteTransport;

	private final @Nullable MailslotServers servers;

	private final PayloadEncodings encodings;

	private final MailslotReceiver receiver;

	private final MailslotClients clients = new MailslotClients(this::openClient, CACHED_TARGETS);

	/** Targets that sends named, resolved, the most recent first. */
	private final ConcurrentLruCache<String, MailslotDestination> destinations = new ConcurrentLruCache<>(
			CACHED_TARGETS, (target) -> MailslotDestination.of(resolve(target)));

	private volatile boolean destroyed;

	private @Nullable Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;

	/**
	 * Create a template.
	 * @param transport the transport to write with
	 * @param servers the configured servers, whose ids the template accepts as targets
	 * @param messageConverter the converter from payloads to bytes
	 */
	public MailslotTemplate(MailslotTransport transport, @Nullable MailslotServers servers,
			MessageConverter messageConverter) {
		this.transport = transport;
		this.servers = servers;
		this.encodings = new PayloadEncodings(messageConverter);
		this.receiver = new MailslotReceiver(transport, servers, messageConverter);
	}

	/**
	 * Set what tells which running listener reads a mailslot: {@code receive} refuses
	 * those.
	 * @param readers the lookup, such as the listener registry's
	 */
	public void setReaders(MailslotReaders readers) {
		this.receiver.setReaders(readers);
	}

	/**
	 * Set the transport that carries writes to remote names ({@code \\HOST\...},
	 * {@code \\DOMAIN\...}, {@code \\*\...}), such as the network transport where the
	 * main one carries local names only.
	 * @param remoteTransport the transport for remote names
	 */
	public void setRemoteTransport(@Nullable MailslotTransport remoteTransport) {
		this.remoteTransport = remoteTransport;
	}

	/**
	 * Set how long a send may wait for room in a full mailslot (posix, whose queues hold
	 * a bounded number of messages) before it fails with
	 * {@link dev.mailslot.MailslotWriteTimeoutException}; {@code null} waits as long as
	 * the server lives.
	 * @param writeTimeout the write timeout
	 */
	public void setWriteTimeout(@Nullable Duration writeTimeout) {
		this.writeTimeout = writeTimeout;
	}

	/**
	 * Return the mailslot a target names: a configured server's, or the target parsed as
	 * a name.
	 * @param target a configured server id or a mailslot name
	 * @return the mailslot
	 * @throws InvalidMailslotNameException if the target is neither
	 */
	public MailslotName resolve(String target) {
		MailslotServer configured = (this.servers != null) ? this.servers.get(target) : null;
		return (configured != null) ? configured.name() : MailslotName.parse(target);
	}

	/**
	 * Check, without writing, that a target names a mailslot this template can write to,
	 * whether or not it exists now: call at start-up for targets fixed in configuration.
	 * @param target a configured server id or a mailslot name
	 * @return the mailslot
	 * @throws InvalidMailslotNameException if the target is no mailslot name, or one the
	 * transport that would carry it never can (a remote name on a transport of local
	 * names, a name too long for it)
	 */
	public MailslotName checkTarget(String target) {
		MailslotName name = resolve(target);
		TransportNameLimits.check(name, carrier(name));
		return name;
	}

	/**
	 * Convert a payload and write it as one message.
	 * @param mailslot a configured server id or a mailslot name
	 * @param payload the payload
	 * @throws org.springframework.messaging.converter.MessageConversionException if no
	 * converter turns the payload into bytes
	 * @throws dev.mailslot.MailslotException if the write fails, for example
	 * {@link NoSuchMailslotException} when no server holds the mailslot, or
	 * {@link dev.mailslot.MailslotWriteTimeoutException} when it stayed full for the
	 * write timeout
	 */
	public void send(String mailslot, Object payload) {
		MailslotDestination destination = this.destinations.get(mailslot);
		send(destination.name(), this.encodings.encode(payload, destination));
	}

	/**
	 * Convert a payload and write it as one message to a mailslot resolved beforehand,
	 * keeping nothing of the target but a client handle within the template's bound: for
	 * targets that change with every message.
	 * @param mailslot the mailslot
	 * @param payload the payload
	 * @see #send(String, Object)
	 */
	public void send(MailslotName mailslot, Object payload) {
		send(mailslot, this.encodings.encode(payload, MailslotDestination.of(mailslot)));
	}

	/**
	 * Write bytes as one message.
	 * @param mailslot the mailslot
	 * @param message the message
	 */
	public void send(MailslotName mailslot, byte[] message) {
		send(mailslot, ByteBuffer.wrap(message));
	}

	/**
	 * Write bytes as one message with a client handle opened for this write alone, and
	 * closed after it. Opening checks that a live server holds the mailslot now, which a
	 * reused handle's write checks only when the mailslot is full (posix, whose queue
	 * outlives a killed owner): for writes that must not go to a mailslot nobody will
	 * read, such as dead letters, at the cost of an open per write.
	 * @param mailslot the mailslot
	 * @param message the message
	 * @throws NoSuchMailslotException if no live server holds the mailslot
	 */
	public void sendWithNewHandle(MailslotName mailslot, byte[] message) {
		Assert.state(!this.destroyed, CLOSED);
		try (MailslotClient client = openClient(mailslot)) {
			write(client, ByteBuffer.wrap(message));
		}
	}

	/**
	 * Read one message from a mailslot the application owns, waiting up to a timeout.
	 * @param mailslot a configured server id, or the name of a server the application
	 * created
	 * @param timeout how long to wait for a message; zero takes one only if it waits
	 * already
	 * @return the message with the headers a listener sees, or {@code null} if none
	 * arrived in time
	 * @throws IllegalArgumentException if the application owns no such mailslot
	 * @throws IllegalStateException if a running listener reads it: the two would race
	 */
	public @Nullable Message<byte[]> receive(String mailslot, Duration timeout) {
		Assert.state(!this.destroyed, CLOSED);
		return this.receiver.receive(mailslot, timeout);
	}

	/**
	 * Read one message as {@link #receive(String, Duration)} does and convert its payload
	 * with the converters listeners use.
	 * @param <T> the payload type
	 * @param mailslot a configured server id, or the name of a server the application
	 * created
	 * @param type the payload type, such as {@code String} or a JSON record
	 * @param timeout how long to wait for a message
	 * @return the payload, or {@code null} if no message arrived in time
	 * @throws org.springframework.messaging.converter.MessageConversionException if no
	 * converter turns the message into the type (the message is taken from the mailslot
	 * all the same)
	 */
	public <T> @Nullable T receiveAndConvert(String mailslot, Class<T> type, Duration timeout) {
		return this.receiver.convert(receive(mailslot, timeout), type);
	}

	/**
	 * Send a request and wait for its reply on a temporary mailslot, as NETLOGON's
	 * requests carry the mailslot to answer to. The temporary mailslot
	 * ({@code \\.\mailslot\temp\reply\<random>}) is created first, the request made with
	 * its name and sent, and the mailslot closed in every case: once the reply came, on
	 * the timeout, or when making or sending the request failed. A reply written after
	 * that finds no mailslot.
	 * @param mailslot where to send the request: a configured server id or a mailslot
	 * name
	 * @param request makes the request's payload from the reply mailslot's name
	 * @param timeout how long to wait for the reply once the request is sent
	 * @return the reply, or {@code null} if none arrived in time
	 */
	public @Nullable Message<byte[]> sendAndReceive(String mailslot, Function<MailslotName, Object> request,
			Duration timeout) {
		ReadTimeout readTimeout = ReadTimeout.of(timeout);
		Assert.state(!this.destroyed, CLOSED);
		try (MailslotServer replies = this.receiver.createReplyMailslot()) {
			send(mailslot, request.apply(replies.name()));
			return this.receiver.read(replies, null, readTimeout);
		}
	}

	/**
	 * Send a request as {@link #sendAndReceive(String, Function, Duration)} does and
	 * convert the reply's payload with the converters listeners use.
	 * @param <T> the reply's payload type
	 * @param mailslot where to send the request: a configured server id or a mailslot
	 * name
	 * @param request makes the request's payload from the reply mailslot's name
	 * @param type the reply's payload type
	 * @param timeout how long to wait for the reply once the request is sent
	 * @return the reply's payload, or {@code null} if none arrived in time
	 */
	public <T> @Nullable T convertSendAndReceive(String mailslot, Function<MailslotName, Object> request, Class<T> type,
			Duration timeout) {
		return this.receiver.convert(sendAndReceive(mailslot, request, timeout), type);
	}

	private void send(MailslotName mailslot, ByteBuffer message) {
		Assert.state(!this.destroyed, CLOSED);
		MailslotClients.Lease lease = this.clients.acquire(mailslot, CLOSED);
		int position = message.position();
		try {
			write(lease.client(), message);
		}
		catch (NoSuchMailslotException | MailslotClosedException ex) {
			// The server went away (and may be back), or another send replaced this
			// client: reopen once.
			this.clients.discard(lease);
			ensureNotDestroyed(ex);
			MailslotClients.Lease again = this.clients.acquire(mailslot, CLOSED);
			try {
				write(again.client(), message.position(position));
			}
			catch (MailslotClosedException closed) {
				ensureNotDestroyed(closed);
				throw closed;
			}
			finally {
				this.clients.release(again);
			}
		}
		finally {
			this.clients.release(lease);
		}
	}

	/**
	 * Report a send that {@link #destroy()} overtook as the template being closed, not as
	 * a client it closed.
	 */
	private void ensureNotDestroyed(Exception cause) {
		if (this.destroyed) {
			throw new IllegalStateException(CLOSED, cause);
		}
	}

	private void write(MailslotClient client, ByteBuffer message) {
		Duration timeout = this.writeTimeout;
		if (timeout != null) {
			client.write(message, timeout);
		}
		else {
			client.write(message);
		}
	}

	private MailslotClient openClient(MailslotName mailslot) {
		return carrier(mailslot).openClient(mailslot);
	}

	private MailslotTransport carrier(MailslotName mailslot) {
		return (!mailslot.isLocal() && this.remoteTransport != null) ? this.remoteTransport : this.transport;
	}

	/**
	 * Return how many client handles the template keeps open.
	 * @return the count, at most about {@value #CACHED_TARGETS}
	 */
	int cachedClients() {
		return this.clients.size();
	}

	/**
	 * Close every client handle.
	 */
	@Override
	public void destroy() {
		this.destroyed = true;
		this.clients.closeAll();
		this.destinations.clear();
	}

}
