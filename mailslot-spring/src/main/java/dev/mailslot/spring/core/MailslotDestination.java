package dev.mailslot.spring.core;

import java.util.Map;

import org.springframework.messaging.MessageHeaders;

import dev.mailslot.MailslotName;
import dev.mailslot.spring.support.MailslotHeaders;

/**
 * Where the template sends: a resolved mailslot name and the headers its converters see,
 * made once per target.
 *
 * @param name the mailslot
 * @param headers {@link MailslotHeaders#MAILSLOT} with the name, and no generated id or
 * timestamp
 */
record MailslotDestination(MailslotName name, MessageHeaders headers) {

	static MailslotDestination of(MailslotName name) {
		return new MailslotDestination(name, new TargetHeaders(name));
	}

	/**
	 * Headers without the generated id and timestamp, which conversion does not need.
	 */
	private static final class TargetHeaders extends MessageHeaders {

		TargetHeaders(MailslotName mailslot) {
			super(Map.of(MailslotHeaders.MAILSLOT, mailslot.toString()), ID_VALUE_NONE, -1L);
		}

	}

}
