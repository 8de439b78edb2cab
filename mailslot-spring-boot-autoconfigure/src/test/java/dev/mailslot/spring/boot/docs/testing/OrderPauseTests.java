package dev.mailslot.spring.boot.docs.testing;

// tag::pause[]
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import dev.mailslot.MailslotServer;
import dev.mailslot.spring.config.MailslotListenerEndpointRegistry;
import dev.mailslot.spring.core.MailslotTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(properties = { "mailslot.listener.poll-timeout=100ms", "mailslot.servers.orders.name=orders-test" })
@Import(IsolatedMailslots.class)
class OrderPauseTests {

	@Autowired
	MailslotListenerEndpointRegistry registry;

	@Autowired
	@Qualifier("ordersMailslotServer")
	MailslotServer server;

	@Autowired
	MailslotTemplate template;

	@Autowired
	ReceivedOrders received;

	@Test
	void pauseLetsMessagesQueueInTheMailslotAndResumeDrainsThem() {
		this.registry.pause("orders");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.registry.getListenerContainer("orders").isPaused());
		for (int i = 0; i < 5; i++) {
			this.template.send("orders", new Order("Q-" + i, 1));
		}
		assertThat(this.server.info().messageCount()).isEqualTo(5);
		assertThat(this.received.ids()).doesNotContain("Q-0");
		this.registry.resume("orders");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.received.ids())
			.containsSubsequence("Q-0", "Q-1", "Q-2", "Q-3", "Q-4"));
		assertThat(this.server.info().messageCount()).isZero();
	}

}
// end::pause[]
