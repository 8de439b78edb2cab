package dev.mailslot.sample;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.support.MailslotHeaders;

/**
 * Logs each message of the sample mailslot, as "Reading from a Mailslot" prints them.
 */
@Component
@Profile("!writer")
class SampleListener {

	private static final Log logger = LogFactory.getLog(SampleListener.class);

	@MailslotListener("sample")
	void onMessage(String message, @Header(MailslotHeaders.SIZE) int size,
			@Header(MailslotHeaders.MAILSLOT) String mailslot) {
		logger.info("Received " + size + " bytes on " + mailslot + ": " + message);
	}

}
