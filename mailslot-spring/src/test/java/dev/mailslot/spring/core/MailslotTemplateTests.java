package dev.mailslot.spring.core;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.converter.StringMessageConverter;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTimeoutException;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.NoSuchMailslotException;
import dev.mailslot.ReadTimeout;
import dev.mailslot.spring.support.converter.MailslotMessageConverters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link MailslotTemplate}, on the memory transport.
 */
class MailslotTemplateTests {

	private final MailslotTransport transport = MailslotTransports.get("memory");

	private final MailslotName name = MailslotName.parse("template-" + System.nanoTime());

	private final MailslotTemplate template = new MailslotTemplate(this.transport, null,
			MailslotMessageConverters.create(StandardCharsets.UTF_8, null));

	private MailslotServer server() {
		return this.transport
			.createServer(MailslotServerOptions.builder(this.name).readTimeout(ReadTimeout.ZERO).build());
	}

	@Test
	void sendsToAServerThatCameBackWithAFreshHandle() {
		try (MailslotServer first = server()) {
			this.template.send(this.name.toString(), "first");
			assertThat(first.read()).isEqualTo("first".getBytes(StandardCharsets.UTF_8));
		}
		try (MailslotServer second = server()) {
			this.template.send(this.name.toString(), "second");
			assertThat(second.read()).isEqualTo("second".getBytes(StandardCharsets.UTF_8));
		}
	}

	@Test
	void aMissingMailslotIsReported() {
		assertThatExceptionOfType(NoSuchMailslotException.class)
			.isThrownBy(() -> this.template.send(this.name.toString(), "nobody"));
	}

	@Test
	void objectsBecomeJson() {
		try (MailslotServer server = server()) {
			this.template.send(this.name.toString(), new Point(1, 2));
			assertThat(new String(server.read(), StandardCharsets.UTF_8)).isEqualTo("{\"x\":1,\"y\":2}");
		}
	}

	@Test
	void payloadsNoConverterTakesAreRefused() {
		MailslotTemplate bytesOnly = new MailslotTemplate(this.transport, null, new StringMessageConverter());
		assertThatExceptionOfType(MessageConversionException.class)
			.isThrownBy(() -> bytesOnly.send(this.name.toString(), new Point(1, 2)))
			.withMessageContaining(Point.class.getName());
	}

	@Test
	void aClosedTemplateRefusesToSend() {
		this.template.destroy();
		assertThatIllegalStateException().isThrownBy(() -> this.template.send(this.name.toString(), "late"));
	}

	@Test
	void aSendRacingDestroyLeavesNoClientHandleOpen() throws Exception {
		AtomicInteger open = new AtomicInteger();
		MailslotTransport counting = new MailslotTransport() {

			@Override
			public String id() {
				return "counting";
			}

			@Override
			public MailslotServer createServer(MailslotServerOptions options) {
				return MailslotTemplateTests.this.transport.createServer(options);
			}

			@Override
			public MailslotClient openClient(MailslotName name) {
				MailslotClient client = MailslotTemplateTests.this.transport.openClient(name);
				open.incrementAndGet();
				return new MailslotClient() {

					@Override
					public MailslotName name() {
						return client.name();
					}

					@Override
					public void write(ByteBuffer message) {
						client.write(message);
					}

					@Override
					public void close() {
						open.decrementAndGet();
						client.close();
					}

				};
			}

		};
		ExecutorService senders = Executors.newFixedThreadPool(4);
		try (MailslotServer server = server()) {
			for (int round = 0; round < 2_000; round++) {
				MailslotTemplate racing = new MailslotTemplate(counting, null, new StringMessageConverter());
				CountDownLatch go = new CountDownLatch(1);
				List<Future<?>> sends = new ArrayList<>();
				for (int i = 0; i < 4; i++) {
					sends.add(senders.submit(() -> {
						go.await();
						try {
							racing.send(this.name, new byte[] { 1 });
						}
						catch (IllegalStateException ex) {
							// Closed before this send began.
						}
						return null;
					}));
				}
				go.countDown();
				racing.destroy();
				for (Future<?> send : sends) {
					send.get(10, TimeUnit.SECONDS);
				}
				assertThat(open).as("client handles left open after round %d", round).hasValue(0);
				while (true) {
					try {
						server.read();
					}
					catch (MailslotTimeoutException ex) {
						break;
					}
				}
			}
		}
		finally {
			senders.shutdownNow();
		}
	}

	@Test
	void aHundredThousandDistinctTargetsLeaveNothingOnTheHeap() {
		int targets = 100_000;
		sendToDistinctMissingMailslots("warm-up-", 1_000);
		long before = heapAfterGc();
		sendToDistinctMissingMailslots("per-message-", targets);
		long after = heapAfterGc();
		System.out.printf(
				"MailslotTemplate, %,d distinct targets: heap after GC %,d KiB before, %,d KiB after " + "(%+,d KiB)%n",
				targets, before / 1024, after / 1024, (after - before) / 1024);
		assertThat(after - before).as("heap kept for %,d targets", targets).isLessThan(4L * 1024 * 1024);
	}

	private void sendToDistinctMissingMailslots(String prefix, int count) {
		for (int i = 0; i < count; i++) {
			try {
				this.template.send("\\\\.\\mailslot\\replies\\" + prefix + i, "reply");
			}
			catch (NoSuchMailslotException ex) {
				// As for a request that names a mailslot nobody serves.
			}
		}
	}

	private static long heapAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		memory.gc();
		memory.gc();
		return memory.getHeapMemoryUsage().getUsed();
	}

	@Test
	void handlesPastTheBoundAreOpenedForOneWriteAndClosed() {
		int mailslots = MailslotTemplate.CACHED_TARGETS + 44;
		List<MailslotServer> servers = new ArrayList<>();
		try {
			for (int i = 0; i < mailslots; i++) {
				servers.add(this.transport
					.createServer(MailslotServerOptions.builder(MailslotName.parse(this.name.path() + "-" + i))
						.readTimeout(ReadTimeout.ZERO)
						.build()));
			}
			for (int round = 0; round < 2; round++) {
				for (MailslotServer server : servers) {
					this.template.send(server.name(), (Object) ("to " + server.name().path()));
				}
			}
			assertThat(this.template.cachedClients()).isEqualTo(MailslotTemplate.CACHED_TARGETS);
			for (MailslotServer server : servers) {
				String expected = "to " + server.name().path();
				assertThat(new String(server.read(), StandardCharsets.UTF_8)).isEqualTo(expected);
				assertThat(new String(server.read(), StandardCharsets.UTF_8)).isEqualTo(expected);
			}
		}
		finally {
			servers.forEach(MailslotServer::close);
		}
	}

	record Point(int x, int y) {

	}

}
