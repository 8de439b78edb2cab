package dev.mailslot.spring.integration.docs;

// tag::batches[]
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.Message;

import dev.mailslot.spring.config.MailslotListenerContainerFactory;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.integration.dsl.Mailslot;
import dev.mailslot.spring.integration.inbound.MailslotMessageDrivenChannelAdapter.ListenerMode;

@Configuration(proxyBeanMethods = false)
class OrderBatchesFlowConfiguration {

	@Bean
	IntegrationFlow orderBatches(MailslotListenerContainerFactory containerFactory, MailslotTemplate template) {
		return IntegrationFlow
			.from(Mailslot.messageDrivenChannelAdapter(containerFactory, "orders", ListenerMode.BATCH)
				.maxBatchSize(100)
				.maxBatchWait(Duration.ofMillis(200)))
			.<List<Message<byte[]>>, String>transform((batch) -> batch.stream()
				.map((order) -> new String(order.getPayload(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("\n")))
			.handle(Mailslot.outboundAdapter(template).mailslot("audit"))
			.get();
	}

}
// end::batches[]
