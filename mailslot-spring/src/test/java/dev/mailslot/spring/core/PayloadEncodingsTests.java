package dev.mailslot.spring.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.support.GenericMessage;

import dev.mailslot.MailslotName;
import dev.mailslot.spring.support.MailslotHeaders;
import dev.mailslot.spring.support.converter.MailslotMessageConverters;
import dev.mailslot.spring.support.converter.MailslotText;
import dev.mailslot.spring.support.converter.MailslotTextMessageConverter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How the template turns payloads into bytes: the converter chosen once per type, in the
 * order given, and the bytes of a buffer sent where they are.
 */
class PayloadEncodingsTests {

	private static final MailslotName ORDERS = MailslotName.parse("\\\\.\\mailslot\\orders");

	private static final MailslotName LEGACY = MailslotName.parse("\\\\.\\mailslot\\legacy");

	@Test
	void textIsEncodedInTheCharsetOfItsMailslot() {
		MailslotTextMessageConverter text = new MailslotTextMessageConverter(
				new MailslotText(StandardCharsets.UTF_8, false),
				Map.of(LEGACY, new MailslotText(StandardCharsets.UTF_16LE, true)), false);
		PayloadEncodings encodings = new PayloadEncodings(MailslotMessageConverters.create(text, null));
		assertThat(bytes(encodings.encode("é", MailslotDestination.of(ORDERS)))).containsExactly(0xC3, 0xA9);
		assertThat(bytes(encodings.encode("é", MailslotDestination.of(LEGACY)))).containsExactly(0xE9, 0, 0, 0);
	}

	@Test
	void aBufferIsSentWhereItIsAndKeepsItsPosition() {
		PayloadEncodings encodings = new PayloadEncodings(
				MailslotMessageConverters.create(StandardCharsets.UTF_8, null));
		ByteBuffer payload = ByteBuffer.wrap("..abc".getBytes(StandardCharsets.US_ASCII)).position(2);
		ByteBuffer encoded = encodings.encode(payload, MailslotDestination.of(ORDERS));
		assertThat(encoded.array()).isSameAs(payload.array());
		assertThat(bytes(encoded)).containsExactly('a', 'b', 'c');
		assertThat(payload.position()).isEqualTo(2);
	}

	@Test
	void aConverterThatTookATypeIsTheOnlyOneAskedAfterwards() {
		CountingConverter declines = new CountingConverter((payload) -> false);
		CountingConverter takes = new CountingConverter((payload) -> true);
		PayloadEncodings encodings = new PayloadEncodings(new CompositeMessageConverter(List.of(declines, takes)));
		for (int i = 0; i < 3; i++) {
			assertThat(bytes(encodings.encode(42L, MailslotDestination.of(ORDERS)))).containsExactly('4', '2');
		}
		assertThat(declines.asked).hasSize(1);
		assertThat(takes.asked).hasSize(3);
		assertThat(takes.asked.get(0)).containsEntry(MailslotHeaders.MAILSLOT, ORDERS.toString());
	}

	@Test
	void aConverterThatLaterDeclinesSendsTheSearchBackToTheFirst() {
		CountingConverter first = new CountingConverter((payload) -> ((Long) payload) > 100);
		CountingConverter second = new CountingConverter((payload) -> true);
		PayloadEncodings encodings = new PayloadEncodings(new CompositeMessageConverter(List.of(first, second)));
		encodings.encode(500L, MailslotDestination.of(ORDERS));
		encodings.encode(5L, MailslotDestination.of(ORDERS));
		assertThat(first.asked).hasSize(3);
		assertThat(second.asked).hasSize(1);
	}

	@Test
	void aPayloadNoConverterTakesIsRefusedNamingItsType() {
		PayloadEncodings encodings = new PayloadEncodings(new CountingConverter((payload) -> false));
		assertThatExceptionOfType(MessageConversionException.class)
			.isThrownBy(() -> encodings.encode(42L, MailslotDestination.of(ORDERS)))
			.withMessageContaining("No converter turns a java.lang.Long into a mailslot message");
	}

	private static byte[] bytes(ByteBuffer buffer) {
		byte[] bytes = new byte[buffer.remaining()];
		buffer.duplicate().get(bytes);
		return bytes;
	}

	/**
	 * Converts the payloads its rule takes to their text, recording the headers it was
	 * asked with.
	 */
	private static final class CountingConverter implements MessageConverter {

		private final Predicate<Object> takes;

		final List<MessageHeaders> asked = new ArrayList<>();

		CountingConverter(Predicate<Object> takes) {
			this.takes = takes;
		}

		@Override
		public @Nullable Object fromMessage(Message<?> message, Class<?> targetClass) {
			return null;
		}

		@Override
		public @Nullable Message<?> toMessage(Object payload, @Nullable MessageHeaders headers) {
			this.asked.add(headers);
			return this.takes.test(payload)
					? new GenericMessage<>(payload.toString().getBytes(StandardCharsets.US_ASCII)) : null;
		}

	}

}
