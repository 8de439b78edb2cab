package dev.mailslot.sample;

import java.nio.charset.StandardCharsets;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotTransports;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Writes the three messages of Microsoft's "Writing to a Mailslot" sample to the sample mailslot.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sample.mode", havingValue = "writer")
class MailslotWriterConfiguration {

	static final String[] MESSAGES = { "Message one for mailslot.", "Message two for mailslot.",
			"Message three for mailslot." };

	private static final Log logger = LogFactory.getLog(MailslotWriterConfiguration.class);

	@Bean
	ApplicationRunner sampleMailslotWriter(SampleProperties properties) {
		return (arguments) -> {
			MailslotName name = MailslotName.parse(properties.mailslot());
			try (MailslotClient client = MailslotTransports.get(properties.transport()).openClient(name)) {
				for (String message : MESSAGES) {
					client.write(message.getBytes(StandardCharsets.UTF_8));
				}
			}
			logger.info("Wrote " + MESSAGES.length + " messages to " + name);
		};
	}

}
