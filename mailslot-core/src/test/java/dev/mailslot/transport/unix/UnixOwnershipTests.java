package dev.mailslot.transport.unix;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotNameInUseException;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotWriteTimeoutException;
import dev.mailslot.NoSuchMailslotException;
import dev.mailslot.ReadTimeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Who owns a unix mailslot's name, with servers in second JVMs: a killed owner's socket
 * reclaimed, a live owner never robbed, a race with one winner, and writers that fail
 * soon after their server is killed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@EnabledOnOs({ OS.LINUX, OS.MAC, OS.FREEBSD, OS.OPENBSD })
class UnixOwnershipTests {

	private Path directory;

	private UnixMailslotTransport transport;

	private final MailslotName name = MailslotName.local("Ownership\\" + ProcessHandle.current().pid());

	private final List<Process> others = new ArrayList<>();

	@BeforeEach
	void createDirectory() throws IOException {
		this.directory = UnixTestDirectory.create();
		this.transport = UnixMailslotTransport.in(this.directory);
	}

	@AfterEach
	void stopOtherProcesses() throws Exception {
		for (Process other : this.others) {
			other.getOutputStream().close();
			if (!other.waitFor(30, TimeUnit.SECONDS)) {
				other.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
		}
		UnixTestDirectory.delete(this.directory);
	}

	private Process start(String mode) throws IOException {
		Process process = UnixServerProcess.start(this.directory, this.name, mode);
		this.others.add(process);
		return process;
	}

	@Test
	void aSocketLeftByAKilledOwnerIsNoMailslotUntilAServerReclaimsIt() throws Exception {
		Process owner = start("hold");
		assertThat(firstLine(owner)).isEqualTo("ready");
		owner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		assertThat(this.directory.resolve(UnixSocketNames.fileName(this.name))).exists();
		assertThatExceptionOfType(NoSuchMailslotException.class).isThrownBy(() -> this.transport.openClient(this.name))
			.withMessageContaining("was left by a server that is gone");
		try (MailslotServer server = this.transport
			.createServer(MailslotServerOptions.builder(this.name).readTimeout(ReadTimeout.ZERO).build());
				MailslotClient client = this.transport.openClient(this.name)) {
			assertThat(server.info().messageCount()).isZero();
			client.write("fresh".getBytes(StandardCharsets.UTF_8));
			assertThat(new String(server.read(), StandardCharsets.UTF_8)).isEqualTo("fresh");
		}
	}

	@Test
	void theServerThatReclaimsTheNameOfAKilledOneCountsTheMessagesItHeld() throws Exception {
		Process owner = start("hold-many");
		assertThat(firstLine(owner)).isEqualTo("ready");
		try (MailslotClient client = this.transport.openClient(this.name)) {
			for (int i = 0; i < 500; i++) {
				client.write(new byte[100]);
			}
		}
		owner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		try (UnixMailslotServer server = (UnixMailslotServer) this.transport
			.createServer(MailslotServerOptions.builder(this.name).readTimeout(ReadTimeout.ZERO).build())) {
			assertThat(server.lostByPreviousServer()).isEqualTo(500);
			assertThat(server.unreadByPreviousServer()).as("the client closed: it gave its credit back").isZero();
			assertThat(server.info().messageCount()).isZero();
		}
		try (UnixMailslotServer server = (UnixMailslotServer) this.transport
			.createServer(MailslotServerOptions.builder(this.name).build())) {
			assertThat(server.lostByPreviousServer()).isZero();
		}
	}

	@Test
	void aNameOwnedByALiveProcessIsRefusedNamingItAndItsSocketKept() throws Exception {
		Process owner = start("hold");
		assertThat(firstLine(owner)).isEqualTo("ready");
		Path socket = this.directory.resolve(UnixSocketNames.fileName(this.name));
		Object inode = Files.getAttribute(socket, "unix:ino");
		assertThatExceptionOfType(MailslotNameInUseException.class)
			.isThrownBy(() -> this.transport.createServer(MailslotServerOptions.builder(this.name).build()))
			.withMessageContaining("the server of process " + owner.pid() + " holds the lock");
		assertThat(Files.getAttribute(socket, "unix:ino")).isEqualTo(inode);
		try (MailslotClient client = this.transport.openClient(this.name)) {
			client.write(new byte[] { 1 });
		}
	}

	@Test
	void aServerInAnotherProcessIsRefusedWhileThisOneLives() throws Exception {
		try (MailslotServer server = this.transport.createServer(MailslotServerOptions.builder(this.name).build())) {
			assertThat(firstLine(start("try"))).startsWith("MailslotNameInUseException: ")
				.contains("process " + ProcessHandle.current().pid());
		}
	}

	@Test
	void ofServersStartedInSeveralProcessesExactlyOneOwnsTheName() throws Exception {
		List<Process> processes = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			processes.add(start("hold"));
		}
		List<String> outcomes = new ArrayList<>();
		for (Process process : processes) {
			outcomes.add(firstLine(process));
		}
		assertThat(outcomes).filteredOn("ready"::equals).hasSize(1);
		assertThat(outcomes).filteredOn((line) -> line.startsWith("MailslotNameInUseException: ")).hasSize(2);
	}

