package dev.mailslot;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The contract of Windows mailslots, which every transport keeps. A transport's test
 * class extends this one and says how its transport differs where Windows allows it to.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public abstract class MailslotTransportContractTests {

	private static final AtomicInteger sequence = new AtomicInteger();

	/** How soon a wake-up ends a waiting read: at once, with room for a busy machine. */
	private static final Duration WOKEN_WITHIN = Duration.ofMillis(500);

	private final List<AutoCloseable> resources = new ArrayList<>();

	private String testName = "test";

	/**
	 * Return the transport under test.
	 */
	protected abstract MailslotTransport transport();

	/**
	 * Return whether a client in another process reaches this transport's servers.
	 */
	protected boolean sharedAcrossProcesses() {
		return true;
	}

	/**
	 * Return the differences from Windows that this transport's environment is known to
	 * have; each relaxes exactly the checks it names.
	 */
	protected Set<Relaxation> relaxations() {
		return Set.of();
	}

	private boolean relaxed(Relaxation relaxation) {
		return relaxations().contains(relaxation);
	}

	private void skipIfRelaxed(Relaxation relaxation) {
		Assumptions.assumeFalse(relaxed(relaxation), () -> "Relaxed: " + relaxation.description());
	}

	/**
	 * Return the message count {@code info()} reports when the given number of messages
	 * wait.
	 */
	private int expectedCount(int waiting) {
		return relaxed(Relaxation.MESSAGE_COUNT_AT_MOST_ONE) ? Math.min(waiting, 1) : waiting;
	}

	/**
	 * Return the maximum message size {@code info()} reports for a server created with
	 * the given one. Windows reports what was asked; a transport with a limit of its own
	 * reports that limit for 0.
	 */
	protected int expectedMaxMessageSize(int asked) {
		return asked;
	}

	/**
	 * Check the maximum message size {@code info()} reports for a server created with the
	 * given one: by default exactly {@link #expectedMaxMessageSize(int)}.
	 */
	protected void assertReportedMaxMessageSize(int reported, int asked) {
		assertThat(reported).isEqualTo(expectedMaxMessageSize(asked));
	}

	/**
	 * Return whether a writer knows the mailslot's maximum message size, and so reports
	 * it in a {@link MessageTooLargeException}; otherwise the exception reports -1.
	 */
	protected boolean writerKnowsMaxMessageSize() {
		return true;
	}

	@BeforeEach
	void rememberTestName(TestInfo info) {
		this.testName = info.getTestMethod().map((method) -> method.getName()).orElse("test");
	}

	@AfterEach
	void closeResources() throws Exception {
		for (AutoCloseable resource : this.resources) {
			resource.close();
		}
	}

	protected MailslotName uniqueName() {
		return MailslotName.parse("\\\\.\\mailslot\\contract\\" + transport().id() + "\\" + this.testName + "-"
				+ ProcessHandle.current().pid() + "-" + sequence.incrementAndGet());
	}

	protected MailslotServer server(MailslotName name, int maxMessageSize, ReadTimeout readTimeout) {
		MailslotServer server = transport().createServer(
				MailslotServerOptions.builder(name).maxMessageSize(maxMessageSize).readTimeout(readTimeout).build());
		this.resources.add(server);
		return server;
	}

	protected MailslotServer server(ReadTimeout readTimeout) {
		return server(uniqueName(), 0, readTimeout);
	}

	protected MailslotClient client(MailslotName name) {
		MailslotClient client = transport().openClient(name);
		this.resources.add(0, client);
		return client;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

	@Test
	void newServerReportsItsInfo() {
		MailslotServer server = server(uniqueName(), 100, ReadTimeout.ZERO);
		assertThat(server.isOpen()).isTrue();
		assertThat(server.transport()).isEqualTo(transport().id());
		MailslotInfo info = server.info();
		assertReportedMaxMessageSize(info.maxMessageSize(), 100);
		assertThat(info.nextMessageSize()).isEqualTo(OptionalInt.empty());
		assertThat(info.messageCount()).isZero();
		assertThat(info.readTimeout()).isEqualTo(ReadTimeout.ZERO);
	}

	@Test
	void unlimitedMessageSizeIsReported() {
		MailslotServer server = server(uniqueName(), 0, ReadTimeout.FOREVER);
		assertReportedMaxMessageSize(server.info().maxMessageSize(), 0);
		assertThat(server.info().readTimeout()).isEqualTo(ReadTimeout.FOREVER);
	}

	@Test
	void namesAreExclusive() {
		MailslotName name = uniqueName();
		server(name, 0, ReadTimeout.ZERO);
		assertThatExceptionOfType(MailslotNameInUseException.class).isThrownBy(() -> server(name, 0, ReadTimeout.ZERO))
			.satisfies((ex) -> assertThat(ex.getMailslot()).isEqualTo(name))
			.withMessageContaining(name.toString());
	}

	@Test
	void namesDifferingInCaseAreOneName() {
		MailslotName name = uniqueName();
		MailslotServer server = server(name, 0, ReadTimeout.ZERO);
		MailslotName upper = MailslotName.parse(name.toString().toUpperCase(Locale.ROOT));
		MailslotName lower = MailslotName.parse(name.toString().toLowerCase(Locale.ROOT));
		assertThatExceptionOfType(MailslotNameInUseException.class)
			.isThrownBy(() -> server(upper, 0, ReadTimeout.ZERO));
		client(upper).write(bytes("to upper"));
		client(lower).write(bytes("to lower"));
		assertThat(text(server.read())).isEqualTo("to upper");
		assertThat(text(server.read())).isEqualTo("to lower");
	}

	@Test
	void closingFreesTheName() {
		MailslotName name = uniqueName();
		server(name, 0, ReadTimeout.ZERO).close();
		MailslotServer again = server(name, 0, ReadTimeout.ZERO);
		client(name).write(bytes("again"));
		assertThat(text(again.read())).isEqualTo("again");
	}

	@Test
	void pseudoDirectoriesAreNames() {
		MailslotName name = MailslotName.parse(uniqueName() + "\\abc\\def\\ghi");
		MailslotServer server = server(name, 0, ReadTimeout.ZERO);
		client(name).write(bytes("deep"));
		assertThat(text(server.read())).isEqualTo("deep");
	}

	@Test
	void bareNameIsTheLocalForm() {
		String path = "contract-" + transport().id() + "-bare-" + ProcessHandle.current().pid() + "-"
				+ sequence.incrementAndGet();
		MailslotServer server = server(MailslotName.parse(path), 0, ReadTimeout.ZERO);
		client(MailslotName.parse("\\\\.\\mailslot\\" + path)).write(bytes("bare"));
		assertThat(text(server.read())).isEqualTo("bare");
	}

	@Test
	void messagesArriveInWriteOrderAcrossWriters() {
		MailslotName name = uniqueName();
		MailslotServer server = server(name, 0, ReadTimeout.ofMillis(5000));
		MailslotClient first = client(name);
		MailslotClient second = client(name);
		for (int i = 0; i < 8; i++) {
			((i % 2 == 0) ? first : second).write(bytes("message " + i));
		}
		for (int i = 0; i < 8; i++) {
			assertThat(text(server.read())).isEqualTo("message " + i);
		}
	}

	@Test
	void zeroLengthMessagesAreKept() {
		skipIfRelaxed(Relaxation.ZERO_LENGTH_READ_FAILS);
		MailslotName name = uniqueName();
		MailslotServer server = server(name, 0, ReadTimeout.ZERO);
		MailslotClient client = client(name);
		client.write(new byte[0]);
		client.write(bytes("after"));
		assertThat(server.info().nextMessageSize()).hasValue(0);
		assertThat(server.info().messageCount()).isEqualTo(expectedCount(2));
		assertThat(server.read()).isEmpty();
		assertThat(text(server.read())).isEqualTo("after");
	}

	@Test
	void infoFollowsWritesAndReads() {
		MailslotName name = uniqueName();
		MailslotServer server = server(name, 0, ReadTimeout.ZERO);
		MailslotClient client = client(name);
		assertThat(server.info().nextMessageSize()).isEmpty();
		assertThat(server.info().messageCount()).isZero();
		client.write(bytes("abc"));
		client.write(bytes("defgh"));
		assertThat(server.info().nextMessageSize()).hasValue(3);
		assertThat(server.info().messageCount()).isEqualTo(expectedCount(2));
		assertThat(text(server.read())).isEqualTo("abc");
		assertThat(server.info().nextMessageSize()).hasValue(5);
		assertThat(server.info().messageCount()).isEqualTo(1);
		assertThat(text(server.read())).isEqualTo("defgh");
		assertThat(server.info().nextMessageSize()).isEmpty();
		assertThat(server.info().messageCount()).isZero();
	}

	@Test
	void readWithTimeoutZeroReturnsAtOnce() {
		MailslotServer server = server(ReadTimeout.ZERO);
		long start = System.nanoTime();
		assertThatExceptionOfType(MailslotTimeoutException.class).isThrownBy(server::read)
			.satisfies((ex) -> assertThat(ex.getReadTimeout()).isEqualTo(ReadTimeout.ZERO));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(250));
	}

	@Test
	void readWithFiniteTimeoutWaitsThatLong() {
		Duration timeout = Duration.ofMillis(300);
		MailslotServer server = server(ReadTimeout.of(timeout));
		long start = System.nanoTime();
		assertThatExceptionOfType(MailslotTimeoutException.class).isThrownBy(server::read);
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(elapsed).isBetween(timeout.minus(finiteTimeoutEarliness()), timeout.plusSeconds(1));
	}

	/**
	 * Return how much earlier than asked a finite read timeout may expire.
	 */
	protected Duration finiteTimeoutEarliness() {
		return Duration.ofMillis(5);
	}

	@Test
	void readWaitingForeverReturnsAMessageWrittenLater() throws Exception {
		MailslotName name = uniqueName();
		MailslotServer server = server(name, 0, ReadTimeout.FOREVER);
		CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(server::read);
		Thread.sleep(100);
		assertThat(read).isNotDone();
		client(name).write(bytes("late"));
		assertThat(text(read.get(10, TimeUnit.SECONDS))).isEqualTo("late");
	}

	@Test
	void readWaitingForeverEndsWhenTheServerCloses() throws Exception {
		MailslotServer server = server(ReadTimeout.FOREVER);
		CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(server::read);
		Thread.sleep(200);
		assertThat(read).isNotDone();
		long start = System.nanoTime();
		server.close();
		await().atMost(Duration.ofSeconds(2)).until(read::isDone);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
		assertThatThrownBy(read::join).hasCauseInstanceOf(MailslotClosedException.class);
		assertThat(server.isOpen()).isFalse();
	}

	@Test
	void aReadOfASmallMailslotWaitingForeverEndsWhenTheServerCloses() throws Exception {
		MailslotServer server = server(uniqueName(), 4, ReadTimeout.FOREVER);
		CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(server::read);
		Thread.sleep(200);
		assertThat(read).isNotDone();
		server.close();
		assertThatThrownBy(() -> read.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(MailslotClosedException.class);
	}

	@Test
	void closingEndsEveryWaitingRead() throws Exception {
		MailslotServer server = server(ReadTimeout.FOREVER);
		List<CompletableFuture<byte[]>> reads = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			reads.add(CompletableFuture.supplyAsync(server::read, Executors.newSingleThreadExecutor()));
		}
		Thread.sleep(300);
		server.close();
		for (CompletableFuture<byte[]> read : reads) {
			assertThatThrownBy(() -> read.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(MailslotClosedException.class);
		}
	}

	@Test
	void infoCallsRacingAReaderThatWaitsForeverLoseNoMessage() throws Exception {
		int calls = 100_000;
		int messages = 100;
		MailslotName name = uniqueName();
		MailslotServer server = server(name, 0, ReadTimeout.FOREVER);
		MailslotClient client = client(name);
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			Future<List<String>> reader = executor.submit(() -> {
				List<String> received = new ArrayList<>();
				for (int i = 0; i < messages; i++) {
					received.add(text(server.read()));
				}
				return received;
			});
			AtomicInteger infoCalls = new AtomicInteger();
			Future<?> querier = executor.submit(() -> {
				for (int i = 0; i < calls; i++) {
					server.info();
					infoCalls.incrementAndGet();
				}
			});
			List<String> written = new ArrayList<>();
			for (int i = 0; i < messages; i++) {
				int due = (i + 1) * (calls / (messages + 1));
				while (infoCalls.get() < due && !querier.isDone()) {
					Thread.yield();
				}
				written.add("message " + i);
				client.write(bytes("message " + i));
			}
			querier.get(90, TimeUnit.SECONDS);
			assertThat(infoCalls).hasValue(calls);
			assertThat(reader.get(10, TimeUnit.SECONDS)).containsExactlyElementsOf(written);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void aReaderRefusedForItsSmallBufferLeavesTheMessageToAWaitingReader() throws Exception {
		MailslotName name = uniqueName();
		MailslotServer server = server(name, 0, ReadTimeout.ofMillis(1000));
		CompletableFuture<byte[]> waiting = CompletableFuture.supplyAsync(() -> {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (true) {
				try {
					return server.read();
				}
				catch (MailslotTimeoutException ex) {
					if (System.nanoTime() > deadline) {
						throw ex;
					}
				}
			}
		}, Executors.newSingleThreadExecutor());
		Thread.sleep(200);
		client(name).write(bytes("0123456789"));
		try {
			server.read(ByteBuffer.allocate(2));
		}
		catch (BufferTooSmallException ex) {
			assertThat(ex.getRequiredSize()).isEqualTo(10);
		}
		catch (MailslotTimeoutException ex) {
			// The waiting reader took the message first.
		}
		assertThat(text(waiting.get(5, TimeUnit.SECONDS))).isEqualTo("0123456789");
	}

	@Test
	void setReadTimeoutAppliesToLaterReads() {
		MailslotServer server = server(ReadTimeout.FOREVER);
		server.setReadTimeout(ReadTimeout.ZERO);
		assertThat(server.info().readTimeout()).isEqualTo(ReadTimeout.ZERO);
		long start = System.nanoTime();
		assertThatExceptionOfType(MailslotTimeoutException.class).isThrownBy(server::read);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(250));
		server.setReadTimeout(ReadTimeout.ofMillis(200));
		assertThat(server.info().readTimeout()).isEqualTo(ReadTimeout.ofMillis(200));
		start = System.nanoTime();
		assertThatExceptionOfType(MailslotTimeoutException.class).isThrownBy(server::read);
		assertThat(Duration.ofNanos(System.nanoTime() - start))
			.isGreaterThanOrEqualTo(Duration.ofMillis(200).minus(finiteTimeoutEarliness()));
	}

	@Test
	void aNullReadTimeoutIsRefusedAtTheCall() {
		MailslotName name = uniqueName();
		MailslotServer server = server(name, 0, ReadTimeout.ZERO);
		assertThatNullPointerException().isThrownBy(() -> server.setReadTimeout(null))
			.withMessageContaining("ReadTimeout.FOREVER");
		assertThatNullPointerException().isThrownBy(() -> server.read((ReadTimeout) null));
		assertThatNullPointerException().isThrownBy(() -> server.read(ByteBuffer.allocate(8), null));
		assertThat(server.info().readTimeout()).isEqualTo(ReadTimeout.ZERO);
		client(name).write(bytes("still reads"));
		assertThat(text(server.read())).isEqualTo("still reads");
	}

	@Test
	void aReadsOwnTimeoutAppliesToThatReadAlone() {
		MailslotName name = uniqueName();
		MailslotServer server = server(name, 0, ReadTimeout.FOREVER);
		long start = System.nanoTime();
		assertThatExceptionOfType(MailslotTimeoutException.class)
			.isThrownBy(() -> server.read(ReadTimeout.ofMillis(200)))
			.satisfies((ex) -> assertThat(ex.getReadTimeout()).isEqualTo(ReadTimeout.ofMillis(200)));
		assertThat(Duration.ofNanos(System.nanoTime() - start))
			.isBetween(Duration.ofMillis(200).minus(finiteTimeoutEarliness()), Duration.ofMillis(1200));
		assertThat(server.info().readTimeout()).isEqualTo(ReadTimeout.FOREVER);
		assertThatExceptionOfType(MailslotTimeoutException.class)
			.isThrownBy(() -> server.read(ByteBuffer.allocate(8), ReadTimeout.ZERO));
		client(name).write(bytes("own timeout"));
		assertThat(text(server.read(ReadTimeout.ZERO))).isEqualTo("own timeout");
		client(name).write(bytes("into buffer"));
		ByteBuffer buffer = ByteBuffer.allocate(16);
		assertThat(server.read(buffer, ReadTimeout.ofMillis(100))).isEqualTo(11);
		assertThat(server.info().readTimeout()).isEqualTo(ReadTimeout.FOREVER);
		CompletableFuture<byte[]> waiting = CompletableFuture.supplyAsync(server::read);
		client(name).write(bytes("server timeout still forever"));
		assertThat(text(waiting.join())).isEqualTo("server timeout still forever");
	}

	@Test
	void readIntoBufferPutsTheMessageAtThePosition() {
		MailslotName name = uniqueName();
		MailslotServer server = server(name, 0, ReadTimeout.ZERO);
		client(name).write(bytes("hello"));
		ByteBuffer buffer = ByteBuffer.allocate(16).put((byte) '>');
		assertThat(server.read(buffer)).isEqualTo(5);
		assertThat(buffer.position()).isEqualTo(6);
		assertThat(new String(buffer.array(), 0, 6, StandardCharsets.UTF_8)).isEqualTo(">hello");
	}

	@Test
	void tooSmallBufferKeepsTheMessage() {
		MailslotName name = uniqueName();
		MailslotServer server = server(name, 0, ReadTimeout.ZERO);
		client(name).write(bytes("0123456789"));
		ByteBuffer small = ByteBuffer.allocate(4);
		assertThatExceptionOfType(BufferTooSmallException.class).isThrownBy(() -> server.read(small))
			.satisfies((ex) -> {
				assertThat(ex.getRequiredSize()).isEqualTo(10);
				assertThat(ex.getAvailableSize()).isEqualTo(4);
			});
		assertThat(small.position()).isZero();
		assertThat(server.info().messageCount()).isEqualTo(1);
		assertThat(server.info().nextMessageSize()).hasValue(10);
		ByteBuffer exact = ByteBuffer.allocate(10);
		assertThat(server.read(exact)).isEqualTo(10);
		assertThat(new String(exact.array(), StandardCharsets.UTF_8)).isEqualTo("0123456789");
	}

	/**
	 * A local write of 17 bytes to a mailslot of at most 16 ends as
	 * {@link #oversizedWriteOutcome()} says: refused with
	 * {@link MessageTooLargeException}, nothing sent, or accepted and readable.
	 */
	@Test
	void anOversizedWriteEndsAsThePlatformDoes() {
		Outcome outcome = oversizedWriteOutcome();
		MailslotName name = uniqueName();
		MailslotServer server = server(name, 16, ReadTimeout.ZERO);
		MailslotClient client = client(name);
		if (outcome.accepted()) {
			client.write(new byte[17]);
			assertThat(server.info().messageCount()).isEqualTo(1);
			OptionalInt size = server.info().nextMessageSize();
			assertThat(size).isPresent();
			assertThat(server.read()).hasSize(size.getAsInt());
		}
		else {
			assertThatExceptionOfType(MessageTooLargeException.class).isThrownBy(() -> client.write(new byte[17]))
				.satisfies((ex) -> {
					assertThat(ex.getMessageSize()).isEqualTo(17);
					assertThat(ex.getMaxMessageSize())
						.isEqualTo(writerKnowsMaxMessageSize() ? expectedMaxMessageSize(16) : -1);
					outcome.assertRefusal(ex);
				})
				.withMessageContaining("17 bytes");
			assertThat(server.info().messageCount()).isZero();
		}
		client.write(new byte[16]);
		assertThat(server.info().messageCount()).isEqualTo(1);
		assertThat(server.read()).hasSize(16);
	}

	/**
	 * After the server closed, a write through a client opened before and a new open of
	 * the name end as {@link #writeAfterCloseOutcome()} and
	 * {@link #openAfterCloseOutcome()} say: refused with {@link NoSuchMailslotException},
	 * or accepted.
	 */
	@Test
	void aWriteAfterTheServerClosedEndsAsThePlatformDoes() {
		Outcome write = writeAfterCloseOutcome();
		Outcome open = openAfterCloseOutcome();
		MailslotName name = uniqueName();
		MailslotServer server = server(name, 0, ReadTimeout.ZERO);
		MailslotClient client = client(name);
		client.write(bytes("before"));
		server.close();
		if (write.accepted()) {
			client.write(bytes("after"));
		}
		else {
			assertThatExceptionOfType(NoSuchMailslotException.class).isThrownBy(() -> client.write(bytes("after")))
				.satisfies(write::assertRefusal)
				.withMessageContaining(name.toString());
		}
		if (open.accepted()) {
			assertThat(client(name).name()).isEqualTo(name);
		}
		else {
			assertThatExceptionOfType(NoSuchMailslotException.class).isThrownBy(() -> client(name))
				.satisfies(open::assertRefusal);
		}
	}

	/**
	 * Return how a local write larger than the mailslot's maximum message size ends on
	 * this transport's platform: by default refused, with whatever native error code.
	 */
	protected Outcome oversizedWriteOutcome() {
		return Outcome.REFUSED;
	}

	/**
	 * Return how a write through a client opened before the server closed ends: by
	 * default refused.
	 */
	protected Outcome writeAfterCloseOutcome() {
		return Outcome.REFUSED;
	}

	/**
	 * Return how opening a client of a name whose server closed ends, while a client
	 * opened before is still open: by default refused.
	 */
	protected Outcome openAfterCloseOutcome() {
		return Outcome.REFUSED;
	}

	@Test
	void closingDiscardsWaitingMessages() {
		MailslotName name = uniqueName();
		MailslotServer first = server(name, 0, ReadTimeout.ZERO);
		try (MailslotClient client = transport().openClient(name)) {
			client.write(bytes("discarded"));
		}
		assertThat(first.info().messageCount()).isEqualTo(1);
		first.close();
		MailslotServer second = server(name, 0, ReadTimeout.ZERO);
		assertThat(second.info().messageCount()).isZero();
		assertThatExceptionOfType(MailslotTimeoutException.class).isThrownBy(second::read);
	}

	@Test
	void openingAMissingMailslotFails() {
		MailslotName name = uniqueName();
		assertThatExceptionOfType(NoSuchMailslotException.class).isThrownBy(() -> transport().openClient(name))
			.satisfies((ex) -> assertThat(ex.getMailslot()).isEqualTo(name))
			.withMessageContaining(name.toString());
	}

	@Test
	void aClosedServerRefusesEveryOperation() {
		MailslotServer server = server(ReadTimeout.ZERO);
		server.close();
		server.close();
		assertThat(server.isOpen()).isFalse();
		assertThatExceptionOfType(MailslotClosedException.class).isThrownBy(server::read);
		assertThatExceptionOfType(MailslotClosedException.class).isThrownBy(server::info);
		assertThatExceptionOfType(MailslotClosedException.class)
			.isThrownBy(() -> server.setReadTimeout(ReadTimeout.FOREVER));
	}

	@Test
	void aClosedClientRefusesToWrite() {
		MailslotName name = uniqueName();
		server(name, 0, ReadTimeout.ZERO);
		MailslotClient client = transport().openClient(name);
		client.close();
		client.close();
		assertThatExceptionOfType(MailslotClosedException.class).isThrownBy(() -> client.write(bytes("x")));
	}

	@Test
	void remoteNamesCannotBeServed() {
		assertThatExceptionOfType(InvalidMailslotNameException.class)
			.isThrownBy(() -> MailslotServerOptions.builder("\\\\HOST\\mailslot\\x"))
			.withMessageContaining("\\\\.\\mailslot\\x");
	}

	@Test
	void eightWritersOfTenThousandMessagesLoseNothingAndKeepTheirOrder() throws Exception {
		int writers = 8;
		int perWriter = 10_000;
		MailslotName name = uniqueName();
		MailslotServer server = server(name, 64, ReadTimeout.ofMillis(10_000));
		ExecutorService executor = Executors.newFixedThreadPool(writers);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				int writer = w;
				done.add(executor.submit(() -> {
					try (MailslotClient client = transport().openClient(name)) {
						ByteBuffer message = ByteBuffer.allocate(64);
						for (int i = 0; i < perWriter; i++) {
							message.clear();
							message.putInt(0, writer).putInt(4, i).limit(8 + (i % 57));
							client.write(message);
						}
					}
				}));
			}
			int[] next = new int[writers];
			for (int received = 0; received < writers * perWriter; received++) {
				ByteBuffer message = ByteBuffer.wrap(server.read());
				int writer = message.getInt(0);
				int index = message.getInt(4);
				assertThat(index).as("message of writer %d", writer).isEqualTo(next[writer]);
				assertThat(message.remaining()).isEqualTo(8 + (index % 57));
				next[writer]++;
			}
			for (Future<?> writer : done) {
				writer.get(30, TimeUnit.SECONDS);
			}
			assertThat(next).containsOnly(perWriter);
			assertThat(server.info().messageCount()).isZero();
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void aMessageFromAnotherProcessArrivesIntact() throws Exception {
		int count = 50;
		MailslotName name = uniqueName();
		MailslotServer server = server(name, 0, ReadTimeout.ofMillis(20_000));
		Process writer = startWriterProcess(name, count);
		if (!sharedAcrossProcesses()) {
			assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(writer.exitValue()).isEqualTo(WriterProcess.NO_SUCH_MAILSLOT);
			return;
		}
		for (int i = 0; i < count; i++) {
			assertThat(server.read()).isEqualTo(WriterProcess.message(i));
		}
		assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(writer.exitValue()).isZero();
		assertThat(server.info().messageCount()).isZero();
	}

	@Test
	void wakeupEndsAReadWaitingForeverPromptlyAndLeavesTheServerOpen() throws Exception {
		MailslotName name = uniqueName();
		MailslotServer server = server(name, 0, ReadTimeout.FOREVER);
		CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(server::read, singleThread());
		Thread.sleep(200);
		assertThat(read).isNotDone();
		long start = System.nanoTime();
		server.wakeup();
		assertThatThrownBy(() -> read.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(MailslotWakeupException.class);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WOKEN_WITHIN);
		assertThat(server.isOpen()).isTrue();
		client(name).write(bytes("after"));
		assertThat(text(server.read(ReadTimeout.ofMillis(5000)))).isEqualTo("after");
	}

	@Test
	void aWakeupWithNoReadWaitingEndsTheNextReadThatFindsNoMessageOnly() throws Exception {
		MailslotServer server = server(ReadTimeout.FOREVER);
		server.wakeup();
		server.wakeup();
		CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(server::read, singleThread());
		assertThatThrownBy(() -> read.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(MailslotWakeupException.class);
		assertThatThrownBy(() -> server.read(ReadTimeout.ofMillis(300)))
			.isExactlyInstanceOf(MailslotTimeoutException.class);
		server.wakeup();
		assertThatThrownBy(() -> server.read(ReadTimeout.ZERO)).isInstanceOf(MailslotWakeupException.class);
		assertThatThrownBy(() -> server.read(ReadTimeout.ZERO)).isExactlyInstanceOf(MailslotTimeoutException.class);
	}

	@Test
	void aWakeupNeverTakesAMessage() throws Exception {
		MailslotName name = uniqueName();
		MailslotServer server = server(name, 0, ReadTimeout.FOREVER);
		client(name).write(bytes("waiting"));
		server.wakeup();
		assertThat(text(server.read())).isEqualTo("waiting");
		CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(server::read, singleThread());
		assertThatThrownBy(() -> read.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(MailslotWakeupException.class);
		assertThat(server.info().messageCount()).isZero();
	}

	@Test
	void messagesWrittenJustBeforeAndJustAfterAWakeupKeepTheirOrder() throws Exception {
		MailslotName name = uniqueName();
		MailslotServer server = server(name, 0, ReadTimeout.FOREVER);
		MailslotClient client = client(name);
		CompletableFuture<byte[]> waiting = CompletableFuture.supplyAsync(server::read, singleThread());
		Thread.sleep(200);
		client.write(bytes("before"));
		server.wakeup();
		client.write(bytes("after"));
		List<String> received = new ArrayList<>();
		int wakeups = 0;
		try {
			received.add(text(waiting.get(5, TimeUnit.SECONDS)));
		}
		catch (ExecutionException ex) {
			assertThat(ex).hasCauseInstanceOf(MailslotWakeupException.class);
			wakeups++;
		}
		while (received.size() < 2) {
			received.add(text(server.read(ReadTimeout.ofMillis(5000))));
		}
		try {
			server.read(ReadTimeout.ofMillis(300));
		}
		catch (MailslotWakeupException ex) {
			wakeups++;
		}
		catch (MailslotTimeoutException ex) {
			// The waiting read used the wake-up.
		}
		assertThat(received).containsExactly("before", "after");
		assertThat(wakeups).as("reads the wake-up ended").isOne();
		assertThat(server.info().messageCount()).isZero();
	}

	@Test
	void wakeupsRacingAReaderLoseNoMessageAndKeepTheOrder() throws Exception {
		int count = 2_000;
		MailslotName name = uniqueName();
		MailslotServer server = server(name, 0, ReadTimeout.FOREVER);
		MailslotClient client = client(name);
		ExecutorService executor = Executors.newFixedThreadPool(2);
		AtomicInteger wakeups = new AtomicInteger();
		try {
			Future<List<String>> reader = executor.submit(() -> {
				List<String> received = new ArrayList<>();
				while (received.size() <= count) {
					try {
						received.add(text(server.read()));
					}
					catch (MailslotWakeupException ex) {
						wakeups.incrementAndGet();
						if (received.size() == count) {
							return received;
						}
					}
				}
				return received;
			});
			Future<?> waker = executor.submit(() -> {
				while (!reader.isDone()) {
					server.wakeup();
					LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(500));
				}
			});
			List<String> written = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				written.add("message " + i);
				client.write(bytes("message " + i));
				if (i % 20 == 0) {
					Thread.sleep(1);
				}
			}
			assertThat(reader.get(60, TimeUnit.SECONDS)).containsExactlyElementsOf(written);
			waker.get(10, TimeUnit.SECONDS);
			assertThat(wakeups).hasPositiveValue();
		}
		finally {
			executor.shutdownNow();
		}
	}

	private ExecutorService singleThread() {
		ExecutorService executor = Executors.newSingleThreadExecutor();
		this.resources.add(executor::shutdownNow);
		return executor;
	}

	/**
	 * Start a writer JVM. Its class path goes in an argument file, because Windows limits
	 * a command line to 32,767 characters.
	 */
	private Process startWriterProcess(MailslotName name, int count) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Path arguments = Files.createTempFile("mailslot-writer", ".args");
		arguments.toFile().deleteOnExit();
		String classPath = System.getProperty("java.class.path").replace("\\", "\\\\").replace("\"", "\\\"");
		Files.writeString(arguments, "-cp \"" + classPath + "\"\n",
				Charset.forName(System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name())));
		return new ProcessBuilder(java, "@" + arguments, WriterProcess.class.getName(), transport().id(),
				name.toString(), Integer.toString(count))
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.redirectOutput(ProcessBuilder.Redirect.INHERIT)
			.start();
	}

	/**
	 * How a write or an open ends on a transport's platform where Windows documents no
	 * error code: accepted, or refused with the exception the contract names and, where
	 * one was measured, exactly that native error code.
	 *
	 * @param accepted whether the call succeeds
	 * @param nativeErrorCode the native error code a refusal carries, if one was measured
	 */
	protected record Outcome(boolean accepted, OptionalInt nativeErrorCode) {

		/** Refused, with whatever native error code. */
		public static final Outcome REFUSED = new Outcome(false, OptionalInt.empty());

		/** Accepted: the call succeeds. */
		public static final Outcome ACCEPTED = new Outcome(true, OptionalInt.empty());

		/**
		 * Return a refusal that carries exactly the given native error code.
		 */
		public static Outcome refusedWith(int nativeErrorCode) {
			return new Outcome(false, OptionalInt.of(nativeErrorCode));
		}

		void assertRefusal(MailslotException refusal) {
			this.nativeErrorCode
				.ifPresent((code) -> assertThat(refusal.getNativeErrorCode()).as("native error code of %s", refusal)
					.hasValue(code));
		}

	}

	/**
	 * A known difference from Windows in a transport's environment. A transport's test
	 * declares the ones that apply; each relaxes exactly the check it describes and
	 * nothing else.
	 */
	protected enum Relaxation {

		/** Wine 8.0: GetMailslotInfo's message count is only ever 0 or 1. */
		MESSAGE_COUNT_AT_MOST_ONE(
				"Wine 8.0 reports a message count of 0 or 1 only; the count is checked as " + "min(waiting, 1)"),

		/**
		 * Wine 8.0: a zero-length write succeeds, but reading it fails with
		 * ERROR_BROKEN_PIPE.
		 */
		ZERO_LENGTH_READ_FAILS("Wine 8.0 fails to read a zero-length message (ERROR_BROKEN_PIPE)");

		private final String description;

		Relaxation(String description) {
			this.description = description;
		}

		public String description() {
			return this.description;
		}

	}

}
