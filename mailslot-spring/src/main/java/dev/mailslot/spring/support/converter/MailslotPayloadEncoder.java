package dev.mailslot.spring.support.converter;

import java.nio.ByteBuffer;

import dev.mailslot.MailslotName;

/**
 * A message converter that can also turn a payload into a mailslot message's bytes at
 * once, without making a {@link org.springframework.messaging.Message}: the
 * {@link dev.mailslot.spring.core.MailslotTemplate} uses it for the payload types it
 * encodes, and its {@code toMessage} for nothing else. Encoding must give the bytes that
 * {@code toMessage} would.
 */
public interface MailslotPayloadEncoder {

	/**
	 * Return whether this encoder encodes payloads of a type.
	 * @param payloadType the payload's class
	 * @return whether it does
	 */
	boolean canEncode(Class<?> payloadType);

	/**
	 * Encode a payload of a type this encoder encodes.
	 * @param payload the payload
	 * @param mailslot the mailslot it is written to
	 * @return the message's bytes, from the buffer's position to its limit
	 */
	ByteBuffer encode(Object payload, MailslotName mailslot);

}
