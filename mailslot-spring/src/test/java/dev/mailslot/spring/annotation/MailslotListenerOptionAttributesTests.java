package dev.mailslot.spring.annotation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.backoff.ExponentialBackOff;

import dev.mailslot.spring.config.MailslotListenerEndpointRegistry;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.listener.MailslotListenerContainerOptions;
import dev.mailslot.spring.test.ContextRunner;
import dev.mailslot.spring.test.MailslotTestConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The container options a {@link MailslotListener} sets for itself with its attributes:
 * batch size and wait, shutdown timeout and retries, each over the matching option of the
 * container factory (set with {@code test.listener.*}, see
 * {@link MailslotTestConfiguration}), and each bad value refused at start-up naming the
 * method, the attribute and the value.
 */
class MailslotListenerOptionAttributesTests {

	private static final AtomicInteger sequence = new AtomicInteger();

	@TempDir
	Path deadLetters;

	private ContextRunner runner(Class<?>... configurations) {
		String prefix = "options-" + sequence.incrementAndGet();
		return ContextRunner.withMailslotConfiguration()
			.withUserConfiguration(configurations)
			.withPropertyValues("test.transport=memory", "test.listener.poll-timeout=100ms",
					"test.listener.retry.max-retries=2", "test.listener.retry.delay=1s",
					"test.listener.retry.multiplier=2", "test.listener.retry.max-delay=10s",
					"test.listener.dead-letter.directory=" + this.deadLetters,
					"test.servers.orders.name=" + prefix + "\\orders");
	}

	private static MailslotListenerContainerOptions options(org.springframework.context.ApplicationContext context,
			String id) {
		return context.getBean(MailslotListenerEndpointRegistry.class).getListenerContainer(id).getOptions();
	}

