package dev.mailslot.transport.posix;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotClosedException;
import dev.mailslot.MailslotInfo;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTimeoutException;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransportContractTests;
import dev.mailslot.MailslotTransports;
import dev.mailslot.MailslotWriteTimeoutException;
import dev.mailslot.ReadTimeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The mailslot contract on the {@code posix} transport, on real kernel message queues. A
 * server asked for any message size gets the system's largest,
 * {@code fs.mqueue.msgsize_max}, and reports it. A reader waits in the kernel holding the
 * receive lock, so info and other readers must not wait behind it.
 */
@EnabledOnOs(OS.LINUX)
class PosixMailslotTransportTests extends MailslotTransportContractTests {

	@Override
	protected MailslotTransport transport() {
		return MailslotTransports.get("posix");
	}

	@Override
	protected int expectedMaxMessageSize(int asked) {
		return (asked != 0) ? asked : PosixQueueLimits.current().msgsizeMax();
	}

	@Test
	void aWriteToAFullQueueFailsAtItsTimeoutNamingTheCapacityAndHowToRaiseIt() {
		MailslotName name = uniqueName();
		try (MailslotServer server = transport().createServer(MailslotServerOptions.builder(name)
			.queueCapacity(2)
			.holdCapacity(0)
			.readTimeout(ReadTimeout.ZERO)
			.build()); MailslotClient client = client(name)) {
			client.write(new byte[] { 1 });
			client.write(new byte[] { 2 });
			long start = System.nanoTime();
			assertThatExceptionOfType(MailslotWriteTimeoutException.class)
				.isThrownBy(() -> client.write(ByteBuffer.wrap(new byte[] { 3 }), Duration.ofMillis(300)))
				.withMessageContaining("stayed full for PT0.3S")
				.withMessageContaining("the 2 of its queue")
				.withMessageContaining("(MailslotServerOptions holdCapacity)")
				.withMessageContaining("its queue capacity (queueCapacity)")
				.withMessageContaining("fs.mqueue.msg_max")
				.satisfies((ex) -> assertThat(ex.getWriteTimeout()).isEqualTo(Duration.ofMillis(300)));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(290),
					Duration.ofSeconds(5));
			assertThat(server.read()).containsExactly(1);
			client.write(ByteBuffer.wrap(new byte[] { 4 }), Duration.ofMillis(300));
			assertThat(server.read()).containsExactly(2);
			assertThat(server.read()).containsExactly(4);
		}
	}

	@Test
	void infoAnswersAtOnceWhileAReaderWaitsAndTheReaderStillGetsTheNextMessage() throws Exception {
		MailslotName name = uniqueName();
		try (MailslotServer server = server(name, 0, ReadTimeout.FOREVER); MailslotClient client = client(name)) {
			CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(server::read);
			Thread.sleep(200);
			long start = System.nanoTime();
			MailslotInfo info = server.info();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
			assertThat(info.messageCount()).isZero();
			assertThat(info.nextMessageSize()).isEmpty();
			client.write("after info".getBytes(StandardCharsets.UTF_8));
			assertThat(new String(read.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8)).isEqualTo("after info");
		}
	}

	@Test
	void aReadWithATimeoutBehindAReaderWaitingForeverTimesOutOnTime() throws Exception {
		MailslotName name = uniqueName();
		try (MailslotServer server = server(name, 0, ReadTimeout.FOREVER)) {
			CompletableFuture<byte[]> waiting = CompletableFuture.supplyAsync(server::read);
			Thread.sleep(200);
			long start = System.nanoTime();
			assertThatExceptionOfType(MailslotTimeoutException.class)
				.isThrownBy(() -> server.read(ReadTimeout.ofMillis(300)));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250),
					Duration.ofMillis(2000));
			server.close();
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> waiting.get(10, TimeUnit.SECONDS))
				.withCauseInstanceOf(MailslotClosedException.class);
		}
	}

}
