package dev.mailslot.transport.posix;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotInfo;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTimeoutException;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.MailslotWriteTimeoutException;
import dev.mailslot.ReadTimeout;
import dev.mailslot.RecordedLogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A posix server holds in memory what its queue cannot while nobody reads, as a Windows
 * mailslot takes writes while nobody reads: on the system's default queue, writers go on,
 * {@code info()} counts what is held, and readers get everything in order; past the hold
 * capacity writers wait.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PosixHeldMessagesTests {

	private final MailslotTransport transport = MailslotTransports.get("posix");

	private final MailslotName name = MailslotName
		.local("posix-held\\" + ProcessHandle.current().pid() + "-" + System.nanoTime());

	@Test
	void aServerNobodyReadsTakesTenThousandMessagesOnTheDefaultQueueWithoutAWriterWaiting() {
		int count = 10_000;
		try (MailslotServer server = this.transport
			.createServer(MailslotServerOptions.builder(this.name).readTimeout(ReadTimeout.ZERO).build());
				MailslotClient client = this.transport.openClient(this.name)) {
			long longest = 0;
			for (int i = 0; i < count; i++) {
				long start = System.nanoTime();
				client.write(number(i), Duration.ofSeconds(2));
				longest = Math.max(longest, System.nanoTime() - start);
			}
			System.out.println(count + " writes to a server nobody reads, with a queue of "
					+ PosixQueueLimits.current().msgDefault() + ": the longest took "
					+ Duration.ofNanos(longest).toMillis() + " ms");
			MailslotInfo info = server.info();
			assertThat(info.messageCount()).isEqualTo(count);
			assertThat(info.nextMessageSize()).hasValue(4);
			for (int i = 0; i < count; i++) {
				assertThat(ByteBuffer.wrap(server.read()).getInt()).isEqualTo(i);
			}
			assertThat(server.info().messageCount()).isZero();
		}
	}

	@Test
	void writersWaitOnlyOnceTheQueueIsFullAndTheHoldCapacityIsHeld() {
		try (MailslotServer server = this.transport.createServer(MailslotServerOptions.builder(this.name)
			.queueCapacity(2)
			.holdCapacity(5)
			.readTimeout(ReadTimeout.ZERO)
			.build()); MailslotClient client = this.transport.openClient(this.name)) {
			int written = 0;
			while (written < 100) {
				try {
					client.write(number(written), Duration.ofMillis(500));
					written++;
				}
				catch (MailslotWriteTimeoutException ex) {
					assertThat(ex).hasMessageContaining("(MailslotServerOptions holdCapacity)");
					break;
				}
			}
			assertThat(written).isEqualTo(7);
			assertThat(server.info().messageCount()).isEqualTo(7);
			assertThat(ByteBuffer.wrap(server.read()).getInt()).isZero();
			client.write(number(7), Duration.ofSeconds(5));
			for (int i = 1; i <= 7; i++) {
				assertThat(ByteBuffer.wrap(server.read()).getInt()).isEqualTo(i);
			}
			assertThatExceptionOfType(MailslotTimeoutException.class).isThrownBy(server::read);
		}
	}

	@Test
	void readsThatDoNotWaitFindEveryMessageWhileMessagesAreMovedIntoMemory() throws Exception {
		int count = 20_000;
		try (MailslotServer server = this.transport
			.createServer(MailslotServerOptions.builder(this.name).readTimeout(ReadTimeout.ZERO).build());
				MailslotClient client = this.transport.openClient(this.name)) {
			CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
				for (int i = 0; i < count; i++) {
					client.write(number(i), Duration.ofSeconds(10));
				}
			});
			int next = 0;
			while (!writer.isDone()) {
				next = readUntilEmpty(server, next);
				Thread.sleep(3);
			}
			writer.get();
			next = readUntilEmpty(server, next);
			assertThat(next).isEqualTo(count);
		}
	}

	/**
	 * Read with no wait until a read finds nothing, checking the order.
	 * @return the number expected next
	 */
	private static int readUntilEmpty(MailslotServer server, int next) {
		while (true) {
			byte[] message;
			try {
				message = server.read(ReadTimeout.ZERO);
			}
			catch (MailslotTimeoutException ex) {
				return next;
			}
			assertThat(ByteBuffer.wrap(message).getInt()).isEqualTo(next);
			next++;
		}
	}

	@Test
	void aSlowReaderGetsEveryMessageInOrderWhileTheRestIsHeld() throws Exception {
		int count = 2_000;
		AtomicLong longest = new AtomicLong();
		try (MailslotServer server = this.transport
			.createServer(MailslotServerOptions.builder(this.name).readTimeout(ReadTimeout.ofMillis(10_000)).build());
				MailslotClient client = this.transport.openClient(this.name)) {
			CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
				for (int i = 0; i < count; i++) {
					long start = System.nanoTime();
					client.write(number(i), Duration.ofSeconds(2));
					longest.accumulateAndGet(System.nanoTime() - start, Math::max);
				}
			});
			for (int i = 0; i < count; i++) {
				assertThat(ByteBuffer.wrap(server.read()).getInt()).isEqualTo(i);
				if (i % 100 == 0) {
					Thread.sleep(20);
				}
			}
			writer.get();
			System.out.println(count + " writes to a slow reader: the longest took "
					+ Duration.ofNanos(longest.get()).toMillis() + " ms");
		}
	}

	@Test
	void closingWarnsOfTheHeldMessagesItDeletes() {
		MailslotServer server = this.transport
			.createServer(MailslotServerOptions.builder(this.name).readTimeout(ReadTimeout.ZERO).build());
		try (MailslotClient client = this.transport.openClient(this.name)) {
			for (int i = 0; i < 50; i++) {
				client.write(number(i), Duration.ofSeconds(2));
			}
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> server.info().messageCount() == 50);
		RecordedLogs logs = RecordedLogs.of(PosixMailslotServer.class);
		try (logs) {
			server.close();
		}
		assertThat(logs.messages()).singleElement()
			.asString()
			.contains("Closing mailslot " + this.name)
			.contains("deletes the 50 message(s) nobody read from it");
	}

	@Test
	void aHoldCapacityOfZeroLeavesMessagesInTheQueue() throws Exception {
		try (MailslotServer server = this.transport.createServer(MailslotServerOptions.builder(this.name)
			.queueCapacity(1)
			.holdCapacity(0)
			.readTimeout(ReadTimeout.ZERO)
			.build()); MailslotClient client = this.transport.openClient(this.name)) {
			client.write(number(0));
			assertThatExceptionOfType(MailslotWriteTimeoutException.class)
				.isThrownBy(() -> client.write(number(1), Duration.ofMillis(300)));
			assertThat(Thread.getAllStackTraces().keySet())
				.noneMatch((thread) -> thread.getName().equals("mailslot-hold-" + this.name.path()));
		}
	}

	private static ByteBuffer number(int i) {
		return ByteBuffer.allocate(4).putInt(0, i);
	}

}
