package dev.mailslot.spring.listener;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.annotation.Configuration;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.WriterProcess;
import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.config.MailslotListenerEndpointRegistry;
import dev.mailslot.spring.core.MailslotServers;
import dev.mailslot.spring.test.ContextRunner;
import dev.mailslot.spring.test.MailslotTestConfiguration;
import dev.mailslot.transport.unix.UnixMailslotTransport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A {@code @MailslotListener} in a plain Spring application
 * ({@link MailslotTestConfiguration}, no Boot) on the posix transport and on the unix one
 * (in a socket directory of the test's own), fed by real writers: a second JVM writing
 * 10,000 messages, a listener that keeps failing, a paused listener that takes 10,000
 * messages from another process (on posix, beyond the system's default queue), a writer
 * past the hold capacity, and a shutdown with messages still waiting.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MailslotListenerEndToEndTests {

	@TempDir
	Path deadLetters;

	@TempDir
	Path sockets;

	private MailslotTransport transport = MailslotTransports.get("posix");

	private final String name = "\\\\.\\mailslot\\listener-e2e\\" + ProcessHandle.current().pid() + "-"
			+ System.nanoTime();

	private ContextRunner runner(String transportId, Class<?> listener) {
		this.transport = transportId.equals("unix") ? UnixMailslotTransport.in(unixDirectory())
				: MailslotTransports.get(transportId);
		return ContextRunner.withMailslotConfiguration()
			.withUserConfiguration(listener)
			.withPropertyValues("test.transport=" + transportId, "test.unix.directory=" + unixDirectory(),
					"test.servers.e2e.name=" + this.name, "test.listener.poll-timeout=100ms",
					"test.listener.retry.max-retries=2", "test.listener.retry.delay=10ms",
					"test.listener.dead-letter.directory=" + this.deadLetters);
	}

	@ParameterizedTest
	@ValueSource(strings = { "posix", "unix" })
	void tenThousandMessagesFromAnotherProcessArriveInOrder(String transportId) {
		runner(transportId, CollectingListener.class).run((context) -> {
			int count = 10_000;
			Process writer = startWriter(count).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
			assertThat(writer.waitFor(120, TimeUnit.SECONDS)).isTrue();
			assertThat(writer.exitValue()).isZero();
			List<Integer> received = context.getBean(CollectingListener.class).numbers;
			await().atMost(Duration.ofSeconds(60)).until(() -> received.size() == count);
			assertInOrder(received, count);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "posix", "unix" })
	void aPausedListenerTakesTenThousandMessagesFromAnotherProcessWithoutTheWriterWaiting(String transportId) {
		runner(transportId, CollectingListener.class).run((context) -> {
			MailslotListenerEndpointRegistry registry = context.getBean(MailslotListenerEndpointRegistry.class);
			MailslotServer server = context.getBean(MailslotServers.class).get("e2e");
			registry.pause("e2e");
			await().atMost(Duration.ofSeconds(5)).until(() -> registry.getListenerContainer("e2e").isPaused());
			int count = 10_000;
			Process writer = startWriter(count, "2000").start();
			String report = new String(writer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(writer.waitFor(120, TimeUnit.SECONDS)).isTrue();
			System.out.println("To a paused listener: " + report);
			assertThat(writer.exitValue()).as(report).isZero();
			assertThat(report).startsWith("written 10000,");
			assertThat(server.info().messageCount()).isEqualTo(count);
			assertThat(server.info().nextMessageSize()).hasValue(260);
			List<Integer> received = context.getBean(CollectingListener.class).numbers;
			assertThat(received).isEmpty();
			registry.resume("e2e");
			await().atMost(Duration.ofSeconds(60)).until(() -> received.size() == count);
			assertInOrder(received, count);
			assertThat(server.info().messageCount()).isZero();
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "posix", "unix" })
	void pastTheHoldCapacityTheWriterTimesOutAndWhatWasTakenIsDelivered(String transportId) {
		runner(transportId, CollectingListener.class)
			.withPropertyValues("test.servers.e2e.queue-capacity=4", "test.servers.e2e.hold-capacity=100")
			.run((context) -> {
				MailslotListenerEndpointRegistry registry = context.getBean(MailslotListenerEndpointRegistry.class);
				MailslotServer server = context.getBean(MailslotServers.class).get("e2e");
				registry.pause("e2e");
				await().atMost(Duration.ofSeconds(5)).until(() -> registry.getListenerContainer("e2e").isPaused());
				Process writer = startWriter(200, "500").start();
				String report = new String(writer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				assertThat(writer.waitFor(120, TimeUnit.SECONDS)).isTrue();
				assertThat(writer.exitValue()).as(report).isEqualTo(WriterProcess.WRITE_TIMED_OUT);
				// Posix holds its queue's 4 beyond the hold capacity; unix, which has no
				// queue, holds exactly its hold capacity (docs/transports.md).
				int accepted = transportId.equals("unix") ? 100 : 104;
				assertThat(report).startsWith("written " + accepted + ",");
				assertThat(server.info().messageCount()).isEqualTo(accepted);
				registry.resume("e2e");
				List<Integer> received = context.getBean(CollectingListener.class).numbers;
				await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == accepted);
				assertInOrder(received, accepted);
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "posix", "unix" })
	void aMessageThatKeepsFailingIsKeptOnDisk(String transportId) {
		runner(transportId, FailingListener.class).withPropertyValues("test.listener.retry.max-retries=2")
			.run((context) -> {
				write("poison".getBytes());
				await().atMost(Duration.ofSeconds(10)).until(() -> files(".bin").size() == 1);
				assertThat(Files.readAllBytes(files(".bin").get(0))).isEqualTo("poison".getBytes());
				assertThat(Files.readString(files(".properties").get(0))).contains("attempts=3")
					.contains("IllegalStateException\\: every time");
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "posix", "unix" })
	void pausedMessagesWaitAndResumeDrainsThem(String transportId) {
		runner(transportId, CollectingListener.class).run((context) -> {
			MailslotListenerEndpointRegistry registry = context.getBean(MailslotListenerEndpointRegistry.class);
			MailslotServer server = context.getBean(MailslotServers.class).get("e2e");
			registry.pause("e2e");
			await().atMost(Duration.ofSeconds(5)).until(() -> registry.getListenerContainer("e2e").isPaused());
			for (int i = 0; i < 8; i++) {
				write(number(i));
			}
			assertThat(server.info().messageCount()).isEqualTo(8);
			assertThat(server.info().nextMessageSize()).hasValue(4);
			List<Integer> received = context.getBean(CollectingListener.class).numbers;
			assertThat(received).isEmpty();
			registry.resume("e2e");
			await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 8);
			assertThat(received).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
			assertThat(server.info().messageCount()).isZero();
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "posix", "unix" })
	void shutdownWithMessagesQueuedLosesNone(String transportId) {
		List<Integer> received = new CopyOnWriteArrayList<>();
		runner(transportId, CollectingListener.class).run((context) -> {
			MailslotListenerEndpointRegistry registry = context.getBean(MailslotListenerEndpointRegistry.class);
			registry.pause("e2e");
			await().atMost(Duration.ofSeconds(5)).until(() -> registry.getListenerContainer("e2e").isPaused());
			for (int i = 0; i < 9; i++) {
				write(number(i));
			}
			CollectingListener listener = context.getBean(CollectingListener.class);
			listener.numbers = received;
		});
		assertThat(received).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
	}

	private Path unixDirectory() {
		return this.sockets.resolve("s");
	}

	private ProcessBuilder startWriter(int count, String... writeTimeoutMillis) {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
				WriterProcess.class.getName(), this.transport.id(), this.name, Integer.toString(count)));
		command.addAll(List.of(writeTimeoutMillis));
		ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
		builder.environment().put("MAILSLOT_UNIX_DIRECTORY", unixDirectory().toString());
		return builder;
	}

	private static void assertInOrder(List<Integer> received, int count) {
		assertThat(received).hasSize(count);
		for (int i = 0; i < count; i++) {
			assertThat(received.get(i)).isEqualTo(i);
		}
	}

	private void write(byte[] message) {
		try (MailslotClient client = this.transport.openClient(MailslotName.parse(this.name))) {
			client.write(message);
		}
	}

	private static byte[] number(int i) {
		return ByteBuffer.allocate(4).putInt(i).array();
	}

	private List<Path> files(String suffix) throws Exception {
		try (Stream<Path> files = Files.list(this.deadLetters)) {
			return files.filter((path) -> path.toString().endsWith(suffix)).toList();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class CollectingListener {

		volatile List<Integer> numbers = new CopyOnWriteArrayList<>();

		@MailslotListener("e2e")
		void collect(byte[] message) {
			this.numbers.add(ByteBuffer.wrap(message).getInt());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingListener {

		@MailslotListener("e2e")
		void fail(byte[] message) {
			throw new IllegalStateException("every time");
		}

	}

}
