package dev.mailslot.sample;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import dev.mailslot.spring.core.MailslotTemplate;

/**
 * Writes the three messages of Microsoft's "Writing to a Mailslot" sample to the sample
 * mailslot.
 */
@Component
@Profile("writer")
class SampleWriter implements ApplicationRunner {

	static final String[] MESSAGES = { "Message one for mailslot.", "Message two for mailslot.",
			"Message three for mailslot." };

	private static final Log logger = LogFactory.getLog(SampleWriter.class);

	private final MailslotTemplate template;

	private final String mailslot;

	SampleWriter(MailslotTemplate template, @Value("${sample.mailslot}") String mailslot) {
		this.template = template;
		this.mailslot = mailslot;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (String message : MESSAGES) {
			this.template.send(this.mailslot, message);
		}
		logger.info("Wrote " + MESSAGES.length + " messages to " + this.mailslot);
	}

}
