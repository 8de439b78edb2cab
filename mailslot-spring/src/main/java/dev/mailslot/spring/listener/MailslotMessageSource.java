package dev.mailslot.spring.listener;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;

import dev.mailslot.MailslotMessage;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotTimeoutException;
import dev.mailslot.ReadTimeout;

/**
 * Reads a container's mailslot and makes the messages listeners get: the payload, and
 * headers for the mailslot, the server id, the size, the time received and whatever the
 * transport knows of the sender ({@code mailslot_} and the attribute's name), made only
 * if asked for ({@link ReceivedMessage}).
 */
final class MailslotMessageSource {

	private final MailslotServer server;

	/**
	 * The mailslot's name, for the
	 * {@link dev.mailslot.spring.support.MailslotHeaders#MAILSLOT} header.
	 */
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

	@Nullable String serverId() {
		return this.serverId;
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

	private Message<byte[]> toMessage(MailslotMessage received) {
		this.counters.received(received.payload().length);
		return new ReceivedMessage(received, Instant.now(), this);
	}

}
