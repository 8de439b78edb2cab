package dev.mailslot.spring.core;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.util.Assert;

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
 * Client handles are opened once per mailslot and reused. If a mailslot's server went away and
 * came back, the next send reopens the handle and writes once more.
 */
public class MailslotTemplate implements DisposableBean {

	private static final String CLOSED = "The MailslotTemplate is closed";

	/** How long a send waits for room in a full mailslot unless set. */
	public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(5);

	private final MailslotTransport transport;

	private @Nullable MailslotTransport remoteTransport;

	private final @Nullable MailslotServers servers;

	private final PayloadEncodings encodings;

	private final Map<MailslotName, MailslotClient> clients = new ConcurrentHashMap<>();

	/** Each target a send named, resolved once. */
	private final Map<String, MailslotDestination> destinations = new ConcurrentHashMap<>();

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
		MailslotDestination destination = destination(mailslot);
		send(destination.name(), this.encodings.encode(payload, destination));
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
		MailslotClient client = client(mailslot);
		int position = message.position();
		try {
			write(client, message);
		}
		catch (NoSuchMailslotException | MailslotClosedException ex) {
			// The server went away (and may be back), or another send replaced this client: reopen once.
			if (this.clients.remove(mailslot, client)) {
				client.close();
			}
			ensureNotDestroyed(ex);
			try {
				write(client(mailslot), message.position(position));
			}
			catch (MailslotClosedException again) {
				ensureNotDestroyed(again);
				throw again;
			}
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

	private MailslotClient client(MailslotName mailslot) {
		MailslotClient client = this.clients.get(mailslot);
		if (client != null) {
			return client;
		}
		MailslotTransport carrier = (!mailslot.isLocal() && this.remoteTransport != null) ? this.remoteTransport
				: this.transport;
		MailslotClient opened = carrier.openClient(mailslot);
		MailslotClient existing = this.clients.putIfAbsent(mailslot, opened);
		if (existing != null) {
			opened.close();
			return existing;
		}
		if (this.destroyed) {
			// destroy() may have closed and cleared the handles before this one was cached.
			this.clients.remove(mailslot, opened);
			opened.close();
			throw new IllegalStateException(CLOSED);
		}
		return opened;
	}

	private MailslotDestination destination(String mailslot) {
		MailslotDestination destination = this.destinations.get(mailslot);
		if (destination != null) {
			return destination;
		}
		MailslotServer configured = (this.servers != null) ? this.servers.get(mailslot) : null;
		MailslotName name = (configured != null) ? configured.name() : MailslotName.parse(mailslot);
		return this.destinations.computeIfAbsent(mailslot, (target) -> MailslotDestination.of(name));
	}

	/**
	 * Close every client handle.
	 */
	@Override
	public void destroy() {
		this.destroyed = true;
		this.clients.values().forEach(MailslotClient::close);
		this.clients.clear();
	}

}
