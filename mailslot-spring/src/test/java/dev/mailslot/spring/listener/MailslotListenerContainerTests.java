package dev.mailslot.spring.listener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.retry.RetryPolicy;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.spring.support.observation.MailslotListenerObservationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link MailslotListenerContainer} on its own, on the memory transport: stopping and
 * starting again, the observation around each dispatch and the statistics.
 */
class MailslotListenerContainerTests {

	private final MailslotTransport transport = MailslotTransports.get("memory");

	private final MailslotServer server = this.transport
		.createServer(MailslotServerOptions.builder("container-" + System.nanoTime()).build());

	private final List<MailslotListenerObservationContext> observed = new CopyOnWriteArrayList<>();

	private final ObservationRegistry observations = ObservationRegistry.create();

	private final List<Throwable> handled = new CopyOnWriteArrayList<>();

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
		this.container = new MailslotListenerContainer("test", this.server, null, listener);
		this.container.setPollTimeout(pollTimeout);
		this.container.setRetryPolicy(RetryPolicy.builder().maxRetries(1).delay(Duration.ofMillis(1)).build());
		this.container.setObservationRegistry(this.observations);
		this.container.setErrorHandler((message, cause, attempts) -> this.handled.add(cause));
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
				.isEqualTo(MailslotListenerContainer.State.STOPPED);
			this.container.start();
			assertThat(this.container.getState()).as("state after start %d", cycle)
				.isIn(MailslotListenerContainer.State.RUNNING, MailslotListenerContainer.State.PAUSED);
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
		assertThat(statistics).isEqualTo(new MailslotListenerStatistics(2, 7, 1, 2, 1));
	}

}
