package dev.mailslot.transport.unix;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogRecord;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotException;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTimeoutException;
import dev.mailslot.MailslotWriteTimeoutException;
import dev.mailslot.NoSuchMailslotException;
import dev.mailslot.ReadTimeout;
import dev.mailslot.RecordedLogs;
import dev.mailslot.WriterProcess;
import dev.mailslot.transport.posix.PosixHoldMemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * What a unix server does with writers that misbehave or outrun it: garbage cut off and
 * counted while the server goes on, a writer killed in the middle of a message, a flood
 * of connections, and writers that wait for a server that does not read, where every
 * message accepted is delivered.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@EnabledOnOs({ OS.LINUX, OS.MAC, OS.FREEBSD, OS.OPENBSD })
class UnixFaultTests {

	private static final Path PYTHON_WRITER = Path.of("src/test/python/unix_mailslot_write.py");

	private Path directory;

	private UnixMailslotTransport transport;

	private final MailslotName name = MailslotName.local("Faults\\" + ProcessHandle.current().pid());

	@BeforeEach
	void createDirectory() throws IOException {
		this.directory = UnixTestDirectory.create();
		this.transport = UnixMailslotTransport.in(this.directory);
	}

	@AfterEach
	void deleteDirectory() throws IOException {
		UnixTestDirectory.delete(this.directory);
	}

	private UnixMailslotServer server(int maxMessageSize, int holdCapacity) {
		return (UnixMailslotServer) this.transport.createServer(MailslotServerOptions.builder(this.name)
			.maxMessageSize(maxMessageSize)
			.holdCapacity(holdCapacity)
			.readTimeout(ReadTimeout.ofMillis(10_000))
			.build());
	}

	private SocketChannel connect() throws IOException {
		SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
		channel.connect(UnixDomainSocketAddress.of(this.directory.resolve(UnixSocketNames.fileName(this.name))));
		return channel;
	}

	private static ByteBuffer frame(int announced, int sent) {
		return ByteBuffer.allocate(4 + sent).putInt(announced).put(new byte[sent]).flip();
	}

