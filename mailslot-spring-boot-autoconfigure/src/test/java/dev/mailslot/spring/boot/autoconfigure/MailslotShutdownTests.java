package dev.mailslot.spring.boot.autoconfigure;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotTransports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Boot application stopped by SIGTERM says, through its own logging, how many messages
 * its mailslots delete as they close: a real application in a second JVM, with a mailslot
 * that no listener reads.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MailslotShutdownTests {

	@Test
	void sigtermLogsHowManyMessagesAMailslotWithoutAListenerDeletes(@TempDir Path logs) throws Exception {
		MailslotName name = MailslotName
			.local("boot-sigterm-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
		Process application = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), NoListenerApplication.class.getName(),
				"--mailslot.transport=posix", "--mailslot.servers.kept.name=" + name)
			.redirectErrorStream(true)
			.redirectOutput(logs.resolve("output.txt").toFile())
			.start();
		try {
			await().atMost(Duration.ofSeconds(60))
				.until(() -> output(logs).contains("ready") || !application.isAlive());
			assertThat(output(logs)).contains("ready");
			try (MailslotClient client = MailslotTransports.get("posix").openClient(name)) {
				for (int i = 0; i < 25; i++) {
					client.write(ByteBuffer.wrap(("message " + i).getBytes(StandardCharsets.UTF_8)),
							Duration.ofSeconds(5));
				}
			}
			application.destroy();
			assertThat(application.waitFor(30, TimeUnit.SECONDS)).as("the application ends on SIGTERM").isTrue();
			assertThat(output(logs)).anySatisfy((line) -> assertThat(line).contains(" WARN ")
				.contains("PosixMailslotServer")
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
