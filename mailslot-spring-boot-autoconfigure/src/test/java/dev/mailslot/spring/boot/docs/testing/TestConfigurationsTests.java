package dev.mailslot.spring.boot.docs.testing;

import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.NoSuchMailslotException;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.transport.memory.MemoryMailslotTransport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The test configurations of {@code docs/testing.md}: mailslots of the context's own, whose names
 * meet no other context's, and failures collected in memory instead of the dead-letter directory.
 */
@SpringBootTest(properties = { "mailslot.listener.poll-timeout=100ms", "mailslot.servers.orders.name=orders-test" })
@Import({ IsolatedMailslots.class, CollectFailures.class })
class TestConfigurationsTests {

	@Autowired
	MailslotTransport transport;

	@Autowired
	MailslotTemplate template;

	@Autowired
	BlockingQueue<String> failures;

	@Test
	void theContextsMailslotsAreItsOwn() {
		assertThat(this.transport).isNotSameAs(MemoryMailslotTransport.INSTANCE);
		String name = "shared-" + UUID.randomUUID();
		try (MailslotServer shared = MemoryMailslotTransport.INSTANCE
			.createServer(MailslotServerOptions.builder(name).build())) {
			assertThatExceptionOfType(NoSuchMailslotException.class)
				.isThrownBy(() -> this.transport.openClient(shared.name()));
		}
	}

	@Test
	void aFailedMessageIsCollectedInMemory() throws InterruptedException {
		this.template.send("orders", "poison");
		assertThat(this.failures.poll(10, TimeUnit.SECONDS)).isEqualTo("poison");
	}

}
