package dev.mailslot.spring.support.converter;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the message converter mailslot listeners and the template use by default:
 * {@code byte[]} as is, {@code String} in a mailslot's {@link MailslotText},
 * {@code ByteBuffer}, and any other type as JSON when Jackson 3 is on the class path.
 */
public final class MailslotMessageConverters {

	private static final boolean JACKSON_PRESENT = ClassUtils.isPresent("tools.jackson.databind.json.JsonMapper",
			MailslotMessageConverters.class.getClassLoader());

	private MailslotMessageConverters() {
	}

	/**
	 * Create the default converter, with text in one charset, not NUL-terminated when
	 * written, and a trailing NUL terminator dropped when read.
	 * @param charset the charset of {@code String} payloads
	 * @param jsonMapper the JSON mapper to use, or {@code null} for a default one (when
	 * Jackson 3 is present)
	 * @return the converter
	 */
	public static MessageConverter create(Charset charset, @Nullable Object jsonMapper) {
		return create(new MailslotTextMessageConverter(new MailslotText(charset, false), Map.of(), false), jsonMapper);
	}

	/**
	 * Create the default converter with the given converter of {@code String} payloads.
	 * @param textConverter the converter of {@code String} payloads
	 * @param jsonMapper the JSON mapper to use, or {@code null} for a default one (when
	 * Jackson 3 is present)
	 * @return the converter
	 */
	public static MessageConverter create(MailslotTextMessageConverter textConverter, @Nullable Object jsonMapper) {
		List<MessageConverter> converters = new ArrayList<>();
		converters.add(new ByteArrayMessageConverter());
		converters.add(textConverter);
		converters.add(new ByteBufferMessageConverter());
		if (JACKSON_PRESENT) {
			converters.add(JsonConverter.create(jsonMapper));
		}
		return new CompositeMessageConverter(converters);
	}

	/**
	 * Keeps Jackson types out of the enclosing class, so it loads without Jackson.
	 */
	private static final class JsonConverter {

		static MessageConverter create(@Nullable Object jsonMapper) {
			return (jsonMapper instanceof JsonMapper mapper) ? new JacksonJsonMessageConverter(mapper)
					: new JacksonJsonMessageConverter();
		}

	}

}
