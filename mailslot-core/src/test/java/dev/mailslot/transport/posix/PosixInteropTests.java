package dev.mailslot.transport.posix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransports;
import dev.mailslot.ReadTimeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Programs in other languages write to a posix mailslot through the documented queue-name
 * mapping: a C program (built here with gcc) and a Python script (ctypes only), both also
 * shown in the README.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@EnabledOnOs(OS.LINUX)
class PosixInteropTests {

	private static final Path C_SOURCE = Path.of("src/test/c/mailslot_write.c");

	private static final Path PYTHON_SCRIPT = Path.of("src/test/python/mailslot_write.py");

	private static final Path C_PROGRAM = Path.of("target/c/mailslot_write");

	private static final List<String> MESSAGES = List.of("Message one for mailslot.", "",
			"Message three, with ünïcödé and \\ / % characters.");

	@BeforeAll
	static void buildTheCWriter() throws Exception {
		Files.createDirectories(C_PROGRAM.getParent());
		Process gcc = new ProcessBuilder("gcc", "-Wall", "-Werror", "-o", C_PROGRAM.toString(), C_SOURCE.toString(),
				"-lrt")
			.inheritIO()
			.start();
		assertThat(gcc.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(gcc.exitValue()).as("gcc exit code").isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\\\\.\\mailslot\\sample_mailslot", "\\\\.\\MAILSLOT\\App\\Orders", "Bare Name",
			"100%\\sure-not", "café\\zürich" })
	void cAndPythonComputeTheQueueNameJavaDoes(String name) throws Exception {
		String expected = PosixQueueNames.queueName(MailslotName.parse(name));
		assertThat(run(C_PROGRAM.toString(), "--queue-name", name)).isEqualTo(expected);
		assertThat(run("python3", "-c",
				"import sys; sys.path.insert(0, 'src/test/python'); "
						+ "import mailslot_write; print(mailslot_write.queue_name(sys.argv[1]))",
				name))
			.isEqualTo(expected);
	}

	@Test
	void aCProgramWritesToAJavaMailslot() throws Exception {
		assertWriterDelivers(C_PROGRAM.toString());
	}

	@Test
	void aPythonScriptWritesToAJavaMailslot() throws Exception {
		assertWriterDelivers("python3", PYTHON_SCRIPT.toString());
	}

	private static void assertWriterDelivers(String... writer) throws Exception {
		MailslotName name = MailslotName
			.local("Interop\\" + writer[writer.length - 1].replaceAll(".*/", "") + "-" + ProcessHandle.current().pid());
		try (MailslotServer server = MailslotTransports.get("posix")
			.createServer(MailslotServerOptions.builder(name).readTimeout(ReadTimeout.ofMillis(10_000)).build())) {
			List<String> command = new ArrayList<>(List.of(writer));
			command.add(name.toString().toUpperCase(Locale.ROOT));
			command.addAll(MESSAGES);
			Process process = new ProcessBuilder(command).inheritIO().start();
			for (String message : MESSAGES) {
				assertThat(server.read()).isEqualTo(message.getBytes(StandardCharsets.UTF_8));
			}
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).isZero();
			assertThat(server.info().messageCount()).isZero();
		}
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as("exit code of %s", String.join(" ", command)).isZero();
		return output;
	}

}
