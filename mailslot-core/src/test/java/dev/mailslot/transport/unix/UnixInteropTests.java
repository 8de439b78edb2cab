package dev.mailslot.transport.unix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.ReadTimeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Programs in other languages write to a unix mailslot through the documented socket
 * names and wire format: a C program (built here with gcc) and a Python script (standard
 * library only).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@EnabledOnOs({ OS.LINUX, OS.MAC, OS.FREEBSD, OS.OPENBSD })
class UnixInteropTests {

	private static final Path C_SOURCE = Path.of("src/test/c/unix_mailslot_write.c");

	private static final Path PYTHON_SCRIPT = Path.of("src/test/python/unix_mailslot_write.py");

	private static final Path C_PROGRAM = Path.of("target/c/unix_mailslot_write");

	private static final List<String> MESSAGES = List.of("Message one for mailslot.", "",
			"Message three, with ünïcödé and \\ / % characters.");

	private Path directory;

	@BeforeAll
	static void buildTheCWriter() throws Exception {
		Files.createDirectories(C_PROGRAM.getParent());
		Process gcc = new ProcessBuilder("gcc", "-Wall", "-Werror", "-o", C_PROGRAM.toString(), C_SOURCE.toString())
			.inheritIO()
			.start();
		assertThat(gcc.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(gcc.exitValue()).as("gcc exit code").isZero();
	}

	@BeforeEach
	void createDirectory() throws IOException {
		this.directory = UnixTestDirectory.create();
	}

	@AfterEach
	void deleteDirectory() throws IOException {
		UnixTestDirectory.delete(this.directory);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\\\\.\\mailslot\\sample_mailslot", "\\\\.\\MAILSLOT\\App\\Orders", "Bare Name",
			"100%\\sure-not", "café\\zürich" })
	void cAndPythonComputeTheSocketNameJavaDoes(String name) throws Exception {
		String expected = UnixSocketNames.fileName(MailslotName.parse(name));
		assertThat(run(C_PROGRAM.toString(), "--socket-name", name)).isEqualTo(expected);
		assertThat(pythonSocketName(name)).isEqualTo(expected);
	}

	@Test
	void longNamesAreShortenedWithTheirHashAlikeInPythonAndDoNotCollide() throws Exception {
		String first = "\\\\.\\mailslot\\" + "departments\\".repeat(6) + "orders-1";
		String second = "\\\\.\\mailslot\\" + "departments\\".repeat(6) + "orders-2";
		String firstName = UnixSocketNames.fileName(MailslotName.parse(first));
		assertThat(firstName).hasSize(UnixSocketNames.MAX_PLAIN_LENGTH).contains("~");
		assertThat(UnixSocketNames.fileName(MailslotName.parse(second))).isNotEqualTo(firstName)
			.startsWith(firstName.substring(0, UnixSocketNames.KEPT_LENGTH + 1));
		assertThat(pythonSocketName(first)).isEqualTo(firstName);
		assertThat(this.directory.resolve(firstName).toString().getBytes(StandardCharsets.UTF_8).length)
			.isLessThan(104);
	}

	@Test
	void aCProgramWritesToAJavaMailslot() throws Exception {
		assertWriterDelivers(C_PROGRAM.toString());
	}

	@Test
	void aPythonScriptWritesToAJavaMailslot() throws Exception {
		assertWriterDelivers("python3", PYTHON_SCRIPT.toString());
	}

	private void assertWriterDelivers(String... writer) throws Exception {
		MailslotName name = MailslotName
			.local("Interop\\" + writer[writer.length - 1].replaceAll(".*/", "") + "-" + ProcessHandle.current().pid());
		try (MailslotServer server = UnixMailslotTransport.in(this.directory)
			.createServer(MailslotServerOptions.builder(name).readTimeout(ReadTimeout.ofMillis(10_000)).build())) {
			List<String> command = new ArrayList<>(List.of(writer));
			command.add(name.toString().toUpperCase(Locale.ROOT));
			command.addAll(MESSAGES);
			ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
			builder.environment().put("MAILSLOT_UNIX_DIRECTORY", this.directory.toString());
			Process process = builder.start();
			for (String message : MESSAGES) {
				assertThat(server.read()).isEqualTo(message.getBytes(StandardCharsets.UTF_8));
			}
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).isZero();
			assertThat(server.info().messageCount()).isZero();
		}
	}

	private static String pythonSocketName(String name) throws Exception {
		return run("python3", "-c", "import sys; sys.path.insert(0, 'src/test/python'); "
				+ "import unix_mailslot_write; print(unix_mailslot_write.socket_name(sys.argv[1]))", name);
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as("exit code of %s", String.join(" ", command)).isZero();
		return output;
	}

}
