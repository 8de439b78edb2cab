package dev.mailslot.spring.listener;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;
import org.springframework.messaging.support.GenericMessage;

import dev.mailslot.MailslotMessage;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotTimeoutException;
import dev.mailslot.ReadTimeout;
import dev.mailslot.spring.support.MailslotHeaders;

/**
 * Reads a container's mailslot and makes the messages listeners get: the payload, and headers for
 * the mailslot, the server id, the size, the time received and whatever the transport knows of the
 * sender ({@code mailslot_} and the attribute's name).
 */
final class MailslotMessageSource {

	private static final Log logger = LogFactory.getLog(MailslotListenerContainer.class);

	private final MailslotServer server;

	/** The mailslot's name, for the {@link MailslotHeaders#MAILSLOT} header. */
	private final String mailslot;

	private final @Nullable String serverId;

	private final ListenerCounters counters;

	MailslotMessageSource(MailslotServer server, @Nullable String serverId, ListenerCounters counters) {
		this.server = server;
		this.mailslot = server.name().toString();
		this.serverId = serverId;
		this.counters = counters;
	}

	MailslotServer server() {
		return this.server;
	}

	String mailslot() {
		return this.mailslot;
	}

	/**
	 * Read the next message.
	 * @param timeout how long to wait for one
	 * @return the message
	 * @throws MailslotTimeoutException if none arrived in time
	 */
	Message<byte[]> read(ReadTimeout timeout) {
		return toMessage(this.server.readMessage(timeout));
	}

	/**
	 * Read every message waiting in the mailslot, at once. A read that fails ends the list with a
	 * warning: what was read is returned.
	 * @param listenerId the listener that reads, for the warning
	 * @return the messages, in order
	 */
	List<Message<byte[]>> readAll(String listenerId) {
		List<Message<byte[]>> messages = new ArrayList<>();
		if (!this.server.isOpen()) {
			return messages;
		}
		try {
			while (true) {
				messages.add(read(ReadTimeout.ZERO));
			}
		}
		catch (MailslotTimeoutException ex) {
			return messages;
		}
		catch (RuntimeException ex) {
			logger.warn("Listener " + listenerId + " stopped draining " + this.server.name() + ": " + ex);
			return messages;
		}
	}

	private Message<byte[]> toMessage(MailslotMessage received) {
		byte[] payload = received.payload();
		this.counters.received(payload.length);
		Instant now = Instant.now();
		if (received.attributes().isEmpty()) {
			Map<String, Object> headers = (this.serverId != null)
					? Map.of(MailslotHeaders.MAILSLOT, this.mailslot, MailslotHeaders.SIZE, payload.length,
							MailslotHeaders.RECEIVED_AT, now, MailslotHeaders.SERVER_ID, this.serverId)
					: Map.of(MailslotHeaders.MAILSLOT, this.mailslot, MailslotHeaders.SIZE, payload.length,
							MailslotHeaders.RECEIVED_AT, now);
			return new GenericMessage<>(payload, new ReceivedMessageHeaders(headers));
		}
		Map<String, Object> headers = new HashMap<>();
		headers.put(MailslotHeaders.MAILSLOT, this.mailslot);
		headers.put(MailslotHeaders.SIZE, payload.length);
		headers.put(MailslotHeaders.RECEIVED_AT, now);
		if (this.serverId != null) {
			headers.put(MailslotHeaders.SERVER_ID, this.serverId);
		}
		received.attributes().forEach((attribute, value) -> headers.put(MailslotHeaders.PREFIX + attribute, value));
		return new GenericMessage<>(payload, new ReceivedMessageHeaders(headers));
	}

}
