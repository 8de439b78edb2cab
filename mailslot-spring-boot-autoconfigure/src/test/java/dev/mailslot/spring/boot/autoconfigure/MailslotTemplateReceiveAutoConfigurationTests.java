package dev.mailslot.spring.boot.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.config.MailslotListenerEndpointRegistry;
import dev.mailslot.spring.core.MailslotTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The auto-configured {@link MailslotTemplate} receives from a mailslot the application
 * owns and refuses one a running {@code @MailslotListener} reads, naming the listener,
 * until it is stopped.
 */
class MailslotTemplateReceiveAutoConfigurationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final String unique = Long.toString(System.nanoTime());

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailslotAutoConfiguration.class))
		.withUserConfiguration(OrdersListener.class)
		.withPropertyValues("mailslot.transport=memory",
				"mailslot.servers.orders.name=\\\\.\\mailslot\\receive-orders-" + this.unique,
				"mailslot.servers.inbox.name=\\\\.\\mailslot\\receive-inbox-" + this.unique);

	@Test
	void receivesFromAMailslotNoListenerReadsAndRefusesOneARunningListenerReads() {
		this.contextRunner.run((context) -> {
			MailslotTemplate template = context.getBean(MailslotTemplate.class);
			template.send("inbox", "hello");
			assertThat(template.receiveAndConvert("inbox", String.class, WAIT)).isEqualTo("hello");
			assertThatIllegalStateException().isThrownBy(() -> template.receive("orders", WAIT))
				.withMessageContaining(
						"Listener 'ordersListener' reads \\\\.\\mailslot\\receive-orders-" + this.unique);
			context.getBean(MailslotListenerEndpointRegistry.class).getListenerContainer("ordersListener").stop();
			template.send("orders", "after the listener stopped");
			assertThat(template.receiveAndConvert("orders", String.class, WAIT))
				.isEqualTo("after the listener stopped");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class OrdersListener {

		@Bean
		Listener listener() {
			return new Listener();
		}

	}

	static class Listener {

		@MailslotListener(id = "ordersListener", mailslot = "orders")
		void onOrder(String order) {
		}

	}

}
