package dev.mailslot.spring.boot.docs.listeners;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.stereotype.Component;

import dev.mailslot.MailslotServer;
import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.boot.docs.ExampleApplications;
import dev.mailslot.spring.config.MailslotListenerEndpointRegistry;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.event.ContainerFailedEvent;
import dev.mailslot.spring.event.ListenerContainerIdleEvent;
import dev.mailslot.spring.listener.MailslotListenerContainer;
import dev.mailslot.spring.listener.MailslotListenerContainerOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.notNull;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.timeout;

/**
 * The examples of {@code docs/listeners.md}, each in an application of its own, doing what the
 * page says of it.
 */
class ListenersTests {

	private static final Order ORDER = new Order("A-1", 3);

	@TempDir
	Path deadLetters;

	private ApplicationContextRunner runner() {
		return ExampleApplications.runner(this.deadLetters).withBean(AuditLog.class);
	}

	@Test
	void theListenerGetsTheOrderAndWhenItCame() {
		runner().withBean(OrderListener.class, () -> spy(new OrderListener())).run((context) -> {
			context.getBean(MailslotTemplate.class).send("orders", ORDER);
			then(context.getBean(OrderListener.class)).should(timeout(10_000)).onOrder(eq(ORDER), notNull());
		});
	}

	@Test
	void theAttributesSetTheBatchesShutdownTimeoutAndRetriesOfThisListener() {
		OrderBatchListener listener = spy(new OrderBatchListener());
		IllegalStateException down = new IllegalStateException("down");
		willThrow(down).willThrow(down).willThrow(down).willThrow(down).willThrow(down).willDoNothing().given(listener).onOrders(any());
		runner().withBean(OrderBatchListener.class, () -> listener).run((context) -> {
			MailslotListenerContainerOptions options = container(context.getBean(MailslotListenerEndpointRegistry.class),
					"orders").getOptions();
			assertThat(options.maxBatchSize()).isEqualTo(20);
			assertThat(options.maxBatchWait()).isEqualTo(Duration.ofMillis(200));
			assertThat(options.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
			context.getBean(MailslotTemplate.class).send("orders", ORDER);
			then(listener).should(timeout(20_000).times(6)).onOrders(List.of(ORDER));
			assertThat(deadLetterFiles()).isEmpty();
		});
	}

	@Test
	void anInvalidOrderGoesToTheErrorHandlerWithoutRetries() {
		runner().withBean(ValidatedOrderListener.class, () -> spy(new ValidatedOrderListener())).run((context) -> {
			MailslotTemplate template = context.getBean(MailslotTemplate.class);
			template.send("orders", new Order("A-2", 0));
			await().atMost(Duration.ofSeconds(10)).until(() -> deadLetterFiles().size() == 2);
			assertThat(deadLetterProperties()).contains("attempts=1");
			template.send("orders", ORDER);
			ValidatedOrderListener listener = context.getBean(ValidatedOrderListener.class);
			then(listener).should(timeout(10_000)).validated(ORDER);
			then(listener).should(never()).validated(new Order("A-2", 0));
		});
	}

	@Test
	void theHeadersArgumentsGetTheMessagesHeaders() {
		runner().withBean(OrderHeadersListener.class, () -> spy(new OrderHeadersListener()))
			.withPropertyValues("mailslot.servers.orders.name=orders")
			.run((context) -> {
				context.getBean(MailslotTemplate.class).send("orders", "text");
				then(context.getBean(OrderHeadersListener.class)).should(timeout(10_000)).onOrder(eq("text"),
						eq("\\\\.\\mailslot\\orders"), eq(4), notNull(), eq("orders"));
			});
	}

	@Test
	void aConcurrencyOfFourMakesFourCallsAtOnce() {
		ParallelOrderListener listener = spy(new ParallelOrderListener());
		CountDownLatch together = new CountDownLatch(4);
		willAnswer((invocation) -> {
			together.countDown();
			assertThat(together.await(10, TimeUnit.SECONDS)).as("four calls at once").isTrue();
			return null;
		}).given(listener).parallel(anyString());
		runner().withBean(ParallelOrderListener.class, () -> listener).run((context) -> {
			MailslotTemplate template = context.getBean(MailslotTemplate.class);
			for (int i = 0; i < 4; i++) {
				template.send("orders", "order " + i);
			}
			then(listener).should(timeout(10_000).times(4)).parallel(anyString());
			assertThat(together.getCount()).isZero();
			assertThat(deadLetterFiles()).isEmpty();
		});
	}

	@Test
	void theIntakeHoldsOrdersInTheMailslotAndReleasesThem() {
		runner().withBean(OrderListener.class, () -> spy(new OrderListener()))
			.withBean(OrderIntake.class)
			.withPropertyValues("mailslot.servers.orders.name=orders")
			.run((context) -> {
				OrderIntake intake = context.getBean(OrderIntake.class);
				MailslotListenerEndpointRegistry registry = context.getBean(MailslotListenerEndpointRegistry.class);
				intake.holdOrders();
				await().atMost(Duration.ofSeconds(10)).until(() -> container(registry, "orders").isPaused());
				context.getBean(MailslotTemplate.class).send("orders", ORDER);
				assertThat(context.getBean("ordersMailslotServer", MailslotServer.class).info().messageCount()).isOne();
				OrderListener listener = context.getBean(OrderListener.class);
				then(listener).should(timeout(300).times(0)).onOrder(any(), any());
				intake.releaseOrders();
				then(listener).should(timeout(10_000)).onOrder(eq(ORDER), notNull());
			});
	}

	@Test
	void aContainerDeclaredAsABeanIsStartedByTheContextWithItsOptions() {
		runner().withUserConfiguration(AuditContainerConfiguration.class)
			.withPropertyValues("mailslot.servers.audit.name=audit")
			.run((context) -> {
				MailslotListenerContainer container = context.getBean(MailslotListenerContainer.class);
				assertThat(container.isRunning()).isTrue();
				assertThat(container.getConcurrency()).isEqualTo(4);
				assertThat(container.getOptions().shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
				context.getBean(MailslotTemplate.class).send("audit", "audited");
				assertThat(context.getBean(AuditLog.class).records.poll(10, TimeUnit.SECONDS)).isEqualTo("audited");
			});
	}

	@Test
	void theWatchHearsOfAnIdleListenerAndOfOneWhoseReadingFailed() {
		runner().withBean(OrderWatch.class, () -> spy(new OrderWatch()))
			.withPropertyValues("mailslot.servers.orders.name=orders", "app.orders.idle=200ms",
					"mailslot.listener.shutdown-timeout=1s")
			.run((context) -> {
				OrderWatch watch = context.getBean(OrderWatch.class);
				then(watch).should(timeout(10_000).atLeastOnce()).idle(any(ListenerContainerIdleEvent.class));
				context.getBean("ordersMailslotServer", MailslotServer.class).close();
				then(watch).should(timeout(10_000)).failed(any(ContainerFailedEvent.class));
			});
	}

	@Test
	void theEndpointInCodeReadsAndTheFactoryOfItsOwnMakesContainersWithItsOptions() {
		runner().withUserConfiguration(AuditListenerConfiguration.class)
			.withBean(AuditFactoryListener.class)
			.run((context) -> {
				MailslotListenerEndpointRegistry registry = context.getBean(MailslotListenerEndpointRegistry.class);
				context.getBean(MailslotTemplate.class).send("audit", "audited");
				assertThat(context.getBean(AuditLog.class).records.poll(10, TimeUnit.SECONDS)).isEqualTo("audited");
				assertThat(container(registry, "audit").getConcurrency()).isOne();
				MailslotListenerContainer fromFactory = container(registry, "orders");
				assertThat(fromFactory.getConcurrency()).isEqualTo(4);
				assertThat(fromFactory.getOptions().shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
			});
	}

	@Test
	void placeholdersAndExpressionsNameTheListenersAndTheirMailslots() {
		PlaceholderListeners listeners = spy(new PlaceholderListeners());
		runner().withBean(PlaceholderListeners.class, () -> listeners)
			.withPropertyValues("app.slot=orders", "app.prefix=\\\\.\\mailslot\\app")
			.run((context) -> {
				MailslotListenerEndpointRegistry registry = context.getBean(MailslotListenerEndpointRegistry.class);
				assertThat(registry.getListenerContainerIds()).containsExactlyInAnyOrder("fromPlaceholder",
						"fromExpression", "inbox");
				assertThat(container(registry, "fromPlaceholder").getServer().name().toString())
					.isEqualTo("\\\\.\\mailslot\\orders");
				assertThat(container(registry, "fromExpression").getServer().name().toString())
					.isEqualTo("\\\\.\\mailslot\\app\\expression");
				MailslotTemplate template = context.getBean(MailslotTemplate.class);
				template.send("orders", "one");
				template.send("\\\\.\\mailslot\\app\\expression", "two");
				template.send("inbox", "three");
				then(listeners).should(timeout(10_000)).placeholder("one");
				then(listeners).should(timeout(10_000)).expression("two");
				then(listeners).should(timeout(10_000)).withDefaults("three");
			});
	}

	@Test
	void theSenderWritesJsonToAServerIdAndTextToAName() {
		runner().withBean(OrderSender.class)
			.withPropertyValues("mailslot.servers.orders.name=orders", "mailslot.servers.audit.name=audit")
			.run((context) -> {
				context.getBean(OrderSender.class).send(ORDER);
				MailslotTemplate template = context.getBean(MailslotTemplate.class);
				assertThat(template.receiveAndConvert("orders", String.class, Duration.ofSeconds(5)))
					.isEqualTo("{\"id\":\"A-1\",\"quantity\":3}");
				assertThat(template.receiveAndConvert("audit", String.class, Duration.ofSeconds(5)))
					.isEqualTo("sent A-1");
			});
	}

	@Test
	void thePingGetsTheReplyWrittenToTheMailslotItsRequestNames() {
		runner().withBean(PingClient.class)
			.withPropertyValues("mailslot.servers.service.name=service")
			.run((context) -> {
				MailslotTemplate template = context.getBean(MailslotTemplate.class);
				Thread responder = new Thread(() -> {
					String request = template.receiveAndConvert("service", String.class, Duration.ofSeconds(10));
					template.send(request.substring("PING ".length()), "PONG");
				});
				responder.start();
				assertThat(context.getBean(PingClient.class).ping()).isEqualTo("PONG");
				responder.join();
				long start = System.nanoTime();
				assertThat(context.getBean(PingClient.class).ping()).isNull();
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
			});
	}

	private static MailslotListenerContainer container(MailslotListenerEndpointRegistry registry, String id) {
		return registry.getListenerContainer(id);
	}

	private List<Path> deadLetterFiles() throws IOException {
		try (Stream<Path> files = Files.list(this.deadLetters)) {
			return files.toList();
		}
	}

	private String deadLetterProperties() throws IOException {
		for (Path file : deadLetterFiles()) {
			if (file.toString().endsWith(".properties")) {
				return Files.readString(file, StandardCharsets.ISO_8859_1);
			}
		}
		return "";
	}

	/** A listener that names the example's factory of its own. */
	@Component
	static class AuditFactoryListener {

		@MailslotListener(mailslot = "orders", containerFactory = "auditFactory")
		void onOrder(String order) {
		}

	}

}
