package dev.mailslot.spring.listener;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

import dev.mailslot.MailslotMessage;
import dev.mailslot.spring.support.MailslotHeaders;

/**
 * A message read from a mailslot, whose headers are made the first time they are asked
 * for: a listener that takes only the payload never pays for them. They are those a
 * {@link ReceivedMessageHeaders} holds, the same whenever they are made; made twice by
 * two threads at once, either copy serves.
 */
final class ReceivedMessage implements Message<byte[]> {

	private final MailslotMessage received;

	private final Instant receivedAt;

	private final MailslotMessageSource source;

	private @Nullable MessageHeaders headers;

	ReceivedMessage(MailslotMessage received, Instant receivedAt, MailslotMessageSource source) {
		this.received = received;
		this.receivedAt = receivedAt;
		this.source = source;
	}

	@Override
	public byte[] getPayload() {
		return this.received.payload();
	}

	@Override
	public MessageHeaders getHeaders() {
		MessageHeaders headers = this.headers;
		if (headers == null) {
			headers = new ReceivedMessageHeaders(headerValues());
			this.headers = headers;
		}
		return headers;
	}

	private Map<String, Object> headerValues() {
		String mailslot = this.source.mailslot();
		String serverId = this.source.serverId();
		int size = this.received.payload().length;
		if (this.received.attributes().isEmpty()) {
			return (serverId != null)
					? Map.of(MailslotHeaders.MAILSLOT, mailslot, MailslotHeaders.SIZE, size,
							MailslotHeaders.RECEIVED_AT, this.receivedAt, MailslotHeaders.SERVER_ID, serverId)
					: Map.of(MailslotHeaders.MAILSLOT, mailslot, MailslotHeaders.SIZE, size,
							MailslotHeaders.RECEIVED_AT, this.receivedAt);
		}
		Map<String, Object> headers = new HashMap<>();
		headers.put(MailslotHeaders.MAILSLOT, mailslot);
		headers.put(MailslotHeaders.SIZE, size);
		headers.put(MailslotHeaders.RECEIVED_AT, this.receivedAt);
		if (serverId != null) {
			headers.put(MailslotHeaders.SERVER_ID, serverId);
		}
		this.received.attributes()
			.forEach((attribute, value) -> headers.put(MailslotHeaders.PREFIX + attribute, value));
		return headers;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || (other instanceof Message<?> message && message.getPayload() instanceof byte[] payload
				&& Arrays.equals(getPayload(), payload) && getHeaders().equals(message.getHeaders()));
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(getPayload()) * 31 + getHeaders().hashCode();
	}

	@Override
	public String toString() {
		return "ReceivedMessage [payload=byte[" + getPayload().length + "], headers=" + getHeaders() + "]";
	}

}
