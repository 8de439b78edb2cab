package dev.mailslot.transport.win32;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotClosedException;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTimeoutException;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.ReadTimeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reads on real kernel32 mailslots, in threads of their own, that wait for their turn
 * behind a read that waits forever: on Windows, and in CI under Wine, where that read
 * waits inside ReadFile.
 */
@EnabledOnOs(OS.WINDOWS)
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Win32ReadTurnTests {

	private final MailslotTransport transport = MailslotTransports.get("win32");

	private final MailslotName name = MailslotName
		.parse("\\\\.\\mailslot\\turns\\" + ProcessHandle.current().pid() + "-" + System.nanoTime());

	private final ExecutorService executor = Executors.newSingleThreadExecutor();

	private final MailslotServer server = this.transport
		.createServer(MailslotServerOptions.builder(this.name).readTimeout(ReadTimeout.FOREVER).build());

	@AfterEach
	void close() {
		this.server.close();
		this.executor.shutdownNow();
	}

	private CompletableFuture<byte[]> readForeverInAnotherThread() throws InterruptedException {
		CompletableFuture<byte[]> waiting = CompletableFuture.supplyAsync(this.server::read, this.executor);
		Thread.sleep(500);
		assertThat(waiting).isNotDone();
		return waiting;
	}

	@Test
	void aReadWithTimeoutZeroReturnsAtOnceBehindAReadThatWaitsForever() throws Exception {
		CompletableFuture<byte[]> waiting = readForeverInAnotherThread();
		long start = System.nanoTime();
		assertThatExceptionOfType(MailslotTimeoutException.class).isThrownBy(() -> this.server.read(ReadTimeout.ZERO))
			.satisfies((ex) -> assertThat(ex.getReadTimeout()).isEqualTo(ReadTimeout.ZERO));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
		try (MailslotClient client = this.transport.openClient(this.name)) {
			client.write("for the first".getBytes(StandardCharsets.UTF_8));
		}
		assertThat(waiting.get(5, TimeUnit.SECONDS)).asString(StandardCharsets.UTF_8).isEqualTo("for the first");
	}

	@Test
	void aReadWithAFiniteTimeoutEndsWithItBehindAReadThatWaitsForever() throws Exception {
		CompletableFuture<byte[]> waiting = readForeverInAnotherThread();
		long start = System.nanoTime();
		assertThatExceptionOfType(MailslotTimeoutException.class)
			.isThrownBy(() -> this.server.read(ReadTimeout.ofMillis(300)));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(280),
				Duration.ofMillis(2000));
		this.server.close();
		assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(MailslotClosedException.class);
	}

}
