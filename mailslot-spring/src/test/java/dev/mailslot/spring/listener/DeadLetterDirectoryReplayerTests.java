package dev.mailslot.spring.listener;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.support.MessageBuilder;

import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTimeoutException;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.ReadTimeout;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.support.MailslotHeaders;
import dev.mailslot.transport.posix.ServerProcess;
import dev.mailslot.transport.unix.UnixMailslotTransport;
import dev.mailslot.transport.unix.UnixServerProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A replay writes the dead letters of one mailslot to an allowed target and removes each
 * only once written; what fails stays. Real parts: dead letters kept by
 * {@link DeadLetterDirectoryErrorHandler} in a real directory, posix queues, and a target
 * owned by a second JVM that closes it and exits, is killed ({@code kill -9}) or never
 * reads, on posix and on unix (in a socket directory of the test's own).
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "posix transport")
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DeadLetterDirectoryReplayerTests {

	@TempDir
	Path directory;

	@TempDir
	Path sockets;

	private final MailslotTransport posix = MailslotTransports.get("posix");

	private final String prefix = "\\\\.\\mailslot\\dlq-replay\\" + ProcessHandle.current().pid() + "-"
			+ System.nanoTime();

	private final MailslotName orders = MailslotName.parse(this.prefix + "-orders");

	private final MailslotName invoices = MailslotName.parse(this.prefix + "-invoices");

	private MailslotTemplate template = new MailslotTemplate(this.posix, null, new ByteArrayMessageConverter());

	private final List<MailslotServer> servers = new ArrayList<>();

	private DeadLetterDirectoryErrorHandler deadLetters;

	@BeforeEach
	void keepDeadLettersInTheDirectory() {
		this.deadLetters = new DeadLetterDirectoryErrorHandler(this.directory);
	}

	@AfterEach
	void close() {
		this.template.destroy();
		this.servers.forEach(MailslotServer::close);
	}

	private MailslotServer server(MailslotName name) {
		MailslotServer server = this.posix.createServer(MailslotServerOptions.builder(name).build());
		this.servers.add(server);
		return server;
	}

	/**
	 * Start a second JVM that owns the invoices mailslot: on posix, a
	 * {@link ServerProcess} in a mode; on unix, a {@link UnixServerProcess} holding one
	 * message and reading none, which the template then writes to.
	 */
	private Process startInvoicesOwner(String transport, String posixMode) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path")));
		if (transport.equals("unix")) {
			Path unixDirectory = this.sockets.resolve("s");
			command.addAll(List.of(UnixServerProcess.class.getName(), unixDirectory.toString(),
					this.invoices.toString(), "hold"));
			this.template.destroy();
			this.template = new MailslotTemplate(UnixMailslotTransport.in(unixDirectory), null,
					new ByteArrayMessageConverter());
		}
		else {
			command.addAll(List.of(ServerProcess.class.getName(), this.invoices.toString(), posixMode));
		}
		Process owner = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		assertThat(new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8)).readLine())
			.isEqualTo("ready");
		return owner;
	}

	private DeadLetterDirectoryReplayer replayer(Set<MailslotName> allowed) {
		return new DeadLetterDirectoryReplayer(this.directory, this.template, allowed::contains);
	}

	private void deadLetter(MailslotName mailslot, String text) {
		this.deadLetters.handleError(MessageBuilder.withPayload(text.getBytes(StandardCharsets.UTF_8))
			.setHeader(MailslotHeaders.MAILSLOT, mailslot.toString())
			.build(), new IllegalStateException("boom"), 3);
	}

	private List<String> readAll(MailslotServer server) {
		List<String> texts = new ArrayList<>();
		while (true) {
			try {
				texts.add(new String(server.read(ReadTimeout.ofMillis(200)), StandardCharsets.UTF_8));
			}
			catch (MailslotTimeoutException ex) {
				return texts;
			}
		}
	}

	private long files(String suffix) throws Exception {
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.filter((file) -> file.toString().endsWith(suffix)).count();
		}
	}

	@Test
	void replaysAMailslotsDeadLettersOldestFirstAndRemovesThem() throws Exception {
		MailslotServer ordersServer = server(this.orders);
		for (int i = 0; i < 12; i++) {
			deadLetter(this.orders, "order " + i);
		}
		deadLetter(this.invoices, "invoice");
		DeadLetterReplayResult result = replayer(Set.of(this.orders)).replay(this.orders, this.orders);
		assertThat(result)
			.isEqualTo(new DeadLetterReplayResult(this.orders.toString(), this.orders.toString(), 12, 0, 0, null));
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			expected.add("order " + i);
		}
		assertThat(readAll(ordersServer)).isEqualTo(expected);
		assertThat(files(".bin")).isOne();
		assertThat(files(".properties")).isOne();
	}

	@Test
	void replaysToAnotherAllowedMailslot() throws Exception {
		MailslotServer invoicesServer = server(this.invoices);
		deadLetter(this.orders, "to invoices");
		DeadLetterReplayResult result = replayer(Set.of(this.invoices)).replay(this.orders, this.invoices);
		assertThat(result.replayed()).isOne();
		assertThat(readAll(invoicesServer)).containsExactly("to invoices");
		assertThat(files(".bin")).isZero();
	}

	@Test
	void aTargetThatIsNotAllowedIsRefusedAndNothingIsRemoved() throws Exception {
		server(this.invoices);
		deadLetter(this.orders, "stays");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> replayer(Set.of(this.orders)).replay(this.orders, this.invoices))
			.withMessageContaining("may not write to " + this.invoices);
		assertThat(files(".bin")).isOne();
	}

	@ParameterizedTest
	@ValueSource(strings = { "posix", "unix" })
	void whenTheTargetsOwnerHasClosedItTheDeadLettersStay(String transport) throws Exception {
		replayAfterTheTargetHasGone(transport, (owner) -> owner.getOutputStream().close());
	}

	@ParameterizedTest
	@ValueSource(strings = { "posix", "unix" })
	void whenTheTargetsOwnerIsKilledTheDeadLettersStay(String transport) throws Exception {
		replayAfterTheTargetHasGone(transport, Process::destroyForcibly);
	}

	private void replayAfterTheTargetHasGone(String transport, OwnerEnd end) throws Exception {
		Process owner = startInvoicesOwner(transport, "hold");
		try {
			deadLetter(this.orders, "first");
			DeadLetterDirectoryReplayer replayer = replayer(Set.of(this.invoices));
			assertThat(replayer.replay(this.orders, this.invoices).replayed()).isOne();
			for (int i = 0; i < 5; i++) {
				deadLetter(this.orders, "later " + i);
			}
			end.end(owner);
			assertThat(owner.waitFor(30, TimeUnit.SECONDS)).isTrue();
			DeadLetterReplayResult result = replayer.replay(this.orders, this.invoices);
			assertThat(result.replayed()).isZero();
			assertThat(result.failed()).isOne();
			assertThat(result.remaining()).isEqualTo(5);
			assertThat(result.failure()).contains("NoSuchMailslotException");
			assertThat(files(".bin")).isEqualTo(5);
			assertThat(files(".properties")).isEqualTo(5);
		}
		finally {
			owner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	@RepeatedTest(5)
	void twoReplaysAtOnceWriteEachDeadLetterOnce() throws Exception {
		MailslotServer ordersServer = server(this.orders);
		int count = 100;
		for (int i = 0; i < count; i++) {
			deadLetter(this.orders, "order " + i);
		}
		DeadLetterDirectoryReplayer replayer = replayer(Set.of(this.orders));
		CyclicBarrier start = new CyclicBarrier(2);
		List<CompletableFuture<Integer>> replays = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			replays.add(CompletableFuture.supplyAsync(() -> {
				try {
					start.await(10, TimeUnit.SECONDS);
					return replayer.replay(this.orders, this.orders).replayed();
				}
				catch (DeadLetterReplayInProgressException ex) {
					return 0;
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}));
		}
		int replayed = 0;
		for (CompletableFuture<Integer> replay : replays) {
			replayed += replay.get(60, TimeUnit.SECONDS);
		}
		List<String> received = readAll(ordersServer);
		assertThat(replayed).isEqualTo(count);
		assertThat(received).hasSize(count).doesNotHaveDuplicates();
		assertThat(files(".bin")).isZero();
	}

	@Test
	void deadLettersKeptWhileAReplayRunsAreWholeAndWrittenOnceOrLeft() throws Exception {
		MailslotServer ordersServer = server(this.orders);
		int count = 300;
		CompletableFuture<Void> keeper = CompletableFuture.runAsync(() -> {
			for (int i = 0; i < count; i++) {
				deadLetter(this.orders, "order " + i);
			}
		});
		DeadLetterDirectoryReplayer replayer = replayer(Set.of(this.orders));
		Set<String> received = new HashSet<>();
		int replayed = 0;
		while (!keeper.isDone()) {
			replayed += replayer.replay(this.orders, this.orders).replayed();
			List<String> texts = readAll(ordersServer);
			assertThat(texts).allSatisfy((text) -> assertThat(text).startsWith("order "));
			for (String text : texts) {
				assertThat(received.add(text)).as("written twice: " + text).isTrue();
			}
		}
		keeper.get(10, TimeUnit.SECONDS);
		assertThat(replayed).isEqualTo(received.size());
		assertThat(received.size() + files(".bin")).isEqualTo(count);
		assertThat(files(".properties")).isEqualTo(files(".bin"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "posix", "unix" })
	void aTargetThatStaysFullEndsTheReplayWithinTheWriteTimeout(String transport) throws Exception {
		Process owner = startInvoicesOwner(transport, "hold-in-queue");
		try {
			int count = 100;
			for (int i = 0; i < count; i++) {
				deadLetter(this.orders, "order " + i);
			}
			this.template.setWriteTimeout(Duration.ofMillis(300));
			long started = System.nanoTime();
			DeadLetterReplayResult result = replayer(Set.of(this.invoices)).replay(this.orders, this.invoices);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
			assertThat(result.failed()).isOne();
			assertThat(result.failure()).contains("MailslotWriteTimeoutException");
			assertThat(result.replayed()).isPositive().isLessThan(count);
			assertThat(result.replayed() + result.remaining()).isEqualTo(count);
			assertThat(files(".bin")).isEqualTo(result.remaining());
		}
		finally {
			owner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	@FunctionalInterface
	interface OwnerEnd {

		void end(Process owner) throws Exception;

	}

}
