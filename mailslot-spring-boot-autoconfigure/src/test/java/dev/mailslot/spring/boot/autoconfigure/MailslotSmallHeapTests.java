package dev.mailslot.spring.boot.autoconfigure;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotWriteTimeoutException;
import dev.mailslot.transport.unix.UnixWireFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Boot application with a 64 MiB heap and the default settings, whose listener is
 * paused while writers send messages of the largest size: it refuses writers before it
 * runs out of memory, its resumed listener receives every message it accepted, and
 * SIGTERM ends it. A real application in a second JVM, on the posix transport and on the
 * unix one.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MailslotSmallHeapTests {

	@ParameterizedTest
	@ValueSource(strings = { "posix", "unix" })
	void aPausedListenerIn64MiBRefusesWritersThenReceivesEveryAcceptedMessage(String transportId, @TempDir Path logs)
			throws Exception {
		ApplicationTransport transport = ApplicationTransport.of(transportId, logs);
		MailslotName name = MailslotName
			.local("boot-small-heap-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
		Path output = logs.resolve("output.txt");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m", "-cp",
						System.getProperty("java.class.path"), PausedListenerApplication.class.getName(),
						"--mailslot.servers.held.name=" + name));
		command.addAll(transport.arguments());
		Process application = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		try (PrintWriter commands = new PrintWriter(application.getOutputStream(), true, StandardCharsets.UTF_8)) {
			await().atMost(Duration.ofSeconds(60))
				.until(() -> lines(output).contains("ready") || !application.isAlive());
			assertThat(lines(output)).contains("ready");
			int accepted = 0;
			int refused = 0;
			try (MailslotClient client = transport.client().openClient(name)) {
				ByteBuffer message = ByteBuffer.allocate(largestMessage(transport));
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
			System.out.println("A Boot application on " + transportId + " with -Xmx64m and a paused listener accepted "
					+ accepted + " messages of the largest size (" + largestMessage(transport)
					+ " bytes), then refused 3");
			assertThat(accepted).as("accepted; the application said:%n%s", Files.readString(output)).isLessThan(10_000);
			if (transportId.equals("unix")) {
				// Unix holds all it accepted in the heap (posix leaves a queue's worth in
				// the kernel): its credit stays within the hold memory, an eighth of it.
				assertThat(accepted * (largestMessage(transport) + (long) UnixWireFormat.MESSAGE_COST)).as("bytes held")
					.isLessThanOrEqualTo(64 * 1024 * 1024 / 8);
			}
			commands.println("resume");
			int expected = accepted;
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				commands.println("count");
				return lines(output).contains("count " + expected) || !application.isAlive();
			});
			assertThat(lines(output)).contains("count " + expected);
			application.destroy();
			assertThat(application.waitFor(30, TimeUnit.SECONDS)).as("the application ends on SIGTERM").isTrue();
			assertThat(Files.readString(output)).doesNotContain("OutOfMemoryError")
				.doesNotContain("out of order")
				.as("nothing left for the close to delete")
				.doesNotContain("message(s) nobody read");
		}
		finally {
			application.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	/**
	 * Return the largest message a server with the default maximum message size takes:
	 * for posix, a queue's {@code fs.mqueue.msgsize_max}; for unix, 65,536 bytes.
	 */
	private static int largestMessage(ApplicationTransport transport) throws IOException {
		if (transport.unixDirectory() != null) {
			return UnixWireFormat.DEFAULT_MAX_MESSAGE_SIZE;
		}
		return Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/fs/mqueue/msgsize_max")).get(0).trim());
	}

	private static List<String> lines(Path output) throws IOException {
		return Files.readAllLines(output);
	}

}
