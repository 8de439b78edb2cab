package dev.mailslot.spring.config;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.spring.core.MailslotServers;
import dev.mailslot.spring.listener.MailslotListenerContainerOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MailslotListenerEndpointRegistry} on the memory transport: containers
 * registered while it starts, and a shutdown that is interrupted.
 */
class MailslotListenerEndpointRegistryTests {

	private final MailslotTransport transport = MailslotTransports.get("memory");

	private final MailslotServers servers = new MailslotServers(this.transport, Map.of(),
			(name) -> MailslotServerOptions.builder(name).build(), Duration.ZERO, "mailslot.servers");

	private final MailslotListenerContainerFactory factory;

	private final String prefix = "registry-" + System.nanoTime() + "-";

	MailslotListenerEndpointRegistryTests() {
		DefaultMessageHandlerMethodFactory handlers = new DefaultMessageHandlerMethodFactory();
		handlers.afterPropertiesSet();
		this.factory = new MailslotListenerContainerFactory(this.servers, handlers);
		this.factory.setContainerOptions(MailslotListenerContainerOptions.builder()
			.pollTimeout(Duration.ofMillis(50))
			.errorHandler((message, cause, attempts) -> {
			})
			.build());
	}

	@AfterEach
	void closeServers() throws Exception {
		this.servers.destroy();
	}

	@Test
	void aContainerRegisteredWhileTheRegistryStartsIsStarted() throws Exception {
		SlowListener listener = new SlowListener(Duration.ZERO);
		for (int round = 0; round < 50; round++) {
			MailslotListenerEndpointRegistry registry = new MailslotListenerEndpointRegistry();
			for (int i = 0; i < 4; i++) {
				registry.registerListenerContainer(endpoint(round + "-early-" + i, listener), this.factory);
			}
			CountDownLatch go = new CountDownLatch(1);
			String late = round + "-late";
			CompletableFuture<Void> registering = CompletableFuture.runAsync(() -> {
				try {
					go.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				registry.registerListenerContainer(endpoint(late, listener), this.factory);
			});
			go.countDown();
			registry.start();
			registering.get(10, TimeUnit.SECONDS);
			assertThat(registry.getListenerContainer(late).isRunning()).as("late container of round %d", round)
				.isTrue();
			registry.stop();
		}
	}

	@Test
	void anInterruptedShutdownStillWaitsForTheDrains() throws Exception {
		SlowListener listener = new SlowListener(Duration.ofMillis(200));
		MailslotListenerEndpointRegistry registry = new MailslotListenerEndpointRegistry();
		MailslotName mailslot = registry.registerListenerContainer(endpoint("slow", listener), this.factory)
			.getServer()
			.name();
		registry.start();
		try (MailslotClient client = this.transport.openClient(mailslot)) {
			for (int i = 0; i < 3; i++) {
				client.write(new byte[] { (byte) i });
			}
		}
		AtomicInteger processedWhenStopped = new AtomicInteger(-1);
		Thread stopping = new Thread(() -> {
			registry.stop();
			processedWhenStopped.set(listener.processed.get());
		});
		stopping.start();
		Thread.sleep(100);
		stopping.interrupt();
		stopping.join(TimeUnit.SECONDS.toMillis(10));
		assertThat(processedWhenStopped).hasValue(3);
	}

	private MailslotListenerEndpoint endpoint(String id, SlowListener listener) {
		Method method;
		try {
			method = SlowListener.class.getDeclaredMethod("receive", byte[].class);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
		MethodMailslotListenerEndpoint endpoint = new MethodMailslotListenerEndpoint(listener, method);
		endpoint.setId(id);
		endpoint.setMailslot(this.prefix + id);
		return endpoint;
	}

	static class SlowListener {

		private final Duration delay;

		final AtomicInteger processed = new AtomicInteger();

		SlowListener(Duration delay) {
			this.delay = delay;
		}

		void receive(byte[] message) throws InterruptedException {
			Thread.sleep(this.delay.toMillis());
			this.processed.incrementAndGet();
		}

	}

}
