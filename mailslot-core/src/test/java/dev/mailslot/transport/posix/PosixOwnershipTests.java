package dev.mailslot.transport.posix;

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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotException;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotNameInUseException;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.MailslotWriteTimeoutException;
import dev.mailslot.NoSuchMailslotException;
import dev.mailslot.ReadTimeout;
import dev.mailslot.RecordedLogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Ownership of posix mailslots across processes: a killed owner's queue is reclaimed, a
 * live owner's name is refused naming its process, one of several processes starting at
 * once wins, and the queue's mode is what was asked.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@EnabledOnOs(OS.LINUX)
class PosixOwnershipTests {

	/**
	 * Debian's python3, which another user may run, unlike one installed under root's
	 * home.
	 */
	private static final String SYSTEM_PYTHON = "/usr/bin/python3";

	private final MailslotTransport transport = MailslotTransports.get("posix");

	private final MailslotName name = MailslotName
		.local("posix-ownership\\" + ProcessHandle.current().pid() + "-" + System.nanoTime());

	private Process other;

	/**
	 * Stop the other process, and remove the queue and count file a killed owner left if
	 * no server reclaimed them, so that runs do not use up the user's RLIMIT_MSGQUEUE or
	 * leave files behind.
	 */
	@AfterEach
	void stopOtherProcessAndRemoveItsQueue() throws Exception {
		if (this.other != null) {
			PosixProcesses.stop(this.other);
		}
		LibC.mq_unlink(PosixQueueNames.queueName(this.name));
		Files.deleteIfExists(HeldCountFile.pathOf(PosixQueueNames.queueName(this.name)));
	}

	@Test
	void queueLeftByAKilledOwnerIsNoMailslotUntilAServerReclaimsIt() throws Exception {
		this.other = PosixProcesses.startServer(this.name.toString(), "hold");
		assertThat(PosixProcesses.firstLine(this.other)).isEqualTo("ready");
		this.other.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		assertThatExceptionOfType(NoSuchMailslotException.class).isThrownBy(() -> this.transport.openClient(this.name))
			.withMessageContaining("was left by a process that is gone. Start its server, which reclaims the queue");
		try (MailslotServer server = this.transport
			.createServer(MailslotServerOptions.builder(this.name).readTimeout(ReadTimeout.ZERO).build())) {
			assertThat(server.info().messageCount()).isZero();
			try (MailslotClient client = this.transport.openClient(this.name)) {
				client.write("fresh".getBytes(StandardCharsets.UTF_8));
			}
			assertThat(new String(server.read(), StandardCharsets.UTF_8)).isEqualTo("fresh");
		}
	}

	@Test
	void writersWaitingOnAFullQueueFailSoonAfterItsOwnerIsKilled() throws Exception {
		this.other = PosixProcesses.startServer(this.name.toString(), "hold");
		assertThat(PosixProcesses.firstLine(this.other)).isEqualTo("ready");
		List<MailslotClient> clients = new ArrayList<>();
		ExecutorService writers = Executors.newFixedThreadPool(4);
		try {
			for (int i = 0; i < 4; i++) {
				clients.add(this.transport.openClient(this.name));
			}
			MailslotClient filler = clients.get(0);
			try {
				while (true) {
					filler.write(ByteBuffer.wrap(new byte[] { 1 }), Duration.ofMillis(50));
				}
			}
			catch (MailslotWriteTimeoutException ex) {
				// The queue is full.
			}
			List<Future<Long>> failures = new ArrayList<>();
			for (MailslotClient client : clients) {
				failures.add(writers.submit(() -> {
					assertThatExceptionOfType(NoSuchMailslotException.class)
						.isThrownBy(() -> client.write(new byte[] { 2 }));
					return System.nanoTime();
				}));
			}
			Thread.sleep(300);
			assertThat(failures).noneMatch(Future::isDone);
			this.other.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			long killed = System.nanoTime();
			for (Future<Long> failure : failures) {
				Duration afterKill = Duration.ofNanos(failure.get(10, TimeUnit.SECONDS) - killed);
				System.out.println("A writer failed " + afterKill.toMillis() + " ms after its server was killed");
				assertThat(afterKill).isLessThan(Duration.ofSeconds(1));
			}
		}
		finally {
			writers.shutdownNow();
			clients.forEach(MailslotClient::close);
		}
	}

