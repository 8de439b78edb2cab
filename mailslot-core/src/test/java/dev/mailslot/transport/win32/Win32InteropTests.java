package dev.mailslot.transport.win32;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.ReadTimeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Java and native Windows programs on one mailslot, the programs behaving as Microsoft's
 * published samples do: "Writing to a Mailslot" opens with {@code FILE_SHARE_READ} and
 * writes each TCHAR string with its terminator; "Reading from a Mailslot" reads with an
 * OVERLAPPED and prints TCHAR text. Each runs as a UNICODE build (UTF-16LE, Visual
 * Studio's default) and an ANSI build (the code page, windows-1252 here). The programs
 * are built with mingw by {@code src/test/wine/wine-java.sh}, or by the Windows workflow,
 * which names their folder in {@code mailslot.win32.programs}.
 */
@EnabledIfSystemProperty(named = "mailslot.win32.programs", matches = ".+")
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Win32InteropTests {

	private static final List<String> MESSAGES = List.of("Message one for mailslot.", "Message two for mailslot.",
			"Message three for mailslot.");

	private final MailslotTransport transport = MailslotTransports.get("win32");

	private final MailslotName name = MailslotName
		.parse("\\\\.\\mailslot\\interop\\" + ProcessHandle.current().pid() + "-" + System.nanoTime());

	private static String program(String program, Build build) {
		return Path.of(System.getProperty("mailslot.win32.programs"), program + "_" + build.suffix + ".exe").toString();
	}

	@ParameterizedTest
	@EnumSource(Build.class)
	void theWritingSampleWritesTcharTextWithItsTerminator(Build build) throws Exception {
		try (MailslotServer server = this.transport
			.createServer(MailslotServerOptions.builder(this.name).readTimeout(ReadTimeout.ofMillis(20_000)).build())) {
			Process writer = new ProcessBuilder(program("mailslot_writer", build), this.name.toString())
				.redirectErrorStream(true)
				.start();
			for (String message : MESSAGES) {
				assertThat(server.read()).isEqualTo(build.tcharText(message));
			}
			String output = new String(writer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(writer.exitValue()).as(output).isZero();
			assertThat(output.lines().filter("Slot written to successfully."::equals)).hasSize(MESSAGES.size());
			assertThat(server.info().messageCount()).isZero();
		}
	}

	@ParameterizedTest
	@EnumSource(Build.class)
	void theReadingSamplePrintsTcharTextAJavaClientWrites(Build build) throws Exception {
		Process reader = new ProcessBuilder(program("mailslot_reader", build), this.name.toString(),
				Integer.toString(MESSAGES.size()))
			.redirectErrorStream(true)
			.start();
		BufferedReader output = new BufferedReader(
				new InputStreamReader(reader.getInputStream(), StandardCharsets.UTF_8));
		assertThat(output.readLine()).isEqualTo("ready");
		try (MailslotClient client = this.transport.openClient(this.name)) {
			for (String message : MESSAGES) {
				client.write(build.tcharText(message));
			}
		}
		List<String> lines = new ArrayList<>();
		for (String line = output.readLine(); line != null; line = output.readLine()) {
			lines.add(line);
		}
		assertThat(reader.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(reader.exitValue()).as(String.join("\n", lines)).isZero();
		assertThat(lines.stream().filter((line) -> line.startsWith("Contents of the mailslot: "))).containsExactly(
				"Contents of the mailslot: Message one for mailslot.",
				"Contents of the mailslot: Message two for mailslot.",
				"Contents of the mailslot: Message three for mailslot.");
	}

	/**
	 * How a sample was built, and so how it writes and reads text.
	 */
	enum Build {

		UNICODE("unicode", StandardCharsets.UTF_16LE), ANSI("ansi", Charset.forName("windows-1252"));

		private final String suffix;

		private final Charset charset;

		Build(String suffix, Charset charset) {
			this.suffix = suffix;
			this.charset = charset;
		}

		/**
		 * Return the bytes of a TCHAR string with its terminator:
		 * {@code (lstrlen(text) + 1) * sizeof(TCHAR)}.
		 */
		byte[] tcharText(String text) {
			return (text + '\0').getBytes(this.charset);
		}

	}

}
