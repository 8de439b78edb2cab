package dev.mailslot.sample;

import dev.mailslot.MailslotClosedException;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransports;
import dev.mailslot.ReadTimeout;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Creates the sample mailslot (no maximum message size, no read timeout, default security, as in
 * the seed program) and logs each message from a reader thread until the application stops.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sample.mode", havingValue = "reader", matchIfMissing = true)
class MailslotReaderConfiguration {

	private static final Log logger = LogFactory.getLog(MailslotReaderConfiguration.class);

	@Bean(destroyMethod = "close")
	MailslotServer sampleMailslot(SampleProperties properties) {
		MailslotServer server = MailslotTransports.get(properties.transport())
			.createServer(MailslotServerOptions.builder(properties.mailslot())
				.maxMessageSize(0)
				.readTimeout(ReadTimeout.FOREVER)
				.inheritHandle(false)
				.build());
		logger.info("Mailslot created successfully: " + server.name() + " on the " + server.transport()
				+ " transport, " + server.info());
		return server;
	}

	@Bean
	ApplicationRunner sampleMailslotReader(MailslotServer sampleMailslot) {
		return (arguments) -> {
			Thread reader = new Thread(() -> read(sampleMailslot), "sample-mailslot-reader");
			reader.start();
		};
	}

	private static void read(MailslotServer server) {
		try {
			while (true) {
				byte[] message = server.read();
				logger.info("Received " + message.length + " bytes: " + new String(message,
						java.nio.charset.StandardCharsets.UTF_8) + " (" + server.info().messageCount() + " waiting)");
			}
		}
		catch (MailslotClosedException ex) {
			logger.info("Mailslot " + server.name() + " closed");
		}
	}

}
