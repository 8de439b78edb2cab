package dev.mailslot.spring.listener;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.SendTo;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotTransports;
import dev.mailslot.WriterProcess;
import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.boot.autoconfigure.MailslotAutoConfiguration;
import dev.mailslot.spring.config.MailslotListenerEndpointRegistry;
import dev.mailslot.spring.support.MailslotHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Batch listeners in a Boot application on the posix transport: messages a second process
 * writes arrive in order in batches of at most {@code mailslot.listener.batch.max-size},
 * and a batch whose writer is killed with SIGKILL midway goes to the listener once its
 * wait is over (both on unix too, in a socket directory of the test's own); a message the
 * listener names as failed, or that does not convert or validate, goes to the dead-letter
 * directory and the rest of its batch is processed; a batch that keeps failing is
 * dead-lettered whole; shutdown drains the mailslot in batches; and a batch listener that
 * cannot be one fails at startup.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MailslotBatchListenerEndToEndTests {

	@TempDir
	Path deadLetters;

	@TempDir
	Path sockets;

	private final String name = "\\\\.\\mailslot\\batch-e2e\\" + ProcessHandle.current().pid() + "-"
			+ System.nanoTime();

	private ApplicationContextRunner runner(Class<?> listener) {
		return runner("posix", listener);
	}

	private ApplicationContextRunner runner(String transport, Class<?> listener) {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MailslotAutoConfiguration.class))
			.withUserConfiguration(listener)
			.withPropertyValues("mailslot.transport=" + transport, "mailslot.unix.directory=" + unixDirectory(),
					"mailslot.servers.e2e.name=" + this.name, "mailslot.listener.poll-timeout=100ms",
					"mailslot.listener.retry.max-retries=1", "mailslot.listener.retry.delay=10ms",
					"mailslot.listener.batch.max-size=50",
					"mailslot.listener.dead-letter.directory=" + this.deadLetters);
	}

	@ParameterizedTest
	@ValueSource(strings = { "posix", "unix" })
	void tenThousandMessagesFromAnotherProcessArriveInBatchesInOrder(String transport) {
		runner(transport, NumberBatches.class)
			.withPropertyValues("mailslot.listener.type=batch", "mailslot.listener.batch.max-wait=20ms")
			.run((context) -> {
				int count = 10_000;
				Process writer = startWriter(transport, count);
				assertThat(writer.waitFor(120, TimeUnit.SECONDS)).isTrue();
				assertThat(writer.exitValue()).isZero();
				NumberBatches listener = context.getBean(NumberBatches.class);
				await().atMost(Duration.ofSeconds(60)).until(() -> listener.numbers().size() == count);
				assertInOrder(listener.numbers(), 0, count);
				assertThat(listener.batches).allSatisfy((batch) -> assertThat(batch).hasSizeBetween(1, 50));
				assertThat(listener.batches).hasSizeLessThan(count);
				assertThat(listener.mailslots).containsOnly(this.name);
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "posix", "unix" })
	void aBatchWhoseWriterIsKilledMidwayGoesToTheListenerWhenItsWaitIsOver(String transport) {
		runner(transport, NumberBatches.class)
			.withPropertyValues("mailslot.listener.type=batch", "mailslot.listener.batch.max-size=1000000",
					"mailslot.listener.batch.max-wait=3s")
			.run((context) -> {
				Process writer = startWriter(transport, 1_000_000);
				MailslotListenerContainer container = context.getBean(MailslotListenerEndpointRegistry.class)
					.getListenerContainer("e2e");
				await().atMost(Duration.ofSeconds(30)).until(() -> container.getStatistics().received() >= 1_000);
				writer.destroyForcibly();
				assertThat(writer.waitFor(10, TimeUnit.SECONDS)).isTrue();
				long killed = System.nanoTime();
				NumberBatches listener = context.getBean(NumberBatches.class);
				await().atMost(Duration.ofSeconds(15)).until(() -> !listener.batches.isEmpty());
				assertThat(Duration.ofNanos(System.nanoTime() - killed)).isLessThan(Duration.ofSeconds(10));
				await().atMost(Duration.ofSeconds(10))
					.until(() -> listener.numbers().size() == container.getStatistics().received());
				assertInOrder(listener.numbers(), 0, listener.numbers().size());
				assertThat(listener.numbers()).hasSizeGreaterThanOrEqualTo(1_000).hasSizeLessThan(1_000_000);
			});
	}

	@Test
	void aMessageTheListenerNamesIsDeadLetteredAndTheRestOfItsBatchProcessed() {
		runner(FailingOnSeven.class).run((context) -> {
			MailslotListenerEndpointRegistry registry = pause(context.getBean(MailslotListenerEndpointRegistry.class));
			for (int i = 0; i < 20; i++) {
				write(number(i));
			}
			registry.resume("e2e");
			FailingOnSeven listener = context.getBean(FailingOnSeven.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> listener.processed.size() == 19);
			await().atMost(Duration.ofSeconds(10)).until(() -> files(".bin").size() == 1);
			assertThat(listener.processed).containsExactly(0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17,
					18, 19);
			assertThat(Files.readAllBytes(files(".bin").get(0))).isEqualTo(number(7));
			assertThat(Files.readString(files(".properties").get(0))).contains("attempts=2").contains("seven is bad");
		});
	}

	@Test
	void aPayloadThatDoesNotConvertIsDeadLetteredAtOnceAndTheRestProcessed() {
		runner(OrderBatches.class).run((context) -> {
			MailslotListenerEndpointRegistry registry = pause(context.getBean(MailslotListenerEndpointRegistry.class));
			write(json("tea"));
			write("not json".getBytes(StandardCharsets.UTF_8));
			write(json("jam"));
			registry.resume("e2e");
			OrderBatches listener = context.getBean(OrderBatches.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> listener.items.size() == 2);
			await().atMost(Duration.ofSeconds(10)).until(() -> files(".bin").size() == 1);
			assertThat(listener.items).containsExactly("tea", "jam");
			assertThat(Files.readString(files(".bin").get(0))).isEqualTo("not json");
			assertThat(Files.readString(files(".properties").get(0))).contains("attempts=1")
				.contains("MessageConversionException");
		});
	}

	@ParameterizedTest
	@ValueSource(classes = { ValidatedOrderBatches.class, ValidatedOrderElements.class })
	void aPayloadThatFailsValidationIsDeadLetteredAtOnceAndTheRestProcessed(Class<? extends OrderItems> listenerClass) {
		runner(listenerClass).withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
			.withPropertyValues("mailslot.listener.retry.max-retries=5")
			.run((context) -> {
				MailslotListenerEndpointRegistry registry = pause(
						context.getBean(MailslotListenerEndpointRegistry.class));
				write(json("tea", 1));
				write(json("none", 0));
				write(json("jam", 2));
				registry.resume("e2e");
				OrderItems listener = context.getBean(listenerClass);
				await().atMost(Duration.ofSeconds(10)).until(() -> listener.items.size() == 2);
				await().atMost(Duration.ofSeconds(10)).until(() -> files(".bin").size() == 1);
				assertThat(listener.items).containsExactly("tea", "jam");
				assertThat(Files.readString(files(".bin").get(0))).contains("none");
				assertThat(Files.readString(files(".properties").get(0))).contains("attempts=1")
					.contains("MethodArgumentNotValidException");
			});
	}

	@Test
	void aBatchThatKeepsFailingIsDeadLetteredWhole() {
		runner(AlwaysFailing.class).run((context) -> {
			MailslotListenerEndpointRegistry registry = pause(context.getBean(MailslotListenerEndpointRegistry.class));
			for (int i = 0; i < 5; i++) {
				write(number(i));
			}
			registry.resume("e2e");
			await().atMost(Duration.ofSeconds(10)).until(() -> files(".bin").size() == 5);
			List<Integer> kept = new ArrayList<>();
			for (Path file : files(".bin")) {
				kept.add(ByteBuffer.wrap(Files.readAllBytes(file)).getInt());
			}
			assertThat(kept).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
			assertThat(files(".properties")).allSatisfy(
					(file) -> assertThat(Files.readString(file)).contains("attempts=2").contains("every batch fails"));
			assertThat(context.getBean(AlwaysFailing.class).calls).isEqualTo(2);
		});
	}

	@Test
	void shutdownDrainsTheMailslotInBatches() {
		NumberBatches listener = new NumberBatches();
		runner(NumberBatches.class).withPropertyValues("mailslot.listener.type=batch").run((context) -> {
			pause(context.getBean(MailslotListenerEndpointRegistry.class));
			for (int i = 0; i < 120; i++) {
				write(number(i));
			}
			context.getBean(NumberBatches.class).batches = listener.batches;
		});
		assertInOrder(listener.numbers(), 0, 120);
		assertThat(listener.batches).extracting(List::size).containsExactly(50, 50, 20);
	}

	@Test
	void aBatchListenerWithSendToFailsAtStartup() {
		runner(BatchWithReply.class).run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.hasMessageContaining("takes batches and has @SendTo(\"e2e\")")
			.hasMessageContaining("remove @SendTo, or take single messages"));
	}

	@Test
	void aBatchListenerWithoutAListFailsAtStartup() {
		runner(BatchWithoutList.class).run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.hasMessageContaining("takes batches but has no List parameter"));
	}

	@Test
	void aBatchAttributeThatIsNoFlagFailsAtStartup() {
		runner(BatchAttributeNoFlag.class).run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("has batch 'yes'; give true or false"));
	}

	private static MailslotListenerEndpointRegistry pause(MailslotListenerEndpointRegistry registry) {
		registry.pause("e2e");
		await().atMost(Duration.ofSeconds(5)).until(() -> registry.getListenerContainer("e2e").isPaused());
		return registry;
	}

	private Path unixDirectory() {
		return this.sockets.resolve("s");
	}

	private Process startWriter(String transport, int count) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				WriterProcess.class.getName(), transport, this.name, Integer.toString(count))
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.redirectOutput(ProcessBuilder.Redirect.INHERIT);
		writer.environment().put("MAILSLOT_UNIX_DIRECTORY", unixDirectory().toString());
		return writer.start();
	}

	private static void assertInOrder(List<Integer> received, int from, int count) {
		assertThat(received).hasSize(count);
		for (int i = 0; i < count; i++) {
			assertThat(received.get(i)).isEqualTo(from + i);
		}
	}

	private void write(byte[] message) {
		try (MailslotClient client = MailslotTransports.get("posix").openClient(MailslotName.parse(this.name))) {
			client.write(message);
		}
	}

	private static byte[] number(int i) {
		return ByteBuffer.allocate(4).putInt(i).array();
	}

	private static int numberOf(byte[] payload) {
		return ByteBuffer.wrap(payload).getInt();
	}

	private static byte[] json(String item) {
		return json(item, 1);
	}

	private static byte[] json(String item, int quantity) {
		return ("{\"item\":\"" + item + "\",\"quantity\":" + quantity + "}").getBytes(StandardCharsets.UTF_8);
	}

	private List<Path> files(String suffix) throws Exception {
		try (Stream<Path> files = Files.list(this.deadLetters)) {
			return files.filter((path) -> path.toString().endsWith(suffix)).sorted().toList();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class NumberBatches {

		volatile List<List<Integer>> batches = new CopyOnWriteArrayList<>();

		final List<String> mailslots = new CopyOnWriteArrayList<>();

		@MailslotListener("e2e")
		void onBatch(List<byte[]> payloads, @Header(MailslotHeaders.MAILSLOT) String mailslot) {
			this.batches.add(payloads.stream().map(MailslotBatchListenerEndToEndTests::numberOf).toList());
			this.mailslots.add(mailslot);
		}

		List<Integer> numbers() {
			return this.batches.stream().flatMap(List::stream).toList();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingOnSeven {

		final List<Integer> processed = new CopyOnWriteArrayList<>();

		@MailslotListener(value = "e2e", batch = "true")
		void onBatch(List<Message<byte[]>> messages) {
			for (Message<byte[]> message : messages) {
				int number = numberOf(message.getPayload());
				if (number == 7) {
					throw new BatchListenerFailedException("7 fails", new IllegalStateException("seven is bad"),
							message);
				}
				this.processed.add(number);
			}
		}

	}

	record Order(String item, @Positive int quantity) {
	}

	@Configuration(proxyBeanMethods = false)
	static class OrderBatches {

		final List<String> items = new CopyOnWriteArrayList<>();

		@MailslotListener(value = "e2e", batch = "true")
		void onOrders(List<Order> orders) {
			orders.forEach((order) -> this.items.add(order.item()));
		}

	}

	abstract static class OrderItems {

		final List<String> items = new CopyOnWriteArrayList<>();

	}

	@Configuration(proxyBeanMethods = false)
	static class ValidatedOrderBatches extends OrderItems {

		@MailslotListener(value = "e2e", batch = "true")
		void onOrders(@Valid List<Order> orders) {
			orders.forEach((order) -> this.items.add(order.item()));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ValidatedOrderElements extends OrderItems {

		@MailslotListener(value = "e2e", batch = "true")
		void onOrders(List<@Valid Order> orders) {
			orders.forEach((order) -> this.items.add(order.item()));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AlwaysFailing {

		volatile int calls;

		@MailslotListener(value = "e2e", batch = "true")
		void onBatch(List<byte[]> payloads) {
			this.calls++;
			throw new IllegalStateException("every batch fails");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BatchWithReply {

		@MailslotListener(value = "e2e", batch = "true")
		@SendTo("e2e")
		String onBatch(List<String> texts) {
			return "reply";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BatchWithoutList {

		@MailslotListener(value = "e2e", batch = "true")
		void onBatch(String text) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BatchAttributeNoFlag {

		@MailslotListener(value = "e2e", batch = "yes")
		void onBatch(List<String> texts) {
		}

	}

}
