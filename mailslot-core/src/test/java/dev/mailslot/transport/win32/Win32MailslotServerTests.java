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
import dev.mailslot.MailslotWakeupException;
import dev.mailslot.ReadTimeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What the win32 server does with results Wine never gives: ERROR_INSUFFICIENT_BUFFER for
 * a message that arrives while a read waits, overlapped reads that CancelIoEx ends or
 * that complete as it is called, and unexpected error codes; and how it wakes a
 * synchronous read (Wine's). The real kernel32 paths run in
 * {@link Win32MailslotTransportTests}.
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
		await().atMost(Duration.ofSeconds(5)).until(() -> api.calls.contains("WaitForMultipleObjects"));
		api.writeFile(ScriptedWin32Api.CLIENT, new byte[] { 1, 2, 3 }, 3, new IntByReference());
		assertThat(read.join()).containsExactly(1, 2, 3);
	}

	@Test
	void aPendingReadThatOutlivesItsTimeoutIsCancelledAndTimesOut() {
		ScriptedWin32Api api = new ScriptedWin32Api().readsWait();
		MailslotServer server = server(api);
		long start = System.nanoTime();
		assertThatExceptionOfType(MailslotTimeoutException.class)
			.isThrownBy(() -> server.read(ReadTimeout.ofMillis(100)))
			.satisfies((ex) -> assertThat(ex.getNativeErrorCode()).hasValue(Win32Errors.ERROR_SEM_TIMEOUT));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(api.calls).containsSubsequence("ReadFile", "WaitForMultipleObjects", "CancelIoEx",
				"GetOverlappedResult");
		assertThat(server.isOpen()).isTrue();
	}

	@Test
	void closeCancelsAWaitingReadWithCancelIoExAndWritesNothing() throws Exception {
		ScriptedWin32Api api = new ScriptedWin32Api().readsWait();
		MailslotServer server = server(api);
		CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(server::read);
		await().atMost(Duration.ofSeconds(5)).until(() -> api.calls.contains("WaitForMultipleObjects"));
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
		await().atMost(Duration.ofSeconds(5)).until(() -> api.calls.contains("WaitForMultipleObjects"));
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
	void wakeupSetsTheWakeEventAndTheWaitingReadCancelsItself() throws Exception {
		ScriptedWin32Api api = new ScriptedWin32Api().readsWait();
		MailslotServer server = server(api);
		CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(server::read);
		await().atMost(Duration.ofSeconds(5)).until(() -> api.calls.contains("WaitForMultipleObjects"));
		server.wakeup();
		assertThatThrownBy(() -> read.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(MailslotWakeupException.class);
		assertThat(api.calls)
			.containsSubsequence("ReadFile", "WaitForMultipleObjects", "SetEvent", "CancelIoEx", "GetOverlappedResult")
			.doesNotContain("CreateFile", "WriteFile", "CloseHandle");
		api.writeFile(ScriptedWin32Api.CLIENT, new byte[] { 7 }, 1, new IntByReference());
		assertThat(server.read()).containsExactly(7);
	}

	@Test
	void aReadThatCompletesAsAWakeupCancelsItKeepsItsMessageAndTheWakeupWaits() throws Exception {
		ScriptedWin32Api api = new ScriptedWin32Api().completingJustBeforeCancel("kept".getBytes());
		MailslotServer server = server(api);
		CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(server::read);
		await().atMost(Duration.ofSeconds(5)).until(() -> api.calls.contains("WaitForMultipleObjects"));
		server.wakeup();
		assertThat(read.get(5, TimeUnit.SECONDS)).asString().isEqualTo("kept");
		assertThatExceptionOfType(MailslotWakeupException.class).isThrownBy(server::read);
	}

	@Test
	void aReadIssuedAfterAWakeupCancelsItselfWithoutWaiting() {
		ScriptedWin32Api api = new ScriptedWin32Api().readsWait();
		MailslotServer server = server(api);
		server.wakeup();
		assertThatExceptionOfType(MailslotWakeupException.class).isThrownBy(server::read);
		assertThat(api.calls).containsSubsequence("SetEvent", "ReadFile", "CancelIoEx", "GetOverlappedResult")
			.doesNotContain("WaitForMultipleObjects");
	}

	@Test
	void aWakeEventLeftByAUsedWakeupDoesNotEndALaterRead() throws Exception {
		ScriptedWin32Api api = new ScriptedWin32Api().readsWait();
		MailslotServer server = server(api);
		server.wakeup();
		assertThatExceptionOfType(MailslotWakeupException.class).isThrownBy(server::read);
		CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(server::read);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> api.calls.stream().filter("WaitForMultipleObjects"::equals).count() >= 2);
		assertThat(read).isNotDone();
		api.writeFile(ScriptedWin32Api.CLIENT, new byte[] { 8 }, 1, new IntByReference());
		assertThat(read.get(5, TimeUnit.SECONDS)).containsExactly(8);
	}

	@Test
	void wakeupWakesASynchronousReadWithAMessageItDrops() throws Exception {
		ScriptedWin32Api api = new ScriptedWin32Api().synchronousHandle();
		MailslotServer server = server(api);
		CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(server::read);
		await().atMost(Duration.ofSeconds(5)).until(() -> api.readSizes.size() == 1);
		server.wakeup();
		assertThatThrownBy(() -> read.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(MailslotWakeupException.class);
		assertThat(api.calls).containsSubsequence("CreateFile", "WriteFile", "CloseHandle").doesNotContain("SetEvent");
		assertThat(server.info().messageCount()).isZero();
		assertThat(server.isOpen()).isTrue();
	}

	@Test
	void aWakeupKeptForASynchronousReadEndsItBeforeReadFile() {
		ScriptedWin32Api api = new ScriptedWin32Api().synchronousHandle();
		MailslotServer server = server(api);
		server.wakeup();
		assertThat(api.calls).doesNotContain("CreateFile", "WriteFile", "SetEvent");
		assertThatExceptionOfType(MailslotWakeupException.class).isThrownBy(server::read);
		assertThat(api.readSizes).isEmpty();
	}

	@Test
	void aWakeupAfterASynchronousReadEndedWritesNothingAndEndsTheNextRead() throws Exception {
		ScriptedWin32Api api = new ScriptedWin32Api().synchronousHandle();
		MailslotServer server = server(api);
		CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(server::read);
		await().atMost(Duration.ofSeconds(5)).until(() -> api.readSizes.size() == 1);
		api.writeFile(ScriptedWin32Api.CLIENT, new byte[] { 9 }, 1, new IntByReference());
		assertThat(read.get(5, TimeUnit.SECONDS)).containsExactly(9);
		int callsBefore = api.calls.size();
		server.wakeup();
		assertThat(api.calls.subList(callsBefore, api.calls.size())).doesNotContain("CreateFile", "WriteFile");
		assertThatExceptionOfType(MailslotWakeupException.class).isThrownBy(server::read);
	}

	@Test
	void aWakeMessageAheadOfAMessageIsDroppedAndTheMessageRead() {
		ScriptedWin32Api api = new ScriptedWin32Api().synchronousHandle().queued(new byte[] { 1 });
		MailslotServer server = server(api);
		api.beforeRead(server::wakeup);
		assertThat(server.read()).containsExactly(1);
		assertThat(api.calls).contains("WriteFile");
		api.writeFile(ScriptedWin32Api.CLIENT, new byte[] { 2 }, 1, new IntByReference());
		assertThat(server.read()).containsExactly(2);
		assertThatExceptionOfType(MailslotWakeupException.class).isThrownBy(server::read);
		assertThat(server.info().messageCount()).isZero();
	}

	@Test
	void wakeupsFasterThanTheReaderLeaveOneWakeMessageAtATime() {
		ScriptedWin32Api api = new ScriptedWin32Api().synchronousHandle().queued(new byte[] { 1 });
		MailslotServer server = server(api);
		api.beforeRead(() -> {
			for (int i = 0; i < 5; i++) {
				server.wakeup();
			}
		});
		assertThat(server.read()).containsExactly(1);
		assertThat(api.calls.stream().filter("WriteFile"::equals)).hasSize(1);
		assertThat(server.info().messageCount()).isOne();
		assertThatExceptionOfType(MailslotWakeupException.class).isThrownBy(server::read);
		assertThat(server.info().messageCount()).isZero();
	}

	@Test
	void aServerWithoutItsWakeEventIsNotCreated() {
		ScriptedWin32Api api = new ScriptedWin32Api().fail("CreateEvent(wake)", 1450);
		assertThatExceptionOfType(MailslotException.class).isThrownBy(() -> server(api))
			.withMessageContaining("wake event")
			.withMessageContaining("Win32 error 1450");
		assertThat(api.calls).endsWith("CloseHandle", "CloseHandle");
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
