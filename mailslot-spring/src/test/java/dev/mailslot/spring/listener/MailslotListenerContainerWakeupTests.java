package dev.mailslot.spring.listener;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.transport.unix.UnixMailslotTransport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A pause, a stop or a shutdown wakes a reader that waits for a message, on real posix
 * queues, on real Unix domain sockets (in a directory of the test's own) and on the
 * memory transport (whose servers the network transport uses): with a poll timeout of
 * {@value #POLL_TIMEOUT_SECONDS} s, each takes effect at once, and no message written
 * around it is lost or delivered out of order.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MailslotListenerContainerWakeupTests {

	private static final long POLL_TIMEOUT_SECONDS = 30;

	/** How soon a woken reader stops or pauses: at once, with room for a busy machine. */
	private static final Duration AT_ONCE = Duration.ofSeconds(2);

	private final List<String> received = new CopyOnWriteArrayList<>();

	@TempDir
	Path directory;

	private MailslotTransport transport;

	private MailslotServer server;

	private MailslotListenerContainer container;

	@AfterEach
	void close() {
		if (this.container != null) {
			this.container.shutdown();
		}
		if (this.server != null) {
			this.server.close();
		}
	}

	private void start(String transport) throws InterruptedException {
		this.transport = transport.equals("unix") ? UnixMailslotTransport.in(this.directory.resolve("s"))
				: MailslotTransports.get(transport);
		this.server = this.transport.createServer(
				MailslotServerOptions.builder("wakeup-" + ProcessHandle.current().pid() + "-" + System.nanoTime())
					.build());
		this.container = new MailslotListenerContainer("wakeup", this.server, null,
				(message) -> this.received.add(new String(message.getPayload(), StandardCharsets.UTF_8)),
				MailslotListenerContainerOptions.builder()
					.pollTimeout(Duration.ofSeconds(POLL_TIMEOUT_SECONDS))
					.build());
		this.container.start();
		Thread.sleep(200);
	}

	private void write(String text) {
		try (MailslotClient client = this.transport.openClient(this.server.name())) {
			client.write(text.getBytes(StandardCharsets.UTF_8));
		}
	}

	private static Duration timed(Runnable action) {
		long start = System.nanoTime();
		action.run();
		return Duration.ofNanos(System.nanoTime() - start);
	}

	@ParameterizedTest
	@ValueSource(strings = { "posix", "unix", "memory" })
	void aStopEndsTheReadersWaitAtOnceAndLeavesLaterMessagesInTheMailslot(String transport) throws Exception {
		start(transport);
		write("before");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.received.size() == 1);
		assertThat(timed(this.container::stop)).isLessThan(AT_ONCE);
		assertThat(this.container.getState()).isEqualTo(ListenerContainerState.STOPPED);
		write("after");
		assertThat(this.server.info().messageCount()).isEqualTo(1);
		this.container.start();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.received.size() == 2);
		assertThat(this.received).containsExactly("before", "after");
	}

	@ParameterizedTest
	@ValueSource(strings = { "posix", "unix", "memory" })
	void aShutdownEndsTheReadersWaitAtOnce(String transport) throws Exception {
		start(transport);
		write("first");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.received.size() == 1);
		assertThat(timed(this.container::shutdown)).isLessThan(AT_ONCE);
		assertThat(this.container.getState()).isEqualTo(ListenerContainerState.STOPPED);
		assertThat(this.received).containsExactly("first");
	}

	@ParameterizedTest
	@ValueSource(strings = { "posix", "unix", "memory" })
	void aPauseEndsTheReadersWaitAtOnceAndTheMessagesWaitForTheResume(String transport) throws Exception {
		start(transport);
		this.container.pause();
		await().atMost(AT_ONCE).until(this.container::isPaused);
		write("first");
		write("second");
		Thread.sleep(300);
		assertThat(this.received).isEmpty();
		this.container.resume();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.received.size() == 2);
		assertThat(this.received).containsExactly("first", "second");
	}

	@ParameterizedTest
	@ValueSource(strings = { "posix", "unix", "memory" })
	void pausesAndStopsRacingAWriterLoseNoMessageAndKeepTheOrder(String transport) throws Exception {
		int count = 2_000;
		start(transport);
		List<String> written = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			written.add("message " + i);
		}
		CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
			try (MailslotClient client = this.transport.openClient(this.server.name())) {
				for (String text : written) {
					client.write(text.getBytes(StandardCharsets.UTF_8));
				}
			}
		});
		for (int cycle = 0; cycle < 20; cycle++) {
			this.container.pause();
			await().atMost(AT_ONCE).until(this.container::isPaused);
			this.container.resume();
			Thread.sleep(5);
			assertThat(timed(this.container::stop)).as("stop %d", cycle).isLessThan(AT_ONCE);
			this.container.start();
			Thread.sleep(5);
		}
		writer.get(60, TimeUnit.SECONDS);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.received.size() == count);
		assertThat(this.received).containsExactlyElementsOf(written);
		assertThat(this.server.info().messageCount()).isZero();
	}

}
