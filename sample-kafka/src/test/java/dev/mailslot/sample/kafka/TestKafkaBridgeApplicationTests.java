package dev.mailslot.sample.kafka;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * The bridge as docs/kafka.md starts it on a machine with nothing installed
 * ({@code spring-boot:run -Pembedded-kafka}: {@link TestKafkaBridgeApplication} on the
 * test class path), in a JVM of its own: it starts its own Kafka broker, forwards a
 * message written to its mailslot, and logs the record it finds on the topic; SIGTERM
 * ends it.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TestKafkaBridgeApplicationTests {

	@TempDir
	Path deadLetters;

	private final String mailslot = "\\\\.\\mailslot\\kafka-bridge\\run-" + ProcessHandle.current().pid() + "-"
			+ System.nanoTime();

	@Test
	void startsItsOwnBrokerAndLogsTheRecordOfAMessageWrittenToTheMailslot() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process bridge = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				TestKafkaBridgeApplication.class.getName(), "--mailslot.transport=posix",
				"--mailslot.servers.bridge.name=" + this.mailslot,
				"--mailslot.listener.dead-letter.directory=" + this.deadLetters)
			.redirectErrorStream(true)
			.start();
		List<String> lines = new CopyOnWriteArrayList<>();
		Thread reader = new Thread(() -> collect(bridge, lines));
		reader.start();
		try {
			await().atMost(120, TimeUnit.SECONDS)
				.until(() -> lines.stream().anyMatch((line) -> line.contains("Started KafkaBridgeApplication")));
			assertThat(lines).anyMatch((line) -> line.contains("Embedded Kafka broker (KRaft) on localhost:"));
			try (MailslotClient client = MailslotTransports.get("posix")
				.openClient(MailslotName.parse(this.mailslot))) {
				client.write("hello".getBytes(StandardCharsets.UTF_8));
			}
			await().atMost(60, TimeUnit.SECONDS)
				.until(() -> lines.stream()
					.anyMatch((line) -> line
						.contains("Record 0@0 on mailslot.bridge: key " + this.mailslot + ", 5 bytes")));
			assertThat(lines).noneMatch((line) -> line.contains(" ERROR "));
		}
		finally {
			bridge.destroy();
			assertThat(bridge.waitFor(60, TimeUnit.SECONDS)).as("the bridge ends on SIGTERM").isTrue();
			reader.join(10_000);
		}
	}

	private static void collect(Process process, List<String> lines) {
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = output.readLine()) != null) {
				lines.add(line);
			}
		}
		catch (IOException ex) {
			// The process ended.
		}
	}

}
