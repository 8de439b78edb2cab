package dev.mailslot.spring.boot.docs.actuator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.boot.actuate.health.MailslotHealthContributor;
import dev.mailslot.spring.boot.autoconfigure.health.MailslotHealthContributorAutoConfiguration;
import dev.mailslot.spring.boot.autoconfigure.metrics.MailslotMetricsAutoConfiguration;
import dev.mailslot.spring.boot.docs.ExampleApplications;
import dev.mailslot.spring.core.MailslotTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The examples of {@code docs/actuator.md}: a backlog status of the application's own, the meter
 * filter that drops the tags of 0.1, and an observation convention that adds a key.
 */
class ActuatorTests {

	@TempDir
	Path deadLetters;

	private ApplicationContextRunner observed() {
		return ExampleApplications.runner(this.deadLetters)
			.withConfiguration(AutoConfigurations.of(MailslotMetricsAutoConfiguration.class, MetricsAutoConfiguration.class))
			.withUserConfiguration(ObservedMeters.class)
			.withBean(OrdersListener.class);
	}

	@Test
	void aBacklogOverTheThresholdReportsTheStatusOfTheApplicationsOwn() {
		ExampleApplications.runner(this.deadLetters)
			.withConfiguration(AutoConfigurations.of(MailslotHealthContributorAutoConfiguration.class))
			.withInitializer(ExampleApplications.configurationFile("docs/actuator/backlog.yml"))
			.withPropertyValues("mailslot.servers.orders.name=orders")
			.run((context) -> {
				MailslotTemplate template = context.getBean(MailslotTemplate.class);
				for (int i = 0; i < 100; i++) {
					template.send("orders", "order " + i);
				}
				assertThat(health(context.getBean(MailslotHealthContributor.class)).getStatus()).isEqualTo(Status.UP);
				template.send("orders", "order 100");
				assertThat(health(context.getBean(MailslotHealthContributor.class)).getStatus())
					.isEqualTo(new Status("BACKLOG"));
			});
		Binder binder = ExampleApplications.binder("docs/actuator/backlog.yml");
		assertThat(binder.bind("management.endpoint.health.status.order", Bindable.listOf(String.class)).get())
			.containsExactly("DOWN", "OUT_OF_SERVICE", "BACKLOG", "UP", "UNKNOWN");
	}

	@Test
	void theMeterFilterDropsTheTagsOf01() {
		observed().withUserConfiguration(MetricsConfiguration.class).run((context) -> {
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			context.getBean(MailslotTemplate.class).send("orders", "one");
			await().atMost(Duration.ofSeconds(10))
				.until(() -> meters.get("mailslot.messages.processed").functionCounter().count() == 1);
			Map<String, String> tags = tags(meters.get("mailslot.messages.processed").functionCounter());
			assertThat(tags).containsKeys("mailslot.listener.id", "mailslot.name")
				.doesNotContainKeys("mailslot", "server", "listener");
			assertThat(tags(meters.get("mailslot.backlog").gauge())).containsKey("mailslot.server.id")
				.doesNotContainKeys("mailslot", "server", "listener");
		});
	}

	@Test
	void theConventionAddsTheTeamToTheTimer() {
		observed().withUserConfiguration(ObservationConfiguration.class).run((context) -> {
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			context.getBean(MailslotTemplate.class).send("orders", "one");
			await().atMost(Duration.ofSeconds(10)).until(() -> meters.find("mailslot.listener").timer() != null);
			assertThat(tags(meters.get("mailslot.listener").timer())).containsEntry("team", "orders")
				.containsEntry("mailslot.listener.id", "orders");
		});
	}

	private static Health health(MailslotHealthContributor contributor) {
		return ((HealthIndicator) contributor.getContributor("orders")).health(true);
	}

	private static Map<String, String> tags(Meter meter) {
		return meter.getId().getTags().stream().collect(Collectors.toMap(Tag::getKey, Tag::getValue));
	}

	/** A meter registry, to which Boot's metrics auto-configuration adds the application's filters. */
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

	/** The listener whose meters the examples change. */
	@Component
	static class OrdersListener {

		@MailslotListener("orders")
		void listen(String message) {
		}

	}

}
