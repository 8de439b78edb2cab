package dev.mailslot.spring.listener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.messaging.Message;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.spring.support.observation.MailslotListenerObservationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for a {@link MailslotListenerContainer} made
 * {@link MailslotListenerContainer#forBatches for batches}, on the memory transport: how
 * batches are made, how a failed batch is retried and given up, the drain at shutdown and
 * the statistics.
 */
class MailslotBatchListenerContainerTests {

	private final MailslotTransport transport = MailslotTransports.get("memory");

	private final MailslotServer server = this.transport
		.createServer(MailslotServerOptions.builder("batches-" + System.nanoTime()).build());

	/** Each call of the listener, with the texts of its batch. */
	private final List<List<String>> calls = new CopyOnWriteArrayList<>();

	/** Each message the error handler took: its text and the attempts made. */
	private final Map<String, Integer> handled = new ConcurrentHashMap<>();

	private final List<Throwable> causes = new CopyOnWriteArrayList<>();

	private final List<MailslotListenerObservationContext> observed = new CopyOnWriteArrayList<>();

	private MailslotListenerContainer container;

	@AfterEach
	void stop() {
		if (this.container != null) {
			this.container.shutdown();
		}
		this.server.close();
	}

	private MailslotListenerContainerOptions.Builder options() {
		return MailslotListenerContainerOptions.builder()
			.pollTimeout(Duration.ofMillis(100))
			.retryPolicy(RetryPolicy.builder().maxRetries(1).delay(Duration.ofMillis(1)).build())
			.errorHandler((message, cause, attempts) -> {
				this.handled.put(text(message), attempts);
				this.causes.add(cause);
			});
	}

	/**
	 * Make a container that records each batch and then calls the listener, paused so
	 * that the test writes first.
	 */
	private void createPaused(MailslotBatchMessageListener listener, MailslotListenerContainerOptions.Builder options) {
		this.container = MailslotListenerContainer.forBatches("batches", this.server, null, (batch) -> {
			this.calls.add(batch.stream().map(MailslotBatchListenerContainerTests::text).toList());
			listener.onMessages(batch);
		}, options.build());
		this.container.pause();
		this.container.start();
	}

	private void write(String... texts) {
		try (MailslotClient client = this.transport.openClient(this.server.name())) {
			for (String text : texts) {
				client.write(text.getBytes(StandardCharsets.UTF_8));
			}
		}
	}

	private static String[] messages(int count) {
		return IntStream.range(0, count).mapToObj((i) -> "m" + i).toArray(String[]::new);
	}

	private static String text(Message<byte[]> message) {
		return new String(message.getPayload(), StandardCharsets.UTF_8);
	}

	private static int indexOf(List<Message<byte[]>> batch, String text) {
		return batch.stream().map(MailslotBatchListenerContainerTests::text).toList().indexOf(text);
	}

	private List<String> delivered() {
		List<String> all = new ArrayList<>();
		this.calls.forEach(all::addAll);
		return all;
	}

	@Test
	void waitingMessagesComeInBatchesOfAtMostTheLargestSizeInOrder() {
		createPaused((batch) -> {
		}, options().maxBatchSize(100));
		write(messages(250));
		this.container.resume();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.container.getStatistics().processed() == 250);
		assertThat(this.calls).extracting(List::size).containsExactly(100, 100, 50);
		assertThat(delivered()).containsExactly(messages(250));
		assertThat(this.container.getStatistics()).isEqualTo(new MailslotListenerStatistics(250, 890, 250, 0, 0, 0));
	}

	@Test
	void withNoWaitABatchTakesOnlyWhatIsWaiting() throws Exception {
		createPaused((batch) -> {
		}, options().maxBatchSize(100));
		this.container.resume();
		for (int i = 0; i < 3; i++) {
			int before = this.calls.size();
			write("alone " + i);
			await().atMost(Duration.ofSeconds(5)).until(() -> this.calls.size() == before + 1);
		}
		assertThat(this.calls).containsExactly(List.of("alone 0"), List.of("alone 1"), List.of("alone 2"));
	}

	@Test
	void aBatchWaitsForMoreUntilItIsFull() throws Exception {
		createPaused((batch) -> {
		}, options().maxBatchSize(3).maxBatchWait(Duration.ofSeconds(30)));
		this.container.resume();
		long start = System.nanoTime();
		write("first");
		Thread.sleep(300);
		assertThat(this.calls).isEmpty();
		write("second", "third", "fourth");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.size() == 1);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
		assertThat(this.calls).containsExactly(List.of("first", "second", "third"));
	}

	@Test
	void aBatchThatIsNotFullGoesWhenTheLongestWaitIsOver() {
		createPaused((batch) -> {
		}, options().maxBatchSize(100).maxBatchWait(Duration.ofMillis(700)));
		this.container.resume();
		long start = System.nanoTime();
		write("first");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.size() == 1);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
		assertThat(this.calls).containsExactly(List.of("first"));
	}

	@Test
	void aStopDuringTheWaitDeliversWhatTheBatchHolds() {
		createPaused((batch) -> {
		}, options().maxBatchSize(100).maxBatchWait(Duration.ofSeconds(60)));
		this.container.resume();
		write("first");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.container.getStatistics().received() == 1);
		long start = System.nanoTime();
		this.container.stop();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
		assertThat(this.calls).containsExactly(List.of("first"));
	}

	@Test
	void aPauseDuringTheWaitDeliversWhatTheBatchHolds() {
		createPaused((batch) -> {
		}, options().maxBatchSize(100).maxBatchWait(Duration.ofSeconds(60)));
		this.container.resume();
		write("first");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.container.getStatistics().received() == 1);
		this.container.pause();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.calls.size() == 1);
		assertThat(this.calls).containsExactly(List.of("first"));
		await().atMost(Duration.ofSeconds(5)).until(this.container::isPaused);
	}

	@Test
	void aMailslotClosedDuringTheWaitStillDeliversWhatTheBatchHolds() throws Exception {
		createPaused((batch) -> {
		}, options().maxBatchSize(100).maxBatchWait(Duration.ofSeconds(60)));
		this.container.resume();
		write("first", "second");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.container.getStatistics().received() == 2);
		this.server.close();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.size() == 1);
		assertThat(this.calls).containsExactly(List.of("first", "second"));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.container.getState() == ListenerContainerState.FAILED);
	}

	@Test
	void aFailureThatNamesNoMessageRetriesTheBatchThenHandsEachMessageToTheErrorHandler() {
		createPaused((batch) -> {
			throw new IllegalStateException("whole batch");
		}, options());
		write("a", "b", "c");
		this.container.resume();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.handled.size() == 3);
		assertThat(this.calls).containsExactly(List.of("a", "b", "c"), List.of("a", "b", "c"));
		assertThat(this.handled).containsExactlyInAnyOrderEntriesOf(Map.of("a", 2, "b", 2, "c", 2));
		assertThat(this.causes).allSatisfy((cause) -> assertThat(cause).hasMessage("whole batch"));
		assertThat(this.container.getStatistics()).isEqualTo(new MailslotListenerStatistics(3, 3, 0, 2, 3, 0));
	}

	@Test
	void aFailureThatNamesAMessageRetriesItAloneThenDeliversTheMessagesAfterIt() {
		createPaused((batch) -> {
			int bad = indexOf(batch, "m2");
			if (bad >= 0) {
				throw new BatchListenerFailedException("m2 fails", new IllegalStateException("m2 is bad"), bad);
			}
		}, options());
		write(messages(5));
		this.container.resume();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.container.getStatistics().processed() == 4);
		assertThat(this.calls).containsExactly(List.of("m0", "m1", "m2", "m3", "m4"), List.of("m2", "m3", "m4"),
				List.of("m3", "m4"));
		assertThat(this.handled).containsExactlyEntriesOf(Map.of("m2", 2));
		assertThat(this.causes).singleElement()
			.satisfies((cause) -> assertThat(cause).isInstanceOf(IllegalStateException.class).hasMessage("m2 is bad"));
		assertThat(this.container.getStatistics()).isEqualTo(new MailslotListenerStatistics(5, 10, 4, 2, 1, 0));
	}

	@Test
	void aRetryThatFailsFurtherOnStartsTheRetriesAgainFromThere() {
		Set<String> failedOnce = ConcurrentHashMap.newKeySet();
		createPaused((batch) -> {
			for (int i = 0; i < batch.size(); i++) {
				String text = text(batch.get(i));
				if (text.equals("m3") || (text.equals("m1") && failedOnce.add(text))) {
					throw new BatchListenerFailedException(text + " fails", new IllegalStateException(text),
							batch.get(i));
				}
			}
		}, options());
		write(messages(5));
		this.container.resume();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.container.getStatistics().processed() == 4);
		assertThat(this.calls).containsExactly(List.of("m0", "m1", "m2", "m3", "m4"), List.of("m1", "m2", "m3", "m4"),
				List.of("m3", "m4"), List.of("m4"));
		assertThat(this.handled).containsExactlyEntriesOf(Map.of("m3", 2));
		assertThat(this.container.getStatistics()).isEqualTo(new MailslotListenerStatistics(5, 10, 4, 3, 1, 0));
	}

	@Test
	void anIndexOutsideTheBatchNamesNoMessage() {
		createPaused((batch) -> {
			throw new BatchListenerFailedException("no such message", new IllegalStateException("outside"), 7);
		}, options());
		write("a", "b");
		this.container.resume();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.handled.size() == 2);
		assertThat(this.calls).containsExactly(List.of("a", "b"), List.of("a", "b"));
		assertThat(this.handled).containsExactlyInAnyOrderEntriesOf(Map.of("a", 2, "b", 2));
		assertThat(this.causes).allSatisfy((cause) -> assertThat(cause).hasMessage("outside"));
	}

	@Test
	void aFailureRetryingCannotMendGoesToTheErrorHandlerWithoutRetries() {
		createPaused((batch) -> {
			int bad = indexOf(batch, "m1");
			if (bad >= 0) {
				throw new BatchListenerFailedException("m1 does not convert",
						new org.springframework.messaging.converter.MessageConversionException("not JSON"), bad);
			}
		}, options().retryPolicy(RetryPolicy.builder()
			.maxRetries(3)
			.delay(Duration.ofMillis(1))
			.predicate(NonRetryableFailures::isRetryable)
			.build()));
		write(messages(3));
		this.container.resume();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.container.getStatistics().processed() == 2);
		assertThat(this.calls).containsExactly(List.of("m0", "m1", "m2"), List.of("m2"));
		assertThat(this.handled).containsExactlyEntriesOf(Map.of("m1", 1));
	}

	@Test
	void eachBatchIsObservedOnceWithTheBytesOfItsMessages() {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof MailslotListenerObservationContext;
			}

			@Override
			public void onStop(Observation.Context context) {
				MailslotBatchListenerContainerTests.this.observed.add((MailslotListenerObservationContext) context);
			}

		});
		createPaused((batch) -> {
			if (indexOf(batch, "bad") >= 0) {
				throw new IllegalStateException("bad batch");
			}
		}, options().observationRegistry(registry).maxBatchSize(2));
		write("one", "two", "bad");
		this.container.resume();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.observed.size() == 2);
		assertThat(this.observed).extracting(MailslotListenerObservationContext::getSize).containsExactly(6, 3);
		assertThat(this.observed).extracting(MailslotListenerObservationContext::getOutcome)
			.containsExactly(MailslotListenerObservationContext.Outcome.SUCCESS,
					MailslotListenerObservationContext.Outcome.FAILURE);
	}

	@Test
	void shutdownDrainsTheMailslotInBatches() {
		createPaused((batch) -> {
		}, options().maxBatchSize(100));
		write(messages(250));
		this.container.shutdown();
		assertThat(this.calls).extracting(List::size).containsExactly(100, 100, 50);
		assertThat(delivered()).containsExactly(messages(250));
		assertThat(this.handled).isEmpty();
	}

	@Test
	void concurrentDispatchersEachTakeWholeBatches() {
		Set<String> threads = ConcurrentHashMap.newKeySet();
		createPaused((batch) -> threads.add(Thread.currentThread().getName()),
				options().maxBatchSize(10).concurrency(3));
		write(messages(500));
		this.container.resume();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.container.getStatistics().processed() == 500);
		assertThat(delivered()).containsExactlyInAnyOrder(messages(500));
		assertThat(this.calls).allSatisfy((batch) -> assertThat(batch).hasSizeBetween(1, 10));
		assertThat(threads).allSatisfy((name) -> assertThat(name).startsWith("mailslot-batches-"));
	}

}
