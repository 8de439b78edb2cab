package dev.mailslot.spring.integration.inbound;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.core.Pausable;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.Message;

import dev.mailslot.MailslotServer;
import dev.mailslot.spring.boot.autoconfigure.MailslotAutoConfiguration;
import dev.mailslot.spring.config.MailslotListenerContainerFactory;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.integration.dsl.Mailslot;
import dev.mailslot.spring.integration.inbound.MailslotMessageDrivenChannelAdapter.ListenerMode;
import dev.mailslot.spring.support.MailslotHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The inbound adapter as a {@link Pausable} and in {@link ListenerMode#BATCH}, in Boot
 * applications on the posix transport. In every test, the messages written (accepted) are
 * those the flow got, plus those dead-lettered, plus those left in the mailslot for its
 * close to delete.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MailslotMessageDrivenChannelAdapterPosixTests {

	@TempDir
	Path deadLetters;

	private final String prefix = "\\\\.\\mailslot\\si-inbound\\" + ProcessHandle.current().pid() + "-"
			+ System.nanoTime();

	private ApplicationContextRunner runner(Class<?> flow) {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MailslotAutoConfiguration.class))
			.withUserConfiguration(flow)
			.withPropertyValues("mailslot.transport=posix", "mailslot.servers.in.name=" + this.prefix + "\\in",
					"mailslot.listener.poll-timeout=100ms", "mailslot.listener.retry.max-retries=1",
					"mailslot.listener.retry.delay=10ms",
					"mailslot.listener.dead-letter.directory=" + this.deadLetters);
	}

	@Test
	void pausingHoldsTheMessagesInTheMailslotAndResumingDeliversThemAllInOrder() {
		runner(RecordFlow.class).run((context) -> {
			Pausable adapter = context.getBean(MailslotMessageDrivenChannelAdapter.class);
			RecordFlow flow = context.getBean(RecordFlow.class);
			adapter.pause();
			await().atMost(Duration.ofSeconds(5)).until(adapter::isPaused);
			List<String> accepted = write(context, 200, (i) -> i % 100 == 0);
			MailslotServer in = context.getBean("inMailslotServer", MailslotServer.class);
			assertThat(in.info().messageCount()).isEqualTo(200);
			assertThat(flow.delivered).isEmpty();
			assertThat(flow.attempts).hasValue(0);
			adapter.resume();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> flow.delivered.size() + deadLettered().size() == accepted.size());
			assertThat(adapter.isPaused()).isFalse();
			assertThat(flow.delivered).containsExactlyElementsOf(withoutPoison(accepted));
			assertThat(deadLettered()).containsExactlyInAnyOrder("poison-0", "poison-100");
			assertThat(in.info().messageCount()).isZero();
		});
	}

	@Test
	void pausesAndResumesRacingWritesLoseNoMessage() {
		runner(RecordFlow.class).run((context) -> {
			MailslotMessageDrivenChannelAdapter adapter = context.getBean(MailslotMessageDrivenChannelAdapter.class);
			RecordFlow flow = context.getBean(RecordFlow.class);
			CompletableFuture<List<String>> writing = CompletableFuture
				.supplyAsync(() -> write(context, 2_000, (i) -> i % 500 == 0));
			for (int cycle = 0; cycle < 10; cycle++) {
				adapter.pause();
				await().atMost(Duration.ofSeconds(5)).until(adapter::isPaused);
				int seen = flow.attempts.get();
				Thread.sleep(20);
				assertThat(flow.attempts).as("calls of the flow while paused, cycle %d", cycle).hasValue(seen);
				adapter.resume();
				await().atMost(Duration.ofSeconds(5)).until(() -> !adapter.isPaused());
				Thread.sleep(10);
			}
			List<String> accepted = writing.get(60, TimeUnit.SECONDS);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> flow.delivered.size() + deadLettered().size() == accepted.size());
			assertThat(flow.delivered).containsExactlyElementsOf(withoutPoison(accepted));
			assertThat(deadLettered()).containsExactlyInAnyOrder("poison-0", "poison-500", "poison-1000",
					"poison-1500");
			assertThat(context.getBean("inMailslotServer", MailslotServer.class).info().messageCount()).isZero();
		});
	}

	@Test
	void inBatchModeTheFlowGetsListsInOrderOfAtMostTheBatchSize() {
		runner(BatchFlow.class).run((context) -> {
			MailslotMessageDrivenChannelAdapter adapter = context.getBean(MailslotMessageDrivenChannelAdapter.class);
			BatchFlow flow = context.getBean(BatchFlow.class);
			assertThat(adapter.getListenerMode()).isEqualTo(ListenerMode.BATCH);
			adapter.pause();
			await().atMost(Duration.ofSeconds(5)).until(adapter::isPaused);
			List<String> accepted = write(context, 95, (i) -> false);
			adapter.resume();
			await().atMost(Duration.ofSeconds(30)).until(() -> flatten(flow.batches).size() == accepted.size());
			assertThat(flow.batches.stream().map(List::size).toList()).containsExactly(10, 10, 10, 10, 10, 10, 10, 10,
					10, 5);
			assertThat(flatten(flow.batches)).containsExactlyElementsOf(accepted);
			Message<?> first = flow.messages.get(0);
			assertThat(first.getHeaders()).containsEntry(MailslotHeaders.SERVER_ID, "in")
				.containsEntry(MailslotHeaders.MAILSLOT, this.prefix + "\\in");
			assertThat(elements(first)).allSatisfy((element) -> assertThat(element.getHeaders())
				.containsEntry(MailslotHeaders.SIZE, element.getPayload().length)
				.containsKey(MailslotHeaders.RECEIVED_AT));
			assertThat(deadLettered()).isEmpty();
			assertThat(context.getBean("inMailslotServer", MailslotServer.class).info().messageCount()).isZero();
		});
	}

	@Test
	void inBatchModeABatchTheFlowKeepsFailingOnIsRetriedThenDeadLetteredWhole() {
		runner(BatchFlow.class).run((context) -> {
			MailslotMessageDrivenChannelAdapter adapter = context.getBean(MailslotMessageDrivenChannelAdapter.class);
			BatchFlow flow = context.getBean(BatchFlow.class);
			adapter.pause();
			await().atMost(Duration.ofSeconds(5)).until(adapter::isPaused);
			List<String> accepted = write(context, 30, (i) -> i == 15);
			adapter.resume();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> flatten(flow.batches).size() + deadLettered().size() == accepted.size());
			assertThat(flatten(flow.batches)).containsExactlyElementsOf(
					Stream.concat(accepted.subList(0, 10).stream(), accepted.subList(20, 30).stream()).toList());
			assertThat(deadLettered()).containsExactlyInAnyOrderElementsOf(accepted.subList(10, 20));
			assertThat(flow.failedCalls).hasValue(2);
			assertThat(context.getBean("inMailslotServer", MailslotServer.class).info().messageCount()).isZero();
		});
	}

	/**
	 * Write messages {@code message-i}, or {@code poison-i}, which the flows fail on,
	 * where {@code poison} says so, and return those written, which the mailslot
	 * accepted.
	 */
	private List<String> write(ApplicationContext context, int count, IntPredicate poison) {
		MailslotTemplate template = context.getBean(MailslotTemplate.class);
		List<String> accepted = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String text = (poison.test(i) ? "poison-" : "message-") + i;
			template.send("in", text);
			accepted.add(text);
		}
		return accepted;
	}

	private static List<String> withoutPoison(List<String> texts) {
		return texts.stream().filter((text) -> !text.startsWith("poison")).toList();
	}

	private static List<String> flatten(List<List<String>> batches) {
		return batches.stream().flatMap(List::stream).toList();
	}

	@SuppressWarnings("unchecked")
	private static List<Message<byte[]>> elements(Message<?> batch) {
		return (List<Message<byte[]>>) batch.getPayload();
	}

	private List<String> deadLettered() throws Exception {
		List<String> texts = new ArrayList<>();
		try (Stream<Path> files = Files.list(this.deadLetters)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".bin")).toList()) {
				texts.add(Files.readString(file, StandardCharsets.UTF_8));
			}
		}
		return texts;
	}

	private static String text(Message<?> message) {
		return new String((byte[]) message.getPayload(), StandardCharsets.UTF_8);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableIntegration
	static class RecordFlow {

		final List<String> delivered = new CopyOnWriteArrayList<>();

		final AtomicInteger attempts = new AtomicInteger();

		@Bean
		IntegrationFlow records(MailslotListenerContainerFactory containerFactory) {
			return IntegrationFlow.from(Mailslot.messageDrivenChannelAdapter(containerFactory, "in"))
				.handle((message) -> {
					this.attempts.incrementAndGet();
					String text = text(message);
					if (text.startsWith("poison")) {
						throw new IllegalStateException("the flow fails on " + text);
					}
					this.delivered.add(text);
				})
				.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableIntegration
	static class BatchFlow {

		final List<Message<?>> messages = new CopyOnWriteArrayList<>();

		final List<List<String>> batches = new CopyOnWriteArrayList<>();

		final AtomicInteger failedCalls = new AtomicInteger();

		@Bean
		IntegrationFlow batches(MailslotListenerContainerFactory containerFactory) {
			return IntegrationFlow
				.from(Mailslot.messageDrivenChannelAdapter(containerFactory, "in", ListenerMode.BATCH).maxBatchSize(10))
				.handle((message) -> {
					List<String> texts = elements(message).stream()
						.map(MailslotMessageDrivenChannelAdapterPosixTests::text)
						.toList();
					if (texts.stream().anyMatch((text) -> text.startsWith("poison"))) {
						this.failedCalls.incrementAndGet();
						throw new IllegalStateException("the flow fails on " + texts);
					}
					this.messages.add(message);
					this.batches.add(texts);
				})
				.get();
		}

	}

}