	@Test
	void aReclaimWarnsOfTheMessagesItDiscards() throws Exception {
		this.other = PosixProcesses.startServer(this.name.toString(), "hold-in-queue");
		assertThat(PosixProcesses.firstLine(this.other)).isEqualTo("ready");
		try (MailslotClient client = this.transport.openClient(this.name)) {
			client.write("second".getBytes(StandardCharsets.UTF_8));
			client.write("third".getBytes(StandardCharsets.UTF_8));
		}
		this.other.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		RecordedLogs logs = RecordedLogs.of(QueueOwnership.class);
		try (logs) {
			this.transport.createServer(MailslotServerOptions.builder(this.name).build()).close();
		}
		assertThat(logs.records()).singleElement()
			.satisfies((record) -> assertThat(record.getLevel()).isEqualTo(java.util.logging.Level.WARNING));
		assertThat(logs.messages()).singleElement()
			.asString()
			.contains(PosixQueueNames.queueName(this.name))
			.contains("the 3 message(s) left in it are discarded");
	}

	@Test
	void closeLeavesAloneTheQueueOfAServerThatTookTheNameAfterItsQueueWasRemoved() {
		MailslotServer first = this.transport.createServer(MailslotServerOptions.builder(this.name).build());
		assertThat(LibC.mq_unlink(PosixQueueNames.queueName(this.name))).isZero();
		try (MailslotServer second = this.transport
			.createServer(MailslotServerOptions.builder(this.name).readTimeout(ReadTimeout.ZERO).build())) {
			first.close();
			try (MailslotClient client = this.transport.openClient(this.name)) {
				client.write("to the second".getBytes(StandardCharsets.UTF_8));
			}
			assertThat(new String(second.read(), StandardCharsets.UTF_8)).isEqualTo("to the second");
		}
	}

	@Test
	void aClientOfAKilledOwnerFailsOnceANewServerReclaimsTheName() throws Exception {
		this.other = PosixProcesses.startServer(this.name.toString(), "hold");
		assertThat(PosixProcesses.firstLine(this.other)).isEqualTo("ready");
		MailslotClient leftover = this.transport.openClient(this.name);
		this.other.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		try (leftover;
				MailslotServer server = this.transport
					.createServer(MailslotServerOptions.builder(this.name).readTimeout(ReadTimeout.ZERO).build())) {
			assertThatExceptionOfType(NoSuchMailslotException.class)
				.isThrownBy(() -> leftover.write("lost".getBytes(StandardCharsets.UTF_8)))
				.withMessageContaining("was closed by its server");
			assertThat(server.info().messageCount()).isZero();
		}
	}

	@Test
	void aQueueAnotherUserLeftWithoutAServerIsNoMailslotForClients() throws Exception {
		assumeRootWithSetpriv();
		String queueName = PosixQueueNames.queueName(this.name);
		run("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", SYSTEM_PYTHON, "-c", squat(queueName));
		try {
			assertThatExceptionOfType(NoSuchMailslotException.class)
				.isThrownBy(() -> this.transport.openClient(this.name))
				.withMessageContaining("was left by a process that is gone");
		}
		finally {
			LibC.mq_unlink(queueName);
		}
	}

	@Test
	void aServerOfAnotherUserIsToldWhoseQueueHoldsTheName(@TempDir Path temp) throws Exception {
		assumeRootWithSetpriv();
		Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
		String classPath = PosixProcesses.readableClassPath(Files.createDirectory(temp.resolve("classes")));
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder("unshare", "--ipc", "sh", "-c",
				"setpriv --reuid=65534 --regid=65534 --clear-groups " + SYSTEM_PYTHON + " -c \"$0\" && exec setpriv "
						+ "--reuid=65532 --regid=65532 --clear-groups \"$1\" -cp \"$2\" "
						+ ServerProcess.class.getName() + " \"$3\" try",
				squat(PosixQueueNames.queueName(this.name)), java, classPath, this.name.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(output).contains("MailslotNameInUseException")
			.contains("belongs to uid 65534 (mode 0666), not to this uid 65532")
			.contains("Remove it as uid 65534 or as root");
	}

	private static void assumeRootWithSetpriv() {
		Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "other users need root");
		Assumptions.assumeTrue(
				Files.isExecutable(Path.of("/usr/bin/setpriv")) && Files.isExecutable(Path.of("/usr/bin/unshare"))
						&& Files.isExecutable(Path.of(SYSTEM_PYTHON)),
				"setpriv and unshare (util-linux), and Debian's python3, which other users may run");
	}

