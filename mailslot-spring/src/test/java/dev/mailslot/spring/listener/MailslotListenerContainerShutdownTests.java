package dev.mailslot.spring.listener;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.messaging.Message;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotInfo;
import dev.mailslot.MailslotMessage;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.ReadTimeout;
import dev.mailslot.spring.test.CapturedOutput;
import dev.mailslot.spring.test.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shutdown of a {@link MailslotListenerContainer} on the memory transport, counted the
 * moment {@code shutdown()} returns, as an application exits then: every message written
 * is processed, handed to the error handler, counted in flight at shutdown, or still in
 * the mailslot for its close to count, for single messages and batches, with one
 * dispatcher and with two. The container takes a message, or batch, only when a
 * dispatcher is free for it, so what it hands to the error handler is at most what its
 * dispatchers could have taken.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailslotListenerContainerShutdownTests {

	private final MailslotTransport transport = MailslotTransports.get("memory");

	private final MailslotServer server = this.transport
		.createServer(MailslotServerOptions.builder("shutdown-" + System.nanoTime()).build());

	/** Each message a listener call was given, as the call began. */
	private final List<String> seen = new CopyOnWriteArrayList<>();

	/** Each message the error handler took, with its cause. */
	private final List<Throwable> handled = new CopyOnWriteArrayList<>();

	private final CountDownLatch release = new CountDownLatch(1);

	private MailslotListenerContainer container;

	@AfterEach
	void close() {
		this.release.countDown();
		if (this.container != null) {
			this.container.shutdown();
		}
		this.server.close();
	}

	private MailslotListenerContainerOptions.Builder options(Duration shutdownTimeout) {
		return MailslotListenerContainerOptions.builder()
			.pollTimeout(Duration.ofMillis(100))
			.shutdownTimeout(shutdownTimeout)
			.errorHandler((message, cause, attempts) -> this.handled.add(cause));
	}

	private void startPaused(boolean batches, MailslotListenerContainerOptions.Builder options,
			Consumer<List<Message<byte[]>>> listener) {
		this.container = batches ? MailslotListenerContainer.forBatches("shutdown", this.server, null, (batch) -> {
			batch.forEach((message) -> this.seen.add(text(message)));
			listener.accept(batch);
		}, options.build()) : new MailslotListenerContainer("shutdown", this.server, null, (message) -> {
			this.seen.add(text(message));
			listener.accept(List.of(message));
		}, options.build());
		this.container.pause();
		this.container.start();
		await().atMost(Duration.ofSeconds(5)).until(this.container::isPaused);
	}

	private void write(int count) {
		try (MailslotClient client = this.transport.openClient(this.server.name())) {
			for (int i = 0; i < count; i++) {
				client.write(("m" + i).getBytes(StandardCharsets.UTF_8));
			}
		}
	}

	private void stuck(List<Message<byte[]>> messages) {
		try {
			this.release.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String text(Message<byte[]> message) {
		return new String(message.getPayload(), StandardCharsets.UTF_8);
	}

	@Test
	void aPausedListenerStuckPastTheShutdownTimeoutLeavesTheRestInTheMailslotAndCountsItsCallInFlight(
			CapturedOutput output) {
		startPaused(false, options(Duration.ofMillis(200)), this::stuck);
		write(100);
		long began = System.nanoTime();
		this.container.shutdown();
		Duration took = Duration.ofNanos(System.nanoTime() - began);
		int left = this.server.info().messageCount();
		MailslotListenerStatistics statistics = this.container.getStatistics();
		System.out.println("Stuck listener, 100 written: seen " + this.seen.size() + ", dead-lettered "
				+ this.handled.size() + ", left in the mailslot " + left + ", " + statistics + ", shutdown took "
				+ took.toMillis() + " ms");
		assertThat(this.seen.size() + this.handled.size() + left).isEqualTo(100);
		assertThat(this.seen).containsExactly("m0");
		assertThat(this.handled).isEmpty();
		assertThat(left).isEqualTo(99);
		assertThat(statistics.inFlight()).isOne();
		assertThat(output).contains("Listener shutdown on " + this.server.name()
				+ " has 1 message(s) in flight at shutdown: its listener calls did not return within the shutdown timeout of PT0.2S");
		assertThat(took).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void concurrentBatchCallsStuckPastTheShutdownTimeoutAreCountedInFlightAndTheRestStaysInTheMailslot() {
		startPaused(true, options(Duration.ofMillis(200)).concurrency(2).maxBatchSize(50), this::stuck);
		write(2_000);
		this.container.shutdown();
		int left = this.server.info().messageCount();
		MailslotListenerStatistics statistics = this.container.getStatistics();
		System.out.println("Two stuck batch calls, 2000 written: seen " + this.seen.size() + ", dead-lettered "
				+ this.handled.size() + ", left in the mailslot " + left + ", " + statistics);
		assertThat(statistics.processed() + statistics.unprocessed() + statistics.inFlight() + left).isEqualTo(2_000);
		assertThat(this.seen.size() + this.handled.size() + left).isEqualTo(2_000);
		assertThat(this.seen).hasSize(100);
		assertThat(statistics.inFlight()).isEqualTo(100);
		assertThat(left).isEqualTo(1_900);
	}

	@ParameterizedTest(name = "batches {0}, concurrency {1}")
	@CsvSource({ "false, 1", "false, 2", "true, 1", "true, 2" })
	void everyMessageIsProcessedHandedOffInFlightOrInTheMailslotInEveryRun(boolean batches, int concurrency) {
		int written = 1_000;
		int unit = batches ? 10 : 1;
		for (int run = 0; run < 10; run++) {
			this.seen.clear();
			this.handled.clear();
			startPaused(batches, options(Duration.ofMillis(100)).concurrency(concurrency).maxBatchSize(unit),
					(messages) -> sleep(10));
			write(written);
			this.container.shutdown();
			int left = this.server.info().messageCount();
			MailslotListenerStatistics statistics = this.container.getStatistics();
			assertThat(statistics.processed() + statistics.unprocessed() + statistics.inFlight() + left)
				.as("run %d: %s, %d left", run, statistics, left)
				.isEqualTo(written);
			assertThat(this.seen.size() + this.handled.size() + left).as("run %d", run).isEqualTo(written);
			assertThat(statistics.unprocessed()).as("run %d: handed off", run).isLessThanOrEqualTo(concurrency * unit);
			assertThat(left).as("run %d: left", run).isPositive();
			drainServer();
		}
	}

	private void drainServer() {
		this.container = null;
		while (this.server.info().messageCount() > 0) {
			this.server.readMessage(ReadTimeout.ZERO);
		}
	}

	@Test
	void aReaderWokenByTheShutdownTakesNothingWrittenAfterIt() throws Exception {
		this.container = new MailslotListenerContainer("shutdown", this.server, null,
				(message) -> this.seen.add(text(message)),
				options(Duration.ofMillis(200)).pollTimeout(Duration.ofSeconds(3)).build());
		this.container.start();
		Thread writer = new Thread(() -> {
			sleep(700);
			write(1);
		});
		writer.start();
		this.container.shutdown();
		writer.join(5_000);
		assertThat(this.seen).isEmpty();
		assertThat(this.handled).isEmpty();
		assertThat(this.server.info().messageCount()).isOne();
	}

	/**
	 * A reader that the shutdown's wake-up does not reach ({@link Unwakeable}), as on a
	 * transport whose read cannot be woken, takes a message after the shutdown timeout:
	 * it goes to the error handler. The shutdown has returned by then, so the hand-off is
	 * awaited.
	 */
	@Test
	void aMessageReadAfterTheShutdownTimeoutGoesToTheErrorHandlerUndispatched() throws Exception {
		Unwakeable unwakeable = new Unwakeable(this.server, new CountDownLatch(1));
		this.container = new MailslotListenerContainer("shutdown", unwakeable, null,
				(message) -> this.seen.add(text(message)),
				options(Duration.ofMillis(200)).pollTimeout(Duration.ofSeconds(3)).build());
		this.container.start();
		assertThat(unwakeable.reading().await(5, TimeUnit.SECONDS)).isTrue();
		Thread writer = new Thread(() -> {
			sleep(700);
			write(1);
		});
		writer.start();
		this.container.shutdown();
		writer.join(5_000);
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.handled.isEmpty());
		assertThat(this.seen).isEmpty();
		assertThat(this.handled).singleElement()
			.isInstanceOfSatisfying(MessageNotDispatchedException.class,
					(cause) -> assertThat(cause.getShutdownTimeout()).isEqualTo(Duration.ofMillis(200)));
		assertThat(this.server.info().messageCount()).isZero();
	}

	@Test
	void aBatchWaitingForADispatcherThatNeverRunsGoesToTheErrorHandlerUndispatched() {
		ExecutorService oneThread = Executors.newSingleThreadExecutor();
		try {
			startPaused(true, options(Duration.ofMillis(200)).concurrency(2).maxBatchSize(5).taskExecutor(oneThread),
					this::stuck);
			write(20);
			this.container.shutdown();
			int left = this.server.info().messageCount();
			assertThat(this.seen).hasSize(5);
			assertThat(this.handled).hasSize(5)
				.allSatisfy((cause) -> assertThat(cause).isInstanceOf(MessageNotDispatchedException.class));
			assertThat(left).isEqualTo(10);
			assertThat(this.container.getStatistics().inFlight()).isEqualTo(5);
		}
		finally {
			this.release.countDown();
			oneThread.shutdownNow();
		}
	}

	/**
	 * A server whose {@link MailslotServer#wakeup()} does nothing, the interface's
	 * default, and which counts down {@code reading} once a read has begun, so that a
	 * test shuts down while the reader waits in it rather than before it starts.
	 */
	private record Unwakeable(MailslotServer server, CountDownLatch reading) implements MailslotServer {

		@Override
		public MailslotName name() {
			return this.server.name();
		}

		@Override
		public String transport() {
			return this.server.transport();
		}

		@Override
		public byte[] read() {
			this.reading.countDown();
			return this.server.read();
		}

		@Override
		public byte[] read(ReadTimeout timeout) {
			this.reading.countDown();
			return this.server.read(timeout);
		}

		@Override
		public MailslotMessage readMessage(ReadTimeout timeout) {
			this.reading.countDown();
			return this.server.readMessage(timeout);
		}

		@Override
		public int read(ByteBuffer buffer) {
			this.reading.countDown();
			return this.server.read(buffer);
		}

		@Override
		public int read(ByteBuffer buffer, ReadTimeout timeout) {
			this.reading.countDown();
			return this.server.read(buffer, timeout);
		}

		@Override
		public MailslotInfo info() {
			return this.server.info();
		}

		@Override
		public void setReadTimeout(ReadTimeout readTimeout) {
			this.server.setReadTimeout(readTimeout);
		}

		@Override
		public boolean isOpen() {
			return this.server.isOpen();
		}

		@Override
		public void close() {
			this.server.close();
		}

	}

}
