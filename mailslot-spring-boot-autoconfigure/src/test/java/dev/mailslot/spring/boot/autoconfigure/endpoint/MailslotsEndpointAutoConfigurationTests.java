package dev.mailslot.spring.boot.autoconfigure.endpoint;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.boot.actuate.endpoint.MailslotsEndpoint;
import dev.mailslot.spring.boot.actuate.endpoint.MailslotsEndpoint.ListenerDescriptor;
import dev.mailslot.spring.boot.actuate.endpoint.MailslotsEndpoint.MailslotsDescriptor;
import dev.mailslot.spring.boot.autoconfigure.MailslotAutoConfiguration;
import dev.mailslot.spring.core.MailslotTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link MailslotsEndpointAutoConfiguration} and {@link MailslotsEndpoint}, on
 * the memory transport.
 */
class MailslotsEndpointAutoConfigurationTests {

	private static final AtomicInteger sequence = new AtomicInteger();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(MailslotAutoConfiguration.class, MailslotsEndpointAutoConfiguration.class))
		.withUserConfiguration(Listener.class)
		.withPropertyValues("mailslot.transport=memory", "mailslot.listener.poll-timeout=100ms",
				"management.endpoints.web.exposure.include=mailslots",
				"mailslot.servers.orders.name=endpoint-" + sequence.incrementAndGet());

	@Test
	void listsServersAndListenersWithTheirCounts() {
		this.contextRunner.run((context) -> {
			MailslotsEndpoint endpoint = context.getBean(MailslotsEndpoint.class);
			context.getBean(MailslotTemplate.class).send("orders", "count me");
			await().atMost(Duration.ofSeconds(5))
				.until(() -> endpoint.listener("orders").statistics().processed() == 1);
			MailslotsDescriptor mailslots = endpoint.mailslots();
			assertThat(mailslots.servers()).containsOnlyKeys("orders");
			assertThat(mailslots.servers().get("orders").messageCount()).isZero();
			assertThat(mailslots.servers().get("orders").listener()).isEqualTo("orders");
			ListenerDescriptor listener = mailslots.listeners().get("orders");
			assertThat(listener.state()).isEqualTo("RUNNING");
			assertThat(listener.statistics().received()).isEqualTo(1);
			assertThat(listener.statistics().bytesReceived()).isEqualTo(8);
		});
	}

	@Test
	void pausesResumesStopsAndStartsAListener() {
		this.contextRunner.run((context) -> {
			MailslotsEndpoint endpoint = context.getBean(MailslotsEndpoint.class);
			assertThat(endpoint.control("orders", "pause").pauseRequested()).isTrue();
			await().atMost(Duration.ofSeconds(5)).until(() -> endpoint.listener("orders").state().equals("PAUSED"));
			context.getBean(MailslotTemplate.class).send("orders", "waits");
			assertThat(endpoint.mailslots().servers().get("orders").messageCount()).isEqualTo(1);
			assertThat(endpoint.mailslots().servers().get("orders").nextMessageSize()).isEqualTo(5);
			assertThat(endpoint.control("orders", "resume").pauseRequested()).isFalse();
			await().atMost(Duration.ofSeconds(5))
				.until(() -> endpoint.mailslots().servers().get("orders").messageCount() == 0);
			assertThat(endpoint.control("orders", "stop").state()).isEqualTo("STOPPED");
			assertThat(endpoint.control("orders", "start").state()).isEqualTo("RUNNING");
		});
	}

	@Test
	void unknownListenersAndActionsAreBadRequests() {
		this.contextRunner.run((context) -> {
			MailslotsEndpoint endpoint = context.getBean(MailslotsEndpoint.class);
			assertThatExceptionOfType(InvalidEndpointRequestException.class)
				.isThrownBy(() -> endpoint.control("nobody", "pause"))
				.withMessageContaining("the ids are [orders]");
			assertThatExceptionOfType(InvalidEndpointRequestException.class)
				.isThrownBy(() -> endpoint.control("orders", "explode"))
				.withMessageContaining("use pause, resume, start, stop or replay");
		});
	}

	@Test
	void isAbsentWhenTheEndpointIsNotAvailable() {
		this.contextRunner.withPropertyValues("management.endpoint.mailslots.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(MailslotsEndpoint.class));
	}

	@Test
	void needsTheActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ConditionalOnAvailableEndpoint.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MailslotsEndpoint.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class Listener {

		@MailslotListener("orders")
		void listen(String message) {
		}

	}

}
