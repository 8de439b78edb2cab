package dev.mailslot.spring.boot.docs.errors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import dev.mailslot.MailslotName;
import dev.mailslot.spring.boot.docs.ExampleApplications;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.listener.DeadLetterDirectoryErrorHandler;
import dev.mailslot.spring.listener.DeadLetterMailslotErrorHandler;
import dev.mailslot.spring.listener.DeadLetterReplayResult;
import dev.mailslot.spring.support.MailslotHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dead-letter mailslot and the replay of {@code docs/error-handling.md}, built without Boot's
 * help in an application that has a template and two mailslots.
 */
class DeadLetterHandlersTests {

	private static final MailslotName ORDERS = MailslotName.parse("orders");

	private static final MailslotName DEAD_LETTERS = MailslotName.parse("orders-dead-letters");

	@TempDir
	Path deadLetterDirectory;

	@TempDir
	Path directory;

	private ApplicationContextRunner runner() {
		return ExampleApplications.runner(this.deadLetterDirectory)
			.withPropertyValues("mailslot.servers.orders.name=orders",
					"mailslot.servers.dead-letters.name=orders-dead-letters");
	}

	private static Message<byte[]> failed(String payload) {
		return MessageBuilder.withPayload(payload.getBytes(StandardCharsets.UTF_8))
			.setHeader(MailslotHeaders.MAILSLOT, ORDERS.toString())
			.build();
	}

	@Test
	void theHandlerWritesTheFailedMessageToTheDeadLetterMailslot() {
		runner().run((context) -> {
			MailslotTemplate template = context.getBean(MailslotTemplate.class);
			DeadLetterHandlers.toOneMailslot(template, DEAD_LETTERS, this.directory)
				.handleError(failed("order A-1"), new IllegalStateException("down"), 3);
			assertThat(template.receiveAndConvert("dead-letters", String.class, Duration.ofSeconds(5)))
				.isEqualTo("order A-1");
			assertThat(files()).isEmpty();
		});
	}

	@Test
	void theDestinationByFailureHandsOtherFailuresToTheFallback() {
		runner().run((context) -> {
			MailslotTemplate template = context.getBean(MailslotTemplate.class);
			DeadLetterMailslotErrorHandler handler = DeadLetterHandlers.byFailure(template, DEAD_LETTERS, this.directory);
			handler.handleError(failed("order A-1"), new IllegalStateException("down"), 3);
			handler.handleError(failed("order A-2"), new IllegalArgumentException("bad"), 1);
			assertThat(template.receiveAndConvert("dead-letters", String.class, Duration.ofSeconds(5)))
				.isEqualTo("order A-1");
			assertThat(files()).hasSize(2);
		});
	}

	@Test
	void theReplayWritesTheDeadLettersBackAndRemovesThem() {
		runner().run((context) -> {
			MailslotTemplate template = context.getBean(MailslotTemplate.class);
			new DeadLetterDirectoryErrorHandler(this.directory).handleError(failed("order A-1"),
					new IllegalStateException("down"), 3);
			assertThat(files()).hasSize(2);
			DeadLetterReplayResult result = DeadLetterHandlers.replay(this.directory, template, Set.of(ORDERS), ORDERS);
			assertThat(result.replayed()).isOne();
			assertThat(template.receiveAndConvert("orders", String.class, Duration.ofSeconds(5))).isEqualTo("order A-1");
			assertThat(files()).isEmpty();
		});
	}

	private List<Path> files() throws IOException {
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.toList();
		}
	}

}
