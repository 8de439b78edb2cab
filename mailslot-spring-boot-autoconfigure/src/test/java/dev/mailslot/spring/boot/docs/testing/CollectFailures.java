package dev.mailslot.spring.boot.docs.testing;

// tag::collect[]
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import dev.mailslot.spring.listener.MailslotErrorHandler;

@TestConfiguration(proxyBeanMethods = false)
class CollectFailures {

	@Bean
	BlockingQueue<String> failures() {
		return new LinkedBlockingQueue<>();
	}

	@Bean
	MailslotErrorHandler mailslotErrorHandler(BlockingQueue<String> failures) {
		return (message, cause, attempts) -> failures.add(new String(message.getPayload(), StandardCharsets.UTF_8));
	}

}
// end::collect[]
