package dev.mailslot.spring.boot.autoconfigure.health;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import dev.mailslot.MailslotServer;
import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.boot.actuate.health.MailslotHealthContributor;
import dev.mailslot.spring.boot.autoconfigure.MailslotAutoConfiguration;
import dev.mailslot.spring.config.MailslotListenerEndpointRegistry;
import dev.mailslot.spring.core.MailslotTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link MailslotHealthContributorAutoConfiguration} and the indicators it
 * makes, on the memory transport.
 */
class MailslotHealthContributorAutoConfigurationTests {

	private static final AtomicInteger sequence = new AtomicInteger();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailslotAutoConfiguration.class,
				MailslotHealthContributorAutoConfiguration.class))
		.withPropertyValues("mailslot.transport=memory", "mailslot.listener.poll-timeout=100ms",
				"mailslot.servers.orders.name=health-" + sequence.incrementAndGet());

	private static Health health(MailslotHealthContributor contributor, String id) {
		HealthContributor indicator = contributor.getContributor(id);
		assertThat(indicator).isInstanceOf(HealthIndicator.class);
		return ((HealthIndicator) indicator).health(true);
	}

	@Test
	void reportsEachServerWithGetMailslotInfo() {
		this.contextRunner.run((context) -> {
			MailslotHealthContributor contributor = context.getBean(MailslotHealthContributor.class);
			assertThat(context).hasBean("mailslotHealthContributor");
			assertThat(contributor.stream().map((entry) -> entry.name())).containsExactly("orders");
			Health health = health(contributor, "orders");
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			Map<String, Object> details = health.getDetails();
			assertThat(details).containsEntry("transport", "memory")
				.containsEntry("maxMessageSize", 0)
				.containsEntry("nextMessageSize", "none")
				.containsEntry("messageCount", 0)
				.containsEntry("readTimeout", "forever")
				.containsEntry("listener", "none");
			context.getBean(MailslotTemplate.class).send("orders", "abc");
			assertThat(health(contributor, "orders").getDetails()).containsEntry("nextMessageSize", 3)
				.containsEntry("messageCount", 1);
			assertThat(contributor.getContributor("nothing")).isNull();
		});
	}

	@Test
	void aPausedListenerIsUpAndAFailedOneIsDown() {
		this.contextRunner.withUserConfiguration(Listener.class).run((context) -> {
			MailslotHealthContributor contributor = context.getBean(MailslotHealthContributor.class);
			MailslotListenerEndpointRegistry registry = context.getBean(MailslotListenerEndpointRegistry.class);
			assertThat(health(contributor, "orders").getDetails()).containsEntry("listener", "orders")
				.containsEntry("listenerState", "RUNNING");
			registry.pause("orders");
			await().atMost(Duration.ofSeconds(5)).until(() -> registry.getListenerContainer("orders").isPaused());
			Health paused = health(contributor, "orders");
			assertThat(paused.getStatus()).isEqualTo(Status.UP);
			assertThat(paused.getDetails()).containsEntry("listenerState", "PAUSED");
			registry.resume("orders");
			registry.stop("orders");
			assertThat(health(contributor, "orders").getStatus()).isEqualTo(Status.UP);
			registry.start("orders");
			context.getBean("ordersMailslotServer", MailslotServer.class).close();
			await().atMost(Duration.ofSeconds(5))
				.until(() -> registry.getListenerContainer("orders").getState().name().equals("FAILED"));
			Health down = health(contributor, "orders");
			assertThat(down.getStatus()).isEqualTo(Status.DOWN);
			assertThat(down.getDetails()).containsEntry("reason", "the mailslot is closed");
		});
	}

	@Test
	void aBacklogOverTheThresholdReportsTheConfiguredStatus() {
		this.contextRunner
			.withPropertyValues("mailslot.health.backlog-threshold=2", "mailslot.health.backlog-status=BACKLOG")
			.run((context) -> {
				MailslotHealthContributor contributor = context.getBean(MailslotHealthContributor.class);
				MailslotTemplate template = context.getBean(MailslotTemplate.class);
				template.send("orders", "1");
				template.send("orders", "2");
				assertThat(health(contributor, "orders").getStatus()).isEqualTo(Status.UP);
				template.send("orders", "3");
				Health health = health(contributor, "orders");
				assertThat(health.getStatus()).isEqualTo(new Status("BACKLOG"));
				assertThat(health.getDetails()).containsEntry("backlogThreshold", 2).containsEntry("messageCount", 3);
			});
	}

	@Test
	void serversListenersCreateAppearToo() {
		this.contextRunner.withUserConfiguration(AdHocListener.class).run((context) -> {
			MailslotHealthContributor contributor = context.getBean(MailslotHealthContributor.class);
			assertThat(contributor.stream().map((entry) -> entry.name())).containsExactly("orders", "health-ad-hoc");
			assertThat(health(contributor, "health-ad-hoc").getDetails()).containsEntry("listener", "health-ad-hoc");
		});
	}

	@Test
	void noServersMeansAnEmptyComponent() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MailslotAutoConfiguration.class,
					MailslotHealthContributorAutoConfiguration.class))
			.withPropertyValues("mailslot.transport=memory")
			.run((context) -> assertThat(context.getBean(MailslotHealthContributor.class).stream()).isEmpty());
	}

	@Test
	void canBeTurnedOff() {
		this.contextRunner.withPropertyValues("management.health.mailslot.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MailslotHealthContributor.class));
	}

	@Test
	void needsSpringBootHealth() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HealthContributor.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MailslotHealthContributor.class));
	}

	@Test
	void needsTheMailslotAutoConfiguration() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MailslotHealthContributorAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(MailslotHealthContributor.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class Listener {

		@MailslotListener("orders")
		void listen(String message) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AdHocListener {

		@MailslotListener("health-ad-hoc")
		void listen(String message) {
		}

	}

}