	/**
	 * Return whether the server ended a connection: reads, past what it sent, find its
	 * end or its reset.
	 */
	private static boolean ended(SocketChannel channel) {
		try {
			ByteBuffer buffer = ByteBuffer.allocate(64);
			for (int i = 0; i < 10; i++) {
				if (channel.read(buffer.clear()) < 0) {
					return true;
				}
			}
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	private void assertStillDelivers(MailslotServer server) {
		try (MailslotClient client = this.transport.openClient(this.name)) {
			client.write("still here".getBytes(StandardCharsets.UTF_8));
		}
		assertThat(new String(server.read(), StandardCharsets.UTF_8)).isEqualTo("still here");
	}

	@Test
	void framesLongerThanTheMaximumAreCutOffAndCounted() throws Exception {
		try (UnixMailslotServer server = server(100, 10);
				SocketChannel garbage = connect();
				SocketChannel negative = connect()) {
			ByteBuffer greeting = ByteBuffer.allocate(UnixWireFormat.GREETING_SIZE);
			while (greeting.hasRemaining()) {
				garbage.read(greeting);
			}
			assertThat(UnixWireFormat.maxMessageSize(greeting.flip())).isEqualTo(100);
			garbage.write(frame(101, 101));
			negative.write(frame(-1, 8));
			await().atMost(Duration.ofSeconds(10)).until(() -> server.garbage().oversized() == 2);
			assertThat(ended(garbage)).isTrue();
			assertThat(ended(negative)).isTrue();
			assertThat(server.info().messageCount()).isZero();
			assertStillDelivers(server);
		}
	}

	@Test
	void bytesSentBeforeTheirGrantAreCutOffAndCounted() throws Exception {
		try (UnixMailslotServer server = server(0, 1);
				MailslotClient client = this.transport.openClient(this.name);
				SocketChannel early = connect()) {
			client.write(new byte[] { 1 });
			early.write(frame(10, 10));
			await().atMost(Duration.ofSeconds(10)).until(() -> server.garbage().outOfTurn() == 1);
			assertThat(ended(early)).isTrue();
			assertThat(server.read()).containsExactly(1);
			assertStillDelivers(server);
		}
	}

	@Test
	void aWriterKilledInTheMiddleOfAMessageLeavesNoPartOfIt() throws Exception {
		try (UnixMailslotServer server = server(0, 10)) {
			String script = "import socket, struct, sys, time\n"
					+ "s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)\n" + "s.connect(sys.argv[1])\n"
					+ "s.recv(8)\n" + "s.sendall(struct.pack('>Iq', 0x80000000, 1000))\n" + "s.recv(8)\n"
					+ "s.sendall(struct.pack('>Iq', 1000, time.monotonic_ns()) + b'x' * 500)\n"
					+ "print('sent', flush=True)\n" + "time.sleep(60)\n";
			Process writer = new ProcessBuilder("python3", "-c", script,
					this.directory.resolve(UnixSocketNames.fileName(this.name)).toString())
				.redirectError(ProcessBuilder.Redirect.INHERIT)
				.start();
			assertThat(UnixOwnershipTests.firstLine(writer)).isEqualTo("sent");
			assertThat(server.info().messageCount()).isZero();
			writer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			await().atMost(Duration.ofSeconds(10)).until(() -> server.garbage().truncated() == 1);
			assertThat(server.info().messageCount()).isZero();
			assertStillDelivers(server);
			assertThatExceptionOfType(MailslotTimeoutException.class).isThrownBy(() -> server.read(ReadTimeout.ZERO));
		}
	}

	@Test
	void aFloodOfConnectionsIsCutOffAndCountedAndTheServerGoesOn() throws Exception {
		int flood = UnixConnections.MAX_CONNECTIONS + 72;
		List<SocketChannel> channels = new ArrayList<>();
		try (UnixMailslotServer server = server(0, 10)) {
			for (int i = 0; i < flood; i++) {
				channels.add(connect());
				if (i % 50 == 0) {
					server.info();
				}
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> server.garbage().refused() == 72);
			assertThatExceptionOfType(MailslotException.class).isThrownBy(() -> this.transport.openClient(this.name))
				.withMessageContaining(
						"as many writers connected as it takes (" + UnixConnections.MAX_CONNECTIONS + ")");
			for (SocketChannel channel : channels) {
				channel.close();
			}
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertStillDelivers(server));
			assertThat(server.garbage().refused()).isEqualTo(73);
			assertThat(server.garbage().truncated()).isZero();
		}
		finally {
			for (SocketChannel channel : channels) {
				channel.close();
			}
		}
	}

	@Test
	void aServerThatDoesNotReadTakesExactlyItsHoldCapacityThenDeliversEveryMessageItAccepted() throws Exception {
		try (UnixMailslotServer server = server(0, 10); MailslotClient client = this.transport.openClient(this.name)) {
			int accepted = 0;
			ByteBuffer message = ByteBuffer.allocate(1024);
			long start = 0;
			try {
				while (true) {
					message.clear().putInt(0, accepted);
					start = System.nanoTime();
					client.write(message, Duration.ofMillis(300));
					accepted++;
				}
			}
			catch (MailslotWriteTimeoutException ex) {
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(290),
						Duration.ofSeconds(5));
				assertThat(ex.getWriteTimeout()).isEqualTo(Duration.ofMillis(300));
			}
			assertThat(accepted).isEqualTo(10);
			assertThat(server.info().messageCount()).isEqualTo(10);
			for (int i = 0; i < accepted; i++) {
				assertThat(ByteBuffer.wrap(server.read()).getInt()).isEqualTo(i);
			}
			assertThatExceptionOfType(MailslotTimeoutException.class).isThrownBy(() -> server.read(ReadTimeout.ZERO));
			client.write(message.clear().putInt(0, -7));
			assertThat(ByteBuffer.wrap(server.read()).getInt()).isEqualTo(-7);
		}
	}

	@Test
	void aWriterOutOfCreditTimesOutHavingSentNothing() throws Exception {
		try (UnixMailslotServer server = server(0, 1);
				MailslotClient first = this.transport.openClient(this.name);
				MailslotClient second = this.transport.openClient(this.name)) {
			first.write(new byte[] { 1 });
			assertThatExceptionOfType(MailslotWriteTimeoutException.class)
				.isThrownBy(() -> second.write(ByteBuffer.wrap(new byte[] { 2 }), Duration.ofMillis(200)));
			assertThat(server.info().messageCount()).isOne();
			assertThat(server.read()).containsExactly(1);
			assertThatExceptionOfType(MailslotTimeoutException.class)
				.isThrownBy(() -> server.read(ReadTimeout.ofMillis(300)));
			assertThat(server.garbage().truncated()).isZero();
			second.write(new byte[] { 3 });
			assertThat(server.read()).containsExactly(3);
		}
	}

