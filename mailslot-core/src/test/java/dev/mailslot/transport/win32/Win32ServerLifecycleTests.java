package dev.mailslot.transport.win32;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.sun.jna.ptr.IntByReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.mailslot.MailslotException;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTimeoutException;
import dev.mailslot.ReadTimeout;
import dev.mailslot.RecordedLogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * What the win32 server does with its handle and its read timeout when a call fails or a
 * read does not end, against the scripted {@link Win32Api} double, since Wine produces
 * none of these: a read that close cannot end, a GetMailslotInfo that fails while the
 * server is built, a SetMailslotInfo that fails after a read took its message, and reads
 * that wait for their turn.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Win32ServerLifecycleTests {

	private final MailslotName name = MailslotName.parse("\\\\.\\mailslot\\scripted\\lifecycle");

	private MailslotServer server(ScriptedWin32Api api, ReadTimeout readTimeout, Duration closeWait) {
		return new Win32MailslotTransport(api, closeWait)
			.createServer(MailslotServerOptions.builder(this.name).readTimeout(readTimeout).build());
	}

	private MailslotServer server(ScriptedWin32Api api, ReadTimeout readTimeout) {
		return server(api, readTimeout, Win32MailslotServer.CLOSE_WAIT);
	}

	private static void write(ScriptedWin32Api api, byte[] message) {
		api.writeFile(ScriptedWin32Api.CLIENT, message, message.length, new IntByReference());
	}

	@Test
	void closeNeverClosesTheHandleUnderAReadAndTheReadClosesItWhenItEnds() throws Exception {
		ScriptedWin32Api api = new ScriptedWin32Api().synchronousHandle().fail("CreateFile", 2);
		MailslotServer server = server(api, ReadTimeout.FOREVER, Duration.ofMillis(300));
		CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(server::read);
		await().atMost(Duration.ofSeconds(5)).until(() -> api.readSizes.size() == 1);
		try (RecordedLogs logs = RecordedLogs.of(HandleUsers.class)) {
			server.close();
			assertThat(logs.messages()).singleElement().asString().contains("a read still uses its handle");
			Thread.sleep(500);
			assertThat(read).isNotDone();
			assertThat(api.closedHandles).isEmpty();
			write(api, new byte[] { 5 });
			assertThat(read.get(5, TimeUnit.SECONDS)).containsExactly(5);
			await().atMost(Duration.ofSeconds(5)).until(() -> api.closedHandles.size() == 3);
			assertThat(api.closedHandles).containsExactly(ScriptedWin32Api.SERVER, ScriptedWin32Api.EVENT,
					ScriptedWin32Api.WAKE_EVENT);
		}
	}

	@Test
	void aServerThatFailsToBeBuiltClosesItsHandleAndEvents() {
		ScriptedWin32Api api = new ScriptedWin32Api().synchronousHandle().fail("GetMailslotInfo", 6);
		assertThatExceptionOfType(MailslotException.class).isThrownBy(() -> server(api, ReadTimeout.FOREVER))
			.withMessageContaining("GetMailslotInfo")
			.withMessageContaining("Win32 error 6");
		assertThat(api.closedHandles).containsExactlyInAnyOrder(ScriptedWin32Api.SERVER, ScriptedWin32Api.EVENT,
				ScriptedWin32Api.WAKE_EVENT);
	}

	@Test
	void aReadTimeoutThatCannotBeRestoredIsLoggedAndTheMessageRead() {
		ScriptedWin32Api api = new ScriptedWin32Api().queued(new byte[] { 1 })
			.queued(new byte[] { 2 })
			.failOnce("SetMailslotInfo", 2, 87);
		MailslotServer server = server(api, ReadTimeout.FOREVER);
		try (RecordedLogs logs = RecordedLogs.of(HandleReadTimeout.class)) {
			assertThat(server.read(ReadTimeout.ofMillis(100))).containsExactly(1);
			assertThat(logs.messages()).singleElement().asString().contains("Cannot restore the read timeout forever");
		}
		assertThat(server.read()).containsExactly(2);
		assertThat(api.readTimeouts).hasSize(3)
			.startsWith(MailslotKernel32.MAILSLOT_WAIT_FOREVER)
			.endsWith(MailslotKernel32.MAILSLOT_WAIT_FOREVER);
		assertThat(api.readTimeouts.get(1)).as("the read's own timeout, less the time it took to start")
			.isBetween(1, 100);
		assertThat(server.info().readTimeout()).isEqualTo(ReadTimeout.FOREVER);
	}

	@Test
	void aReadWithTimeoutZeroDoesNotWaitBehindAReadThatWaitsForever() throws Exception {
		ScriptedWin32Api api = new ScriptedWin32Api().readsWait();
		MailslotServer server = server(api, ReadTimeout.FOREVER);
		CompletableFuture<byte[]> waiting = CompletableFuture.supplyAsync(server::read);
		await().atMost(Duration.ofSeconds(5)).until(() -> api.calls.contains("WaitForMultipleObjects"));
		long start = System.nanoTime();
		assertThatExceptionOfType(MailslotTimeoutException.class).isThrownBy(() -> server.read(ReadTimeout.ZERO))
			.satisfies((ex) -> assertThat(ex.getReadTimeout()).isEqualTo(ReadTimeout.ZERO));
		assertThatExceptionOfType(MailslotTimeoutException.class)
			.isThrownBy(() -> server.read(ReadTimeout.ofMillis(200)));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		assertThat(api.readSizes).hasSize(1);
		write(api, new byte[] { 9 });
		assertThat(waiting.get(5, TimeUnit.SECONDS)).containsExactly(9);
	}

}