	@Test
	void attributesComeBeforeTheProperties() {
		runner(EveryOptionListener.class)
			.withPropertyValues("test.listener.batch.max-size=50", "test.listener.batch.max-wait=0",
					"test.listener.shutdown-timeout=10s", "test.listener.retry.max-retries=2",
					"test.listener.retry.delay=1s", "test.listener.retry.multiplier=2",
					"test.listener.retry.max-delay=10s", "app.batch-size=7", "app.batch-wait=250ms", "app.shutdown=3s",
					"app.retries=4", "app.delay=20ms", "app.multiplier=1.5", "app.max-delay=80ms", "app.idle=45s")
			.run((context) -> {
				MailslotListenerContainerOptions options = options(context, "every");
				assertThat(options.maxBatchSize()).isEqualTo(7);
				assertThat(options.maxBatchWait()).isEqualTo(Duration.ofMillis(250));
				assertThat(options.shutdownTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(options.idleEventInterval()).isEqualTo(Duration.ofSeconds(45));
				ExponentialBackOff backOff = (ExponentialBackOff) options.retryPolicy().getBackOff();
				assertThat(backOff.getMaxAttempts()).isEqualTo(4);
				assertThat(backOff.getInitialInterval()).isEqualTo(20);
				assertThat(backOff.getMultiplier()).isEqualTo(1.5);
				assertThat(backOff.getMaxInterval()).isEqualTo(80);
			});
	}

	@Test
	void emptyAttributesLeaveTheOptionsToTheProperties() {
		runner(EveryOptionListener.class)
			.withPropertyValues("test.listener.batch.max-size=50", "test.listener.batch.max-wait=40ms",
					"test.listener.shutdown-timeout=12s", "test.listener.retry.max-retries=3",
					"test.listener.retry.delay=30ms", "test.listener.retry.multiplier=3",
					"test.listener.retry.max-delay=90ms")
			.run((context) -> {
				MailslotListenerContainerOptions options = options(context, "every");
				assertThat(options.maxBatchSize()).isEqualTo(50);
				assertThat(options.maxBatchWait()).isEqualTo(Duration.ofMillis(40));
				assertThat(options.shutdownTimeout()).isEqualTo(Duration.ofSeconds(12));
				ExponentialBackOff backOff = (ExponentialBackOff) options.retryPolicy().getBackOff();
				assertThat(backOff.getMaxAttempts()).isEqualTo(3);
				assertThat(backOff.getInitialInterval()).isEqualTo(30);
				assertThat(backOff.getMultiplier()).isEqualTo(3.0);
				assertThat(backOff.getMaxInterval()).isEqualTo(90);
			});
	}

	@Test
	void aBatchMethodGetsAtMostItsOwnBatchMaxSize() {
		runner(SmallBatchListener.class).withPropertyValues("test.listener.batch.max-size=100").run((context) -> {
			MailslotTemplate template = context.getBean(MailslotTemplate.class);
			for (int i = 0; i < 5; i++) {
				template.send("orders", "m" + i);
			}
			MailslotListenerEndpointRegistry registry = context.getBean(MailslotListenerEndpointRegistry.class);
			registry.start("small");
			SmallBatchListener listener = context.getBean(SmallBatchListener.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> listener.messages.get() == 5);
			assertThat(listener.sizes).allSatisfy((size) -> assertThat(size).isBetween(1, 2));
			assertThat(listener.sizes).contains(2);
		});
	}

	@Test
	void maxRetriesOfZeroSendsAFailedMessageToTheDeadLettersAfterOneCall() {
		runner(NoRetryListener.class).withPropertyValues("test.listener.retry.max-retries=2").run((context) -> {
			context.getBean(MailslotTemplate.class).send("orders", "poison");
			await().atMost(Duration.ofSeconds(10)).until(() -> deadLetterFiles().size() == 2);
			TimeUnit.MILLISECONDS.sleep(200);
			assertThat(context.getBean(NoRetryListener.class).calls).hasValue(1);
		});
	}

	@Test
	void theListenersRetriesKeepTheFactorysChoiceOfWhatIsRetried() {
		runner(ManyRetriesListener.class).withPropertyValues("test.listener.retry.max-retries=0").run((context) -> {
			context.getBean(MailslotTemplate.class).send("orders", "not a number");
			ManyRetriesListener listener = context.getBean(ManyRetriesListener.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> deadLetterFiles().size() == 2);
			assertThat(listener.calls).hasValue(0);
			context.getBean(MailslotTemplate.class).send("orders", "-1");
			await().atMost(Duration.ofSeconds(10)).until(() -> deadLetterFiles().size() == 4);
			assertThat(listener.calls).hasValue(4);
		});
	}

	@ParameterizedTest(name = "{0} ''{1}''")
	@CsvSource(delimiter = '|',
			value = { "batchMaxSize|0|a whole number of at least 1", "batchMaxSize|many|a whole number of at least 1",
					"batchMaxWait|-1s|0, to take only", "batchMaxWait|soon|0, to take only",
					"batchMaxWait|10000d|0, to take only", "shutdownTimeout|-5s|a duration of 0 or more",
					"shutdownTimeout|ten|a duration of 0 or more", "maxRetries|-1|a whole number of at least 0",
					"maxRetries|2.5|a whole number of at least 0", "retryDelay|-10ms|a duration of 0 or more",
					"retryMultiplier|0.5|a number of at least 1", "retryMultiplier|double|a number of at least 1",
					"retryMaxDelay|0|a duration of more than 0", "idleEventInterval|0|a duration of more than 0",
					"idleEventInterval|often|a duration of more than 0" })
	void aBadValueStopsStartupNamingTheMethodTheAttributeAndTheValue(String attribute, String value, String expected) {
		assertThat(runner(EveryOptionListener.class)
			.withPropertyValues("app." + attributeProperty(attribute) + "=" + value)
			.startupFailure()).rootCause()
			.hasMessageStartingWith("@MailslotListener on " + EveryOptionListener.class.getName() + ".listen()")
			.hasMessageContaining("has " + attribute + " '" + value + "'; give " + expected);
	}

	@Test
	void aRetryDelayLongerThanTheLongestDelayStopsStartup() {
		assertThat(runner(EveryOptionListener.class)
			.withPropertyValues("test.listener.retry.max-delay=10s", "app.delay=20s")
			.startupFailure()).hasMessageContaining(EveryOptionListener.class.getName() + ".listen()")
			.hasMessageContaining("retry delay of 20000 ms, longer than its longest delay of 10000 ms");
	}

	private static String attributeProperty(String attribute) {
		return switch (attribute) {
			case "batchMaxSize" -> "batch-size";
			case "batchMaxWait" -> "batch-wait";
			case "shutdownTimeout" -> "shutdown";
			case "maxRetries" -> "retries";
			case "retryDelay" -> "delay";
			case "retryMultiplier" -> "multiplier";
			case "idleEventInterval" -> "idle";
			default -> "max-delay";
		};
	}

	private List<Path> deadLetterFiles() throws Exception {
		if (!Files.isDirectory(this.deadLetters)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(this.deadLetters)) {
			return files.toList();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class EveryOptionListener {

		@MailslotListener(id = "every", mailslot = "orders", batchMaxSize = "${app.batch-size:}",
				batchMaxWait = "${app.batch-wait:}", shutdownTimeout = "${app.shutdown:}",
				maxRetries = "${app.retries:}", retryDelay = "${app.delay:}", retryMultiplier = "${app.multiplier:}",
				retryMaxDelay = "${app.max-delay:}", idleEventInterval = "${app.idle:}")
		void listen(String payload) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SmallBatchListener {

		final LinkedBlockingQueue<Integer> sizes = new LinkedBlockingQueue<>();

		final AtomicInteger messages = new AtomicInteger();

		@MailslotListener(id = "small", mailslot = "orders", batch = "true", autoStartup = "false",
				batchMaxSize = "#{1 + 1}")
		void listen(List<String> payloads) {
			this.sizes.add(payloads.size());
			this.messages.addAndGet(payloads.size());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NoRetryListener {

		final AtomicInteger calls = new AtomicInteger();

		@MailslotListener(mailslot = "orders", maxRetries = "0")
		void listen(String payload) {
			this.calls.incrementAndGet();
			throw new IllegalStateException("always fails");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ManyRetriesListener {

		final AtomicInteger calls = new AtomicInteger();

		@MailslotListener(mailslot = "orders", maxRetries = "3", retryDelay = "5ms", retryMaxDelay = "20ms")
		void listen(Integer number) {
			this.calls.incrementAndGet();
			throw new IllegalStateException("always fails");
		}

	}

}
