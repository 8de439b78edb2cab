package dev.mailslot.transport.posix;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import dev.mailslot.HeldBacklogDrain;
import dev.mailslot.HoldingServerProcess;
import dev.mailslot.HoldingServerProcess.Conversation;
import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotException;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.MailslotWriteTimeoutException;
import dev.mailslot.ReadTimeout;
import dev.mailslot.RecordedLogs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a posix server holds beyond its queue is accounted for when things go wrong, with
 * real parts: a server in a second JVM with a 64 MiB heap refuses writers before it runs
 * out of memory and delivers every message it accepted; a server killed with SIGKILL
 * leaves a count that the next one adds to what its queue held; a server closed by
 * SIGTERM says what it deletes; writes that race a close are counted; and writers find
 * room in the queue while held messages drain. In every case, accepted = delivered +
 * counted as deleted.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PosixHeldMessagesFaultTests {

	private final MailslotTransport transport = MailslotTransports.get("posix");

	private final MailslotName name = MailslotName
		.local("posix-held-fault\\" + ProcessHandle.current().pid() + "-" + System.nanoTime());

	private final List<Process> processes = new ArrayList<>();

	@AfterEach
	void killProcesses() throws InterruptedException {
		for (Process process : this.processes) {
			process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void aServerWithA64MiBHeapRefusesWritersBeforeItRunsOutOfMemoryAndDeliversWhatItAccepted(@TempDir Path logs)
			throws Exception {
		Path stderr = logs.resolve("stderr.txt");
		Conversation server = start(stderr, List.of("-Xmx64m"), 0);
		int accepted = 0;
		int refused = 0;
		try (MailslotClient client = this.transport.openClient(this.name)) {
			ByteBuffer message = ByteBuffer.allocate(PosixQueueLimits.current().msgsizeMax());
			while (refused < 3 && accepted < 20_000) {
				try {
					client.write(message.putInt(0, accepted).clear(), Duration.ofMillis(300));
					accepted++;
				}
				catch (MailslotWriteTimeoutException ex) {
					refused++;
				}
			}
		}
		System.out.println("A server with a 64 MiB heap and the default options, not reading: " + accepted
				+ " messages of " + PosixQueueLimits.current().msgsizeMax() + " bytes accepted, then 3 refused");
		assertThat(accepted).isBetween(PosixQueueLimits.current().msgDefault(), 10_000);
		assertThat(server.ask("read")).isEqualTo("read " + accepted);
		server.process().destroy();
		assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).as("the server ends on SIGTERM").isTrue();
		assertThat(Files.readString(stderr)).doesNotContain("OutOfMemoryError").doesNotContain("out of order");
	}

	@Test
	void aServerKilledHoldingMessagesLeavesTheNextServerACountOfEveryOneOfThem(@TempDir Path logs) throws Exception {
		int accepted = 5_000;
		Conversation server = start(logs.resolve("stderr.txt"), List.of(), 256);
		try (MailslotClient client = this.transport.openClient(this.name)) {
			for (int i = 0; i < accepted; i++) {
				client.write(HeldBacklogDrain.number(i), Duration.ofSeconds(2));
			}
		}
		assertThat(server.ask("info")).isEqualTo("info " + accepted);
		Thread.sleep(500);
		server.process().destroyForcibly();
		assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
		Path countFile = HeldCountFile.pathOf(PosixQueueNames.queueName(this.name));
		assertThat(countFile).exists();
		try (RecordedLogs queueLogs = RecordedLogs.of(QueueOwnership.class);
				RecordedLogs heldLogs = RecordedLogs.of(HeldCountFile.class);
				MailslotServer successor = this.transport
					.createServer(MailslotServerOptions.builder(this.name).build())) {
			long inQueue = countIn(queueLogs.records(), 2);
			long held = countIn(heldLogs.records(), 1);
			System.out.println("Killed holding " + accepted + " accepted messages: the next server counts " + inQueue
					+ " left in the queue and " + held + " held in memory");
			assertThat(inQueue + held).isEqualTo(accepted);
			assertThat(successor.info().messageCount()).isZero();
		}
		assertThat(countFile).doesNotExist();
	}

	@Test
	void sigtermClosingAPlainProgramsServerSaysHowManyMessagesItDeletes(@TempDir Path logs) throws Exception {
		Path stderr = logs.resolve("stderr.txt");
		Conversation server = start(stderr, List.of(), 256);
		try (MailslotClient client = this.transport.openClient(this.name)) {
			for (int i = 0; i < 50; i++) {
				client.write(HeldBacklogDrain.number(i), Duration.ofSeconds(2));
			}
		}
		assertThat(server.ask("info")).isEqualTo("info 50");
		server.process().destroy();
		assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(Files.readString(stderr))
			.contains("Closing mailslot " + this.name + " deletes the 50 message(s) nobody read from it");
	}

	@Test
	void writesThatRaceTheCloseAreCountedAmongWhatItDeletes() throws Exception {
		for (int round = 0; round < 10; round++) {
			MailslotName roundName = MailslotName.local(this.name.path() + "-" + round);
			MailslotServer server = this.transport.createServer(MailslotServerOptions.builder(roundName).build());
			AtomicInteger accepted = new AtomicInteger();
			CompletableFuture<Void> writer;
			try (MailslotClient client = this.transport.openClient(roundName)) {
				writer = CompletableFuture.runAsync(() -> {
					try {
						for (int i = 0; i < 9_000; i++) {
							client.write(HeldBacklogDrain.number(i), Duration.ofSeconds(5));
							accepted.incrementAndGet();
						}
					}
					catch (MailslotException ex) {
						// The server closed: this write was not accepted.
					}
				});
				while (accepted.get() < 500) {
					Thread.onSpinWait();
				}
				RecordedLogs logs = RecordedLogs.of(PosixMailslotServer.class);
				try (logs) {
					server.close();
				}
				writer.get(30, TimeUnit.SECONDS);
				long deleted = countIn(logs.records(), 1);
				assertThat(deleted).as("round %d: deleted at close", round).isEqualTo(accepted.get());
			}
		}
	}

	@Test
	void writersFindRoomInTheQueueWhileHeldMessagesDrain() throws Exception {
		int held = 2_000;
		int more = 200;
		try (MailslotServer server = this.transport
			.createServer(MailslotServerOptions.builder(this.name).readTimeout(ReadTimeout.ofMillis(5_000)).build());
				MailslotClient client = this.transport.openClient(this.name)) {
			for (int i = 0; i < held; i++) {
				client.write(HeldBacklogDrain.number(i), Duration.ofSeconds(2));
			}
			int refused = HeldBacklogDrain.refusedWhileTheBacklogDrains(server, client, held, more);
			System.out.println(more + " writes at 100/s while a reader drains " + held + " held messages: " + refused
					+ " refused after 100 ms");
			assertThat(refused).isZero();
			assertThat(server.info().messageCount()).isZero();
		}
	}

	private Conversation start(Path stderr, List<String> jvmOptions, int maxMessageSize) throws Exception {
		Conversation conversation = HoldingServerProcess.start(jvmOptions, "posix", this.name, maxMessageSize, stderr);
		this.processes.add(conversation.process());
		return conversation;
	}

	/**
	 * Sum a parameter of the log records: the count each one gives.
	 */
	private static long countIn(List<LogRecord> records, int parameter) {
		long sum = 0;
		for (LogRecord record : records) {
			Object[] parameters = record.getParameters();
			if (parameters != null && parameters.length > parameter && parameters[parameter] instanceof Number number) {
				sum += number.longValue();
			}
		}
		return sum;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
