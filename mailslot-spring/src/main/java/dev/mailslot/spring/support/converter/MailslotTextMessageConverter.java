package dev.mailslot.spring.support.converter;

import java.nio.ByteBuffer;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.AbstractMessageConverter;
import org.springframework.util.MimeType;

import dev.mailslot.InvalidMailslotNameException;
import dev.mailslot.MailslotName;
import dev.mailslot.spring.support.MailslotHeaders;

/**
 * Converts between {@code String} payloads and a mailslot's bytes in the mailslot's
 * {@link MailslotText}: the one given for the {@link MailslotHeaders#MAILSLOT} header's
 * mailslot, else the default. Reading drops one trailing NUL terminator, which Windows
 * programs in C write after their text, unless told to keep it; writing appends one where
 * the text is NUL-terminated.
 */
public class MailslotTextMessageConverter extends AbstractMessageConverter implements MailslotPayloadEncoder {

	private final MailslotText defaultText;

	private final Map<MailslotName, MailslotText> textByMailslot;

	private final boolean keepNulTerminator;

	/**
	 * Create a converter.
	 * @param defaultText the text of mailslots not in {@code textByMailslot}
	 * @param textByMailslot the text of particular mailslots
	 * @param keepNulTerminator whether read text keeps a trailing NUL terminator
	 */
	public MailslotTextMessageConverter(MailslotText defaultText, Map<MailslotName, MailslotText> textByMailslot,
			boolean keepNulTerminator) {
		super(new MimeType("text", "plain"));
		this.defaultText = defaultText;
		this.textByMailslot = Map.copyOf(textByMailslot);
		this.keepNulTerminator = keepNulTerminator;
	}

	/**
	 * Return the text of the mailslot the headers name, or the default.
	 * @param headers headers that may carry {@link MailslotHeaders#MAILSLOT}
	 * @return the mailslot's text
	 */
	public MailslotText textOf(@Nullable MessageHeaders headers) {
		if (this.textByMailslot.isEmpty() || headers == null) {
			return this.defaultText;
		}
		Object mailslot = headers.get(MailslotHeaders.MAILSLOT);
		if (mailslot == null) {
			return this.defaultText;
		}
		try {
			return textOf((mailslot instanceof MailslotName given) ? given : MailslotName.parse(mailslot.toString()));
		}
		catch (InvalidMailslotNameException ex) {
			return this.defaultText;
		}
	}

	/**
	 * Return the text of a mailslot, or the default.
	 * @param mailslot the mailslot
	 * @return the mailslot's text
	 */
	public MailslotText textOf(MailslotName mailslot) {
		return this.textByMailslot.isEmpty() ? this.defaultText
				: this.textByMailslot.getOrDefault(mailslot, this.defaultText);
	}

	@Override
	protected boolean supports(Class<?> clazz) {
		return String.class == clazz;
	}

	@Override
	public boolean canEncode(Class<?> payloadType) {
		return supports(payloadType);
	}

	@Override
	public ByteBuffer encode(Object payload, MailslotName mailslot) {
		return ByteBuffer.wrap(toBytes((String) payload, textOf(mailslot)));
	}

	@Override
	protected @Nullable Object convertFromInternal(Message<?> message, Class<?> targetClass,
			@Nullable Object conversionHint) {
		Object payload = message.getPayload();
		String text = (payload instanceof byte[] bytes) ? new String(bytes, textOf(message.getHeaders()).charset())
				: payload.toString();
		if (!this.keepNulTerminator && text.endsWith("\0")) {
			return text.substring(0, text.length() - 1);
		}
		return text;
	}

	@Override
	protected @Nullable Object convertToInternal(Object payload, @Nullable MessageHeaders headers,
			@Nullable Object conversionHint) {
		return toBytes((String) payload, textOf(headers));
	}

	private static byte[] toBytes(String string, MailslotText text) {
		return (text.nulTerminated() ? string + '\0' : string).getBytes(text.charset());
	}

}
