package dev.mailslot.transport.win32;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.ReadTimeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Java and native Windows programs on one mailslot: Microsoft's "Writing to a Mailslot" sample
 * writes to a Java server, and a native reader receives what a Java client writes. The programs
 * are built with mingw by {@code src/test/wine/run-tests.sh}, which names their folder in
 * {@code mailslot.win32.programs}.
 */
@EnabledIfSystemProperty(named = "mailslot.win32.programs", matches = ".+")
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Win32InteropTests {

	private static final List<String> MESSAGES = List.of("Message one for mailslot.", "Message two for mailslot.",
			"Message three for mailslot.");

	private final MailslotTransport transport = MailslotTransports.get("win32");

	private final MailslotName name = MailslotName
		.parse("\\\\.\\mailslot\\interop\\" + ProcessHandle.current().pid() + "-" + System.nanoTime());

	private static String program(String program) {
		return Path.of(System.getProperty("mailslot.win32.programs"), program + ".exe").toString();
	}

	@Test
	void theNativeWritingSampleWritesToAJavaServer() throws Exception {
		try (MailslotServer server = this.transport
			.createServer(MailslotServerOptions.builder(this.name).readTimeout(ReadTimeout.ofMillis(20_000)).build())) {
			Process writer = new ProcessBuilder(program("mailslot_writer"), this.name.toString()).redirectErrorStream(true)
				.start();
			for (String message : MESSAGES) {
				assertThat(new String(server.read(), StandardCharsets.UTF_8)).isEqualTo(message);
			}
			String output = new String(writer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(writer.exitValue()).as(output).isZero();
			assertThat(output).contains("Slot written to successfully.");
			assertThat(server.info().messageCount()).isZero();
		}
	}

	@Test
	void aNativeReaderReceivesWhatAJavaClientWrites() throws Exception {
		Process reader = new ProcessBuilder(program("mailslot_reader"), this.name.toString(),
				Integer.toString(MESSAGES.size()))
			.redirectErrorStream(true)
			.start();
		BufferedReader output = new BufferedReader(new InputStreamReader(reader.getInputStream(), StandardCharsets.UTF_8));
		assertThat(output.readLine()).isEqualTo("ready");
		try (MailslotClient client = this.transport.openClient(this.name)) {
			for (String message : MESSAGES) {
				client.write(message.getBytes(StandardCharsets.UTF_8));
			}
		}
		List<String> lines = new ArrayList<>();
		for (String line = output.readLine(); line != null; line = output.readLine()) {
			lines.add(line);
		}
		assertThat(reader.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(reader.exitValue()).as(String.join("\n", lines)).isZero();
		assertThat(lines).containsExactly("message 25: Message one for mailslot.",
				"message 25: Message two for mailslot.", "message 27: Message three for mailslot.");
	}

}
