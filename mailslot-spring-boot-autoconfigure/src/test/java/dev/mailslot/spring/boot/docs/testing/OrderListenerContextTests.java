package dev.mailslot.spring.boot.docs.testing;

// tag::runner[]
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

import dev.mailslot.spring.boot.autoconfigure.MailslotAutoConfiguration;
// end::runner[]

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.mailslot.spring.core.MailslotTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The listener tested with only the mailslot auto-configuration, as the repository's tests do.
 */
class OrderListenerContextTests {

	// tag::runner[]
	private static final AtomicInteger sequence = new AtomicInteger();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailslotAutoConfiguration.class, ValidationAutoConfiguration.class))
		.withUserConfiguration(OrderListener.class)
		.withPropertyValues("mailslot.transport=memory", "mailslot.listener.poll-timeout=100ms",
				"mailslot.servers.orders.name=orders-" + sequence.incrementAndGet());
	// end::runner[]

	@Test
	void theListenerReceivesWithOnlyTheMailslotAutoConfiguration() {
		this.contextRunner.withBean(ReceivedOrders.class).run((context) -> {
			context.getBean(MailslotTemplate.class).send("orders", new Order("A-3", 1));
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(context.getBean(ReceivedOrders.class).ids()).containsExactly("A-3"));
		});
	}

}
