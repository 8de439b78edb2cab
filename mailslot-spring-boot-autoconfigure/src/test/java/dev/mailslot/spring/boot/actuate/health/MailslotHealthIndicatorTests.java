package dev.mailslot.spring.boot.actuate.health;

import java.nio.ByteBuffer;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import dev.mailslot.MailslotException;
import dev.mailslot.MailslotInfo;
import dev.mailslot.MailslotMessage;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransports;
import dev.mailslot.ReadTimeout;
import dev.mailslot.spring.listener.ListenerContainerState;
import dev.mailslot.spring.listener.MailslotListenerContainer;
import dev.mailslot.spring.listener.MailslotListenerContainerOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link MailslotHealthIndicator}: a listener whose reader failed while its
 * mailslot is still open. No real transport fails a read on an open mailslot on demand,
 * so the failure is injected into an otherwise real memory server.
 */
class MailslotHealthIndicatorTests {

	@Test
	void aListenerWhoseReaderFailedIsDownWithTheReason() {
		try (MailslotServer real = MailslotTransports.get("memory")
			.createServer(MailslotServerOptions.builder("health-failed-" + System.nanoTime()).build())) {
			MailslotServer failing = new FailingReads(real);
			MailslotListenerContainer container = new MailslotListenerContainer("failing", failing, null, (message) -> {
			}, MailslotListenerContainerOptions.builder().pollTimeout(Duration.ofMillis(50)).build());
			container.start();
			await().atMost(Duration.ofSeconds(5)).until(() -> container.getState() == ListenerContainerState.FAILED);
			Health health = new MailslotHealthIndicator(failing, container,
					new MailslotBacklogCheck(null, Status.OUT_OF_SERVICE))
				.health(true);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("listenerState", "FAILED")
				.containsEntry("reason", "the listener's reader stopped: the device is gone")
				.containsEntry("messageCount", 0);
			container.shutdown();
		}
	}

	@Test
	void aMailslotWithoutAListenerSaysThatNothingReadsIt() {
		try (MailslotServer server = MailslotTransports.get("memory")
			.createServer(MailslotServerOptions.builder("health-no-listener-" + System.nanoTime()).build())) {
			Health health = new MailslotHealthIndicator(server, null,
					new MailslotBacklogCheck(null, Status.OUT_OF_SERVICE))
				.health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("listener", "none")
				.containsEntry("reader", "no @MailslotListener reads this mailslot: its messages wait until the "
						+ "application reads them, and closing it at shutdown deletes what waits");
		}
	}

	/**
	 * A server whose reads fail, and which is otherwise the real one.
	 */
	private record FailingReads(MailslotServer server) implements MailslotServer {

		@Override
		public MailslotName name() {
			return this.server.name();
		}

		@Override
		public String transport() {
			return this.server.transport();
		}

		@Override
		public byte[] read() {
			throw failure();
		}

		@Override
		public byte[] read(ReadTimeout timeout) {
			throw failure();
		}

		@Override
		public MailslotMessage readMessage(ReadTimeout timeout) {
			throw failure();
		}

		@Override
		public int read(ByteBuffer buffer) {
			throw failure();
		}

		@Override
		public int read(ByteBuffer buffer, ReadTimeout timeout) {
			throw failure();
		}

		private MailslotException failure() {
			return new MailslotException(name(), "the device is gone");
		}

		@Override
		public MailslotInfo info() {
			return this.server.info();
		}

		@Override
		public void setReadTimeout(ReadTimeout readTimeout) {
			this.server.setReadTimeout(readTimeout);
		}

		@Override
		public boolean isOpen() {
			return this.server.isOpen();
		}

		@Override
		public void close() {
			this.server.close();
		}

	}

}
