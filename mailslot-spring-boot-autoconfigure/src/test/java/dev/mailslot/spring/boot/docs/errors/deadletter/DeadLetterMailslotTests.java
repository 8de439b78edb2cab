package dev.mailslot.spring.boot.docs.errors.deadletter;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mailslot.spring.boot.docs.ExampleApplications;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.listener.DeadLetterMailslotErrorHandler;
import dev.mailslot.spring.listener.MailslotErrorHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dead-letter mailslot of {@code docs/error-handling.md}: with its YAML, a message whose
 * listener keeps failing is written, as it was read, to {@code orders-dead-letters}.
 */
class DeadLetterMailslotTests {

	@TempDir
	Path deadLetters;

	@Test
	void aMessageThatKeepsFailingIsWrittenToTheDeadLetterMailslot() {
		ExampleApplications.runner(this.deadLetters)
			.withInitializer(ExampleApplications.configurationFile("docs/error-handling/dead-letter-mailslot.yml"))
			.withPropertyValues("mailslot.servers.orders.name=orders", "mailslot.listener.retry.max-retries=0")
			.withBean(OrderListener.class)
			.run((context) -> {
				assertThat(context.getBean("mailslotErrorHandler", MailslotErrorHandler.class))
					.isInstanceOf(DeadLetterMailslotErrorHandler.class);
				MailslotTemplate template = context.getBean(MailslotTemplate.class);
				template.send("orders", "order A-1 #1");
				assertThat(template.receiveAndConvert("orders-dead-letters", String.class, Duration.ofSeconds(10)))
					.isEqualTo("order A-1 #1");
			});
	}

}