	@Test
	void writersWaitingOnAServerThatDoesNotReadFailWithin200MillisecondsOfItsKill() throws Exception {
		Process owner = start("hold");
		assertThat(firstLine(owner)).isEqualTo("ready");
		List<MailslotClient> clients = new ArrayList<>();
		ExecutorService writers = Executors.newFixedThreadPool(4);
		try {
			for (int i = 0; i < 4; i++) {
				MailslotClient client = this.transport.openClient(this.name);
				clients.add(client);
				fill(client);
			}
			List<Future<Long>> failures = new ArrayList<>();
			for (MailslotClient client : clients) {
				failures.add(writers.submit(() -> {
					assertThatExceptionOfType(NoSuchMailslotException.class)
						.isThrownBy(() -> client.write(new byte[1024]));
					return System.nanoTime();
				}));
			}
			Thread.sleep(300);
			assertThat(failures).noneMatch(Future::isDone);
			owner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			long killed = System.nanoTime();
			for (Future<Long> failure : failures) {
				Duration afterKill = Duration.ofNanos(failure.get(10, TimeUnit.SECONDS) - killed);
				System.out.println("A unix writer failed " + afterKill.toMillis() + " ms after its server was killed");
				assertThat(afterKill).isLessThan(Duration.ofMillis(200));
			}
		}
		finally {
			writers.shutdownNow();
			clients.forEach(MailslotClient::close);
		}
	}

	/**
	 * Write until a write of a whole message times out: the server holds one, and the
	 * socket's buffers are full.
	 */
	static int fill(MailslotClient client) {
		int written = 0;
		try {
			while (true) {
				client.write(ByteBuffer.wrap(new byte[1024]), Duration.ofMillis(100));
				written++;
			}
		}
		catch (MailslotWriteTimeoutException ex) {
			return written;
		}
	}

	@Test
	void theSocketIsPrivateByDefaultAndAModeLetsTheGroupWrite() throws Exception {
		try (MailslotServer server = this.transport.createServer(MailslotServerOptions.builder(this.name).build())) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.directory)))
				.isEqualTo("rwx------");
			assertThat(PosixFilePermissions
				.toString(Files.getPosixFilePermissions(this.directory.resolve(UnixSocketNames.fileName(this.name)))))
				.isEqualTo("rw-------");
		}
		MailslotName shared = MailslotName.local("Ownership\\shared-" + ProcessHandle.current().pid());
		try (MailslotServer server = this.transport
			.createServer(MailslotServerOptions.builder(shared).mode(0620).build())) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.directory)))
				.isEqualTo("rwx--x---");
			assertThat(PosixFilePermissions
				.toString(Files.getPosixFilePermissions(this.directory.resolve(UnixSocketNames.fileName(shared)))))
				.isEqualTo("rw--w----");
		}
	}

	static String firstLine(Process process) throws IOException {
		String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
			.readLine();
		return (line != null) ? line : "";
	}

}