	@Test
	void aServerThatStopsReadingHoldsNoMoreThanTheCreditItGaveAndCutsOffWhatGoesBeyond() throws Exception {
		long before = PosixHoldMemory.used();
		try (UnixMailslotServer server = server(100, 1000); SocketChannel writer = connect()) {
			readFully(writer, UnixWireFormat.GREETING_SIZE);
			writer.write(
					ByteBuffer.allocate(UnixWireFormat.HEADER_SIZE).putInt(UnixWireFormat.REQUEST).putLong(100).flip());
			ByteBuffer credit = readFully(writer, UnixWireFormat.CREDIT_SIZE);
			long messages = Integer.toUnsignedLong(credit.getInt());
			long bytes = Integer.toUnsignedLong(credit.getInt());
			assertThat(bytes).isGreaterThanOrEqualTo(UnixWireFormat.cost(100));
			assertThat(PosixHoldMemory.used() - before).isEqualTo(bytes);
			int fit = (int) Math.min(messages, bytes / UnixWireFormat.cost(100));
			for (int i = 0; i <= fit; i++) {
				writer.write(ByteBuffer.allocate(UnixWireFormat.HEADER_SIZE + 100)
					.putInt(100)
					.putLong(System.nanoTime())
					.put(new byte[100])
					.flip());
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> server.garbage().outOfTurn() == 1);
			assertThat(ended(writer)).isTrue();
			assertThat(server.info().messageCount()).isEqualTo(fit);
			assertThat(PosixHoldMemory.used() - before).isEqualTo(fit * UnixWireFormat.cost(100));
			for (int i = 0; i < fit; i++) {
				assertThat(server.read()).hasSize(100);
			}
			assertThat(PosixHoldMemory.used()).isEqualTo(before);
			assertStillDelivers(server);
		}
		assertThat(PosixHoldMemory.used()).isEqualTo(before);
	}

	@Test
	void aStampLaterThanTheServersClockIsCutOffAndCounted() throws Exception {
		try (UnixMailslotServer server = server(0, 10); SocketChannel writer = connect()) {
			readFully(writer, UnixWireFormat.GREETING_SIZE);
			writer.write(
					ByteBuffer.allocate(UnixWireFormat.HEADER_SIZE).putInt(UnixWireFormat.REQUEST).putLong(1).flip());
			readFully(writer, UnixWireFormat.CREDIT_SIZE);
			writer.write(ByteBuffer.allocate(UnixWireFormat.HEADER_SIZE + 1)
				.putInt(1)
				.putLong(System.nanoTime() + Duration.ofHours(1).toNanos())
				.put((byte) 7)
				.flip());
			await().atMost(Duration.ofSeconds(10)).until(() -> server.garbage().misstamped() == 1);
			assertThat(ended(writer)).isTrue();
			assertThat(server.info().messageCount()).isZero();
			assertStillDelivers(server);
		}
	}

	/**
	 * Messages larger than the 64 KiB a writer copies into its direct buffer go as a
	 * gathering write, and arrive whole and in order between small ones, the largest
	 * filling several of the server's reads.
	 */
	@Test
	void messagesLargerThanTheCopiedFrameArriveWholeAndInOrder() {
		int[] sizes = { 65_536, 65_537, 10, 300_000, 0, 1_048_576, 64 };
		try (UnixMailslotServer server = server(1_048_576, 16);
				MailslotClient client = this.transport.openClient(this.name)) {
			for (int i = 0; i < sizes.length; i++) {
				client.write(filled(sizes[i], i));
			}
			for (int i = 0; i < sizes.length; i++) {
				assertThat(server.read()).as("message %d of %d bytes", i, sizes[i]).isEqualTo(filled(sizes[i], i));
			}
		}
	}

	private static byte[] filled(int size, int seed) {
		byte[] message = new byte[size];
		for (int i = 0; i < size; i++) {
			message[i] = (byte) (i * 31 + seed);
		}
		return message;
	}

