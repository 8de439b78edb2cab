package dev.mailslot.spring.listener.adapter;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.support.GenericMessage;
import org.springframework.util.ReflectionUtils;

import dev.mailslot.spring.support.MailslotHeaders;
import dev.mailslot.spring.support.converter.MailslotMessageConverters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The adapter between a container and a listener method: it asks a message for its
 * headers only when the method's arguments need them, so a listener of the payload alone
 * never pays for them.
 */
class MessagingMessageListenerAdapterTests {

	private final List<Object> received = new ArrayList<>();

	@Test
	void payloadListenerNeverAsksForTheHeaders() {
		adapter("onBytes", byte[].class).onMessage(new HeadlessMessage(bytes("payload")));
		assertThat(this.received).containsExactly("payload");
	}

	@Test
	void headerArgumentsAreResolvedFromTheHeaders() {
		MessagingMessageListenerAdapter adapter = adapter("onBytesWithSize", byte[].class, int.class);
		adapter.onMessage(new GenericMessage<>(bytes("sized"), Map.of(MailslotHeaders.SIZE, 5)));
		assertThat(this.received).containsExactly("sized", 5);
		assertThatThrownBy(() -> adapter.onMessage(new HeadlessMessage(bytes("x"))))
			.hasRootCauseMessage("headers asked for");
	}

	private MessagingMessageListenerAdapter adapter(String name, Class<?>... parameterTypes) {
		MailslotMessageHandlerMethodFactory factory = new MailslotMessageHandlerMethodFactory();
		factory.setMessageConverter(MailslotMessageConverters.create(StandardCharsets.UTF_8, null));
		factory.afterPropertiesSet();
		Method method = ReflectionUtils.findMethod(getClass(), name, parameterTypes);
		return new MessagingMessageListenerAdapter(factory.createInvocableHandlerMethod(this, method));
	}

	void onBytes(byte[] payload) {
		this.received.add(new String(payload, StandardCharsets.UTF_8));
	}

	void onBytesWithSize(byte[] payload, @Header(MailslotHeaders.SIZE) int size) {
		this.received.add(new String(payload, StandardCharsets.UTF_8));
		this.received.add(size);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A message that fails if its headers are asked for.
	 */
	private record HeadlessMessage(byte[] getPayload) implements Message<byte[]> {

		@Override
		public MessageHeaders getHeaders() {
			throw new IllegalStateException("headers asked for");
		}

	}

}
