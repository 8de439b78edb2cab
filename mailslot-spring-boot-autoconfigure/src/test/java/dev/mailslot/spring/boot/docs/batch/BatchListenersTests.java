package dev.mailslot.spring.boot.docs.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.stereotype.Component;

import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.boot.docs.ExampleApplications;
import dev.mailslot.spring.config.MailslotListenerEndpointRegistry;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.listener.MailslotListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The examples of {@code docs/batch-listeners.md}: a batch listener, batches for every listener
 * from {@code mailslot.listener.type}, and a listener that names the message that failed.
 */
class BatchListenersTests {

	@TempDir
	Path deadLetters;

	private ApplicationContextRunner runner() {
		return ExampleApplications.runner(this.deadLetters).withPropertyValues("mailslot.listener.retry.delay=10ms");
	}

	/** Pause the listener, write the orders, and resume it, so that they come in one batch. */
	private static void writeOneBatch(AssertableApplicationContext context, Order... orders) {
		MailslotListenerEndpointRegistry registry = context.getBean(MailslotListenerEndpointRegistry.class);
		registry.pause("orders");
		await().atMost(Duration.ofSeconds(10)).until(() -> registry.getListenerContainer("orders").isPaused());
		for (Order order : orders) {
			context.getBean(MailslotTemplate.class).send("orders", order);
		}
		registry.resume("orders");
	}

	@Test
	void theBatchListenerSavesTheOrdersWaitingInOneCall() {
		runner().withBean(OrderRepository.class).withBean(OrderBatchListener.class).run((context) -> {
			writeOneBatch(context, new Order("A-1", 1), new Order("A-2", 2), new Order("A-3", 3));
			OrderRepository repository = context.getBean(OrderRepository.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> !repository.calls.isEmpty());
			assertThat(repository.calls)
				.containsExactly(List.of(new Order("A-1", 1), new Order("A-2", 2), new Order("A-3", 3)));
		});
	}

	@Test
	void theTypeMakesEveryListenerABatchListenerWithItsSizeAndWait() {
		runner().withInitializer(ExampleApplications.configurationFile("docs/batch/batch-type.yml"))
			.withBean(TextListener.class)
			.run((context) -> {
				MailslotListenerContainer container = context.getBean(MailslotListenerEndpointRegistry.class)
					.getListenerContainer("orders");
				assertThat(container.isBatchListener()).isTrue();
				assertThat(container.getOptions().maxBatchSize()).isEqualTo(100);
				assertThat(container.getOptions().maxBatchWait()).isEqualTo(Duration.ofMillis(50));
			});
	}

	@Test
	void theOrderTheLedgerRefusesIsDeadLetteredAloneAndTheOthersArePostedOnce() {
		runner().withPropertyValues("mailslot.listener.retry.max-retries=1")
			.withBean(Ledger.class)
			.withBean(OrderPostingListener.class)
			.run((context) -> {
				writeOneBatch(context, new Order("A-1", 1), new Order("bad-2", 2), new Order("A-3", 3));
				Ledger ledger = context.getBean(Ledger.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> ledger.posted.size() == 2 && deadLetterFiles().size() == 2);
				assertThat(ledger.posted).containsExactly("A-1", "A-3");
				assertThat(Files.readString(deadLetterFiles().get(0))).contains("bad-2");
			});
	}

	private List<Path> deadLetterFiles() throws IOException {
		try (Stream<Path> files = Files.list(this.deadLetters)) {
			return files.sorted().toList();
		}
	}

	/** A listener without the batch attribute. */
	@Component
	static class TextListener {

		@MailslotListener("orders")
		void onText(List<String> texts) {
		}

	}

}
