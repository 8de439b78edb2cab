package dev.mailslot.spring.integration.inbound;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;

import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.spring.boot.autoconfigure.MailslotAutoConfiguration;
import dev.mailslot.spring.config.MailslotListenerContainerFactory;
import dev.mailslot.spring.core.MailslotServers;
import dev.mailslot.spring.integration.dsl.Mailslot;
import dev.mailslot.spring.integration.inbound.MailslotMessageDrivenChannelAdapter.ListenerMode;
import dev.mailslot.transport.memory.MemoryMailslotTransport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The inbound adapter's settings, on an isolated memory transport: batch options refused
 * where the adapter sends single messages, a batch size its container refuses failing the
 * start-up, and pausing before the adapter is initialized.
 */
class MailslotMessageDrivenChannelAdapterTests {

	private final MailslotTransport transport = MemoryMailslotTransport.isolated("memory");

	@Test
	void anAdapterOfSingleMessagesRefusesTheBatchOptionsNamingTheMode() {
		MailslotMessageDrivenChannelAdapter adapter = new MailslotMessageDrivenChannelAdapter(containerFactory(), "in");
		assertThat(adapter.getListenerMode()).isEqualTo(ListenerMode.RECORD);
		assertThatIllegalStateException().isThrownBy(() -> adapter.setMaxBatchSize(10))
			.withMessage("The adapter of mailslot 'in' sends single messages, so maxBatchSize does not apply; "
					+ "create it with ListenerMode.BATCH to have it send batches, or remove maxBatchSize");
		assertThatIllegalStateException().isThrownBy(() -> adapter.setMaxBatchWait(Duration.ofSeconds(1)))
			.withMessageContaining("so maxBatchWait does not apply");
	}

	@Test
	void aBatchSizeTheContainerRefusesFailsTheStartUpNamingTheAdapter() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MailslotAutoConfiguration.class))
			.withBean(MailslotTransport.class, () -> this.transport)
			.withUserConfiguration(EmptyBatchFlow.class)
			.withPropertyValues("mailslot.servers.in.name=in")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("Spring Integration adapter emptyBatches.")
				.hasStackTraceContaining(" of mailslot in: The largest batch must hold at least 1 message, not 0"));
	}

	@Test
	void pausingBeforeTheAdapterIsInitializedSaysSo() {
		MailslotMessageDrivenChannelAdapter adapter = new MailslotMessageDrivenChannelAdapter(containerFactory(), "in",
				ListenerMode.BATCH);
		assertThatIllegalStateException().isThrownBy(adapter::pause).withMessage("The adapter is not initialized yet");
	}

	private MailslotListenerContainerFactory containerFactory() {
		MailslotServers servers = new MailslotServers(this.transport, Map.of(),
				(name) -> MailslotServerOptions.builder(name).build(), Duration.ZERO, "mailslot.servers");
		DefaultMessageHandlerMethodFactory handlers = new DefaultMessageHandlerMethodFactory();
		handlers.afterPropertiesSet();
		return new MailslotListenerContainerFactory(servers, handlers);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableIntegration
	static class EmptyBatchFlow {

		@Bean
		IntegrationFlow emptyBatches(MailslotListenerContainerFactory containerFactory) {
			return IntegrationFlow
				.from(Mailslot.messageDrivenChannelAdapter(containerFactory, "in", ListenerMode.BATCH).maxBatchSize(0))
				.nullChannel();
		}

	}

}
