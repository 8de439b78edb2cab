package dev.mailslot.spring.boot.autoconfigure.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.boot.autoconfigure.MailslotAutoConfiguration;
import dev.mailslot.spring.core.MailslotTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The meters of one listener share one tag scheme with its {@code mailslot.listener}
 * timer ({@code mailslot.listener.id}, {@code mailslot.name}), keep the tags of 0.1
 * beside it, and a batch that is retried is one observation, around all its calls.
 */
class MailslotMeterTagsTests {

	private static final AtomicInteger sequence = new AtomicInteger();

	private final String name = "meter-tags-" + sequence.incrementAndGet() + "-" + System.nanoTime();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailslotAutoConfiguration.class,
				MailslotMetricsAutoConfiguration.class, MetricsAutoConfiguration.class))
		.withUserConfiguration(ObservedMeters.class)
		.withPropertyValues("mailslot.transport=memory", "mailslot.listener.poll-timeout=100ms",
				"mailslot.listener.retry.max-retries=2", "mailslot.listener.retry.delay=1ms",
				"mailslot.servers.orders.name=" + this.name);

	@Test
	void theCountersAndTheGaugeCarryTheTimersTagsAndTheOldOnes() {
		this.contextRunner.withUserConfiguration(OrdersListener.class).run((context) -> {
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			context.getBean(MailslotTemplate.class).send("orders", "one");
			await().atMost(Duration.ofSeconds(5)).until(() -> meters.find("mailslot.listener").timer() != null);
			Map<String, String> timerTags = tags(meters.get("mailslot.listener").timer());
			String fullName = "\\\\.\\mailslot\\" + this.name;
			assertThat(timerTags).containsEntry("mailslot.listener.id", "orders")
				.containsEntry("mailslot.name", fullName);
			for (String counter : List.of("mailslot.messages.received", "mailslot.bytes.received",
					"mailslot.messages.processed", "mailslot.listener.failures", "mailslot.messages.unprocessed")) {
				assertThat(tags(meters.get(counter).functionCounter())).as(counter)
					.containsEntry("mailslot.listener.id", "orders")
					.containsEntry("mailslot.name", fullName)
					.containsEntry("listener", "orders")
					.containsEntry("mailslot", fullName);
			}
			assertThat(tags(meters.get("mailslot.backlog").gauge())).containsEntry("mailslot.name", fullName)
				.containsEntry("mailslot.server.id", "orders")
				.containsEntry("mailslot", fullName)
				.containsEntry("server", "orders");
		});
	}

	@Test
	void aBatchThatIsRetriedIsOneObservationAroundAllItsCalls() {
		this.contextRunner.withUserConfiguration(FailingOnceBatchListener.class).run((context) -> {
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			context.getBean(MailslotTemplate.class).send("orders", "one");
			await().atMost(Duration.ofSeconds(5))
				.until(() -> meters.get("mailslot.messages.processed").functionCounter().count() == 1);
			await().atMost(Duration.ofSeconds(5)).until(() -> meters.find("mailslot.listener").timer() != null);
			assertThat(context.getBean(FailingOnceBatchListener.class).calls).hasValue(2);
			assertThat(meters.get("mailslot.listener.failures").functionCounter().count()).isEqualTo(1);
			assertThat(meters.get("mailslot.listener").timer().count()).isEqualTo(1);
			assertThat(meters.get("mailslot.listener").tag("outcome", "success").timer().count()).isEqualTo(1);
		});
	}

	private static Map<String, String> tags(Meter meter) {
		return meter.getId().getTags().stream().collect(Collectors.toMap(Tag::getKey, Tag::getValue));
	}

	@Configuration(proxyBeanMethods = false)
	static class ObservedMeters {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		ObservationRegistry observationRegistry(MeterRegistry meters) {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
			return registry;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OrdersListener {

		@MailslotListener("orders")
		void listen(String message) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingOnceBatchListener {

		final AtomicInteger calls = new AtomicInteger();

		@MailslotListener(value = "orders", batch = "true")
		void listen(List<String> messages) {
			if (this.calls.incrementAndGet() == 1) {
				throw new IllegalStateException("the first call fails");
			}
		}

	}

}
