package dev.mailslot.spring.listener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
 * Tests for {@link MailslotListenerContainer} on its own, on the memory transport:
 * stopping and starting again, the observation around each dispatch, the statistics,
 * retries and the failure handler and the dispatchers' thread names.
 */
class MailslotListenerContainerTests {

	private final MailslotTransport transport = MailslotTransports.get("memory");

	private final MailslotServer server = this.transport
		.createServer(MailslotServerOptions.builder("container-" + System.nanoTime()).build());

	private final List<MailslotListenerObservationContext> observed = new CopyOnWriteArrayList<>();

	private final ObservationRegistry observations = ObservationRegistry.create();

	private final List<Throwable> handled = new CopyOnWriteArrayList<>();

	private final List<Integer> attempts = new CopyOnWriteArrayList<>();

	private MailslotListenerContainer container;

	MailslotListenerContainerTests() {
		this.observations.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof MailslotListenerObservationContext;
			}

			@Override
			public void onStop(Observation.Context context) {
				MailslotListenerContainerTests.this.observed.add((MailslotListenerObservationContext) context);
			}

		});
	}

	@AfterEach
	void stop() {
		if (this.container != null) {
			this.container.shutdown();
		}
		this.server.close();
	}

	private void start(MailslotMessageListener listener) {
		start(listener, Duration.ofMillis(100));
	}

	private void start(MailslotMessageListener listener, Duration pollTimeout) {
		start(listener, options().pollTimeout(pollTimeout));
	}

	private MailslotListenerContainerOptions.Builder options() {
		return MailslotListenerContainerOptions.builder()
			.pollTimeout(Duration.ofMillis(100))
			.retryPolicy(RetryPolicy.builder().maxRetries(1).delay(Duration.ofMillis(1)).build())
			.observationRegistry(this.observations)
			.errorHandler((message, cause, attempts) -> {
				this.handled.add(cause);
				this.attempts.add(attempts);
			});
	}

	private void start(MailslotMessageListener listener, MailslotListenerContainerOptions.Builder options) {
		this.container = new MailslotListenerContainer("test", this.server, null, listener, options.build());
		this.container.start();
	}

	private void write(String message) {
		try (MailslotClient client = this.transport.openClient(this.server.name())) {
			client.write(message.getBytes(StandardCharsets.UTF_8));
		}
	}

	@Test
	void everyStopOfAPausedContainerEndsStoppedAndTheNextStartRuns() {
		start((message) -> {
		}, Duration.ofMillis(1));
		for (int cycle = 0; cycle < 3_000; cycle++) {
			this.container.pause();
			await().pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(1))
				.atMost(Duration.ofSeconds(5))
				.until(this.container::isPaused);
			this.container.stop();
			assertThat(this.container.getState()).as("state after stop %d", cycle)
				.isEqualTo(ListenerContainerState.STOPPED);
			this.container.start();
			assertThat(this.container.getState()).as("state after start %d", cycle)
				.isIn(ListenerContainerState.RUNNING, ListenerContainerState.PAUSED);
			this.container.resume();
		}
		write("after the cycles");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.container.getStatistics().processed() == 1);
	}

	@Test
	void eachDispatchIsObservedWithItsOutcome() {
		start((message) -> {
			if (new String(message.getPayload(), StandardCharsets.UTF_8).equals("bad")) {
				throw new IllegalStateException("bad message");
			}
		});
		write("good");
		write("bad");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.observed.size() == 2);
		MailslotListenerObservationContext good = this.observed.get(0);
		assertThat(good.getOutcome()).isEqualTo(MailslotListenerObservationContext.Outcome.SUCCESS);
		assertThat(good.getListenerId()).isEqualTo("test");
		assertThat(good.getSize()).isEqualTo(4);
		assertThat(good.getError()).isNull();
		MailslotListenerObservationContext bad = this.observed.get(1);
		assertThat(bad.getOutcome()).isEqualTo(MailslotListenerObservationContext.Outcome.FAILURE);
		assertThat(bad.getError()).isInstanceOf(IllegalStateException.class).hasMessage("bad message");
		assertThat(this.handled).hasSize(1);
		MailslotListenerStatistics statistics = this.container.getStatistics();
		assertThat(statistics).isEqualTo(new MailslotListenerStatistics(2, 7, 1, 2, 1, 0));
	}

	@Test
	void aRetryThatSucceedsCountsOneFailureAndTheMessageProcessed() {
		AtomicInteger calls = new AtomicInteger();
		start((message) -> {
			if (calls.incrementAndGet() == 1) {
				throw new IllegalStateException("first call fails");
			}
		});
		write("retried");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.observed.size() == 1);
		assertThat(this.observed.get(0).getOutcome()).isEqualTo(MailslotListenerObservationContext.Outcome.SUCCESS);
		assertThat(this.container.getStatistics()).isEqualTo(new MailslotListenerStatistics(1, 7, 1, 1, 0, 0));
		assertThat(this.handled).isEmpty();
	}

	@Test
	void theErrorHandlerAndTheObservationGetTheLastFailure() {
		AtomicInteger calls = new AtomicInteger();
		start((message) -> {
			throw new IllegalStateException("call " + calls.incrementAndGet());
		});
		write("failing");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.observed.size() == 1);
		assertThat(this.observed.get(0).getError()).hasMessage("call 2");
		assertThat(this.handled).singleElement().satisfies((cause) -> assertThat(cause).hasMessage("call 2"));
		assertThat(this.attempts).containsExactly(2);
		assertThat(this.container.getStatistics()).isEqualTo(new MailslotListenerStatistics(1, 7, 0, 2, 1, 0));
	}

	@Test
	void aFailureHandlerOfTheOptionsDecidesInsteadOfTheRetryPolicyAndTheErrorHandler() {
		List<String> decided = new CopyOnWriteArrayList<>();
		AtomicInteger calls = new AtomicInteger();
		MailslotFailureHandler failureHandler = new MailslotFailureHandler() {

			@Override
			public boolean handleFailure(Message<byte[]> message, Throwable failure, MailslotMessageListener listener) {
				decided.add(failure.getMessage());
				listener.onMessage(message);
				return true;
			}

			@Override
			public int handleBatchFailure(List<Message<byte[]>> batch, Throwable failure,
					MailslotBatchMessageListener listener) {
				throw new UnsupportedOperationException("This container gives single messages");
			}

			@Override
			public void handleUndispatched(Message<byte[]> message, MessageNotDispatchedException cause) {
				decided.add("undispatched");
			}

		};
		start((message) -> {
			if (calls.incrementAndGet() == 1) {
				throw new IllegalStateException("once");
			}
		}, options().failureHandler(failureHandler));
		write("decided");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.container.getStatistics().processed() == 1);
		assertThat(decided).containsExactly("once");
		assertThat(calls).hasValue(2);
		assertThat(this.handled).isEmpty();
	}

	@Test
	void dispatcherThreadsAreNamedAfterTheListener() {
		Set<String> threads = ConcurrentHashMap.newKeySet();
		CountDownLatch bothBusy = new CountDownLatch(2);
		start((message) -> {
			threads.add(Thread.currentThread().getName());
			bothBusy.countDown();
			try {
				bothBusy.await(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, options().concurrency(2));
		write("one");
		write("two");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.container.getStatistics().processed() == 2);
		assertThat(threads).containsExactlyInAnyOrder("mailslot-test-1", "mailslot-test-2");
	}

}
