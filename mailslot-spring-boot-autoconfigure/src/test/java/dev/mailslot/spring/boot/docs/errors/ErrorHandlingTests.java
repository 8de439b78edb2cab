package dev.mailslot.spring.boot.docs.errors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.stereotype.Component;

import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.boot.docs.ExampleApplications;
import dev.mailslot.spring.core.MailslotTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The error handler and the failure handler of {@code docs/error-handling.md}.
 */
class ErrorHandlingTests {

	@TempDir
	Path deadLetters;

	@Test
	void theListenersOwnErrorHandlerAlertsInsteadOfKeepingADeadLetter() {
		ExampleApplications.runner(this.deadLetters)
			.withBean(AlertService.class)
			.withUserConfiguration(ErrorHandlingConfiguration.class, OrderListener.class)
			.run((context) -> {
				context.getBean(MailslotTemplate.class).send("orders", "not JSON");
				AlertService alerts = context.getBean(AlertService.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> !alerts.lost.isEmpty());
				assertThat(alerts.lost).singleElement().asString().startsWith("not JSON lost: ");
				assertThat(deadLetterFiles()).isZero();
			});
	}

	@Test
	void theFailureHandlerOfTheFactoryTakesEveryFailureInsteadOfTheRetries() {
		ExampleApplications.runner(this.deadLetters)
			.withBean(CircuitBreakingFailureHandler.class)
			.withUserConfiguration(FailureHandlerConfiguration.class)
			.withBean(FailingListener.class)
			.run((context) -> {
				context.getBean(MailslotTemplate.class).send("orders", "order");
				CircuitBreakingFailureHandler handler = context.getBean(CircuitBreakingFailureHandler.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> !handler.failures.isEmpty());
				assertThat(handler.failures).singleElement()
					.satisfies((failure) -> assertThat(failure).hasRootCauseMessage("down"));
				assertThat(context.getBean(FailingListener.class).calls).hasValue(1);
				assertThat(deadLetterFiles()).isZero();
			});
	}

	private long deadLetterFiles() throws IOException {
		try (Stream<Path> files = Files.list(this.deadLetters)) {
			return files.count();
		}
	}

	/** A listener that always fails. */
	@Component
	static class FailingListener {

		final AtomicInteger calls = new AtomicInteger();

		@MailslotListener("orders")
		void onOrder(String order) {
			this.calls.incrementAndGet();
			throw new IllegalStateException("down");
		}

	}

}
