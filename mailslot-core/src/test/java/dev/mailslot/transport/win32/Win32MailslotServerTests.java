package dev.mailslot.transport.win32;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.sun.jna.ptr.IntByReference;

import org.junit.jupiter.api.Test;

import dev.mailslot.BufferTooSmallException;
import dev.mailslot.MailslotClosedException;
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
 * What the win32 server does with results Wine never gives: ERROR_INSUFFICIENT_BUFFER for a
 * message that arrives while a read waits, overlapped reads that CancelIoEx ends or that complete
 * as it is called, and unexpected error codes; and how it wakes a synchronous read (Wine's).
 * The real kernel32 paths run in {@link Win32MailslotTransportTests}.
 */
class Win32MailslotServerTests {

	private final MailslotName name = MailslotName.parse("\\\\.\\mailslot\\scripted");

	private MailslotServer server(ScriptedWin32Api api) {
		return new Win32MailslotTransport(api).createServer(MailslotServerOptions.builder(this.name).build());
	}

	@Test
	void aMessageTooLargeForTheWaitingReadIsReadAgainWithItsSize() {
		byte[] large = new byte[Win32MailslotServer.DEFAULT_READ_BUFFER + 1000];
		large[large.length - 1] = 42;
		ScriptedWin32Api api = new ScriptedWin32Api().arrivingDuringRead(large);
		assertThat(server(api).read()).isEqualTo(large);
		assertThat(api.readSizes).containsExactly(Win32MailslotServer.DEFAULT_READ_BUFFER, large.length);
	}

	@Test
	void aMessageTooLargeForTheCallersBufferStaysQueued() {
		ScriptedWin32Api api = new ScriptedWin32Api().arrivingDuringRead(new byte[10]);
		MailslotServer server = server(api);
		assertThatExceptionOfType(BufferTooSmallException.class).isThrownBy(() -> server.read(ByteBuffer.allocate(4)))
			.satisfies((ex) -> assertThat(ex.getRequiredSize()).isEqualTo(10));
		assertThat(server.info().messageCount()).isEqualTo(1);
		assertThat(server.read(ByteBuffer.allocate(10))).isEqualTo(10);
	}

	@Test
	void readsAreOverlappedAndCompletedWithGetOverlappedResult() {
		ScriptedWin32Api api = new ScriptedWin32Api().readsWait();
		MailslotServer server = server(api);
		CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(server::read);
		await().atMost(Duration.ofSeconds(5)).until(() -> api.calls.contains("GetOverlappedResult"));
		api.writeFile(ScriptedWin32Api.CLIENT, new byte[] { 1, 2, 3 }, 3, new IntByReference());
		assertThat(read.join()).containsExactly(1, 2, 3);
	}

	@Test
	void aPendingReadThatOutlivesItsTimeoutIsCancelledAndTimesOut() {
		ScriptedWin32Api api = new ScriptedWin32Api().readsWait();
		MailslotServer server = server(api);
		long start = System.nanoTime();
		assertThatExceptionOfType(MailslotTimeoutException.class).isThrownBy(() -> server.read(ReadTimeout.ofMillis(100)))
			.satisfies((ex) -> assertThat(ex.getNativeErrorCode()).hasValue(Win32Errors.ERROR_SEM_TIMEOUT));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(api.calls).containsSubsequence("ReadFile", "WaitForSingleObject", "CancelIoEx", "GetOverlappedResult");
		assertThat(server.isOpen()).isTrue();
	}

	@Test
	void closeCancelsAWaitingReadWithCancelIoExAndWritesNothing() throws Exception {
		ScriptedWin32Api api = new ScriptedWin32Api().readsWait();
		MailslotServer server = server(api);
		CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(server::read);
		await().atMost(Duration.ofSeconds(5)).until(() -> api.calls.contains("GetOverlappedResult"));
		server.close();
		assertThatThrownBy(() -> read.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(MailslotClosedException.class);
		assertThat(api.calls).containsSubsequence("CancelIoEx", "CloseHandle")
			.doesNotContain("CreateFile", "WriteFile");
	}

	@Test
	void aReadIssuedJustAfterCloseCancelledCancelsItself() throws Exception {
		ScriptedWin32Api api = new ScriptedWin32Api().readsWait();
		MailslotServer server = server(api);
		CompletableFuture<Void> closing = new CompletableFuture<>();
		api.beforeRead(() -> {
			closing.completeAsync(() -> {
				server.close();
				return null;
			});
			await().atMost(Duration.ofSeconds(5)).until(() -> api.calls.contains("CancelIoEx"));
		});
		long start = System.nanoTime();
		assertThatExceptionOfType(MailslotClosedException.class).isThrownBy(server::read);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		closing.get(5, TimeUnit.SECONDS);
		assertThat(api.calls).containsSubsequence("ReadFile", "CancelIoEx", "CancelIoEx", "GetOverlappedResult")
			.doesNotContain("WriteFile");
	}

	@Test
	void aReadThatCompletesAsCloseCancelsItKeepsItsMessage() throws Exception {
		ScriptedWin32Api api = new ScriptedWin32Api().completingJustBeforeCancel("kept".getBytes());
		MailslotServer server = server(api);
		CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(server::read);
		await().atMost(Duration.ofSeconds(5)).until(() -> api.calls.contains("GetOverlappedResult"));
		server.close();
		assertThat(read.get(5, TimeUnit.SECONDS)).asString().isEqualTo("kept");
		assertThat(api.calls).contains("CancelIoEx").doesNotContain("WriteFile").endsWith("CloseHandle");
		assertThat(server.isOpen()).isFalse();
	}

	@Test
	void closeWakesASynchronousReadWithAMessageItDrops() throws Exception {
		ScriptedWin32Api api = new ScriptedWin32Api().synchronousHandle();
		MailslotServer server = server(api);
		CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(server::read);
		await().atMost(Duration.ofSeconds(5)).until(() -> api.readSizes.size() == 1);
		server.close();
		assertThatThrownBy(() -> read.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(MailslotClosedException.class);
		assertThat(api.calls).containsSubsequence("CancelIoEx", "CreateFile", "WriteFile").endsWith("CloseHandle");
	}

	@Test
	void closeWithNoReadWaitingNeitherCancelsNorWrites() {
		ScriptedWin32Api api = new ScriptedWin32Api().synchronousHandle();
		server(api).close();
		assertThat(api.calls).doesNotContain("CancelIoEx", "WriteFile").endsWith("CloseHandle");
	}

	@Test
	void aServerWithoutItsReadEventIsNotCreated() {
		ScriptedWin32Api api = new ScriptedWin32Api().fail("CreateEvent", 1450);
		assertThatExceptionOfType(MailslotException.class).isThrownBy(() -> server(api))
			.withMessageContaining("CreateEventW")
			.withMessageContaining("Win32 error 1450");
		assertThat(api.calls).endsWith("CloseHandle");
	}

	@Test
	void unexpectedReadErrorsCarryTheirCodeAndText() {
		ScriptedWin32Api api = new ScriptedWin32Api().queued(new byte[1]).fail("ReadFile", 1117);
		assertThatExceptionOfType(MailslotException.class).isThrownBy(server(api)::read)
			.withMessageContaining("Win32 error 1117: text of 1117")
			.satisfies((ex) -> assertThat(ex.getNativeErrorCode()).hasValue(1117));
	}

	@Test
	void failedGetMailslotInfoIsReported() {
		ScriptedWin32Api api = new ScriptedWin32Api().fail("GetMailslotInfo", 6);
		assertThatExceptionOfType(MailslotException.class).isThrownBy(server(api)::info)
			.withMessageContaining("GetMailslotInfo")
			.withMessageContaining("Win32 error 6");
	}

}
