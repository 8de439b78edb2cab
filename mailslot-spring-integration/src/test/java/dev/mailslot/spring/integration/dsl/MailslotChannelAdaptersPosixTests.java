package dev.mailslot.spring.integration.dsl;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.ErrorMessage;
import org.springframework.messaging.support.MessageBuilder;

import dev.mailslot.MailslotServer;
import dev.mailslot.ReadTimeout;
import dev.mailslot.spring.boot.autoconfigure.MailslotAutoConfiguration;
import dev.mailslot.spring.config.MailslotListenerContainerFactory;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.integration.inbound.MailslotMessageDrivenChannelAdapter;
import dev.mailslot.spring.support.MailslotHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The channel adapters in Boot applications on the posix transport: a flow from one
 * mailslot to another through both adapters, a target computed from a header, a flow that
 * keeps failing whose message is dead-lettered as a listener's is, the same failure sent
 * to an error channel instead, a paused adapter that leaves messages in the mailslot
 * until it resumes, and the drain of what waits when the application stops.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MailslotChannelAdaptersPosixTests {

	@TempDir
	Path deadLetters;

	private final String prefix = "\\\\.\\mailslot\\si-e2e\\" + ProcessHandle.current().pid() + "-" + System.nanoTime();

	private ApplicationContextRunner runner(Class<?> flows) {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MailslotAutoConfiguration.class))
			.withUserConfiguration(flows)
			.withPropertyValues("mailslot.transport=posix", "mailslot.servers.in.name=" + this.prefix + "\\in",
					"mailslot.servers.out.name=" + this.prefix + "\\out", "mailslot.listener.poll-timeout=100ms",
					"mailslot.listener.retry.max-retries=1", "mailslot.listener.retry.delay=10ms",
					"mailslot.listener.dead-letter.directory=" + this.deadLetters);
	}

	@Test
	void aFlowCarriesMessagesFromOneMailslotToAnotherWithTheirHeaders() {
		runner(UpperCaseFlow.class).run((context) -> {
			MailslotTemplate template = context.getBean(MailslotTemplate.class);
			for (String text : List.of("one", "two", "three")) {
				template.send("in", text);
			}
			MailslotServer out = context.getBean("outMailslotServer", MailslotServer.class);
			assertThat(List.of(read(out), read(out), read(out))).containsExactly("ONE from in", "TWO from in",
					"THREE from in");
		});
	}

	@Test
	void theInboundAdapterTakesSingleMessagesWhenListenersTakeBatches() {
		runner(UpperCaseFlow.class).withPropertyValues("mailslot.listener.type=batch").run((context) -> {
			context.getBean(MailslotTemplate.class).send("in", "single");
			assertThat(read(context.getBean("outMailslotServer", MailslotServer.class))).isEqualTo("SINGLE from in");
		});
	}

	@Test
	void theOutboundAdapterWritesWhereAHeaderSays() {
		runner(HeaderRoutedFlow.class).run((context) -> {
			MessageChannel channel = context.getBean("toMailslots.input", MessageChannel.class);
			channel.send(MessageBuilder.withPayload("routed").setHeader("target", "out").build());
			assertThat(read(context.getBean("outMailslotServer", MailslotServer.class))).isEqualTo("routed");
		});
	}

	@Test
	void aMessageTheFlowKeepsFailingOnIsRetriedThenDeadLettered() {
		runner(FailingFlow.class).run((context) -> {
			context.getBean(MailslotTemplate.class).send("in", "poison");
			await().atMost(Duration.ofSeconds(10)).until(() -> files(".bin").size() == 1);
			assertThat(Files.readAllBytes(files(".bin").get(0))).isEqualTo("poison".getBytes(StandardCharsets.UTF_8));
			assertThat(context.getBean(FailingFlow.class).attempts).hasValue(2);
		});
	}

	@Test
	void withAnErrorChannelAFailureGoesThereInsteadOfToRetriesAndDeadLetters() {
		runner(FailingFlowWithErrorChannel.class).run((context) -> {
			context.getBean(MailslotTemplate.class).send("in", "handled");
			FailingFlowWithErrorChannel flow = context.getBean(FailingFlowWithErrorChannel.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> !flow.errors.isEmpty());
			assertThat(flow.errors.get(0).getPayload()).hasRootCauseMessage("the flow fails");
			Thread.sleep(500);
			assertThat(flow.attempts).hasValue(1);
			assertThat(files(".bin")).isEmpty();
		});
	}

	@Test
	void aPausedAdapterLeavesMessagesInTheMailslotUntilItResumes() {
		runner(UpperCaseFlow.class).run((context) -> {
			MailslotMessageDrivenChannelAdapter adapter = context.getBean(MailslotMessageDrivenChannelAdapter.class);
			adapter.getContainer().pause();
			await().atMost(Duration.ofSeconds(5)).until(() -> adapter.getContainer().isPaused());
			context.getBean(MailslotTemplate.class).send("in", "waits");
			MailslotServer in = context.getBean("inMailslotServer", MailslotServer.class);
			assertThat(in.info().messageCount()).isEqualTo(1);
			adapter.getContainer().resume();
			assertThat(read(context.getBean("outMailslotServer", MailslotServer.class))).isEqualTo("WAITS from in");
		});
	}

	@Test
	void whenTheApplicationStopsTheAdapterDrainsTheMailslotBeforeItsServerCloses() {
		List<String> collected = new CopyOnWriteArrayList<>();
		runner(CollectingFlow.class).withBean("collected", List.class, () -> collected).run((context) -> {
			MailslotMessageDrivenChannelAdapter adapter = context.getBean(MailslotMessageDrivenChannelAdapter.class);
			adapter.getContainer().pause();
			await().atMost(Duration.ofSeconds(5)).until(() -> adapter.getContainer().isPaused());
			MailslotTemplate template = context.getBean(MailslotTemplate.class);
			for (int i = 0; i < 50; i++) {
				template.send("in", "waiting-" + i);
			}
			assertThat(collected).isEmpty();
			context.close();
			assertThat(collected).hasSize(50).first().isEqualTo("waiting-0");
			assertThat(collected).last().isEqualTo("waiting-49");
			assertThat(files(".bin")).isEmpty();
		});
	}

	private static String read(MailslotServer server) {
		return new String(server.read(ReadTimeout.of(Duration.ofSeconds(10))), StandardCharsets.UTF_8);
	}

	private List<Path> files(String suffix) throws Exception {
		try (Stream<Path> files = Files.list(this.deadLetters)) {
			return files.filter((file) -> file.toString().endsWith(suffix)).toList();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableIntegration
	static class UpperCaseFlow {

		@Bean
		IntegrationFlow upperCase(MailslotListenerContainerFactory containerFactory, MailslotTemplate template) {
			return IntegrationFlow.from(Mailslot.messageDrivenChannelAdapter(containerFactory, "in"))
				.<byte[], String>transform(
						(bytes) -> new String(bytes, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT))
				.enrichHeaders(
						(headers) -> headers.headerExpression("origin", "headers['" + MailslotHeaders.SERVER_ID + "']"))
				.<String>handle((payload, headers) -> payload + " from " + headers.get("origin"))
				.handle(Mailslot.outboundAdapter(template).mailslot("out"))
				.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableIntegration
	static class CollectingFlow {

		@Bean
		@SuppressWarnings("unchecked")
		IntegrationFlow collecting(MailslotListenerContainerFactory containerFactory, BeanFactory beanFactory) {
			List<String> collected = beanFactory.getBean("collected", List.class);
			return IntegrationFlow.from(Mailslot.messageDrivenChannelAdapter(containerFactory, "in"))
				.handle((message) -> collected.add(new String((byte[]) message.getPayload(), StandardCharsets.UTF_8)))
				.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableIntegration
	static class HeaderRoutedFlow {

		@Bean
		IntegrationFlow toMailslots(MailslotTemplate template) {
			return (flow) -> flow.handle(Mailslot.outboundAdapter(template).mailslotExpression("headers['target']"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableIntegration
	static class FailingFlowWithErrorChannel {

		final AtomicInteger attempts = new AtomicInteger();

		final List<ErrorMessage> errors = new CopyOnWriteArrayList<>();

		@Bean
		IntegrationFlow failingWithErrorChannel(MailslotListenerContainerFactory containerFactory) {
			return IntegrationFlow
				.from(Mailslot.messageDrivenChannelAdapter(containerFactory, "in").errorChannel("flowErrors"))
				.handle((payload, headers) -> {
					this.attempts.incrementAndGet();
					throw new IllegalStateException("the flow fails");
				})
				.get();
		}

		@Bean
		IntegrationFlow errorLog() {
			return IntegrationFlow.from("flowErrors")
				.handle((message) -> this.errors.add((ErrorMessage) message))
				.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableIntegration
	static class FailingFlow {

		final AtomicInteger attempts = new AtomicInteger();

		@Bean
		IntegrationFlow failing(MailslotListenerContainerFactory containerFactory) {
			return IntegrationFlow.from(Mailslot.messageDrivenChannelAdapter(containerFactory, "in"))
				.handle((payload, headers) -> {
					this.attempts.incrementAndGet();
					throw new IllegalStateException("the flow fails");
				})
				.get();
		}

	}

}
