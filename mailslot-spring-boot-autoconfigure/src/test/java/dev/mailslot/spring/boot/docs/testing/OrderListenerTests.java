package dev.mailslot.spring.boot.docs.testing;

import java.io.IOException;
import java.nio.file.Files;
// tag::test[]
import java.nio.file.Path;
// tag::dead-letters[]
import java.time.Duration;
// end::dead-letters[]
// end::test[]
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
// tag::test[]
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.mailslot.spring.core.MailslotTemplate;

import static org.assertj.core.api.Assertions.assertThat;
// tag::dead-letters[]
import static org.awaitility.Awaitility.await;
// end::dead-letters[]

@SpringBootTest(properties = { "mailslot.transport=memory", "mailslot.listener.poll-timeout=100ms",
		"mailslot.listener.retry.delay=10ms", "mailslot.servers.orders.name=orders-test" })
class OrderListenerTests {

	@TempDir
	static Path deadLetters;

	@DynamicPropertySource
	static void deadLetterDirectory(DynamicPropertyRegistry registry) {
		registry.add("mailslot.listener.dead-letter.directory", () -> deadLetters.toString());
	}

	@Autowired
	MailslotTemplate template;

	@Autowired
	ReceivedOrders received;

	@Test
	void anOrderWrittenToTheMailslotReachesTheListener() {
		this.template.send("orders", new Order("A-1", 3));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.received.ids()).contains("A-1"));
	}

	// end::test[]
	@Test
	void textAndOrdersAreConvertedAsTheSendersConvertThem() throws IOException {
		// tag::send[]
		this.template.send("orders", "plain text");
		this.template.send("orders", new Order("A-1", 3));
		// end::send[]
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.received.ids()).contains("A-1"));
		assertThat(deadLetterFiles()).anyMatch((file) -> contains(file, "plain text"));
	}

	@Test
	void aPoisonMessageIsKeptAsADeadLetterPair() throws IOException {
		// tag::dead-letters[]
		this.template.send("orders", "poison");
		await().atMost(Duration.ofSeconds(10)).until(() -> deadLetterFiles().size() == 2);
		// end::dead-letters[]
		assertThat(deadLetterFiles()).anyMatch((file) -> contains(file, "poison"));
	}

	@AfterEach
	void emptyDeadLetters() throws IOException {
		for (Path file : deadLetterFiles()) {
			Files.delete(file);
		}
	}

	List<Path> deadLetterFiles() throws IOException {
		try (Stream<Path> files = Files.list(deadLetters)) {
			return files.toList();
		}
	}

	private static boolean contains(Path file, String text) {
		try {
			return Files.readString(file).contains(text);
		}
		catch (IOException ex) {
			return false;
		}
	}

	// tag::test[]
}
// end::test[]
