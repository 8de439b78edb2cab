package dev.mailslot.spring.event;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.config.MailslotListenerEndpointRegistry;
import dev.mailslot.spring.core.MailslotServers;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.test.ContextRunner;
import dev.mailslot.spring.test.MailslotTestConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The events of listener containers in a plain Spring application
 * ({@link MailslotTestConfiguration}, no Boot) on the memory transport, received by an
 * {@code @EventListener}: started, paused, resumed, stopped, failed, and idle.
 */
class MailslotContainerEventsTests {

	private static final AtomicInteger sequence = new AtomicInteger();

	private static final Duration WITHIN = Duration.ofSeconds(10);

	private ContextRunner runner() {
		String prefix = "events-" + sequence.incrementAndGet();
		return ContextRunner.withMailslotConfiguration()
			.withUserConfiguration(Listeners.class)
			.withPropertyValues("test.transport=memory", "test.listener.poll-timeout=50ms",
					"test.servers.orders.name=" + prefix + "\\orders", "test.servers.quiet.name=" + prefix + "\\quiet");
	}

	@Test
	void startPauseResumeAndStopArePublishedWithTheListenerIdAndTheMailslot() {
		runner().run((context) -> {
			Events events = context.getBean(Events.class);
			await().atMost(WITHIN).until(() -> events.of("orders", ContainerStartedEvent.class).size() == 1);
			MailslotContainerEvent started = events.of("orders", ContainerStartedEvent.class).get(0);
			assertThat(started.getMailslot()).endsWithIgnoringCase("\\orders").startsWith("\\\\.\\mailslot\\");
			MailslotListenerEndpointRegistry registry = context.getBean(MailslotListenerEndpointRegistry.class);
			assertThat(started.getContainer()).isSameAs(registry.getListenerContainer("orders"));
			registry.pause("orders");
			await().atMost(WITHIN).until(() -> events.of("orders", ContainerPausedEvent.class).size() == 1);
			registry.resume("orders");
			await().atMost(WITHIN).until(() -> events.of("orders", ContainerResumedEvent.class).size() == 1);
			registry.stop("orders");
			await().atMost(WITHIN).until(() -> events.of("orders", ContainerStoppedEvent.class).size() == 1);
			assertThat(events.of("orders", MailslotContainerEvent.class))
				.extracting((event) -> (Object) event.getClass())
				.containsExactly(ContainerStartedEvent.class, ContainerPausedEvent.class, ContainerResumedEvent.class,
						ContainerStoppedEvent.class);
		});
	}

	@Test
	void aReaderThatFailsPublishesTheFailureWithItsCause() {
		runner().run((context) -> {
			Events events = context.getBean(Events.class);
			await().atMost(WITHIN).until(() -> events.of("orders", ContainerStartedEvent.class).size() == 1);
			context.getBean(MailslotServers.class).get("orders").close();
			await().atMost(WITHIN).until(() -> events.of("orders", ContainerFailedEvent.class).size() == 1);
			ContainerFailedEvent failed = (ContainerFailedEvent) events.of("orders", ContainerFailedEvent.class).get(0);
			assertThat(failed.getCause()).isNotNull();
			assertThat(failed.getContainer().getFailure()).isSameAs(failed.getCause());
		});
	}

	@Test
	void aListenerWithAnIdleEventIntervalPublishesIdleEventsWhileNoMessageComes() {
		runner().run((context) -> {
			Events events = context.getBean(Events.class);
			await().atMost(WITHIN).until(() -> events.of("quiet", ListenerContainerIdleEvent.class).size() >= 2);
			List<MailslotContainerEvent> idle = events.of("quiet", ListenerContainerIdleEvent.class);
			Duration first = ((ListenerContainerIdleEvent) idle.get(0)).getIdleTime();
			Duration second = ((ListenerContainerIdleEvent) idle.get(1)).getIdleTime();
			assertThat(first).isGreaterThanOrEqualTo(Duration.ofMillis(200));
			assertThat(second).isGreaterThanOrEqualTo(first.plusMillis(200));
			assertThat(events.of("orders", ListenerContainerIdleEvent.class)).as("no interval, no idle events")
				.isEmpty();
		});
	}

	@Test
	void aMessageStartsTheIdleTimeAgain() {
		runner().run((context) -> {
			Events events = context.getBean(Events.class);
			await().atMost(WITHIN).until(() -> events.of("quiet", ListenerContainerIdleEvent.class).size() >= 2);
			context.getBean(MailslotTemplate.class).send("quiet", "wake up");
			await().atMost(WITHIN).until(() -> context.getBean(Listeners.class).quietMessages.get() == 1);
			int before = events.of("quiet", ListenerContainerIdleEvent.class).size();
			await().atMost(WITHIN).until(() -> events.of("quiet", ListenerContainerIdleEvent.class).size() > before);
			ListenerContainerIdleEvent after = (ListenerContainerIdleEvent) events
				.of("quiet", ListenerContainerIdleEvent.class)
				.get(before);
			assertThat(after.getIdleTime()).isGreaterThanOrEqualTo(Duration.ofMillis(200))
				.isLessThan(Duration.ofSeconds(5));
		});
	}

	@Test
	void anIdleEventIntervalPropertyAppliesToEveryListener() {
		runner().withPropertyValues("test.listener.idle-event-interval=200ms").run((context) -> {
			Events events = context.getBean(Events.class);
			await().atMost(WITHIN).until(() -> !events.of("orders", ListenerContainerIdleEvent.class).isEmpty());
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class Listeners {

		final AtomicInteger quietMessages = new AtomicInteger();

		@MailslotListener("orders")
		void orders(String payload) {
		}

		@MailslotListener(mailslot = "quiet", idleEventInterval = "${app.idle:200ms}")
		void quiet(String payload) {
			this.quietMessages.incrementAndGet();
		}

		@org.springframework.context.annotation.Bean
		Events events() {
			return new Events();
		}

	}

	static class Events {

		private final List<MailslotContainerEvent> received = new CopyOnWriteArrayList<>();

		@EventListener
		void on(MailslotContainerEvent event) {
			this.received.add(event);
		}

		List<MailslotContainerEvent> of(String listenerId, Class<? extends MailslotContainerEvent> type) {
			return this.received.stream()
				.filter((event) -> event.getListenerId().equals(listenerId) && type.isInstance(event))
				.toList();
		}

	}

}
