package dev.mailslot.spring.boot.autoconfigure;

import java.util.Locale;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.convert.converter.Converter;

import dev.mailslot.ReadTimeout;

/**
 * Reads a {@link ReadTimeout} property: {@code forever}, or a duration in any form Boot
 * accepts ({@code 500ms}, {@code PT0.5S}, or a number of milliseconds).
 */
class ReadTimeoutConverter implements Converter<String, ReadTimeout> {

	@Override
	public ReadTimeout convert(String source) {
		String text = source.trim();
		if (text.toLowerCase(Locale.ROOT).equals("forever")) {
			return ReadTimeout.FOREVER;
		}
		return ReadTimeout.of(DurationStyle.detectAndParse(text));
	}

}
