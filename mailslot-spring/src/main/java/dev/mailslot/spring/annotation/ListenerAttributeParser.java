package dev.mailslot.spring.annotation;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.format.datetime.standard.DurationFormatterUtils;
import org.springframework.util.StringUtils;

import dev.mailslot.ReadTimeout;

/**
 * Reads the resolved values of a {@link MailslotListener}'s option attributes, refusing
 * each bad one with an error that names the method, the attribute and the value. An empty
 * value means the container factory's option.
 */
final class ListenerAttributeParser {

	private final String where;

	/**
	 * Create a parser for the attributes of one listener.
	 * @param where the listener, as errors name it
	 */
	ListenerAttributeParser(String where) {
		this.where = where;
	}

	@Nullable Integer wholeNumber(String value, String attribute, int least) {
		return parse(value, attribute, Integer::valueOf, (number) -> number >= least,
				"a whole number of at least " + least);
	}

	@Nullable Long longNumber(String value, String attribute, long least) {
		return parse(value, attribute, Long::valueOf, (number) -> number >= least,
				"a whole number of at least " + least);
	}

	@Nullable Double multiplier(String value, String attribute) {
		return parse(value, attribute, Double::valueOf, (number) -> number >= 1.0 && Double.isFinite(number),
				"a number of at least 1, such as 2 or 1.5");
	}

	@Nullable Duration duration(String value, String attribute, boolean zeroAllowed) {
		String bounds = (zeroAllowed ? "0 or more" : "more than 0") + ", such as 500ms, 2s or PT2S";
		return parse(value, attribute, DurationFormatterUtils::detectAndParse,
				(duration) -> !duration.isNegative() && (zeroAllowed || !duration.isZero()), "a duration of " + bounds);
	}

	@Nullable Duration batchWait(String value, String attribute) {
		return parse(value, attribute, DurationFormatterUtils::detectAndParse,
				(duration) -> !duration.isNegative() && duration.compareTo(ReadTimeout.MAX_FINITE) <= 0,
				"0, to take only the messages already waiting, or a duration up to " + ReadTimeout.MAX_FINITE
						+ ", such as 500ms or 2s");
	}

	private <T> @Nullable T parse(String value, String attribute, Function<String, T> parser, Predicate<T> valid,
			String expected) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		T parsed;
		try {
			parsed = parser.apply(value.trim());
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(refusal(value, attribute, expected));
		}
		if (!valid.test(parsed)) {
			throw new IllegalStateException(refusal(value, attribute, expected));
		}
		return parsed;
	}

	private String refusal(String value, String attribute, String expected) {
		return this.where + " has " + attribute + " '" + value + "'; give " + expected;
	}

}
