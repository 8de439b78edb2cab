package dev.mailslot.transport.unix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import dev.mailslot.HeldBacklogDrain;
import dev.mailslot.HoldingServerProcess;
import dev.mailslot.HoldingServerProcess.Conversation;
import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotWriteTimeoutException;
import dev.mailslot.NoSuchMailslotException;
import dev.mailslot.ReadTimeout;
import dev.mailslot.RecordedLogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a unix server holds is accounted for when things go wrong, with a server in a
 * second JVM, as {@code PosixHeldMessagesFaultTests} does for posix: with a 64 MiB heap
 * and the default options it makes writers of the largest messages wait and time out
 * before it runs out of memory, holding no more bytes than its hold memory, and delivers
 * every message it accepted; closed by SIGTERM, a plain program's server says what it
 * deletes, also what a writer still connected sent; and a writer gets credit back as held
 * messages are read. In every case, accepted = delivered + counted as deleted.
 */
@EnabledOnOs({ OS.LINUX, OS.MAC, OS.FREEBSD, OS.OPENBSD })
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UnixHeldMessagesFaultTests {

	private static final int WRITERS = 3;

	private final MailslotName name = MailslotName
		.local("unix-held-fault\\" + ProcessHandle.current().pid() + "-" + System.nanoTime());

	private final List<Process> processes = new ArrayList<>();

	private Path directory;

	private UnixMailslotTransport transport;

	@BeforeEach
	void createDirectory() throws IOException {
		this.directory = UnixTestDirectory.create();
		this.transport = UnixMailslotTransport.in(this.directory);
	}

	@AfterEach
	void killProcesses() throws Exception {
		for (Process process : this.processes) {
			process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		UnixTestDirectory.delete(this.directory);
	}

	/**
	 * Three writers take turns writing messages of the largest size to a server that does
	 * not read, each write waiting 300 ms at most, until each was refused twice in a row:
	 * the credit the server gave, and so what it holds, stays within its hold memory (an
	 * eighth of the heap), and it gives all of it; then it delivers every message it
	 * accepted in order, and takes more once it has read.
	 */
	@Test
	void aServerWithA64MiBHeapMakesWritersWaitBeforeItRunsOutOfMemoryAndDeliversWhatItAccepted(@TempDir Path logs)
			throws Exception {
		Path stderr = logs.resolve("stderr.txt");
		Conversation server = start(stderr, List.of("-Xmx64m"), 0);
		long cost = UnixWireFormat.cost(UnixWireFormat.DEFAULT_MAX_MESSAGE_SIZE);
		List<MailslotClient> clients = new ArrayList<>();
		int accepted = 0;
		try {
			for (int i = 0; i < WRITERS; i++) {
				clients.add(this.transport.openClient(this.name));
			}
			ByteBuffer message = ByteBuffer.allocate(UnixWireFormat.DEFAULT_MAX_MESSAGE_SIZE);
			int refusedInARow = 0;
			for (int turn = 0; refusedInARow < 2 * WRITERS && accepted < 20_000; turn++) {
				long start = System.nanoTime();
				try {
					clients.get(turn % WRITERS).write(message.putInt(0, accepted).clear(), Duration.ofMillis(300));
					accepted++;
					refusedInARow = 0;
				}
				catch (MailslotWriteTimeoutException ex) {
					assertThat(Duration.ofNanos(System.nanoTime() - start)).as("a refused write waited")
						.isBetween(Duration.ofMillis(290), Duration.ofSeconds(5));
					refusedInARow++;
				}
			}
			long memory = Long.parseLong(server.ask("memory").substring("memory ".length()));
			System.out.println("A unix server with a 64 MiB heap and the default options, not reading: " + accepted
					+ " messages of " + UnixWireFormat.DEFAULT_MAX_MESSAGE_SIZE + " bytes accepted (" + accepted * cost
					+ " bytes of its hold memory of " + memory + "), then each of " + WRITERS
					+ " writers refused twice");
			assertThat(accepted * cost).as("bytes held").isLessThanOrEqualTo(memory);
			assertThat(accepted).as("messages held").isGreaterThanOrEqualTo((int) (memory / cost) - WRITERS - 1);
			assertThat(server.ask("info")).isEqualTo("info " + accepted);
			assertThat(server.ask("read")).isEqualTo("read " + accepted);
			for (MailslotClient client : clients) {
				client.write(message.putInt(0, accepted++).clear(), Duration.ofSeconds(5));
			}
			assertThat(server.ask("read")).isEqualTo("read " + accepted);
		}
		finally {
			clients.forEach(MailslotClient::close);
		}
		server.process().destroy();
		assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).as("the server ends on SIGTERM").isTrue();
		assertThat(Files.readString(stderr)).as("everything accepted was delivered, nothing deleted")
			.doesNotContain("OutOfMemoryError")
			.doesNotContain("message(s) nobody read");
	}

	/**
	 * SIGTERM closes a plain program's server in its shutdown hook, with 30 messages of a
	 * writer that closed and 20 of one still connected: its standard error counts the 50
	 * it deletes, and the connected writer's next write fails.
	 */
	@Test
	void sigtermClosingAPlainProgramsServerSaysHowManyMessagesItDeletes(@TempDir Path logs) throws Exception {
		Path stderr = logs.resolve("stderr.txt");
		Conversation server = start(stderr, List.of(), 256);
		try (MailslotClient closed = this.transport.openClient(this.name)) {
			for (int i = 0; i < 30; i++) {
				closed.write(HeldBacklogDrain.number(i), Duration.ofSeconds(2));
			}
		}
		try (MailslotClient connected = this.transport.openClient(this.name)) {
			for (int i = 30; i < 50; i++) {
				connected.write(HeldBacklogDrain.number(i), Duration.ofSeconds(2));
			}
			assertThat(server.ask("info")).isEqualTo("info 50");
			server.process().destroy();
			assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).as("the server ends on SIGTERM").isTrue();
			assertThatExceptionOfType(NoSuchMailslotException.class)
				.isThrownBy(() -> connected.write(HeldBacklogDrain.number(50), Duration.ofSeconds(2)));
		}
		assertThat(Files.readString(stderr)).contains("UnixMailslotServer")
			.contains("Closing mailslot " + this.name + " deletes the 50 message(s) nobody read from it");
	}

	/**
	 * A server that holds all its hold capacity allows, read at 500 messages a second: a
	 * writer at 100 a second, each write waiting 100 ms at most, gets credit back as the
	 * messages are read, and is never refused; every message comes in order.
	 */
	@Test
	void writersGetCreditBackWhileHeldMessagesDrain() throws Exception {
		int held = 2_000;
		int more = 200;
		try (MailslotServer server = this.transport.createServer(MailslotServerOptions.builder(this.name)
			.holdCapacity(held)
			.readTimeout(ReadTimeout.ofMillis(5_000))
			.build()); MailslotClient client = this.transport.openClient(this.name)) {
			for (int i = 0; i < held; i++) {
				client.write(HeldBacklogDrain.number(i), Duration.ofSeconds(2));
			}
			assertThatExceptionOfType(MailslotWriteTimeoutException.class)
				.isThrownBy(() -> client.write(HeldBacklogDrain.number(held), Duration.ofMillis(100)));
			int refused = HeldBacklogDrain.refusedWhileTheBacklogDrains(server, client, held, more);
			System.out.println(more + " unix writes at 100/s while a reader drains " + held + " held messages: "
					+ refused + " refused after 100 ms");
			assertThat(refused).isZero();
			assertThat(server.info().messageCount()).isZero();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * SIGKILL right after the last of a burst of writes returned: the next server of the
	 * name counts what the killed one held, and bounds what it had not read off its
	 * sockets (the credit its writers had not spent), so that no message is lost in
	 * silence: held &lt;= accepted &lt;= held + unread bound, and the warning says both.
	 */
	@Test
	void aServerKilledRightAfterWritesReturnedLeavesTheNextServerABoundOfWhatItLost(@TempDir Path stderrs)
			throws Exception {
		for (int round = 0; round < 3; round++) {
			Conversation server = start(stderrs.resolve("stderr-" + round + ".txt"), List.of(), 256);
			int accepted = 0;
			try (MailslotClient client = this.transport.openClient(this.name)) {
				for (; accepted < 2_000; accepted++) {
					client.write(HeldBacklogDrain.number(accepted), Duration.ofSeconds(2));
				}
				server.process().destroyForcibly();
			}
			assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
			RecordedLogs logs = RecordedLogs.of(UnixMailslotServer.class);
			try (logs;
					UnixMailslotServer successor = (UnixMailslotServer) this.transport
						.createServer(MailslotServerOptions.builder(this.name).build())) {
				long held = successor.lostByPreviousServer();
				long unread = successor.unreadByPreviousServer();
				System.out.println("Round " + round + ": killed right after " + accepted + " writes returned; the "
						+ "next server counts " + held + " held and at most " + unread + " unread");
				assertThat(held).as("round %d", round).isLessThanOrEqualTo(accepted);
				assertThat(held + unread).as("round %d", round).isGreaterThanOrEqualTo(accepted);
				assertThat(logs.messages())
					.anySatisfy((message) -> assertThat(message).contains("held " + held + " message(s)")
						.contains("up to " + unread + " more"));
			}
		}
	}

	private Conversation start(Path stderr, List<String> jvmOptions, int maxMessageSize) throws Exception {
		List<String> options = new ArrayList<>(jvmOptions);
		options.add("-Ddev.mailslot.unix.directory=" + this.directory);
		Conversation conversation = HoldingServerProcess.start(options, "unix", this.name, maxMessageSize, stderr);
		this.processes.add(conversation.process());
		return conversation;
	}

}
