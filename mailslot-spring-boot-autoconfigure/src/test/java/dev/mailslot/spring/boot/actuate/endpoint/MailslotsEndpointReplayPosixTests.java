package dev.mailslot.spring.boot.actuate.endpoint;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransports;
import dev.mailslot.ReadTimeout;
import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.boot.autoconfigure.MailslotAutoConfiguration;
import dev.mailslot.spring.boot.autoconfigure.endpoint.MailslotsEndpointAutoConfiguration;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.listener.DeadLetterReplayResult;
import dev.mailslot.transport.posix.ServerProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@code {"action": "replay"}} on the {@code mailslots} endpoint, in a Boot application
 * on the posix transport: the dead letters a listener's failures left in the directory go
 * back to its mailslot, or to an allowed target, each removed once written; a listener
 * that fails again leaves new ones and the replay ends; a target outside the application
 * and the allow-list is refused; and a replay asked for while one waits on a full target,
 * owned by a second JVM, is answered {@code 409}.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MailslotsEndpointReplayPosixTests {

	@TempDir
	Path directory;

	private final String name = "\\\\.\\mailslot\\replay-e2e\\" + ProcessHandle.current().pid() + "-"
			+ System.nanoTime();

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(MailslotAutoConfiguration.class, MailslotsEndpointAutoConfiguration.class))
			.withUserConfiguration(Orders.class)
			.withPropertyValues("mailslot.transport=posix", "mailslot.servers.orders.name=" + this.name,
					"mailslot.servers.retry.name=" + this.name + "-retry", "mailslot.listener.poll-timeout=100ms",
					"mailslot.listener.retry.max-retries=0",
					"mailslot.listener.dead-letter.directory=" + this.directory,
					"management.endpoints.web.exposure.include=mailslots");
	}

	private void failThree(Orders orders, MailslotTemplate template) throws Exception {
		orders.failing = true;
		for (int i = 0; i < 3; i++) {
			template.send("orders", "order " + i);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> payloads() == 3);
	}

	@Test
	void replaysAListenersDeadLettersToItsMailslotAndRemovesThem() {
		runner().run((context) -> {
			Orders orders = context.getBean(Orders.class);
			failThree(orders, context.getBean(MailslotTemplate.class));
			orders.failing = false;
			Object result = context.getBean(MailslotsEndpoint.class).control("orders", "replay", null);
			assertThat(result).isEqualTo(new DeadLetterReplayResult(MailslotName.parse(this.name).toString(),
					MailslotName.parse(this.name).toString(), 3, 0, 0, null));
			await().atMost(Duration.ofSeconds(10)).until(() -> orders.processed.size() == 3);
			assertThat(orders.processed).containsExactly("order 0", "order 1", "order 2");
			assertThat(payloads()).isZero();
		});
	}

	@Test
	void aReplayToAListenerThatFailsAgainEndsAndItsNewDeadLettersRemain() {
		runner().run((context) -> {
			Orders orders = context.getBean(Orders.class);
			failThree(orders, context.getBean(MailslotTemplate.class));
			DeadLetterReplayResult result = (DeadLetterReplayResult) context.getBean(MailslotsEndpoint.class)
				.control("orders", "replay", null);
			assertThat(result.replayed()).isEqualTo(3);
			assertThat(result.failed()).isZero();
			await().atMost(Duration.ofSeconds(10)).until(() -> payloads() == 3);
			assertThat(orders.processed).isEmpty();
		});
	}

	@Test
	void replaysToAnotherMailslotOfTheApplication() {
		runner().run((context) -> {
			Orders orders = context.getBean(Orders.class);
			failThree(orders, context.getBean(MailslotTemplate.class));
			DeadLetterReplayResult result = (DeadLetterReplayResult) context.getBean(MailslotsEndpoint.class)
				.control("orders", "replay", "retry");
			assertThat(result.target()).isEqualTo(MailslotName.parse(this.name + "-retry").toString());
			assertThat(result.replayed()).isEqualTo(3);
			await().atMost(Duration.ofSeconds(10)).until(() -> orders.retried.size() == 3);
			assertThat(orders.retried).containsExactly("order 0", "order 1", "order 2");
		});
	}

	@Test
	void aTargetOutsideTheApplicationIsRefusedUnlessAllowed() {
		MailslotName elsewhere = MailslotName.parse(this.name + "-elsewhere");
		try (MailslotServer server = MailslotTransports.get("posix")
			.createServer(MailslotServerOptions.builder(elsewhere).build())) {
			runner().run((context) -> {
				failThree(context.getBean(Orders.class), context.getBean(MailslotTemplate.class));
				assertThatExceptionOfType(InvalidEndpointRequestException.class)
					.isThrownBy(() -> context.getBean(MailslotsEndpoint.class)
						.control("orders", "replay", elsewhere.toString()))
					.withMessageContaining("A replay may not write to '" + elsewhere + "'")
					.withMessageContaining("add it to mailslot.listener.dead-letter.replay-targets");
				assertThat(payloads()).isEqualTo(3);
			});
			runner().withPropertyValues("mailslot.listener.dead-letter.replay-targets=" + elsewhere).run((context) -> {
				DeadLetterReplayResult result = (DeadLetterReplayResult) context.getBean(MailslotsEndpoint.class)
					.control("orders", "replay", elsewhere.toString());
				assertThat(result.replayed()).isEqualTo(3);
				assertThat(new String(server.read(ReadTimeout.of(Duration.ofSeconds(5))), StandardCharsets.UTF_8))
					.isEqualTo("order 0");
			});
		}
	}

	@Test
	void aReplayAskedForWhileOneWaitsOnAFullTargetIsAConflict() throws Exception {
		String full = this.name + "-full";
		Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), ServerProcess.class.getName(), full, "hold-in-queue")
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		try {
			assertThat(new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))
				.readLine()).isEqualTo("ready");
			runner()
				.withPropertyValues("mailslot.listener.dead-letter.replay-targets=" + full,
						"mailslot.template.write-timeout=3s")
				.run((context) -> {
					Orders orders = context.getBean(Orders.class);
					orders.failing = true;
					MailslotTemplate template = context.getBean(MailslotTemplate.class);
					for (int i = 0; i < 30; i++) {
						template.send("orders", "order " + i);
					}
					await().atMost(Duration.ofSeconds(10)).until(() -> payloads() == 30);
					MailslotsEndpointWebExtension web = context.getBean(MailslotsEndpointWebExtension.class);
					CyclicBarrier start = new CyclicBarrier(2);
					List<CompletableFuture<WebEndpointResponse<Object>>> replays = new CopyOnWriteArrayList<>();
					for (int i = 0; i < 2; i++) {
						replays.add(CompletableFuture.supplyAsync(() -> {
							try {
								start.await(10, TimeUnit.SECONDS);
							}
							catch (Exception ex) {
								throw new IllegalStateException(ex);
							}
							return web.control("orders", "replay", full);
						}));
					}
					WebEndpointResponse<Object> first = replays.get(0).get(60, TimeUnit.SECONDS);
					WebEndpointResponse<Object> second = replays.get(1).get(60, TimeUnit.SECONDS);
					WebEndpointResponse<Object> conflict = (first.getStatus() == 409) ? first : second;
					WebEndpointResponse<Object> replay = (conflict == first) ? second : first;
					assertThat(conflict.getStatus()).isEqualTo(409);
					assertThat(((Map<?, ?>) conflict.getBody()).get("message").toString())
						.startsWith("A replay of " + this.directory + " is running");
					assertThat(replay.getStatus()).isEqualTo(200);
					DeadLetterReplayResult result = (DeadLetterReplayResult) replay.getBody();
					assertThat(result.failed()).isOne();
					assertThat(result.failure()).contains("MailslotWriteTimeoutException");
					assertThat(result.replayed() + result.remaining()).isEqualTo(30);
					assertThat(payloads()).isEqualTo(result.remaining());
				});
		}
		finally {
			owner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	private long payloads() throws Exception {
		if (!Files.isDirectory(this.directory)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.filter((file) -> file.toString().endsWith(".bin")).count();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Orders {

		volatile boolean failing;

		final List<String> processed = new CopyOnWriteArrayList<>();

		final List<String> retried = new CopyOnWriteArrayList<>();

		@MailslotListener(id = "orders", mailslot = "orders")
		void process(String order) {
			if (this.failing) {
				throw new IllegalStateException("Order service is down");
			}
			this.processed.add(order);
		}

		@MailslotListener(id = "retry", mailslot = "retry")
		void retry(String order) {
			this.retried.add(order);
		}

	}

}
