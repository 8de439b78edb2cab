package dev.mailslot.spring.annotation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

import dev.mailslot.MailslotServer;
import dev.mailslot.spring.config.DuplicateMailslotListenerException;
import dev.mailslot.spring.config.MailslotListenerEndpointRegistry;
import dev.mailslot.spring.core.MailslotServers;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.listener.MailslotErrorHandler;
import dev.mailslot.spring.listener.MailslotListenerContainer;
import dev.mailslot.spring.listener.MessagesLeftAtClose;
import dev.mailslot.spring.support.MailslotHeaders;
import dev.mailslot.spring.test.CapturedOutput;
import dev.mailslot.spring.test.ContextRunner;
import dev.mailslot.spring.test.MailslotTestConfiguration;
import dev.mailslot.spring.test.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link MailslotListener} methods in a plain Spring application
 * ({@link MailslotTestConfiguration}, no Boot) on the memory transport: argument types,
 * placeholders, retries, dead letters, pause and resume, shutdown, concurrency.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailslotListenerTests {

	private static final AtomicInteger sequence = new AtomicInteger();

	@TempDir
	Path deadLetters;

	private ContextRunner runner(Class<?>... configurations) {
		String prefix = "listener-" + sequence.incrementAndGet();
		return ContextRunner.withMailslotConfiguration()
			.withUserConfiguration(configurations)
			.withBean(Received.class)
			.withBean(LocalValidatorFactoryBean.class)
			.withPropertyValues("test.transport=memory", "test.listener.poll-timeout=100ms",
					"test.listener.retry.max-retries=2", "test.listener.retry.delay=10ms",
					"test.listener.dead-letter.directory=" + this.deadLetters, "app.prefix=" + prefix,
					"test.servers.orders.name=" + prefix + "\\orders");
	}

	private static Object next(ConfigurableApplicationContext context) throws InterruptedException {
		Object received = context.getBean(Received.class).items.poll(10, TimeUnit.SECONDS);
		assertThat(received).as("a message within 10 s").isNotNull();
		return received;
	}

	@Test
	void argumentsAreResolvedFromTheMessage() {
		runner(ArgumentListeners.class).run((context) -> {
			MailslotTemplate template = context.getBean(MailslotTemplate.class);
			String prefix = context.getEnvironment().getProperty("app.prefix");
			template.send(prefix + "\\bytes", new byte[] { 1, 2, 3 });
			assertThat((byte[]) next(context)).containsExactly(1, 2, 3);
			template.send(prefix + "\\text", "héllo");
			assertThat(next(context)).isEqualTo("héllo");
			template.send(prefix + "\\buffer", ByteBuffer.wrap(new byte[] { 9, 8 }));
			assertThat(next(context)).isEqualTo(ByteBuffer.wrap(new byte[] { 9, 8 }));
			template.send(prefix + "\\message", "in a message");
			assertThat(next(context)).isEqualTo("in a message");
			template.send(prefix + "\\json", new Order("A-1", 3));
			assertThat(next(context)).isEqualTo(new Order("A-1", 3));
			template.send("orders", "with headers");
			@SuppressWarnings("unchecked")
			List<Object> headers = (List<Object>) next(context);
			assertThat(headers.get(0)).isEqualTo("with headers");
			assertThat(headers.get(1)).isEqualTo("\\\\.\\mailslot\\" + prefix + "\\orders");
			assertThat(headers.get(2)).isEqualTo(12);
			assertThat((Instant) headers.get(3)).isBetween(Instant.now().minusSeconds(10), Instant.now());
			assertThat(headers.get(4)).isEqualTo("orders");
		});
	}

	@Test
	void emptyMessagesReachListenersOfBytesTextBuffersAndMessages() {
		runner(ArgumentListeners.class).run((context) -> {
			MailslotTemplate template = context.getBean(MailslotTemplate.class);
			String prefix = context.getEnvironment().getProperty("app.prefix");
			template.send(prefix + "\\bytes", new byte[0]);
			assertThat((byte[]) next(context)).isEmpty();
			template.send(prefix + "\\text", new byte[0]);
			assertThat(next(context)).isEqualTo("");
			template.send(prefix + "\\buffer", new byte[0]);
			assertThat(next(context)).isEqualTo(ByteBuffer.allocate(0));
			template.send(prefix + "\\message", new byte[0]);
			assertThat(next(context)).isEqualTo("");
			assertThat(deadLetterFiles()).isEmpty();
		});
	}

	@Test
	void anEmptyMessageForAJsonListenerFailsConversionAndIsNotRetried() {
		runner(ValidatingListener.class).withPropertyValues("test.listener.retry.max-retries=5").run((context) -> {
			context.getBean(MailslotTemplate.class).send("orders", new byte[0]);
			await().atMost(Duration.ofSeconds(10)).until(() -> deadLetterFiles().size() == 2);
			Path payload = deadLetterFiles().stream()
				.filter((path) -> path.toString().endsWith(".bin"))
				.findFirst()
				.get();
			assertThat(payload).isEmptyFile();
			assertThat(metadata(payload).getProperty("attempts")).isEqualTo("1");
			assertThat(metadata(payload).getProperty("exception")).endsWith("MessageConversionException");
		});
	}

	@Test
	void placeholdersAndExpressionsAreResolved() {
		runner(ResolvedListeners.class).withPropertyValues("app.slot=resolved").run((context) -> {
			MailslotListenerEndpointRegistry registry = context.getBean(MailslotListenerEndpointRegistry.class);
			assertThat(registry.getListenerContainerIds()).contains("fromPlaceholder", "fromExpression");
			String prefix = context.getEnvironment().getProperty("app.prefix");
			assertThat(registry.getListenerContainer("fromPlaceholder").getServer().name().path())
				.isEqualTo(prefix + "\\resolved");
			context.getBean(MailslotTemplate.class).send(prefix + "\\expression", "spel");
			assertThat(next(context)).isEqualTo("spel");
		});
	}

	@Test
	void aListenerThatFailsIsRetriedAndThenSucceeds() {
		runner(FlakyListener.class).withPropertyValues("test.listener.retry.max-retries=2").run((context) -> {
			context.getBean(MailslotTemplate.class).send("orders", "flaky");
			assertThat(next(context)).isEqualTo("flaky after 3 attempts");
			assertThat(deadLetterFiles()).isEmpty();
		});
	}

	@Test
	void aListenerThatKeepsFailingLeavesTheMessageInTheDeadLetterDirectory() {
		runner(FailingListener.class).withPropertyValues("test.listener.retry.max-retries=2").run((context) -> {
			context.getBean(MailslotTemplate.class).send("orders", "poison");
			await().atMost(Duration.ofSeconds(10)).until(() -> deadLetterFiles().size() == 2);
			assertThat(context.getBean(FailingListener.class).calls).hasValue(3);
			Path payload = deadLetterFiles().stream()
				.filter((path) -> path.toString().endsWith(".bin"))
				.findFirst()
				.get();
			assertThat(Files.readString(payload)).isEqualTo("poison");
			Properties metadata = metadata(payload);
			assertThat(metadata.getProperty("attempts")).isEqualTo("3");
			assertThat(metadata.getProperty("exception.message")).contains("always fails");
			assertThat(metadata.getProperty("header." + MailslotHeaders.SERVER_ID)).isEqualTo("orders");
		});
	}

	@Test
	void aPayloadThatFailsValidationIsNotRetried() {
		runner(ValidatingListener.class).withPropertyValues("test.listener.retry.max-retries=5").run((context) -> {
			context.getBean(MailslotTemplate.class).send("orders", new Order("bad", -1));
			await().atMost(Duration.ofSeconds(10)).until(() -> deadLetterFiles().size() == 2);
			Path payload = deadLetterFiles().stream()
				.filter((path) -> path.toString().endsWith(".bin"))
				.findFirst()
				.get();
			assertThat(metadata(payload).getProperty("attempts")).isEqualTo("1");
			assertThat(metadata(payload).getProperty("exception")).endsWith("MethodArgumentNotValidException");
			context.getBean(MailslotTemplate.class).send("orders", new Order("good", 1));
			assertThat(next(context)).isEqualTo(new Order("good", 1));
		});
	}

	@Test
	void aPayloadThatDoesNotConvertIsNotRetried() {
		runner(ValidatingListener.class).withPropertyValues("test.listener.retry.max-retries=5").run((context) -> {
			context.getBean(MailslotTemplate.class).send("orders", "not json");
			await().atMost(Duration.ofSeconds(10)).until(() -> deadLetterFiles().size() == 2);
			Path payload = deadLetterFiles().stream()
				.filter((path) -> path.toString().endsWith(".bin"))
				.findFirst()
				.get();
			assertThat(metadata(payload).getProperty("attempts")).isEqualTo("1");
			assertThat(metadata(payload).getProperty("exception")).endsWith("MessageConversionException");
		});
	}

	@Test
	void anErrorHandlerBeanCanBeNamed() {
		runner(CustomErrorHandlerListener.class).run((context) -> {
			context.getBean(MailslotTemplate.class).send("orders", "to the handler");
			assertThat(next(context)).isEqualTo("handled: to the handler after 3");
		});
	}

	@Test
	void twoListenersOnOneMailslotStopStartupNamingBoth() {
		assertThat(runner(DuplicateListeners.class).startupFailure())
			.isInstanceOf(DuplicateMailslotListenerException.class)
			.hasMessageContaining(DuplicateListeners.class.getName() + ".first()")
			.hasMessageContaining(DuplicateListeners.class.getName() + ".second()")
			.hasMessageContaining("has two listeners");
	}

	@Test
	void aListenerNotStartedAutomaticallyStartsById() {
		runner(ManualListener.class).run((context) -> {
			MailslotListenerEndpointRegistry registry = context.getBean(MailslotListenerEndpointRegistry.class);
			MailslotListenerContainer container = registry.getListenerContainer("manual");
			assertThat(container.isRunning()).isFalse();
			context.getBean(MailslotTemplate.class).send("orders", "waits for start");
			assertThat(context.getBean(MailslotServers.class).get("orders").info().messageCount()).isEqualTo(1);
			registry.start("manual");
			assertThat(next(context)).isEqualTo("waits for start");
		});
	}

	@Test
	void pauseLetsMessagesQueueInTheMailslotAndResumeDrainsThem() {
		runner(TextListener.class).run((context) -> {
			MailslotListenerEndpointRegistry registry = context.getBean(MailslotListenerEndpointRegistry.class);
			MailslotServer server = context.getBean(MailslotServers.class).get("orders");
			registry.pause("orders");
			await().atMost(Duration.ofSeconds(5)).until(() -> registry.getListenerContainer("orders").isPaused());
			MailslotTemplate template = context.getBean(MailslotTemplate.class);
			for (int i = 0; i < 5; i++) {
				template.send("orders", "queued " + i);
			}
			Thread.sleep(300);
			assertThat(server.info().messageCount()).isEqualTo(5);
			assertThat(context.getBean(Received.class).items).isEmpty();
			registry.resume("orders");
			for (int i = 0; i < 5; i++) {
				assertThat(next(context)).isEqualTo("queued " + i);
			}
			assertThat(server.info().messageCount()).isZero();
		});
	}

	@Test
	void shutdownDrainsTheMailslotBeforeClosingIt() {
		Received[] receivedHolder = new Received[1];
		MailslotServer[] server = new MailslotServer[1];
		runner(SlowListener.class).run((context) -> {
			receivedHolder[0] = context.getBean(Received.class);
			server[0] = context.getBean(MailslotServers.class).get("orders");
			MailslotTemplate template = context.getBean(MailslotTemplate.class);
			for (int i = 0; i < 40; i++) {
				template.send("orders", "message " + i);
			}
		});
		Received received = receivedHolder[0];
		assertThat(server[0].isOpen()).isFalse();
		assertThat(received.items).hasSize(40);
		assertThat(received.items.stream().map(String::valueOf))
			.containsExactlyElementsOf(Stream.iterate(0, (i) -> i + 1).limit(40).map((i) -> "message " + i).toList());
	}

	@Test
	void closingTheContextDrainsOnceAndWarnsOfNothing(CapturedOutput output) {
		runner(SlowListener.class).run((context) -> context.getBean(MailslotTemplate.class).send("orders", "last"));
		assertThat(output).doesNotContain("stopped draining").doesNotContain("WARN");
	}

	@Test
	void messagesLeftAfterTheShutdownTimeoutStayInTheMailslotForItsCloseToCount() throws Exception {
		Received[] receivedHolder = new Received[1];
		MessagesLeftAtClose[] leftHolder = new MessagesLeftAtClose[1];
		runner(SlowListener.class).withBean(MessagesLeftAtClose.class)
			.withPropertyValues("test.listener.shutdown-timeout=300ms")
			.run((context) -> {
				receivedHolder[0] = context.getBean(Received.class);
				leftHolder[0] = context.getBean(MessagesLeftAtClose.class);
				MailslotTemplate template = context.getBean(MailslotTemplate.class);
				for (int i = 0; i < 40; i++) {
					template.send("orders", "message " + i);
				}
			});
		Received received = receivedHolder[0];
		int left = leftHolder[0].total();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(received.items.size() + keptMessages() + left).isEqualTo(40));
		assertThat(left).isPositive();
		assertThat(keptMessages()).isLessThanOrEqualTo(1);
	}

	@Test
	void shutdownAccountsForEveryMessageBeforeTheContextEndsInEveryRun(CapturedOutput output) throws Exception {
		int runs = 20;
		int sent = 400;
		for (int run = 0; run < runs; run++) {
			Path directory = this.deadLetters.resolve("run-" + run);
			Received[] receivedHolder = new Received[1];
			MessagesLeftAtClose[] leftHolder = new MessagesLeftAtClose[1];
			runner(SlowListener.class).withBean(MessagesLeftAtClose.class)
				.withPropertyValues("test.listener.shutdown-timeout=300ms",
						"test.listener.dead-letter.directory=" + directory)
				.run((context) -> {
					receivedHolder[0] = context.getBean(Received.class);
					leftHolder[0] = context.getBean(MessagesLeftAtClose.class);
					MailslotTemplate template = context.getBean(MailslotTemplate.class);
					for (int i = 0; i < sent; i++) {
						template.send("orders", "message " + i);
					}
				});
			long kept = 0;
			if (Files.isDirectory(directory)) {
				try (Stream<Path> files = Files.list(directory)) {
					kept = files.filter((path) -> path.toString().endsWith(".bin")).count();
				}
			}
			int left = leftHolder[0].total();
			assertThat(receivedHolder[0].items.size() + kept + left).as("run %d", run).isEqualTo(sent);
			assertThat(left).as("run %d", run).isPositive();
		}
		assertThat(output.getAll().lines().filter((line) -> line.startsWith("\tat "))).isEmpty();
	}

	@Test
	void aDrainThatOutlastsTheShutdownTimeoutLosesNothing() throws Exception {
		Received[] receivedHolder = new Received[1];
		MessagesLeftAtClose[] leftHolder = new MessagesLeftAtClose[1];
		runner(VerySlowListener.class).withBean(MessagesLeftAtClose.class)
			.withPropertyValues("test.listener.shutdown-timeout=1s")
			.run((context) -> {
				receivedHolder[0] = context.getBean(Received.class);
				leftHolder[0] = context.getBean(MessagesLeftAtClose.class);
				MailslotTemplate template = context.getBean(MailslotTemplate.class);
				for (int i = 0; i < 8; i++) {
					template.send("orders", "slow " + i);
				}
			});
		Received received = receivedHolder[0];
		int left = leftHolder[0].total();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(received.items.size() + keptMessages() + left).isEqualTo(8));
		assertThat(left).isPositive();
	}

	@Test
	void aListenerCallThatOutlastsTheShutdownIsLoggedInFlightAndTheWaitingMessagesStayInTheMailslot(
			CapturedOutput output) throws Exception {
		Received[] receivedHolder = new Received[1];
		MessagesLeftAtClose[] leftHolder = new MessagesLeftAtClose[1];
		runner(StuckListener.class).withBean(MessagesLeftAtClose.class)
			.withPropertyValues("test.listener.shutdown-timeout=300ms")
			.run((context) -> {
				receivedHolder[0] = context.getBean(Received.class);
				leftHolder[0] = context.getBean(MessagesLeftAtClose.class);
				MailslotTemplate template = context.getBean(MailslotTemplate.class);
				for (int i = 0; i < 5; i++) {
					template.send("orders", "stuck " + i);
				}
			});
		assertThat(leftHolder[0].total()).isEqualTo(4);
		assertThat(output).contains("has 1 message(s) in flight at shutdown");
		Received received = receivedHolder[0];
		await().atMost(Duration.ofSeconds(10)).until(() -> received.items.size() == 1);
		assertThat(keptMessages()).isZero();
	}

	@Test
	void aListenerStoppedByIdKeepsItsMessagesInTheMailslotAndShutdownStillDrainsThem() {
		Received[] receivedHolder = new Received[1];
		runner(TextListener.class).run((context) -> {
			receivedHolder[0] = context.getBean(Received.class);
			MailslotListenerEndpointRegistry registry = context.getBean(MailslotListenerEndpointRegistry.class);
			registry.stop("orders");
			assertThat(registry.getListenerContainer("orders").isRunning()).isFalse();
			for (int i = 0; i < 3; i++) {
				context.getBean(MailslotTemplate.class).send("orders", "after stop " + i);
			}
			Thread.sleep(300);
			assertThat(receivedHolder[0].items).isEmpty();
			assertThat(context.getBean(MailslotServers.class).get("orders").info().messageCount()).isEqualTo(3);
		});
		assertThat(receivedHolder[0].items).containsExactly("after stop 0", "after stop 1", "after stop 2");
	}

	@Test
	void aListenerStoppedByIdStartsAgain() {
		runner(TextListener.class).run((context) -> {
			MailslotListenerEndpointRegistry registry = context.getBean(MailslotListenerEndpointRegistry.class);
			registry.stop("orders");
			context.getBean(MailslotTemplate.class).send("orders", "queued while stopped");
			registry.start("orders");
			assertThat(next(context)).isEqualTo("queued while stopped");
			context.getBean(MailslotTemplate.class).send("orders", "after restart");
			assertThat(next(context)).isEqualTo("after restart");
		});
	}

	@Test
	void aListenerThatLeavesItsThreadInterruptedKeepsReceiving() {
		runner(InterruptingListener.class).run((context) -> {
			for (int i = 0; i < 3; i++) {
				context.getBean(MailslotTemplate.class).send("orders", "interrupting " + i);
			}
			for (int i = 0; i < 3; i++) {
				assertThat(next(context)).isEqualTo("interrupting " + i);
			}
		});
	}

	@Test
	void listenersOfBeansCreatedAfterStartupAreRegistered() {
		runner(LazyListener.class).run((context) -> {
			MailslotListenerEndpointRegistry registry = context.getBean(MailslotListenerEndpointRegistry.class);
			assertThat(registry.getListenerContainerIds()).doesNotContain("lazy");
			context.getBean(LazyListener.class);
			assertThat(registry.getListenerContainerIds()).contains("lazy");
			context.getBean(MailslotTemplate.class).send("orders", "to a lazy bean");
			assertThat(next(context)).isEqualTo("to a lazy bean");
		});
	}

	@Test
	void twoListenersWithOneIdStopStartup() {
		assertThat(runner(SameIdListeners.class).startupFailure())
			.isInstanceOf(DuplicateMailslotListenerException.class)
			.hasMessageContaining("Two listeners have the id 'same'");
	}

	@Test
	void autoStartupMustBeTrueOrFalse() {
		assertThat(runner(BadAutoStartupListener.class).startupFailure()).rootCause()
			.hasMessageContaining("has autoStartup 'yes'; give true or false");
	}

	@Test
	void concurrencyProcessesMessagesInParallel() {
		runner(ConcurrentListener.class).run((context) -> {
			MailslotTemplate template = context.getBean(MailslotTemplate.class);
			for (int i = 0; i < 4; i++) {
				template.send("orders", "parallel " + i);
			}
			assertThat(context.getBean(ConcurrentListener.class).allFourAtOnce.await(10, TimeUnit.SECONDS)).isTrue();
		});
	}

	private long keptMessages() throws Exception {
		return deadLetterFiles().stream().filter((path) -> path.toString().endsWith(".bin")).count();
	}

	private List<Path> deadLetterFiles() throws Exception {
		if (!Files.isDirectory(this.deadLetters)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(this.deadLetters)) {
			return files.toList();
		}
	}

	private static Properties metadata(Path payload) throws Exception {
		Properties properties = new Properties();
		try (var in = Files.newBufferedReader(Path.of(payload.toString().replace(".bin", ".properties")))) {
			properties.load(in);
		}
		return properties;
	}

	static class Received {

		final LinkedBlockingQueue<Object> items = new LinkedBlockingQueue<>();

	}

	record Order(String id, @Positive int quantity) {

	}

	@Configuration(proxyBeanMethods = false)
	static class ArgumentListeners {

		private final Received received;

		ArgumentListeners(Received received) {
			this.received = received;
		}

		@MailslotListener("${app.prefix}\\bytes")
		void bytes(byte[] payload) {
			this.received.items.add(payload);
		}

		@MailslotListener("${app.prefix}\\text")
		void text(String payload) {
			this.received.items.add(payload);
		}

		@MailslotListener("${app.prefix}\\buffer")
		void buffer(ByteBuffer payload) {
			this.received.items.add(payload);
		}

		@MailslotListener("${app.prefix}\\message")
		void message(Message<String> message) {
			this.received.items.add(message.getPayload());
		}

		@MailslotListener("${app.prefix}\\json")
		void json(Order order) {
			this.received.items.add(order);
		}

		@MailslotListener("orders")
		void headers(@Payload String payload, @Header(MailslotHeaders.MAILSLOT) String mailslot,
				@Header(MailslotHeaders.SIZE) int size, @Header(MailslotHeaders.RECEIVED_AT) Instant receivedAt,
				@Header(MailslotHeaders.SERVER_ID) String serverId) {
			this.received.items.add(List.of(payload, mailslot, size, receivedAt, serverId));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ResolvedListeners {

		private final Received received;

		ResolvedListeners(Received received) {
			this.received = received;
		}

		@MailslotListener(id = "fromPlaceholder", mailslot = "${app.prefix}\\${app.slot}")
		void placeholder(String payload) {
			this.received.items.add(payload);
		}

		@MailslotListener(id = "#{'from' + 'Expression'}", mailslot = "#{environment['app.prefix'] + '\\expression'}")
		void expression(String payload) {
			this.received.items.add(payload);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FlakyListener {

		private final Received received;

		private final AtomicInteger calls = new AtomicInteger();

		FlakyListener(Received received) {
			this.received = received;
		}

		@MailslotListener("orders")
		void flaky(String payload) {
			if (this.calls.incrementAndGet() < 3) {
				throw new IllegalStateException("not yet");
			}
			this.received.items.add(payload + " after " + this.calls.get() + " attempts");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingListener {

		final AtomicInteger calls = new AtomicInteger();

		@MailslotListener("orders")
		void failing(String payload) {
			this.calls.incrementAndGet();
			throw new IllegalStateException("always fails");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ValidatingListener {

		private final Received received;

		ValidatingListener(Received received) {
			this.received = received;
		}

		@MailslotListener("orders")
		void validated(@Valid @Payload Order order) {
			this.received.items.add(order);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomErrorHandlerListener {

		@Bean
		MailslotErrorHandler keepInMemory(Received received) {
			return (message, cause, attempts) -> received.items
				.add("handled: " + new String(message.getPayload(), StandardCharsets.UTF_8) + " after " + attempts);
		}

		@MailslotListener(mailslot = "orders", errorHandler = "keepInMemory")
		void failing(String payload) {
			throw new IllegalStateException("fails");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DuplicateListeners {

		@MailslotListener("orders")
		void first(String payload) {
		}

		@MailslotListener("${app.prefix}\\ORDERS")
		void second(String payload) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ManualListener {

		private final Received received;

		ManualListener(Received received) {
			this.received = received;
		}

		@MailslotListener(id = "manual", mailslot = "orders", autoStartup = "false")
		void manual(String payload) {
			this.received.items.add(payload);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TextListener {

		private final Received received;

		TextListener(Received received) {
			this.received = received;
		}

		@MailslotListener("orders")
		void text(String payload) {
			this.received.items.add(payload);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SlowListener {

		private final Received received;

		SlowListener(Received received) {
			this.received = received;
		}

		@MailslotListener("orders")
		void slow(String payload) throws InterruptedException {
			Thread.sleep(20);
			this.received.items.add(payload);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class StuckListener {

		private final Received received;

		StuckListener(Received received) {
			this.received = received;
		}

		@MailslotListener("orders")
		void stuck(String payload) throws InterruptedException {
			Thread.sleep(1500);
			this.received.items.add(payload);
		}

	}

	static class VerySlowListener {

		private final Received received;

		VerySlowListener(Received received) {
			this.received = received;
		}

		@MailslotListener("orders")
		void slow(String payload) throws InterruptedException {
			Thread.sleep(600);
			this.received.items.add(payload);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class InterruptingListener {

		private final Received received;

		InterruptingListener(Received received) {
			this.received = received;
		}

		@MailslotListener("orders")
		void interrupting(String payload) {
			this.received.items.add(payload);
			Thread.currentThread().interrupt();
		}

	}

	@Lazy
	@Configuration(proxyBeanMethods = false)
	static class LazyListener {

		private final Received received;

		LazyListener(Received received) {
			this.received = received;
		}

		@MailslotListener(id = "lazy", mailslot = "orders")
		void lazy(String payload) {
			this.received.items.add(payload);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SameIdListeners {

		@MailslotListener(id = "same", mailslot = "orders")
		void first(String payload) {
		}

		@MailslotListener(id = "same", mailslot = "${app.prefix}\\other")
		void second(String payload) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BadAutoStartupListener {

		@MailslotListener(mailslot = "orders", autoStartup = "yes")
		void listen(String payload) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ConcurrentListener {

		final CountDownLatch allFourAtOnce = new CountDownLatch(4);

		@MailslotListener(mailslot = "orders", concurrency = "4")
		void parallel(String payload) throws InterruptedException {
			this.allFourAtOnce.countDown();
			this.allFourAtOnce.await(10, TimeUnit.SECONDS);
		}

	}

}
