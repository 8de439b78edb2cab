package dev.mailslot.spring.support.converter;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.util.ClassUtils;

/**
 * Builds the message converter mailslot listeners and the template use by default: {@code byte[]}
 * as is, {@code String} in a charset, {@code ByteBuffer}, and any other type as JSON when Jackson 3
 * is on the class path.
 */
public final class MailslotMessageConverters {

	private static final boolean JACKSON_PRESENT = ClassUtils.isPresent("tools.jackson.databind.json.JsonMapper",
			MailslotMessageConverters.class.getClassLoader());

	private MailslotMessageConverters() {
	}

	/**
	 * Create the default converter.
	 * @param charset the charset of {@code String} payloads
	 * @param jsonMapper the JSON mapper to use, or {@code null} for a default one (when Jackson 3
	 * is present)
	 * @return the converter
	 */
	public static MessageConverter create(Charset charset, @Nullable Object jsonMapper) {
		List<MessageConverter> converters = new ArrayList<>();
		converters.add(new ByteArrayMessageConverter());
		converters.add(new StringMessageConverter(charset));
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
