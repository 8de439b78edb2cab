package dev.mailslot.spring.boot.docs.testing;

// tag::sender[]
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.ReadTimeout;

import static org.assertj.core.api.Assertions.assertThat;
// end::sender[]

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import dev.mailslot.MailslotTransport;

/**
 * A sender tested by reading, in the test, the mailslot it writes to.
 */
@SpringBootTest(properties = { "mailslot.listener.poll-timeout=100ms", "mailslot.servers.orders.name=orders-test",
		"app.confirmations=replies-test" })
@Import(IsolatedMailslots.class)
class SenderTests {

	@Autowired
	MailslotTransport transport;

	@Autowired
	OrderConfirmer sender;

	// tag::sender[]
	@Test
	void theSenderWritesOneMessagePerOrder() {
		try (MailslotServer replies = this.transport.createServer(
				MailslotServerOptions.builder("replies-test").readTimeout(ReadTimeout.ofMillis(10_000)).build())) {
			this.sender.confirm(new Order("A-1", 3));
			assertThat(new String(replies.read(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"A-1\",\"quantity\":3}");
			assertThat(replies.info().messageCount()).isZero();
		}
	}
	// end::sender[]

}
