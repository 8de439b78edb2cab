package dev.mailslot.spring.listener;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import dev.mailslot.MailslotName;
import dev.mailslot.WriterProcess;
import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.boot.autoconfigure.MailslotAutoConfiguration;
import dev.mailslot.spring.core.MailslotTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code mailslot.listener.dead-letter.mailslot} in a Boot application on the posix
 * transport and on the unix one (in a socket directory of the test's own): a second JVM
 * writes to a listener that always fails, and every message it accepted reaches the
 * listener of the dead-letter mailslot as it was written, none the directory; and with no
 * server holding the dead-letter mailslot, the directory keeps every one.
 */
@EnabledOnOs(OS.LINUX)
@ExtendWith(OutputCaptureExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MailslotDeadLetterMailslotEndToEndTests {

	@TempDir
	Path directory;

	@TempDir
	Path sockets;

	private final String name = "\\\\.\\mailslot\\dead-letter-e2e\\" + ProcessHandle.current().pid() + "-"
			+ System.nanoTime();

	@ParameterizedTest
	@ValueSource(strings = { "posix", "unix" })
	void everyMessageAnotherProcessWroteThatFailsReachesTheDeadLetterMailslotAsWritten(String transport,
			CapturedOutput output) {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MailslotAutoConfiguration.class))
			.withUserConfiguration(FailingOrders.class)
			.withPropertyValues("mailslot.transport=" + transport, "mailslot.unix.directory=" + unixDirectory(),
					"mailslot.servers.orders.name=" + this.name, "mailslot.servers.dead.name=" + this.name + "-dead",
					"mailslot.listener.poll-timeout=100ms", "mailslot.listener.retry.max-retries=1",
					"mailslot.listener.retry.delay=1ms", "mailslot.listener.dead-letter.directory=" + this.directory,
					"mailslot.listener.dead-letter.mailslot=dead")
			.run((context) -> {
				int count = 200;
				ProcessBuilder builder = new ProcessBuilder(
						Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), WriterProcess.class.getName(), transport, this.name,
						Integer.toString(count))
					.redirectError(ProcessBuilder.Redirect.INHERIT);
				builder.environment().put("MAILSLOT_UNIX_DIRECTORY", unixDirectory().toString());
				Process writer = builder.start();
				assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
				assertThat(writer.exitValue()).isZero();
				List<Integer> deadLetters = context.getBean(FailingOrders.class).deadLetters;
				await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters.size() == count);
				List<Integer> expected = new ArrayList<>();
				for (int i = 0; i < count; i++) {
					expected.add(i);
				}
				assertThat(deadLetters).isEqualTo(expected);
				assertThat(payloads()).isZero();
			});
		assertThat(output)
			.contains("Message of 260 bytes from " + MailslotName.parse(this.name) + " (listener orders, received ")
			.contains(
					"failed after 2 attempt(s) with dev.mailslot.spring.listener.adapter.ListenerExecutionFailedException")
			.contains("it was written to the dead-letter mailslot " + MailslotName.parse(this.name + "-dead"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "posix", "unix" })
	void whenNoServerHoldsTheDeadLetterMailslotTheDirectoryKeepsEveryMessage(String transport, CapturedOutput output) {
		String nobody = this.name + "-nobody";
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MailslotAutoConfiguration.class))
			.withUserConfiguration(FailingOrders.class)
			.withPropertyValues("mailslot.transport=" + transport, "mailslot.unix.directory=" + unixDirectory(),
					"mailslot.servers.orders.name=" + this.name, "mailslot.servers.dead.name=" + this.name + "-dead",
					"mailslot.listener.poll-timeout=100ms", "mailslot.listener.retry.max-retries=0",
					"mailslot.listener.dead-letter.directory=" + this.directory,
					"mailslot.listener.dead-letter.mailslot=" + nobody)
			.run((context) -> {
				int count = 20;
				MailslotTemplate template = context.getBean(MailslotTemplate.class);
				for (int i = 0; i < count; i++) {
					template.send("orders", ByteBuffer.allocate(4).putInt(i).array());
				}
				await().atMost(Duration.ofSeconds(30)).until(() -> payloads() == count);
				assertThat(context.getBean(FailingOrders.class).deadLetters).isEmpty();
			});
		assertThat(output).contains("it could NOT be written to the dead-letter mailslot " + MailslotName.parse(nobody)
				+ ": dev.mailslot.NoSuchMailslotException");
	}

	private Path unixDirectory() {
		return this.sockets.resolve("s");
	}

	private long payloads() throws Exception {
		if (!Files.isDirectory(this.directory)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.filter((file) -> file.toString().endsWith(".bin")).count();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class FailingOrders {

		final List<Integer> deadLetters = new CopyOnWriteArrayList<>();

		@MailslotListener(id = "orders", mailslot = "orders")
		void fail(byte[] message) {
			throw new IllegalStateException("Order service is down");
		}

		@MailslotListener(id = "dead", mailslot = "dead")
		void keep(byte[] message) {
			this.deadLetters.add(ByteBuffer.wrap(message).getInt());
		}

	}

}
