package dev.mailslot.spring.boot.autoconfigure.integration;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContextException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;

import dev.mailslot.spring.boot.autoconfigure.MailslotAutoConfiguration;
import dev.mailslot.spring.config.MailslotListenerContainerFactory;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.integration.dsl.Mailslot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An application that declares a mailslot flow without Spring Integration's
 * infrastructure fails at start-up, naming the fix, where its adapter would otherwise
 * never read; with the infrastructure, the same flow starts and reads.
 */
class MailslotIntegrationAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(MailslotAutoConfiguration.class, MailslotIntegrationAutoConfiguration.class))
		.withPropertyValues("mailslot.transport=memory", "mailslot.servers.in.name=si-check-" + System.nanoTime());

	@Test
	void aFlowWithoutSpringIntegrationsInfrastructureFailsStartUpNamingTheFix() {
		this.runner.withUserConfiguration(InboundFlow.class)
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(ApplicationContextException.class)
				.hasMessageContaining("The IntegrationFlow bean(s) [inbound] would never start")
				.hasMessageContaining("spring-boot-starter-integration")
				.hasMessageContaining("@EnableIntegration"));
	}

	@Test
	void theSameFlowWithTheInfrastructureStartsAndReads() {
		this.runner.withUserConfiguration(InboundFlow.class, WithIntegration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			context.getBean(MailslotTemplate.class).send("in", "hello");
			List<String> received = context.getBean(InboundFlow.class).received;
			await().until(() -> received.contains("hello"));
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class InboundFlow {

		final List<String> received = new CopyOnWriteArrayList<>();

		@Bean
		IntegrationFlow inbound(MailslotListenerContainerFactory containerFactory) {
			return IntegrationFlow.from(Mailslot.messageDrivenChannelAdapter(containerFactory, "in"))
				.handle((message) -> this.received
					.add(new String((byte[]) message.getPayload(), StandardCharsets.UTF_8)))
				.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableIntegration
	static class WithIntegration {

	}

}
