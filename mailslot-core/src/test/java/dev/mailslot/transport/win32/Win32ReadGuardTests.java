package dev.mailslot.transport.win32;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.sun.jna.ptr.IntByReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.mailslot.BufferTooSmallException;
import dev.mailslot.MailslotException;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTimeoutException;
import dev.mailslot.ReadTimeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * How a pending read's wait is bounded, against the scripted {@link Win32Api} double,
 * since Wine's synchronous handle never leaves a read pending: a larger message queued
 * behind a pending read, timeouts beyond what one WaitForMultipleObjects can express,
 * timeouts under a millisecond, and a wait that fails.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Win32ReadGuardTests {

	private final MailslotName name = MailslotName.parse("\\\\.\\mailslot\\scripted\\guard");

	private MailslotServer server(ScriptedWin32Api api, ReadTimeout readTimeout) {
		return new Win32MailslotTransport(api)
			.createServer(MailslotServerOptions.builder(this.name).readTimeout(readTimeout).build());
	}

	private static void write(ScriptedWin32Api api, byte[] message) {
		api.writeFile(ScriptedWin32Api.CLIENT, message, message.length, new IntByReference());
	}

	@Test
	void aReadWaitingForeverThatALargerMessageOvertakesReadsItWithItsSize() throws Exception {
		ScriptedWin32Api api = new ScriptedWin32Api().largerMessagesQueueBehindAPendingRead();
		MailslotServer server = server(api, ReadTimeout.FOREVER);
		CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(server::read);
		await().atMost(Duration.ofSeconds(5)).until(() -> api.calls.contains("WaitForMultipleObjects"));
		byte[] large = new byte[70 * 1024];
		large[large.length - 1] = 42;
		write(api, large);
		assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo(large);
		assertThat(api.readSizes).containsExactly(Win32MailslotServer.DEFAULT_READ_BUFFER, large.length);
		assertThat(api.calls).containsSubsequence("WaitForMultipleObjects", "GetMailslotInfo", "CancelIoEx",
				"GetOverlappedResult", "GetMailslotInfo", "ReadFile");
		assertThat(api.waits)
			.allSatisfy((millis) -> assertThat(millis).isBetween(0, (int) PendingReadWait.GUARD_PERIOD_MILLIS));
	}

	@Test
	void aReadIntoABufferThatALargerMessageOvertakesIsToldItsSize() throws Exception {
		ScriptedWin32Api api = new ScriptedWin32Api().largerMessagesQueueBehindAPendingRead();
		MailslotServer server = server(api, ReadTimeout.FOREVER);
		CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> server.read(ByteBuffer.allocate(100)));
		await().atMost(Duration.ofSeconds(5)).until(() -> api.calls.contains("WaitForMultipleObjects"));
		write(api, new byte[200]);
		assertThatThrownBy(() -> read.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(BufferTooSmallException.class);
		assertThat(server.info().messageCount()).isOne();
		assertThat(server.read(ByteBuffer.allocate(200))).isEqualTo(200);
	}

	@Test
	void aTimeoutLongerThanOneWaitCanExpressDoesNotEndTheReadEarly() throws Exception {
		ScriptedWin32Api api = new ScriptedWin32Api().readsWait();
		MailslotServer server = server(api, ReadTimeout.FOREVER);
		CompletableFuture<byte[]> read = CompletableFuture
			.supplyAsync(() -> server.read(ReadTimeout.of(Duration.ofDays(30))));
		await().atMost(Duration.ofSeconds(5)).until(() -> api.calls.contains("WaitForMultipleObjects"));
		Thread.sleep(200);
		write(api, new byte[] { 30 });
		assertThat(read.get(5, TimeUnit.SECONDS)).containsExactly(30);
		assertThat(api.waits)
			.allSatisfy((millis) -> assertThat(millis).isBetween(0, (int) PendingReadWait.GUARD_PERIOD_MILLIS));
	}

	@Test
	void aTimeoutUnderAMillisecondIsOneMillisecondNotReturnAtOnce() {
		ScriptedWin32Api api = new ScriptedWin32Api();
		MailslotServer server = server(api, ReadTimeout.of(Duration.ofNanos(500_000)));
		server.setReadTimeout(ReadTimeout.FOREVER);
		assertThatExceptionOfType(MailslotTimeoutException.class)
			.isThrownBy(() -> server.read(ReadTimeout.of(Duration.ofNanos(1))));
		assertThat(api.readTimeouts).containsExactly(1, MailslotKernel32.MAILSLOT_WAIT_FOREVER, 1,
				MailslotKernel32.MAILSLOT_WAIT_FOREVER);
	}

	@Test
	void aReadWhoseWaitFailsEndsWithTheWaitsErrorEvenIfItsCancellationNeverCompletes() {
		ScriptedWin32Api api = new ScriptedWin32Api().cancelsNeverComplete().fail("WaitForMultipleObjects", 6);
		MailslotServer server = server(api, ReadTimeout.FOREVER);
		long start = System.nanoTime();
		assertThatExceptionOfType(MailslotException.class).isThrownBy(server::read)
			.withMessageContaining("Win32 error 6")
			.satisfies((ex) -> assertThat(ex.getNativeErrorCode()).hasValue(6));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(api.calls).containsSubsequence("ReadFile", "WaitForMultipleObjects", "CancelIoEx",
				"GetOverlappedResult");
		assertThat(server.isOpen()).isTrue();
	}

}