	/**
	 * A writer whose connection waits to be accepted while the server closes (it removes
	 * its socket, then ends what is still to be accepted) finds no mailslot, as a writer
	 * that comes after the close does, not a failure of another kind.
	 */
	@Test
	void aWriterThatConnectsWhileTheServerClosesFindsNoSuchMailslot() throws Exception {
		Path socket = this.directory.resolve(UnixSocketNames.fileName(this.name));
		Files.createDirectories(socket.getParent());
		ServerSocketChannel closing = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
		closing.bind(UnixDomainSocketAddress.of(socket));
		Thread close = new Thread(() -> {
			try {
				Thread.sleep(200);
				Files.delete(socket);
				closing.close();
			}
			catch (IOException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
		close.start();
		try {
			assertThatExceptionOfType(NoSuchMailslotException.class)
				.isThrownBy(() -> this.transport.openClient(this.name))
				.withMessageContaining("closed while this writer connected");
		}
		finally {
			close.join();
		}
	}

	/**
	 * Writers in three other JVMs write as fast as they can while this one reads some,
	 * stops reading, and closes the server: every write that returned was read or is
	 * counted among what the close deletes, and every other write failed.
	 */
	@Test
	void writesOfOtherProcessesThatRaceTheCloseAreEachReadOrCountedAsDeleted() throws Exception {
		for (int round = 0; round < 3; round++) {
			MailslotName roundName = MailslotName.local(this.name.path() + "-close-" + round);
			MailslotServer server = this.transport.createServer(
					MailslotServerOptions.builder(roundName).readTimeout(ReadTimeout.ofMillis(20_000)).build());
			List<Process> writers = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				ProcessBuilder builder = new ProcessBuilder(
						Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), WriterProcess.class.getName(), "unix",
						roundName.toString(), "100000000")
					.redirectError(ProcessBuilder.Redirect.DISCARD);
				builder.environment().put("MAILSLOT_UNIX_DIRECTORY", this.directory.toString());
				writers.add(builder.start());
			}
			int read = 0;
			for (; read < 3_000; read++) {
				server.read();
			}
			Thread.sleep(100 * round);
			RecordedLogs logs = RecordedLogs.of(UnixMailslotServer.class);
			try (logs) {
				server.close();
			}
			long written = 0;
			for (Process writer : writers) {
				assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
				String report = new String(writer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				assertThat(writer.exitValue()).as(report).isEqualTo(3);
				written += Long.parseLong(report.replaceAll("(?s)^written (\\d+),.*", "$1"));
			}
			long deleted = 0;
			for (LogRecord record : logs.records()) {
				deleted += ((Number) record.getParameters()[1]).longValue();
			}
			System.out.println("Round " + round + ": " + written + " written, " + read + " read, " + deleted
					+ " deleted at close");
			assertThat(written).as("round %d", round).isEqualTo(read + deleted);
		}
	}

	private static ByteBuffer readFully(SocketChannel channel, int size) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(size);
		while (buffer.hasRemaining()) {
			if (channel.read(buffer) < 0) {
				throw new IOException("the server ended the connection");
			}
		}
		return buffer.flip();
	}

	/**
	 * A hundred servers in one process, counting the descriptors they take (each a
	 * socket, a lock file and its keeper's selector): well under the 1,024 a process may
	 * open by default ({@code ulimit -n}). Then a client each, in this process too, and
	 * every one delivers.
	 */
	@Test
	void aHundredMailslotsInOneProcessFitTheDefaultDescriptorLimitAndEachDelivers() throws IOException {
		List<MailslotServer> servers = new ArrayList<>();
		List<MailslotClient> clients = new ArrayList<>();
		long before = openDescriptors();
		try {
			for (int i = 0; i < 100; i++) {
				servers.add(this.transport.createServer(MailslotServerOptions
					.builder(MailslotName.local("Faults\\many-" + ProcessHandle.current().pid() + "-" + i))
					.readTimeout(ReadTimeout.ofMillis(10_000))
					.build()));
			}
			long servers100 = openDescriptors() - before;
			for (MailslotServer server : servers) {
				MailslotClient client = this.transport.openClient(server.name());
				clients.add(client);
				client.write(server.name().toString().getBytes(StandardCharsets.UTF_8));
			}
			for (MailslotServer server : servers) {
				assertThat(new String(server.read(), StandardCharsets.UTF_8)).isEqualTo(server.name().toString());
			}
			System.out.println("100 unix servers take " + servers100 + " file descriptors, and with a client each "
					+ (openDescriptors() - before));
			assertThat(servers100).isLessThan(600);
		}
		finally {
			clients.forEach(MailslotClient::close);
			servers.forEach(MailslotServer::close);
		}
	}

	private static long openDescriptors() throws IOException {
		try (Stream<Path> descriptors = Files.list(Path.of("/dev/fd"))) {
			return descriptors.count();
		}
	}

	@Test
	void anotherUserCannotWriteUnlessTheModeLetsItsGroupIn() throws Exception {
		Assumptions.assumeTrue(
				"root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/setpriv"))
						&& Files.isExecutable(Path.of("/usr/bin/python3")),
				"another user needs root, setpriv (util-linux) and Debian's python3");
		String script = Files.readString(PYTHON_WRITER);
		List<String> asAnotherUser = List.of("/usr/bin/setpriv", "--reuid=40002", "--regid=0", "--clear-groups",
				"/usr/bin/python3", "-c", script, this.name.toString(), "from uid 40002");
		try (MailslotServer server = server(0, 10)) {
			Process refused = start(asAnotherUser);
			assertThat(refused.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
				.contains("PermissionError");
			assertThat(refused.exitValue()).isNotZero();
			assertThat(server.info().messageCount()).isZero();
		}
		try (MailslotServer server = this.transport.createServer(MailslotServerOptions.builder(this.name)
			.mode(0620)
			.readTimeout(ReadTimeout.ofMillis(10_000))
			.build())) {
			Process allowed = start(asAnotherUser);
			assertThat(allowed.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(allowed.exitValue())
				.as(new String(allowed.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
				.isZero();
			assertThat(new String(server.read(), StandardCharsets.UTF_8)).isEqualTo("from uid 40002");
		}
	}

	private Process start(List<String> command) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("MAILSLOT_UNIX_DIRECTORY", this.directory.toString());
		return builder.start();
	}

}
