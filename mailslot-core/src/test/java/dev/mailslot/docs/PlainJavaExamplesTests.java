package dev.mailslot.docs;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotInfo;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.NoSuchMailslotException;
import dev.mailslot.ReadTimeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The plain-Java examples of {@code README.md} and {@code docs/api.md}, run on this platform's
 * default transport as the pages say.
 */
class PlainJavaExamplesTests {

	private final MailslotTransport transport = MailslotTransports.get("auto");

	@Test
	void theReadmeExampleReadsTheWholeMessageAndItsCloseDeletesTheMailslot() {
		List<byte[]> received = new ArrayList<>();
		WithoutSpring.run(received::add);
		assertThat(received).singleElement()
			.extracting((message) -> new String(message, StandardCharsets.UTF_8))
			.isEqualTo("Message one for mailslot.");
		assertThatExceptionOfType(NoSuchMailslotException.class)
			.isThrownBy(() -> this.transport.openClient(MailslotName.parse("orders")));
	}

	@Test
	void theApiExampleSeesTheMessageInItsInfoReadsItAndSetsTheTimeout() {
		List<Object> seen = new ArrayList<>();
		CreatingAMailslot.run(seen::add);
		MailslotInfo before = (MailslotInfo) seen.get(0);
		assertThat(before.messageCount()).isEqualTo(1);
		assertThat(before.nextMessageSize()).hasValue("Message one for mailslot.".length());
		assertThat(before.readTimeout()).isEqualTo(ReadTimeout.FOREVER);
		assertThat(new String((byte[]) seen.get(1), StandardCharsets.UTF_8)).isEqualTo("Message one for mailslot.");
		MailslotInfo after = (MailslotInfo) seen.get(2);
		assertThat(after.messageCount()).isZero();
		assertThat(after.readTimeout()).isEqualTo(ReadTimeout.ZERO);
		assertThatExceptionOfType(NoSuchMailslotException.class)
			.isThrownBy(() -> this.transport.openClient(MailslotName.parse("\\\\.\\mailslot\\sample_mailslot")));
	}

	@Test
	void theReadLoopHandlesEveryMessageAndStopsAtOnceWhileItsReadWaitsForever() throws InterruptedException {
		String name = "docs-reader-" + UUID.randomUUID();
		try (MailslotServer server = this.transport.createServer(MailslotServerOptions.builder(name).build());
				MailslotClient client = this.transport.openClient(server.name())) {
			List<String> handled = new CopyOnWriteArrayList<>();
			MailslotReader reader = new MailslotReader(server,
					(message) -> handled.add(new String(message, StandardCharsets.UTF_8)));
			Thread thread = new Thread(reader::readLoop, "docs-reader");
			thread.start();
			for (int i = 0; i < 3; i++) {
				client.write(("message " + i).getBytes(StandardCharsets.UTF_8));
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 3);
			long stopping = System.nanoTime();
			reader.stop();
			thread.join(Duration.ofSeconds(10).toMillis());
			assertThat(thread.isAlive()).isFalse();
			assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofMillis(500));
			assertThat(handled).containsExactly("message 0", "message 1", "message 2");
			assertThat(server.isOpen()).isTrue();
		}
	}

}