	/**
	 * Return a Python program that creates a queue of mode 0666 and leaves it, as a
	 * squatter would.
	 */
	private static String squat(String queueName) {
		return "import ctypes, os\nos.umask(0)\nrt = ctypes.CDLL('librt.so.1', use_errno=True)\n" + "fd = rt.mq_open(b'"
				+ queueName + "', os.O_CREAT | os.O_RDWR, ctypes.c_int(0o666), None)\n"
				+ "raise SystemExit(0 if fd >= 0 else 'mq_open: ' + os.strerror(ctypes.get_errno()))";
	}

	private static void run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
	}

	@Test
	void aModeThatLetsEveryUserAtTheQueueIsRefusedUnlessAllowed() {
		assertThatExceptionOfType(MailslotException.class)
			.isThrownBy(() -> this.transport.createServer(MailslotServerOptions.builder(this.name).mode(0666).build()))
			.withMessageContaining("Mode 0666 of mailslot " + this.name + " lets every user of this host at its queue")
			.withMessageContaining("allowWorldAccess");
		assertThatExceptionOfType(MailslotException.class)
			.isThrownBy(() -> this.transport.createServer(MailslotServerOptions.builder(this.name).mode(0604).build()));
		try (MailslotServer server = this.transport
			.createServer(MailslotServerOptions.builder(this.name).mode(0622).allowWorldAccess(true).build())) {
			assertThat(server.isOpen()).isTrue();
		}
	}

	@Test
	void nameOwnedByALiveProcessIsRefusedNamingIt() throws Exception {
		this.other = PosixProcesses.startServer(this.name.toString(), "hold");
		assertThat(PosixProcesses.firstLine(this.other)).isEqualTo("ready");
		assertThatExceptionOfType(MailslotNameInUseException.class)
			.isThrownBy(() -> this.transport.createServer(MailslotServerOptions.builder(this.name).build()))
			.withMessageContaining(
					"process " + this.other.pid() + " owns its queue " + PosixQueueNames.queueName(this.name));
		this.other.getOutputStream().close();
		assertThat(this.other.waitFor(30, TimeUnit.SECONDS)).isTrue();
		try (MailslotServer server = this.transport.createServer(MailslotServerOptions.builder(this.name).build())) {
			assertThat(server.isOpen()).isTrue();
		}
	}

	@Test
	void serverInAnotherProcessIsRefusedWhileThisOneLives() throws Exception {
		try (MailslotServer server = this.transport.createServer(MailslotServerOptions.builder(this.name).build())) {
			this.other = PosixProcesses.startServer(this.name.toString(), "try");
			assertThat(PosixProcesses.firstLine(this.other)).startsWith("MailslotNameInUseException: ")
				.contains("process " + ProcessHandle.current().pid() + " owns its queue");
		}
	}

	@Test
	void ofServersStartedInSeveralProcessesExactlyOneOwnsTheName() throws Exception {
		List<Process> processes = new ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				processes.add(PosixProcesses.startServer(this.name.toString(), "hold"));
			}
			List<String> outcomes = new ArrayList<>();
			for (Process process : processes) {
				outcomes.add(PosixProcesses.firstLine(process));
			}
			assertThat(outcomes).filteredOn("ready"::equals).hasSize(1);
			assertThat(outcomes).filteredOn((line) -> line.startsWith("MailslotNameInUseException: ")).hasSize(2);
		}
		finally {
			for (Process process : processes) {
				PosixProcesses.stop(process);
			}
		}
	}

	@Test
	void queueModeIs0600UnlessSet() {
		try (MailslotServer server = this.transport.createServer(MailslotServerOptions.builder(this.name).build())) {
			assertThat(modeOf(server)).isEqualTo(0600);
		}
		try (MailslotServer server = this.transport
			.createServer(MailslotServerOptions.builder(this.name).mode(0620).build())) {
			assertThat(modeOf(server)).isEqualTo(0620);
		}
	}

	private static int modeOf(MailslotServer server) {
		try (NativeMemory status = LibC.allocate(LibC.STATX_SIZE)) {
			int rc = LibC.statx(((PosixMailslotServer) server).descriptor(), "", LibC.AT_EMPTY_PATH, LibC.STATX_MODE,
					status);
			assertThat(rc).isZero();
			return status.getShort(LibC.STATX_MODE_OFFSET) & 0777;
		}
	}

}
