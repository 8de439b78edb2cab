package dev.mailslot.spring.boot.autoconfigure;

import java.io.IOException;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Boot application stopped by SIGTERM says, through its own logging, how many messages
 * its mailslots delete as they close: a real application in a second JVM, with a mailslot
 * that no listener reads, on posix and on unix.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MailslotShutdownTests {

	@ParameterizedTest
	@ValueSource(strings = { "posix", "unix" })
	void sigtermLogsHowManyMessagesAMailslotWithoutAListenerDeletes(String transportId, @TempDir Path logs)
			throws Exception {
		ApplicationTransport transport = ApplicationTransport.of(transportId, logs);
		MailslotName name = MailslotName
			.local("boot-sigterm-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), NoListenerApplication.class.getName(),
						"--mailslot.servers.kept.name=" + name));
		command.addAll(transport.arguments());
		Process application = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(logs.resolve("output.txt").toFile())
			.start();
		try {
			await().atMost(Duration.ofSeconds(60))
				.until(() -> output(logs).contains("ready") || !application.isAlive());
			assertThat(output(logs)).contains("ready");
			try (MailslotClient client = transport.client().openClient(name)) {
				for (int i = 0; i < 25; i++) {
					client.write(ByteBuffer.wrap(("message " + i).getBytes(StandardCharsets.UTF_8)),
							Duration.ofSeconds(5));
				}
			}
			application.destroy();
			assertThat(application.waitFor(30, TimeUnit.SECONDS)).as("the application ends on SIGTERM").isTrue();
			assertThat(output(logs)).anySatisfy((line) -> assertThat(line).contains(" WARN ")
				.contains(transport.serverClass())
				.contains("Closing mailslot " + name + " deletes the 25 message(s) nobody read from it"));
		}
		finally {
			application.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	private static List<String> output(Path logs) throws IOException {
		return Files.readAllLines(logs.resolve("output.txt"));
	}

}
