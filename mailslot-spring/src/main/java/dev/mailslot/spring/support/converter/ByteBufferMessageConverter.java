package dev.mailslot.spring.support.converter;

import java.nio.ByteBuffer;

import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.AbstractMessageConverter;

import dev.mailslot.MailslotName;

/**
 * Converts a {@code byte[]} payload to a read-only {@link ByteBuffer} over it, and back.
 */
public class ByteBufferMessageConverter extends AbstractMessageConverter implements MailslotPayloadEncoder {

	@Override
	protected boolean supports(Class<?> clazz) {
		return ByteBuffer.class.isAssignableFrom(clazz);
	}

	@Override
	public boolean canEncode(Class<?> payloadType) {
		return supports(payloadType);
	}

	/**
	 * Return a duplicate of the buffer: the bytes stay where they are, and the payload's
	 * position does not move.
	 */
	@Override
	public ByteBuffer encode(Object payload, MailslotName mailslot) {
		return ((ByteBuffer) payload).duplicate();
	}

	@Override
	protected @Nullable Object convertFromInternal(Message<?> message, Class<?> targetClass,
			@Nullable Object conversionHint) {
		return (message.getPayload() instanceof byte[] bytes) ? ByteBuffer.wrap(bytes).asReadOnlyBuffer() : null;
	}

	@Override
	protected @Nullable Object convertToInternal(Object payload, @Nullable MessageHeaders headers,
			@Nullable Object conversionHint) {
		ByteBuffer buffer = ((ByteBuffer) payload).duplicate();
		byte[] bytes = new byte[buffer.remaining()];
		buffer.get(bytes);
		return bytes;
	}

}
