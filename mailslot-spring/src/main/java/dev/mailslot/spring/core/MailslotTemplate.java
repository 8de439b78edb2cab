package dev.mailslot.spring.core;

import java.nio.ByteBuffer;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
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

/**
 * Sends messages to mailslots: {@code send("orders", order)} converts the payload with the same
 * converters listeners use ({@code byte[]} as is, {@code String} in the mailslot's charset, with a
 * NUL terminator where configured,
 * {@code ByteBuffer}, other objects as JSON) and writes it as one message. The target is a
 * configured server id or a mailslot name; remote names work where the transport carries them.
 * <p>
 * Client handles are opened once per mailslot and reused, for up to {@value #CACHED_TARGETS}
 * mailslots; past that a send opens a handle for its write alone. Resolved targets are kept in a
 * cache of the same bound, so targets that change with every message take no more memory than
 * that. If a mailslot's server went away and came back, the next send reopens the handle and
 * writes once more.
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
	}

	/**
	 * Set the transport that carries writes to remote names ({@code \\HOST\...},
	 * {@code \\DOMAIN\...}, {@code \\*\...}), such as the network transport where the main one
	 * carries local names only.
	 * @param remoteTransport the transport for remote names
	 */
	public void setRemoteTransport(@Nullable MailslotTransport remoteTransport) {
		this.remoteTransport = remoteTransport;
	}

	/**
	 * Set how long a send may wait for room in a full mailslot (posix, whose queues hold a bounded
	 * number of messages) before it fails with {@link dev.mailslot.MailslotWriteTimeoutException};
	 * {@code null} waits as long as the server lives.
	 * @param writeTimeout the write timeout
	 */
	public void setWriteTimeout(@Nullable Duration writeTimeout) {
		this.writeTimeout = writeTimeout;
	}

	/**
	 * Return the mailslot a target names: a configured server's, or the target parsed as a name.
	 * @param target a configured server id or a mailslot name
	 * @return the mailslot
	 * @throws InvalidMailslotNameException if the target is neither
	 */
	public MailslotName resolve(String target) {
		MailslotServer configured = (this.servers != null) ? this.servers.get(target) : null;
		return (configured != null) ? configured.name() : MailslotName.parse(target);
	}

	/**
	 * Check, without writing, that a target names a mailslot this template can write to, whether or
	 * not it exists now: call at start-up for targets fixed in configuration.
	 * @param target a configured server id or a mailslot name
	 * @return the mailslot
	 * @throws InvalidMailslotNameException if the target is no mailslot name, or one the transport
	 * that would carry it never can (a remote name on a transport of local names, a name too long for
	 * it)
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
	 * @throws org.springframework.messaging.converter.MessageConversionException if no converter turns
	 * the payload into bytes
	 * @throws dev.mailslot.MailslotException if the write fails, for example
	 * {@link NoSuchMailslotException} when no server holds the mailslot, or
	 * {@link dev.mailslot.MailslotWriteTimeoutException} when it stayed full for the write timeout
	 */
	public void send(String mailslot, Object payload) {
		MailslotDestination destination = this.destinations.get(mailslot);
		send(destination.name(), this.encodings.encode(payload, destination));
	}

	/**
	 * Convert a payload and write it as one message to a mailslot resolved beforehand, keeping
	 * nothing of the target but a client handle within the template's bound: for targets that
	 * change with every message.
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

	private void send(MailslotName mailslot, ByteBuffer message) {
		Assert.state(!this.destroyed, CLOSED);
		MailslotClients.Lease lease = this.clients.acquire(mailslot, CLOSED);
		int position = message.position();
		try {
			write(lease.client(), message);
		}
		catch (NoSuchMailslotException | MailslotClosedException ex) {
			// The server went away (and may be back), or another send replaced this client: reopen once.
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
	 * Report a send that {@link #destroy()} overtook as the template being closed, not as a
	 * client it closed.
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
