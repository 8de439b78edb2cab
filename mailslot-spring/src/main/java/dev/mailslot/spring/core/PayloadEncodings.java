package dev.mailslot.spring.core;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.converter.MessageConverter;

import dev.mailslot.spring.support.converter.MailslotPayloadEncoder;

/**
 * Turns the template's payloads into message bytes, choosing the converter once per
 * payload type: the first of the converters, in order, that takes the type. A
 * {@link MailslotPayloadEncoder} (text, {@code ByteBuffer}) encodes without making a
 * message; any other converter is asked with {@code toMessage}, and asked again from the
 * first if it later declines a payload of the type it took. {@code byte[]} is sent as is,
 * and a buffer a converter returns is sent without copying.
 */
final class PayloadEncodings {

	private final List<MessageConverter> converters;

	private final Map<Class<?>, Encoding> byType = new ConcurrentHashMap<>();

	PayloadEncodings(MessageConverter converter) {
		this.converters = (converter instanceof CompositeMessageConverter composite)
				? List.copyOf(composite.getConverters()) : List.of(converter);
	}

	/**
	 * Encode a payload for a destination.
	 * @return the bytes, from the buffer's position to its limit
	 * @throws MessageConversionException if no converter takes the payload
	 */
	ByteBuffer encode(Object payload, MailslotDestination destination) {
		if (payload instanceof byte[] bytes) {
			return ByteBuffer.wrap(bytes);
		}
		Encoding encoding = this.byType.get(payload.getClass());
		if (encoding != null) {
			ByteBuffer encoded = encoding.encode(payload, destination);
			if (encoded != null) {
				return encoded;
			}
		}
		return chooseAndEncode(payload, destination);
	}

	private ByteBuffer chooseAndEncode(Object payload, MailslotDestination destination) {
		Class<?> type = payload.getClass();
		for (MessageConverter converter : this.converters) {
			if (converter instanceof MailslotPayloadEncoder encoder) {
				if (encoder.canEncode(type)) {
					this.byType.put(type, (given, target) -> encoder.encode(given, target.name()));
					return encoder.encode(payload, destination.name());
				}
				continue;
			}
			ByteBuffer converted = convert(converter, payload, destination);
			if (converted != null) {
				this.byType.put(type, (given, target) -> convert(converter, given, target));
				return converted;
			}
		}
		throw new MessageConversionException("No converter turns a " + type.getName()
				+ " into a mailslot message; send byte[], String or ByteBuffer, or add Jackson for JSON");
	}

	private static @Nullable ByteBuffer convert(MessageConverter converter, Object payload,
			MailslotDestination destination) {
		Message<?> message = converter.toMessage(payload, destination.headers());
		if (message == null) {
			return null;
		}
		Object converted = message.getPayload();
		if (converted instanceof byte[] bytes) {
			return ByteBuffer.wrap(bytes);
		}
		if (converted instanceof ByteBuffer buffer) {
			return buffer.duplicate();
		}
		throw new MessageConversionException("Converter turned a " + payload.getClass().getName() + " into a "
				+ converted.getClass().getName() + ", not bytes");
	}

	/**
	 * How payloads of one type are encoded.
	 */
	@FunctionalInterface
	private interface Encoding {

		/**
		 * Encode a payload for a destination.
		 * @param payload the payload
		 * @param destination where it goes
		 * @return the bytes, or {@code null} if the chosen converter declined this
		 * payload
		 */
		@Nullable ByteBuffer encode(Object payload, MailslotDestination destination);

	}

}
