package dev.mailslot.spring.listener;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.support.MessageBuilder;

import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.ReadTimeout;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.support.MailslotHeaders;
import dev.mailslot.spring.test.CapturedOutput;
import dev.mailslot.spring.test.OutputCaptureExtension;
import dev.mailslot.transport.posix.ServerProcess;
import dev.mailslot.transport.unix.UnixMailslotTransport;
import dev.mailslot.transport.unix.UnixServerProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failed message goes to a dead-letter mailslot as it was read, its failure to the log;
 * and when the dead-letter mailslot cannot take it, to the fallback, so that every failed
 * message is in the dead-letter mailslot, in the directory, or in the log. Real parts:
 * posix queues, a dead-letter mailslot owned by a second JVM that closes it and exits or
 * is killed ({@code kill -9}), on posix and on unix, and real files.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "posix transport")
@ExtendWith(OutputCaptureExtension.class)
class DeadLetterMailslotErrorHandlerTests {

	private static final Instant RECEIVED_AT = Instant.parse("2026-12-06T21:00:00Z");

	@TempDir
	Path temp;

	private final MailslotTransport posix = MailslotTransports.get("posix");

	private final String prefix = "\\\\.\\mailslot\\dlq-handler\\" + ProcessHandle.current().pid() + "-"
			+ System.nanoTime();

	private final MailslotName orders = MailslotName.parse(this.prefix + "-orders");

	private final MailslotName deadLetters = MailslotName.parse(this.prefix + "-dead");

	private final MailslotTemplate template = new MailslotTemplate(this.posix, null, new ByteArrayMessageConverter());

