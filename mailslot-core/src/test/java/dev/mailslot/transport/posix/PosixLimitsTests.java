package dev.mailslot.transport.posix;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotClosedException;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.NoSuchMailslotException;
import dev.mailslot.ReadTimeout;
import dev.mailslot.SystemLimitException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The system's message-queue limits: read, reported, and named with their remedy when
 * exceeded.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@EnabledOnOs(OS.LINUX)
class PosixLimitsTests {

	private final MailslotTransport transport = MailslotTransports.get("posix");

	private final PosixQueueLimits limits = PosixQueueLimits.current();

	private final MailslotName name = MailslotName
		.local("posix-limits\\" + ProcessHandle.current().pid() + "-" + System.nanoTime());

	@Test
	void messageSizeBeyondTheSystemMaximumNamesTheSysctl() {
		int asked = this.limits.msgsizeMax() + 1;
		assertThatExceptionOfType(SystemLimitException.class)
			.isThrownBy(() -> this.transport
				.createServer(MailslotServerOptions.builder(this.name).maxMessageSize(asked).build()))
			.satisfies((ex) -> {
				assertThat(ex.getLimit()).isEqualTo("fs.mqueue.msgsize_max = " + this.limits.msgsizeMax());
				assertThat(ex.getRemedy()).contains("sysctl -w fs.mqueue.msgsize_max=" + asked);
				assertThat(ex.getMailslot()).isEqualTo(this.name);
			});
	}

	@Test
	void queueCapacityBeyondTheSystemMaximumNamesTheSysctl() {
		int asked = this.limits.msgMax() + 1;
		assertThatExceptionOfType(SystemLimitException.class)
			.isThrownBy(() -> this.transport
				.createServer(MailslotServerOptions.builder(this.name).queueCapacity(asked).build()))
			.satisfies((ex) -> {
				assertThat(ex.getLimit()).isEqualTo("fs.mqueue.msg_max = " + this.limits.msgMax());
				assertThat(ex.getRemedy()).contains("sysctl -w fs.mqueue.msg_max=" + asked);
			});
	}

	@Test
	void theSystemMaximumItselfIsAccepted() {
		try (MailslotServer server = this.transport.createServer(MailslotServerOptions.builder(this.name)
			.maxMessageSize(this.limits.msgsizeMax())
			.queueCapacity(this.limits.msgMax())
			.build())) {
			assertThat(server.info().maxMessageSize()).isEqualTo(this.limits.msgsizeMax());
		}
	}

	@Test
	void writersWaitWhileTheQueueIsFull() throws Exception {
		try (MailslotServer server = this.transport.createServer(MailslotServerOptions.builder(this.name)
			.queueCapacity(2)
			.holdCapacity(0)
			.readTimeout(ReadTimeout.ZERO)
			.build()); MailslotClient client = this.transport.openClient(this.name)) {
			client.write(bytes("one"));
			client.write(bytes("two"));
			CompletableFuture<Void> third = CompletableFuture.runAsync(() -> client.write(bytes("three")));
			Thread.sleep(200);
			assertThat(third).isNotDone();
			assertThat(new String(server.read(), StandardCharsets.UTF_8)).isEqualTo("one");
			third.get(10, TimeUnit.SECONDS);
			assertThat(server.info().messageCount()).isEqualTo(2);
		}
	}

	@Test
	void aWriterWaitingOnAFullQueueFailsWhenTheServerCloses() throws Exception {
		MailslotServer server = this.transport.createServer(MailslotServerOptions.builder(this.name)
			.queueCapacity(1)
			.holdCapacity(0)
			.readTimeout(ReadTimeout.ZERO)
			.build());
		try (MailslotClient client = this.transport.openClient(this.name)) {
			client.write(bytes("fills the queue"));
			CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> client.write(bytes("waits")));
			Thread.sleep(200);
			assertThat(waiting).isNotDone();
			server.close();
			assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS))
				.hasCauseInstanceOf(NoSuchMailslotException.class);
		}
	}

	@Test
	void closingAClientEndsItsWaitingWrite() throws Exception {
		try (MailslotServer server = this.transport.createServer(MailslotServerOptions.builder(this.name)
			.queueCapacity(1)
			.holdCapacity(0)
			.readTimeout(ReadTimeout.ZERO)
			.build())) {
			MailslotClient client = this.transport.openClient(this.name);
			client.write(bytes("fills the queue"));
			CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> client.write(bytes("waits")));
			Thread.sleep(200);
			assertThat(waiting).isNotDone();
			// A thread of its own: on two cores the common pool may have one thread,
			// which the waiting write holds.
			Thread closing = new Thread(client::close);
			closing.start();
			closing.join(5_000);
			assertThat(closing.isAlive()).as("close still waiting").isFalse();
			assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS))
				.hasCauseInstanceOf(MailslotClosedException.class);
			assertThat(server.info().messageCount()).isEqualTo(1);
		}
	}

	@Test
	void exhaustedQueueMemoryOfTheUserNamesTheResourceLimit() throws Exception {
		Process process = PosixProcesses.startServer(this.name.toString(), "try", "prlimit", "--msgqueue=1024:1024");
		String line = PosixProcesses.firstLine(process);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(line).startsWith("SystemLimitException: ")
			.contains("RLIMIT_MSGQUEUE (ulimit -q)")
			.contains("Raise it (ulimit -q");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
