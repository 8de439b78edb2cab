package dev.mailslot.spring.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.support.MessageBuilder;

import dev.mailslot.InvalidMailslotNameException;
import dev.mailslot.MailslotMessage;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTimeoutException;
import dev.mailslot.MailslotTransport;
import dev.mailslot.ReadTimeout;
import dev.mailslot.spring.support.MailslotHeaders;

/**
 * The receiving side of {@link MailslotTemplate}: finds the server of a mailslot the
 * application owns, refuses one a running listener reads, reads one message with the
 * headers a listener sees, converts it, and makes the temporary reply mailslots of
 * request/reply.
 */
final class MailslotReceiver {

	/** Where temporary reply mailslots live: {@code \\.\mailslot\temp\reply\<random>}. */
	static final String REPLY_PATH = "temp\\reply\\";

	private final MailslotTransport transport;

	private final @Nullable MailslotServers servers;

	private final MessageConverter converter;

	private volatile MailslotReaders readers = (mailslot) -> null;

	MailslotReceiver(MailslotTransport transport, @Nullable MailslotServers servers, MessageConverter converter) {
		this.transport = transport;
		this.servers = servers;
		this.converter = converter;
	}

	void setReaders(MailslotReaders readers) {
		this.readers = readers;
	}

	/**
	 * Read one message from a mailslot the application owns.
	 * @return the message, or {@code null} if none arrived within the timeout
	 */
	@Nullable Message<byte[]> receive(String target, Duration timeout) {
		ReadTimeout readTimeout = ReadTimeout.of(timeout);
		MailslotServer server = owned(target);
		String listener = this.readers.listenerReading(server.name());
		if (listener != null) {
			throw new IllegalStateException("Listener '" + listener + "' reads " + server.name()
					+ ": a receive would race it for the messages. Stop the listener first, or receive from a "
					+ "mailslot that no listener reads");
		}
		return read(server, (this.servers != null) ? this.servers.idOf(server) : null, readTimeout);
	}

	/**
	 * Create a temporary mailslot for replies, with a name nobody can guess. Its posix
	 * queue holds one message, a tenth of what a default queue takes of the user's
	 * RLIMIT_MSGQUEUE, so that a request still finds room when the application's
	 * mailslots share that limit; a second reply waits in the server's memory.
	 * @return the server, which the caller closes
	 */
	MailslotServer createReplyMailslot() {
		MailslotName name = MailslotName.local(REPLY_PATH + UUID.randomUUID().toString().replace("-", ""));
		return this.transport.createServer(MailslotServerOptions.builder(name).queueCapacity(1).build());
	}

	/**
	 * Read one message from a server.
	 * @return the message, or {@code null} if none arrived within the timeout
	 */
	@Nullable Message<byte[]> read(MailslotServer server, @Nullable String serverId, ReadTimeout timeout) {
		MailslotMessage received;
		try {
			received = server.readMessage(timeout);
		}
		catch (MailslotTimeoutException ex) {
			return null;
		}
		MessageBuilder<byte[]> message = MessageBuilder.withPayload(received.payload())
			.setHeader(MailslotHeaders.MAILSLOT, server.name().toString())
			.setHeader(MailslotHeaders.SIZE, received.payload().length)
			.setHeader(MailslotHeaders.RECEIVED_AT, Instant.now());
		if (serverId != null) {
			message.setHeader(MailslotHeaders.SERVER_ID, serverId);
		}
		received.attributes()
			.forEach((attribute, value) -> message.setHeader(MailslotHeaders.PREFIX + attribute, value));
		return message.build();
	}

	/**
	 * Convert a received message's payload with the converters listeners use.
	 * @return the payload, or {@code null} for no message
	 */
	<T> @Nullable T convert(@Nullable Message<byte[]> message, Class<T> type) {
		if (message == null) {
			return null;
		}
		if (type == byte[].class) {
			return type.cast(message.getPayload());
		}
		Object converted = this.converter.fromMessage(message, type);
		if (converted == null) {
			throw new MessageConversionException(message, "No converter turns a message of "
					+ message.getHeaders().get(MailslotHeaders.MAILSLOT) + " into a " + type.getName());
		}
		return type.cast(converted);
	}

	private MailslotServer owned(String target) {
		MailslotServers servers = this.servers;
		Map<String, MailslotServer> owned = (servers != null) ? servers.getServers() : Map.of();
		MailslotServer server = (servers != null) ? servers.get(target) : null;
		if (server != null) {
			return server;
		}
		try {
			MailslotName name = MailslotName.parse(target);
			for (MailslotServer candidate : owned.values()) {
				if (candidate.name().equals(name)) {
					return candidate;
				}
			}
		}
		catch (InvalidMailslotNameException ex) {
			// Neither an id nor a name: reported below with what the application owns.
		}
		throw new IllegalArgumentException("'" + target + "' is no mailslot this application owns, so the template "
				+ "cannot receive from it; give a configured server id or the name of a server the application "
				+ "created: " + (owned.isEmpty() ? "there are none" : owned.keySet()));
	}

}
