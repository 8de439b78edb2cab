package dev.mailslot.spring.boot.docs.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.mailslot.MailslotInfo;
import dev.mailslot.MailslotServer;
import dev.mailslot.ReadTimeout;
import dev.mailslot.spring.boot.autoconfigure.MailslotProperties;
import dev.mailslot.spring.boot.docs.ExampleApplications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.timeout;

/**
 * The examples of {@code README.md}: the packages of the types, and the first listener with its
 * {@code application.yml}.
 */
class ReadmeTests {

	@TempDir
	Path deadLetters;

	private ApplicationContextRunner firstListener() {
		return ExampleApplications.runner(this.deadLetters)
			.withInitializer(ExampleApplications.configurationFile("docs/readme/first-listener.yml"))
			.withBean(OrderListener.class, () -> spy(new OrderListener()))
			.withBean(OrderSender.class);
	}

	@Test
	void theTypesComeFromTheModulesTheImportsName() {
		for (Class<?> type : ModulesOfTheTypes.MAILSLOT_SPRING) {
			assertThat(location(type)).as(type.getName()).contains("mailslot-spring").doesNotContain("mailslot-core");
		}
		for (Class<?> type : ModulesOfTheTypes.MAILSLOT_CORE) {
			assertThat(location(type)).as(type.getName()).contains("mailslot-core");
		}
	}

	@Test
	void theFirstListenerReceivesTheOrderTheSenderSends() {
		firstListener().run((context) -> {
			assertThat(context).hasNotFailed();
			Instant sent = Instant.now();
			context.getBean(OrderSender.class).send(new Order("A-1", 3));
			then(context.getBean(OrderListener.class)).should(timeout(10_000)).onOrder(eq(new Order("A-1", 3)),
					argThat((receivedAt) -> !receivedAt.isBefore(sent)));
		});
	}

	@Test
	void theServerIsTheBeanTheCommentsName() {
		firstListener().run((context) -> {
			MailslotInfo info = context.getBean("ordersMailslotServer", MailslotServer.class).info();
			assertThat(info.maxMessageSize()).isZero();
			assertThat(info.readTimeout()).isEqualTo(ReadTimeout.FOREVER);
			assertThat(context.getBean("ordersMailslotServer", MailslotServer.class).name().toString())
				.isEqualTo("\\\\.\\mailslot\\orders");
			MailslotProperties.Listener listener = context.getBean(MailslotProperties.class).getListener();
			assertThat(listener.getRetry().getMaxRetries()).isEqualTo(2);
			assertThat(listener.getRetry().getDelay()).isEqualTo(Duration.ofSeconds(1));
		});
	}

	@Test
	void anInvalidOrderIsNotRetriedButKeptAsADeadLetter() {
		firstListener().run((context) -> {
			context.getBean(OrderSender.class).send(new Order("A-2", 0));
			await().atMost(Duration.ofSeconds(10)).until(() -> deadLetterFiles() == 2);
			then(context.getBean(OrderListener.class)).should(timeout(1_000).times(0)).onOrder(any(), any());
		});
	}

	private long deadLetterFiles() throws IOException {
		try (Stream<Path> files = Files.list(this.deadLetters)) {
			return files.count();
		}
	}

	private static String location(Class<?> type) {
		return type.getProtectionDomain().getCodeSource().getLocation().toString();
	}

}
