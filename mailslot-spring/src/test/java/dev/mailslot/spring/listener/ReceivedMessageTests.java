package dev.mailslot.spring.listener;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.GenericMessage;

import dev.mailslot.MailslotMessage;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransports;
import dev.mailslot.spring.support.MailslotHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message a listener gets: headers made once, when first asked for, with the same
 * values a message made at once would have.
 */
class ReceivedMessageTests {

	private static final Instant RECEIVED_AT = Instant.parse("2026-12-01T10:00:00.123456Z");

	@Test
	void headersNameTheMailslotServerSizeAndTime() {
		try (MailslotServer server = server("received-message-headers")) {
			ReceivedMessage message = new ReceivedMessage(MailslotMessage.of(bytes("hello")), RECEIVED_AT,
					new MailslotMessageSource(server, "orders", new ListenerCounters()));
			assertThat(message.getHeaders()).containsOnly(Map.entry(MailslotHeaders.MAILSLOT, server.name().toString()),
					Map.entry(MailslotHeaders.SIZE, 5), Map.entry(MailslotHeaders.RECEIVED_AT, RECEIVED_AT),
					Map.entry(MailslotHeaders.SERVER_ID, "orders"));
			assertThat(message.getHeaders()).isSameAs(message.getHeaders());
			assertThat(message.getHeaders().getId()).isNull();
			assertThat(message.getHeaders().getTimestamp()).isNull();
		}
	}

	@Test
	void attributesOfTheSenderArePrefixed() {
		try (MailslotServer server = server("received-message-attributes")) {
			MailslotMessage received = new MailslotMessage(bytes("hi"), Map.of("source-host", "BUILD01"));
			ReceivedMessage message = new ReceivedMessage(received, RECEIVED_AT,
					new MailslotMessageSource(server, null, new ListenerCounters()));
			assertThat(message.getHeaders()).containsEntry(MailslotHeaders.PREFIX + "source-host", "BUILD01")
				.containsEntry(MailslotHeaders.SIZE, 2)
				.doesNotContainKey(MailslotHeaders.SERVER_ID);
		}
	}

	@Test
	void equalsAGenericMessageWithTheSamePayloadAndHeaders() {
		try (MailslotServer server = server("received-message-equals")) {
			ReceivedMessage message = new ReceivedMessage(MailslotMessage.of(bytes("same")), RECEIVED_AT,
					new MailslotMessageSource(server, "orders", new ListenerCounters()));
			GenericMessage<byte[]> generic = new GenericMessage<>(bytes("same"), message.getHeaders());
			MessageHeaders other = new GenericMessage<>(bytes("same"), Map.of(MailslotHeaders.SIZE, 4)).getHeaders();
			assertThat(message).isEqualTo(generic)
				.hasSameHashCodeAs(new ReceivedMessage(MailslotMessage.of(bytes("same")), RECEIVED_AT,
						new MailslotMessageSource(server, "orders", new ListenerCounters())));
			assertThat(message).isNotEqualTo(new GenericMessage<>(bytes("same"), other));
			assertThat(message).isNotEqualTo(new GenericMessage<>(bytes("else"), message.getHeaders()));
			assertThat(message.toString()).contains("payload=byte[4]").contains(MailslotHeaders.SERVER_ID + "=orders");
		}
	}

	private static MailslotServer server(String name) {
		return MailslotTransports.get("memory").createServer(MailslotServerOptions.builder(name).build());
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
