package dev.mailslot.spring.boot.docs.testing;

// tag::raw[]
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotTransport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
// end::raw[]

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Raw bytes written as another process would, with a client of the application's transport.
 */
@SpringBootTest(properties = { "mailslot.listener.poll-timeout=100ms", "mailslot.servers.orders.name=orders-test" })
@Import(IsolatedMailslots.class)
class RawBytesTests {

	@Autowired
	ReceivedOrders received;

	// tag::raw[]
	@Autowired
	MailslotTransport transport;

	@Test
	void rawBytesReachTheListener() {
		try (MailslotClient client = this.transport.openClient(MailslotName.parse("orders-test"))) {
			client.write("{\"id\":\"A-2\",\"quantity\":1}".getBytes(StandardCharsets.UTF_8));
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.received.ids()).contains("A-2"));
	}
	// end::raw[]

}