	private final List<AutoCloseable> closeAfter = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		this.template.destroy();
		for (AutoCloseable closeable : this.closeAfter) {
			closeable.close();
		}
	}

	private Message<byte[]> message(String text) {
		return MessageBuilder.withPayload(text.getBytes(StandardCharsets.UTF_8))
			.setHeader(MailslotHeaders.MAILSLOT, this.orders.toString())
			.setHeader(MailslotHeaders.RECEIVED_AT, RECEIVED_AT)
			.build();
	}

	private DeadLetterMailslotErrorHandler handler(MailslotErrorHandler fallback) {
		return handler(this.template, fallback);
	}

	private DeadLetterMailslotErrorHandler handler(MailslotTemplate template, MailslotErrorHandler fallback) {
		DeadLetterMailslotErrorHandler handler = new DeadLetterMailslotErrorHandler(template, this.deadLetters,
				fallback);
		handler.setListenerIds((mailslot) -> mailslot.equals(this.orders) ? "orders" : null);
		return handler;
	}

	private MailslotServer server(MailslotName name) {
		MailslotServer server = this.posix.createServer(MailslotServerOptions.builder(name).build());
		this.closeAfter.add(server);
		return server;
	}

	private List<Path> payloads(Path directory) throws Exception {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.toString().endsWith(".bin")).sorted().toList();
		}
	}

	@Test
	void aFailedMessageIsWrittenAsItWasReadAndItsFailureIsLogged(CapturedOutput output) throws Exception {
		MailslotServer deadLetterServer = server(this.deadLetters);
		Path directory = this.temp.resolve("dead-letters");
		handler(new DeadLetterDirectoryErrorHandler(directory)).handleError(message("{\"id\":1}"),
				new IllegalStateException("Order service is down"), 3);
		byte[] written = deadLetterServer.read(ReadTimeout.of(Duration.ofSeconds(5)));
		assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo("{\"id\":1}");
		assertThat(output)
			.contains("Message of 8 bytes from " + this.orders + " (listener orders, received " + RECEIVED_AT
					+ ") failed after 3 attempt(s) with java.lang.IllegalStateException: Order service is down; "
					+ "it was written to the dead-letter mailslot " + this.deadLetters);
		assertThat(payloads(directory)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "posix", "unix" })
	void whenTheDeadLetterMailslotsOwnerHasClosedItTheMessagesGoToTheDirectory(String transport, CapturedOutput output)
			throws Exception {
		deadLettersBeforeAndAfter(transport, output, (owner) -> owner.getOutputStream().close());
	}

	@ParameterizedTest
	@ValueSource(strings = { "posix", "unix" })
	void whenTheDeadLetterMailslotsOwnerIsKilledTheMessagesGoToTheDirectory(String transport, CapturedOutput output)
			throws Exception {
		deadLettersBeforeAndAfter(transport, output, Process::destroyForcibly);
	}

	/**
	 * Three dead letters while a second JVM owns the dead-letter mailslot, then three
	 * after it has gone: the first three are written there, the last three kept in the
	 * directory. On unix, the second JVM's server holds up to 10,000 messages, and its
	 * sockets are in a directory of the test's own.
	 */
	private void deadLettersBeforeAndAfter(String transport, CapturedOutput output, OwnerEnd end) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path")));
		MailslotTemplate template = this.template;
		if (transport.equals("unix")) {
			Path sockets = this.temp.resolve("s");
			command.addAll(List.of(UnixServerProcess.class.getName(), sockets.toString(), this.deadLetters.toString(),
					"hold-many"));
			template = new MailslotTemplate(UnixMailslotTransport.in(sockets), null, new ByteArrayMessageConverter());
			this.closeAfter.add(template::destroy);
		}
		else {
			command.addAll(List.of(ServerProcess.class.getName(), this.deadLetters.toString(), "hold"));
		}
		Process owner = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		try {
			String ready = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))
				.readLine();
			assertThat(ready).isEqualTo("ready");
			Path directory = this.temp.resolve("dead-letters");
			DeadLetterMailslotErrorHandler handler = handler(template, new DeadLetterDirectoryErrorHandler(directory));
			for (int i = 0; i < 3; i++) {
				handler.handleError(message("before " + i), new IllegalStateException("boom"), 3);
			}
			end.end(owner);
			assertThat(owner.waitFor(30, TimeUnit.SECONDS)).isTrue();
			for (int i = 0; i < 3; i++) {
				handler.handleError(message("after " + i), new IllegalStateException("boom"), 3);
			}
			assertThat(output.toString().split("it was written to the dead-letter mailslot", -1)).hasSize(4);
			assertThat(output).contains("it could NOT be written to the dead-letter mailslot " + this.deadLetters
					+ ": dev.mailslot.NoSuchMailslotException");
			List<Path> kept = payloads(directory);
			assertThat(kept).hasSize(3);
			List<String> texts = new ArrayList<>();
			for (Path payload : kept) {
				texts.add(Files.readString(payload));
			}
			assertThat(texts).containsExactly("after 0", "after 1", "after 2");
		}
		finally {
			owner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void aDestinationThatIsTheFailedMessagesOwnMailslotIsNotWrittenTo(CapturedOutput output) throws Exception {
		MailslotServer ordersServer = server(this.orders);
		Path directory = this.temp.resolve("dead-letters");
		new DeadLetterMailslotErrorHandler(this.template, this.orders, new DeadLetterDirectoryErrorHandler(directory))
			.handleError(message("loop"), new IllegalStateException("boom"), 1);
		assertThat(ordersServer.info().messageCount()).isZero();
		assertThat(payloads(directory)).singleElement().satisfies((file) -> assertThat(file).hasContent("loop"));
		assertThat(output).contains("it is not written to " + this.orders + ", the mailslot it failed on");
	}

	@Test
	void aResolverThatReturnsNoDestinationHandsTheMessageToTheFallback() throws Exception {
		Path directory = this.temp.resolve("dead-letters");
		new DeadLetterMailslotErrorHandler(this.template,
				(original, cause) -> (cause instanceof IllegalStateException) ? this.deadLetters : null,
				new DeadLetterDirectoryErrorHandler(directory))
			.handleError(message("kept"), new IllegalArgumentException("not for the mailslot"), 1);
		assertThat(payloads(directory)).singleElement().satisfies((file) -> assertThat(file).hasContent("kept"));
	}

	@Test
	void whenTheDirectoryRefusesTooTheBytesGoToTheLog(CapturedOutput output) throws Exception {
		Path shared = Files.createDirectory(this.temp.resolve("shared"));
		Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
		handler(new DeadLetterDirectoryErrorHandler(shared)).handleError(message("last resort"),
				new IllegalStateException("boom"), 3);
		assertThat(output).contains("it could NOT be written to the dead-letter mailslot " + this.deadLetters)
			.contains(Base64.getEncoder().encodeToString("last resort".getBytes(StandardCharsets.UTF_8)));
		assertThat(payloads(shared)).isEmpty();
	}

	@FunctionalInterface
	interface OwnerEnd {

		void end(Process owner) throws Exception;

	}

}
